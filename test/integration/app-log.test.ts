// The log file a user can send us: what it keeps, what it never keeps, and
// that it stays small.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeCause, scrubLogText } from '../../main/core/app-log';
import { MAX_LOG_BYTES, openFileLog } from '../../main/log/file-log';
import { makeTempDir } from '../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

const KEY = 'LOGwebhookKEY0x1f2e3d';
const TOKEN = 'LOGaccessTOKEN0x4c5b6a';

describe('scrubLogText', () => {
  it('removes known secrets and what looks like one', () => {
    const text = scrubLogText(
      `POST https://p.bitrix24.com/rest/5/unknownkey123/imopenlines.dialog.get.json auth=abc&x=1 {"refresh_token":"r1","name":"n"} Bearer xyz.abc ${TOKEN}`,
      [TOKEN],
    );
    expect(text).not.toMatch(/unknownkey123|abc&|r1|xyz\.abc|LOGaccess/);
    expect(text).toContain('/rest/5/•••/');
    expect(text).toContain('"name":"n"');
    // Our own error codes are not secrets.
    expect(scrubLogText('{"code":"LINK_REFUSED"}', [])).toBe('{"code":"LINK_REFUSED"}');
  });
});

describe('the log file', () => {
  it('keeps warnings and errors with their causes, never a secret, readable by the user only', async () => {
    const file = path.join(temp.dir, 'logs', 'main.log');
    const log = await openFileLog({ file, secrets: () => [KEY, TOKEN] });
    const cause = new Error(`request to https://portal.example/rest/5/${KEY}/scope failed`, { cause: new Error(`token ${TOKEN} refused`) });
    log.error('internal-error', { channel: 'lookup:run', cause: describeCause(cause) });
    log.warn('ipc-refused', { channel: 'history:list', url: 'https://evil.example/' });
    log.info('lookup', { input: 'chat1777' });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('internal-error');
    expect(text).toContain('lookup:run');
    expect(text).toContain('ipc-refused');
    // The cause's cause is there, scrubbed.
    expect(text).toContain('refused');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
    // info is for --verbose, not for the file.
    expect(text).not.toContain('"input":"chat1777"');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('rotates at 1 MB, keeping the previous file', async () => {
    const file = path.join(temp.dir, 'main.log');
    const log = await openFileLog({ file });
    const line = 'x'.repeat(4_000);
    for (let i = 0; i < (2 * MAX_LOG_BYTES) / line.length; i++) log.warn('filler', { line });
    expect((await stat(file)).size).toBeLessThanOrEqual(MAX_LOG_BYTES + 10_000);
    expect((await stat(path.join(temp.dir, 'main.old.log'))).size).toBeGreaterThan(MAX_LOG_BYTES / 2);
  });

  it('echoes every line, info too, to a stream when asked (the CLI’s --verbose), scrubbed', async () => {
    const echo = new PassThrough();
    let echoed = '';
    echo.on('data', (chunk) => (echoed += String(chunk)));
    const log = await openFileLog({ file: path.join(temp.dir, 'cli.log'), secrets: () => [KEY], echo });
    log.info('lookup', { input: 'chat1777', url: `https://p.example/rest/1/${KEY}/` });
    expect(echoed).toContain('[info] lookup');
    expect(echoed).toContain('chat1777');
    expect(echoed).not.toContain(KEY);
  });
});

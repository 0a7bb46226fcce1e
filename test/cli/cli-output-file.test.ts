// --output FILE: what a command would print, written to a file whole (the
// same bytes the window saves), said once on stderr; refused where a command
// prints nothing to keep; a file that cannot be written leaves nothing behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../main/emulator/index';
import { runCli, type CliRun } from '../support/cli-process';
import { startTrustedEmulator, type TrustedEmulator } from '../support/trusted-emulator';

let emulator: Emulator;
let caFile: string;
let temp: TrustedEmulator['temp'];
let started: TrustedEmulator;

beforeAll(async () => {
  started = await startTrustedEmulator();
  ({ emulator, temp, caFile } = started);
});
afterAll(() => started.close());

const run = (args: string[]): Promise<CliRun> => runCli(args, temp.dir, { NODE_EXTRA_CA_CERTS: caFile });

describe('--output FILE', () => {
  it('writes a transcript as Markdown to the file, not the terminal, and says where', async () => {
    const file = path.join(temp.dir, 'chat1777.md');
    const result = await run(['transcript', 'chat1777', '--format', 'markdown', '--output', file, '--webhook', emulator.webhookUrl()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^# Conversation of chat1777, session 343/);
    expect(result.stderr.trim().startsWith(`Saved ${file} (`)).toBe(true);
    expect(result.stderr.trim()).toMatch(/ \(\d+(\.\d)? KB\)\.$/);
  });

  it('writes a bulk table as CSV, and keeps the exit code that says a row failed', async () => {
    const file = path.join(temp.dir, 'bulk.csv');
    const list = path.join(temp.dir, 'list.txt');
    await import('node:fs/promises').then((fs) => fs.writeFile(list, 'chat1777\nhello\n'));
    const result = await run(['lookup', '--from', list, '--format', 'csv', '--output', file, '--webhook', emulator.webhookUrl()]);
    expect(result.code).toBe(1);
    const records = readFileSync(file, 'utf8').split('\r\n');
    expect(records[0]).toMatch(/^\uFEFFinput,outcome,chat_id,/);
    expect(records.slice(1).map((record) => record.split(',').slice(0, 2).join(','))).toEqual(['chat1777,found', 'hello,failed', '']);
  });

  it('writes the overview as JSON, then the history as CSV and a kept dialog as Markdown from the same data folder', async () => {
    const overview = path.join(temp.dir, 'overview.json');
    const refreshed = await run(['overview', '--format', 'json', '--output', overview, '--webhook', emulator.webhookUrl()]);
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(refreshed.stdout).toBe('');
    const written = JSON.parse(readFileSync(overview, 'utf8')) as { rows: Array<{ chatId: number | null }> };
    expect(written.rows.length).toBeGreaterThan(100);
    expect(refreshed.stderr.trim().startsWith(`Saved ${overview} (`)).toBe(true);

    await run(['lookup', 'chat1777', '--webhook', emulator.webhookUrl()]);
    const history = path.join(temp.dir, 'history.csv');
    const listed = await run(['history', '--format', 'csv', '--output', history]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toBe('');
    expect(readFileSync(history, 'utf8')).toMatch(/^\uFEFF.+\r\n(.+\r\n)*.*chat1777/);

    const dialog = path.join(temp.dir, 'chat1777.md');
    const shown = await run(['show', 'chat1777', '--format', 'markdown', '--output', dialog]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toBe('');
    expect(readFileSync(dialog, 'utf8')).toMatch(/^# .*Green Guest #17/);
  });

  it('is refused for a command that has nothing to write, before anything runs', async () => {
    const result = await run(['accounts', '--output', path.join(temp.dir, 'accounts.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output is for lookup, transcript, overview, show, search and history, not accounts.');
    expect(existsSync(path.join(temp.dir, 'accounts.txt'))).toBe(false);
  });

  it('a folder that does not exist: FILE_NOT_SAVED in words, exit 1, no part file left', async () => {
    const folder = path.join(temp.dir, 'no-such-folder');
    const result = await run(['history', '--output', path.join(folder, 'history.txt')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('File not saved');
    expect(result.stderr).toContain('ENOENT');
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});

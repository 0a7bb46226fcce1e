// lookup --from / --format: many identifiers through batch, one line or record
// per dialog on stdout, the tally on stderr; the built binary against the
// emulator over HTTPS, as a user would run it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkRunResult } from '../../main/core/bulk-types';
import type { Emulator } from '../../main/emulator/index';
import { runCli, startCli, type CliRun } from '../support/cli-process';
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

const trusted = () => ({ NODE_EXTRA_CA_CERTS: caFile });
const run = (args: string[]): Promise<CliRun> => runCli([...args, '--webhook', emulator.webhookUrl(), '--no-history'], temp.dir, trusted());

function listFile(text: string): string {
  const file = path.join(temp.dir, `list-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, text);
  return file;
}

/** The batch requests since `from` and the dialog.get commands each held. */
function batchesSince(from: number): number[] {
  return emulator.requests
    .slice(from)
    .filter((request) => request.method === 'batch')
    .map((request) => Object.values(request.params['cmd'] as Record<string, string>).filter((command) => command.startsWith('imopenlines.dialog.get')).length);
}

describe('openlines-inspector lookup with several identifiers', () => {
  it('prints the bulk table without --format: one line per dialog through one batch request, not a full lookup each', async () => {
    const from = emulator.requests.length;
    const result = await run(['lookup', 'chat1777', '2001', '9999']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Identifier\s+Outcome\s+Chat\s+Client/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['chat1777', 'found'],
      ['2001', 'found'],
      ['9999', 'failed'],
    ]);
    expect(batchesSince(from)).toEqual([3]);
  });

  it('keeps one identifier, and --json, as full lookups', async () => {
    const one = await run(['lookup', 'chat1777']);
    expect(one.code).toBe(0);
    expect(one.stdout).not.toMatch(/^Identifier\s+Outcome/);
    expect(one.stdout).toContain('Samantha Johnson');
    const json = JSON.parse((await run(['lookup', 'chat1777', '2001', '--json'])).stdout) as unknown[];
    expect(json).toHaveLength(2);
    expect(json[0]).toHaveProperty('dialog');
  });
});

describe('openlines-inspector lookup --from', () => {
  it('prints a table, one line per identifier in the order given, through one batch request, and exits 1 when any failed', async () => {
    const from = emulator.requests.length;
    const result = await run(['lookup', '--from', listFile('chat1777, 2001\n9999\thello\n')]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Identifier\s+Outcome\s+Chat\s+Client\s+Channel\s+Line\s+Operator\s+CRM\s+Session start/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['chat1777', 'found'],
      ['2001', 'found'],
      ['9999', 'failed'],
      ['hello', 'failed'],
    ]);
    expect(lines[1]).toContain('Samantha Johnson');
    expect(lines[3]).toMatch(/Dialog not found or no access \[ACCESS_ERROR\]$/);
    expect(result.stderr).toMatch(/^4 identifiers: 2 found, 0 from kept copies \(the portal was not reached\), 2 failed; \d+\.\d s\.\n$/);
    expect(batchesSince(from)).toEqual([3]);
  });

  it('reads standard input with -, writes CSV with raw values, and exits 0 when every dialog was found', async () => {
    const cli = startCli(['lookup', '--from', '-', '--format', 'csv', '--webhook', emulator.webhookUrl(), '--no-history'], temp.dir, trusted());
    cli.child.stdin.end('2001\n2012\n');
    const result = await cli.done;
    expect(result.code).toBe(0);
    // A byte order mark first, so that a spreadsheet reads the Cyrillic names.
    expect(result.stdout.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = result.stdout.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('input,outcome,chat_id,dialog_id,name,channel,line_id,line_name,operator_id,operator_name,client_user_id,crm,session_id,session_start,pinned,silent,blocked,error_code,error');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatch(/^2001,found,2001,chat2001,Анна Смирнова - Служба поддержки,Telegram,6,/);
    expect(records[1]).toMatch(/,true,false,,$/);
    // All found: nothing on stderr.
    expect(result.stderr).toBe('');
  });

  it('writes JSON of the whole run with --format json, identifiers given on the command line too', async () => {
    const result = await run(['lookup', '2001', 'chat2002', '--format', 'json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as BulkRunResult;
    expect(parsed).toMatchObject({ found: 2, failed: 0, kept: 0, cancelled: false });
    expect(parsed.rows.map((row) => row.dialog?.chatId)).toEqual([2001, 2002]);
  });

  it('reads a CSV by its column of identifiers: our own bulk CSV read back asks for exactly its dialogs', async () => {
    const exported = await run(['lookup', 'chat1777', 'hello', '2001', '--format', 'csv']);
    const file = path.join(temp.dir, 'bulk-export.csv');
    writeFileSync(file, exported.stdout);
    const from = emulator.requests.length;
    const again = await run(['lookup', '--from', file, '--format', 'json']);
    expect(again.code).toBe(0);
    const parsed = JSON.parse(again.stdout) as BulkRunResult;
    // Its dialog_id column: the failed row has none, and no line, operator or session id is looked up as a chat.
    expect(parsed.rows.map((row) => [row.input, row.dialog?.chatId])).toEqual([
      ['chat1777', 1777],
      ['chat2001', 2001],
    ]);
    expect(batchesSince(from)).toEqual([2]);
  });

  it('refuses what cannot be: --json with --format, an unknown format, a missing file', async () => {
    expect((await run(['lookup', '2001', '--format', 'json', '--json'])).stderr).toMatch(/^Use either --json \(each dialog in full\) or --format/);
    const unknown = await run(['lookup', '2001', '--format', 'xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^--format takes "table", "csv" or "json"\./);
    const missing = await run(['lookup', '--from', path.join(temp.dir, 'nowhere.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^nowhere\.txt could not be read \(ENOENT\)\./);
  });

  it('refuses a list that is not text, not UTF-8 or a folder, in the words the window uses, before asking the portal', async () => {
    const from = emulator.requests.length;
    const binary = path.join(temp.dir, 'list.xlsx');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x63, 0x68, 0x61, 0x74]));
    const latin1 = path.join(temp.dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('dialog_id\nchat1777\ncaf\xe9\n', 'latin1'));
    const refused = [
      [binary, /^list\.xlsx is not a text or CSV file \(it holds binary data\)\./],
      [latin1, /^latin1\.csv is not in UTF-8\./],
      [temp.dir, /is not a file: choose the text or CSV file that holds the list\./],
    ] as const;
    for (const [file, words] of refused) {
      const result = await run(['lookup', '--from', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toMatch(words);
      expect(result.stdout).toBe('');
    }
    expect(emulator.requests.length).toBe(from);
  });
});

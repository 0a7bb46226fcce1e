// openlines-inspector overview: the open-line dialogs one line or record each,
// from the account's recent chats, the portal's CRM sessions and the kept
// dialogs; the sources that could not be used named on stderr with the scope
// they need. The built binary against the emulator over HTTPS, as a user runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResult } from '../../main/core/overview-types';
import { DEMO_WEBHOOK, type Emulator, type EmulatorWebhook } from '../../main/emulator/index';
import { runCli, type CliRun } from '../support/cli-process';
import { startTrustedEmulator, type TrustedEmulator } from '../support/trusted-emulator';

const NO_CRM: EmulatorWebhook = { userId: 1, key: 'no0crm0key', scopes: ['imopenlines', 'im'] };

let emulator: Emulator;
let caFile: string;
let temp: TrustedEmulator['temp'];
let started: TrustedEmulator;

beforeAll(async () => {
  started = await startTrustedEmulator({ rateLimit: false, webhooks: [DEMO_WEBHOOK, NO_CRM] });
  ({ emulator, temp, caFile } = started);
});
afterAll(() => started.close());

const trusted = (env: Record<string, string> = {}) => ({ NODE_EXTRA_CA_CERTS: caFile, ...env });
const run = (args: string[], webhook: EmulatorWebhook = DEMO_WEBHOOK, env: Record<string, string> = {}): Promise<CliRun> =>
  runCli(['overview', ...args, '--webhook', emulator.webhookUrl(webhook)], temp.dir, trusted(env));

describe('openlines-inspector overview', () => {
  it('prints one line per dialog, waiting clients first with how long they have waited, and exits 0', async () => {
    const json = JSON.parse((await run(['--format', 'json', '--no-history'])).stdout) as OverviewResult;
    const result = await run(['--no-history']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Status\s+Waiting\s+Chat\s+Client\s+Channel\s+Line\s+Operator\s+CRM\s+Session start\s+Unread\s+Marks$/);
    expect(lines).toHaveLength(json.rows.length + 1);
    expect(json.rows.length).toBeGreaterThan(100);
    // The longest wait first: hours, then down to minutes.
    expect(lines[1]).toMatch(/^client waiting\s+\d+ h( \d+ min)?\s+chat\d+\s/);
    const waiting = lines.filter((line) => line.startsWith('client waiting'));
    expect(waiting.at(-1)).toMatch(/^client waiting\s+(\d+ min( \d+ s)?|\d+ s)(, past the \d+ min target)?\s/);
    // A wait past its line's answer target says so; a line without one (the night shift) says nothing.
    const past = json.rows.filter((row) => row.status === 'clientWaiting' && row.answerTargetSeconds !== null && Date.parse(json.fetchedAt) - Date.parse(row.waitingSince!) > row.answerTargetSeconds * 1000);
    expect(past.length).toBeGreaterThan(0);
    // The table was made a moment after the JSON: a wait may have passed its target in between, none can have gone back.
    expect(waiting.filter((line) => /, past the \d+ min target\s/.test(line)).length).toBeGreaterThanOrEqual(past.length);
    expect(lines.some((line) => line.startsWith('operator answered'))).toBe(true);
    expect(lines.some((line) => line.startsWith('closed'))).toBe(true);
    // Lines and operators by name.
    expect(result.stdout).toMatch(/Website chat\s+(Samantha Johnson|Daniel Kim|María García|李伟|Vladimir Loginov)/);
  });

  it('writes CSV with raw values after a byte order mark, and JSON with each source said', async () => {
    const csv = await run(['--format', 'csv', '--no-history', '--source', 'recent']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = csv.stdout.slice(1).trimEnd().split('\r\n');
    expect(header).toBe(
      'chat_id,dialog_id,name,status,status_code,waiting_since,answer_target_seconds,channel,line_id,line_name,operator_id,operator_name,client_user_id,client_name,crm,session_id,session_start,last_message_at,unread,pinned,silent,blocked,sources',
    );
    expect(records.length).toBeGreaterThan(50);
    expect(records[0]).toMatch(/^\d+,chat\d+,[^,]+ - [^,]+,clientWaiting,(0|5|20|25),\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(records.every((record) => record.endsWith(',recent'))).toBe(true);

    const json = JSON.parse((await run(['--json', '--no-history', '--source', 'crm,kept'])).stdout) as OverviewResult;
    // --no-history opens no store: the kept dialogs are not read.
    expect(json.sources).toEqual([
      { source: 'recent', state: 'notAsked' },
      { source: 'crm', state: 'used', rows: expect.any(Number) },
      { source: 'kept', state: 'notAsked' },
    ]);
    expect(json.rows.every((row) => row.sources.includes('crm'))).toBe(true);
  });

  it('names the scope a source needs on stderr, failing only when that source was asked for by name', async () => {
    const all = await run(['--no-history'], NO_CRM);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe('CRM sessions (crm.activity.list): not used; the webhook or application needs the "crm" scope for it.\n');
    expect(all.stdout.split('\n').length).toBeGreaterThan(10);
    const named = await run(['--source', 'crm', '--no-history'], NO_CRM);
    expect(named.code).toBe(1);
    expect(named.stdout).toBe('No dialogs.\n');
  });

  it('keeps every dialog it reads, and --offline then shows the kept ones without asking the portal', async () => {
    const fresh = await run(['--source', 'crm', '--format', 'json']);
    expect(fresh.code).toBe(0);
    const completed = (JSON.parse(fresh.stdout) as OverviewResult).rows.filter((row) => row.completed).length;
    expect(completed).toBeGreaterThan(0);
    const from = emulator.requests.length;
    const offline = await run(['--offline', '--format', 'json']);
    expect(offline.code).toBe(0);
    expect(emulator.requests.length).toBe(from);
    const kept = JSON.parse(offline.stdout) as OverviewResult;
    expect(kept.sources.map((source) => source.state)).toEqual(['notAsked', 'notAsked', 'used']);
    expect(kept.rows).toHaveLength(completed);
    expect(kept.rows.every((row) => row.status === null && row.sources.join() === 'kept')).toBe(true);
  });

  it('refuses what cannot be: identifiers, an unknown source, --json with --format', async () => {
    const ids = await run(['1777']);
    expect(ids.code).toBe(2);
    expect(ids.stderr).toMatch(/^overview takes no identifiers/);
    const source = await run(['--source', 'recent,everything']);
    expect(source.code).toBe(2);
    expect(source.stderr).toMatch(/^--source takes "recent", "crm" or "kept", or several separated by commas\./);
    const both = await run(['--json', '--format', 'csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^Use either --json or --format, not both\./);
  });

  it("speaks the terminal's language", async () => {
    const result = await run(['--no-history', '--source', 'recent'], DEMO_WEBHOOK, { LANG: 'ru_RU.UTF-8' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Статус\s+Ждёт\s+Чат\s+Клиент\s+Канал\s+Линия\s+Оператор/);
    expect(result.stdout).toMatch(/\nждёт клиент\s+\d+ (ч|мин)/);
    const help = await runCli(['--help'], temp.dir, { LANG: 'ru_RU.UTF-8' });
    expect(help.stdout).toContain('openlines-inspector overview [--source recent|crm|kept]');
    expect(help.stdout).toContain('overview выводит диалоги Открытых линий');
  });
});

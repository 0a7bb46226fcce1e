// The built `openlines-inspector` binary, spawned as a user would run it,
// against the emulator over real HTTPS.
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_WEBHOOK, type Emulator } from '../../main/emulator/index';
import { runCli, type CliRun } from '../support/cli-process';
import { closedPort } from '../support/closed-port';
import { holdLock } from '../support/lock-holder';
import { databaseFile } from '../support/store-sqlite';
import { startTrustedEmulator, type TrustedEmulator } from '../support/trusted-emulator';

function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, temp.dir, env);
}

let emulator: Emulator;
let caFile: string;
let temp: TrustedEmulator['temp'];

let started: TrustedEmulator;

beforeAll(async () => {
  started = await startTrustedEmulator();
  ({ emulator, temp, caFile } = started);
});
afterAll(() => started.close());

// The emulator's self-signed certificate is trusted the way a private CA is:
// through Node's standard NODE_EXTRA_CA_CERTS.
const trusted = () => ({ NODE_EXTRA_CA_CERTS: caFile });

describe('openlines-inspector lookup', () => {
  it('prints the decoded dialog for a webhook portal', async () => {
    const result = await run(['lookup', 'chat1777', '--webhook', emulator.webhookUrl()], trusted());
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Green Guest #17 - Bitrix24 Documentation');
    expect(result.stdout).toMatch(/Session id\s+343/);
    expect(result.stdout).toContain(`${emulator.origin}/crm/lead/details/1209/`);
    expect(result.stdout).toMatch(/Connector\s+Live chat/);
    // The time block's seconds say their unit beside the value, as the window says ms or s beside its own.
    expect(result.stdout).toMatch(/\n {2}Duration {2,}\d+(\.\d+)?(e-\d+)? s\n/);
    expect(result.stdout).not.toContain('Duration (s)');
  });

  it('prints one JSON result per id, in order, with the decoded parts', async () => {
    const result = await run(['lookup', '1777', 'chat2006', 'livechat|22|1775|599', '--json', '--webhook', emulator.webhookUrl()], trusted());
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Array<{ input: string; ok: boolean; dialog: { id: number }; decoded: { session: { sessionId: number } } }>;
    expect(parsed.map((entry) => entry.input)).toEqual(['1777', 'chat2006', 'livechat|22|1775|599']);
    expect(parsed.map((entry) => entry.dialog.id)).toEqual([1777, DEMO_IDS.markupChatId, 1777]);
    expect(parsed[0]!.decoded.session.sessionId).toBe(343);
  });

  it('reads bare numbers as session ids with --as session', async () => {
    const result = await run(['lookup', '343', '--as', 'session', '--json', '--webhook', emulator.webhookUrl()], trusted());
    expect(JSON.parse(result.stdout)[0].query).toEqual({ param: 'SESSION_ID', value: 343, input: '343', label: 'Session id 343' });
  });

  it('takes the webhook from OPENLINES_WEBHOOK, keeping the key off the command line', async () => {
    const result = await run(['lookup', 'chat1777', '--json'], { ...trusted(), OPENLINES_WEBHOOK: emulator.webhookUrl() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0].dialog.id).toBe(1777);
  });

  it('works with no account at all: --demo', async () => {
    const result = await run(['lookup', String(DEMO_IDS.rtlChatId), '--demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(demo portal)');
  });

  it('reports a failed id on stderr with the app’s words, keeps the others, and exits 1', async () => {
    const result = await run(['lookup', '1777', '987654', '--json', '--webhook', emulator.webhookUrl()], trusted());
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed[0].ok).toBe(true);
    expect(parsed[1]).toMatchObject({ input: '987654', ok: false, error: { code: 'ACCESS_ERROR' } });
    expect(result.stderr).toContain('987654: Dialog not found or no access [ACCESS_ERROR]');
    expect(result.stderr).toContain('What to do:');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses a bad identifier without asking the portal', async () => {
    const before = emulator.requests.length;
    const result = await run(['lookup', 'livechat|1|x|y', '--webhook', emulator.webhookUrl()], trusted());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[INVALID_IDENTIFIER]');
    expect(result.stderr).toContain("client's user id");
    expect(emulator.requests.length).toBe(before);
  });

  it('never prints the webhook key, whatever goes wrong', async () => {
    const wrong = emulator.webhookUrl().replace(DEMO_WEBHOOK.key, 'leakme0key');
    const result = await run(['lookup', '1777', '--webhook', wrong], trusted());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[NO_AUTH_FOUND]');
    expect(result.stdout + result.stderr).not.toContain('leakme0key');
  });

  it('says when the portal cannot be reached', async () => {
    const port = await closedPort();
    const result = await run(['lookup', '1777', '--webhook', `https://127.0.0.1:${port}/rest/1/abc123/`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[PORTAL_UNREACHABLE]');
  });

  it('refuses an untrusted certificate with TLS_ERROR', async () => {
    // --no-history: with a cached copy, an unreachable portal would show that copy instead.
    const result = await run(['lookup', '1777', '--no-history', '--webhook', emulator.webhookUrl()]);
    expect(result.stderr).toContain('[TLS_ERROR]');
    expect(result.stderr).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('gives up after --timeout', async () => {
    emulator.injectFault({ kind: 'hang' });
    const result = await run(['lookup', '1777', '--no-history', '--timeout', '0.3', '--webhook', emulator.webhookUrl()], trusted());
    expect(result.stderr).toContain('[TIMEOUT]');
  });

  it('creates the data folder it is given and keeps the history there', async () => {
    const dataDir = path.join(temp.dir, 'nested', 'data');
    const result = await run(['lookup', '1777', '--demo', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(statSync(dataDir).isDirectory()).toBe(true);
    const history = await run(['history', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(history.stdout)).toMatchObject([{ account: 'demo', input: '1777', outcome: 'ok', chatId: 1777, source: 'network' }]);
    // --format json is --json; csv is the file the window saves, a record per lookup after its header.
    expect((await run(['history', '--format', 'json', '--data-dir', dataDir])).stdout).toBe(history.stdout);
    const csv = await run(['history', '--format', 'csv', '--data-dir', dataDir]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')).toEqual(['\uFEFFat,account,input,param,value,outcome,chat_id,name,source,elapsed_ms,pinned', expect.stringMatching(/^\S+,demo,1777,CHAT_ID,1777,ok,1777,.+,network,\d+,false$/), '']);
    const refused = await run(['history', '--format', 'table', '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('history --format takes "text", "csv" or "json".');
    expect((await run(['history', '--format', 'csv', '--json', '--data-dir', dataDir])).code).toBe(2);
  });

  it('answers while another program locks the history, warns on stderr that it was not saved, and exits 0', async () => {
    const dataDir = path.join(temp.dir, 'locked');
    expect((await run(['lookup', 'chat1777', '--demo', '--data-dir', dataDir])).code).toBe(0);
    const holder = await holdLock(databaseFile(dataDir), 'exclusive');
    try {
      const locked = await run(['lookup', '2002', '--demo', '--json', '--data-dir', dataDir]);
      expect(locked.code).toBe(0);
      // stdout stays pure JSON for a pipe; the warning also rides in it.
      expect(JSON.parse(locked.stdout)).toMatchObject([{ dialog: { id: 2002 }, storeWarning: { code: 'STORE_BUSY' } }]);
      expect(locked.stderr).toMatch(/^Warning: 2002: .*\[STORE_BUSY\]/m);
      expect(locked.stderr).toContain('What to do:');
      const history = await run(['history', '--data-dir', dataDir]);
      expect(history.code).toBe(1);
      expect(history.stderr).toContain('[STORE_BUSY]');
      expect(history.stderr).not.toMatch(/at \S+ \(/);
    } finally {
      await holder.release();
    }
    const after = JSON.parse((await run(['history', '--json', '--data-dir', dataDir])).stdout) as Array<{ input: string }>;
    expect(after.map((entry) => entry.input)).toEqual(['chat1777']);
  });

  it('records every lookup sent, newest first, and lists them by portal', async () => {
    const dataDir = path.join(temp.dir, 'history-order');
    // --json: a full lookup, and a history entry, each (without it, several identifiers are one bulk run).
    await run(['lookup', 'chat1777', '987654', '--json', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir], trusted());
    await run(['lookup', '2002', '--demo', '--data-dir', dataDir]);
    const all = JSON.parse((await run(['history', '--json', '--data-dir', dataDir])).stdout) as Array<{ input: string; outcome: string; account: string }>;
    expect(all.map((entry) => [entry.input, entry.outcome])).toEqual([
      ['2002', 'ok'],
      ['987654', 'ACCESS_ERROR'],
      ['chat1777', 'ok'],
    ]);
    const host = new URL(emulator.origin).host;
    const mine = JSON.parse((await run(['history', '--json', '--account', host, '--data-dir', dataDir])).stdout) as unknown[];
    expect(mine).toHaveLength(2);
    const text = (await run(['history', '--data-dir', dataDir])).stdout;
    expect(text).toContain('987654');
    expect(text).toContain('ACCESS_ERROR');
  });

  it('prints the cached copy, marked offline, when the portal answers with a proxy page', async () => {
    const dataDir = path.join(temp.dir, 'offline');
    expect((await run(['lookup', 'chat1777', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir], trusted())).code).toBe(0);
    const again = await run(['lookup', '1777', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir], trusted());
    expect(again.stdout).toContain('No changes since the previous lookup');
    emulator.injectFault({ kind: 'html', status: 502 });
    const offline = await run(['lookup', '343', '--as', 'session', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir], trusted());
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('OFFLINE: copy kept on this computer from');
    expect(offline.stdout).toContain('Green Guest #17');
    emulator.injectFault({ kind: 'html', status: 502 });
    const json = JSON.parse((await run(['lookup', 'livechat|22|1775|599', '--json', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir], trusted())).stdout);
    expect(json[0]).toMatchObject({ ok: true, source: 'cache', offline: { reason: { code: 'NOT_BITRIX_JSON' } } });
  });

  it('shows the cached copy, found by any identifier form, without a portal', async () => {
    const dataDir = path.join(temp.dir, 'show');
    await run(['lookup', 'chat1777', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir], trusted());
    await run(['lookup', '2002', '--demo', '--data-dir', dataDir]);
    const before = emulator.requests.length;
    const text = await run(['show', '343', '--as', 'session', '--offline', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Copy kept on this computer from');
    expect(text.stdout).toContain('Green Guest #17');
    const json = JSON.parse((await run(['show', 'livechat|22|1775|599', '2002', '--json', '--data-dir', dataDir])).stdout);
    expect(json.map((entry: { dialog: { id: number }; source: string }) => [entry.dialog.id, entry.source])).toEqual([
      [1777, 'cache'],
      [2002, 'cache'],
    ]);
    expect((await run(['show', 'livechat|22|1775|599', '2002', '--format', 'json', '--data-dir', dataDir])).stdout).toBe(
      (await run(['show', 'livechat|22|1775|599', '2002', '--json', '--data-dir', dataDir])).stdout,
    );
    // Markdown: each dialog as the window saves it, a rule between them.
    const markdown = await run(['show', 'chat1777', '2002', '--format', 'markdown', '--data-dir', dataDir]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout.match(/^# /gm)).toHaveLength(2);
    expect(markdown.stdout).toContain('\n---\n');
    expect(markdown.stdout).toContain('Green Guest #17');
    expect(emulator.requests.length).toBe(before);

    const missing = await run(['show', 'chat424242', '--offline', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[NOT_CACHED]');
    // A portal this data folder knows nothing of is no account: a usage error naming it.
    const elsewhere = await run(['show', '2002', '--offline', '--account', 'elsewhere.bitrix24.com', '--data-dir', dataDir]);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('"elsewhere.bitrix24.com"');
  });

  it('searches the kept dialogs by name, id prefix, user code part and CRM binding', async () => {
    const dataDir = path.join(temp.dir, 'search');
    await run(['lookup', 'chat1777', '2001', '2002', '--demo', '--data-dir', dataDir]);
    const byId = JSON.parse((await run(['search', 'chat17', '--json', '--data-dir', dataDir])).stdout) as Array<{ dialogId: string; snippet: string }>;
    expect(byId.map((hit) => hit.dialogId)).toEqual(['chat1777']);
    expect(byId[0]!.snippet).toContain('«');
    const byLead = JSON.parse((await run(['search', 'lead', '1209', '--json', '--data-dir', dataDir])).stdout) as Array<{ dialogId: string }>;
    expect(byLead.map((hit) => hit.dialogId)).toEqual(['chat1777']);
    const byCode = JSON.parse((await run(['search', 'livechat|22', '--json', '--data-dir', dataDir])).stdout) as Array<{ dialogId: string }>;
    expect(byCode.map((hit) => hit.dialogId)).toContain('chat1777');
    const text = await run(['search', 'Green', '--data-dir', dataDir]);
    expect(text.stdout).toContain('chat1777  Green Guest #17');
    expect(text.stdout).toContain('«Green»');
    expect((await run(['search', 'nothing-like-this', '--data-dir', dataDir])).stdout).toContain('No cached dialog matches');
  });

  it('records nothing with --no-history', async () => {
    const dataDir = path.join(temp.dir, 'no-history');
    await run(['lookup', '1777', '--demo', '--no-history', '--data-dir', dataDir]);
    expect((await run(['history', '--data-dir', dataDir])).stdout).toContain('No lookups recorded yet.');
  });

  it.each([
    [[], /No command given/],
    [['find', 'x'], /Unknown command "find"/],
    [['history', '1777'], /history takes no identifiers/],
    [['search'], /Say what to search for/],
    [['show', '--offline'], /at least one identifier to show/],
    [['history', '--limit', 'lots'], /--limit takes a whole number from 1 to 10000/],
    [['lookup'], /at least one identifier/],
    [['lookup', '1777'], /Say which portal/],
    [['lookup', '1777', '--demo', '--webhook', 'https://x/rest/1/k/'], /Say one portal to ask: --demo and --webhook were both given/],
    [['lookup', '1777', '--account', 'A', '--webhook', 'https://x/rest/1/k/'], /--webhook and --account were both given/],
    [['lookup', '1777', '--demo', '--as', 'thread'], /--as takes "chat" or "session"/],
    [['lookup', '1777', '--demo', '--timeout', 'soon'], /--timeout takes a number/],
    [['lookup', '1777', '--demo', '--colour'], /Unknown option --colour\./],
  ])('usage error %j exits 2 with help', async (args, message) => {
    const result = await run(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage:');
    expect(result.stdout).toBe('');
  });

  it('treats a malformed --webhook as a usage error, without echoing its key', async () => {
    const result = await run(['lookup', '1777', '--webhook', 'http://portal.example/rest/1/s3cretkey/']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[INVALID_WEBHOOK_URL]');
    expect(result.stderr).not.toContain('s3cretkey');
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout).toContain('openlines-inspector lookup <identifier>...');
    expect((await run(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

// Deep links through the real main API, against the emulator: a link can only
// put an identifier in the lookup field (after switching to a saved account
// the user already has); everything else is refused and said in the window,
// and nothing else happens: no request, no page opened, no account changed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCommand, ConnectionState, LookupResult } from '../../preload/api-contract';
import { findDeepLink, MAX_LINK_LENGTH, parseDeepLink } from '../../main/api/deep-link';
import { DEMO_WEBHOOK, startEmulator, type Emulator } from '../../main/emulator/index';
import type { EmulatorWebhook } from '../../main/emulator/emulator-types';
import { startHarness, type Harness } from '../support/main-api-harness';
import { ok } from '../support/ipc-result';

const SECOND_WEBHOOK: EmulatorWebhook = { userId: 2, key: 'second0inspector0key', scopes: ['imopenlines', 'im', 'crm', 'user_brief'] };

let emulator: Emulator;
let harness: Harness | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, webhooks: [DEMO_WEBHOOK, SECOND_WEBHOOK] });
});
afterAll(() => emulator.close());
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

async function start(): Promise<Harness> {
  harness = await startHarness(emulator);
  return harness;
}

async function call<T>(h: Harness, channel: string, args?: unknown): Promise<T> {
  return ok<T>(await h.api.dispatch(channel, args));
}

/** Two saved webhook accounts, "Support" and "Sales"; Sales is current (added last). */
async function withTwoAccounts(): Promise<Harness> {
  const h = await start();
  await call(h, 'connection:use-webhook', { url: emulator.webhookUrl(DEMO_WEBHOOK), name: 'Support' });
  await call(h, 'connection:use-webhook', { url: emulator.webhookUrl(SECOND_WEBHOOK), name: 'Sales' });
  return h;
}

const currentAccount = async (h: Harness) => (await call<ConnectionState>(h, 'connection:get')).account?.name ?? null;

function refusal(commands: AppCommand[]): { code: string; message: string; action: string } {
  expect(commands).toHaveLength(1);
  const [command] = commands;
  if (command?.kind !== 'link-refused') throw new Error(`expected link-refused, got ${JSON.stringify(command)}`);
  return command.error;
}

describe('a lookup link', () => {
  it('puts the identifier in the window as a lookup on the connected portal, and the lookup then runs', async () => {
    const h = await withTwoAccounts();
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777');
    const commands = h.api.commands.take();
    expect(commands).toEqual([{ kind: 'lookup', input: 'chat1777' }]);
    expect(await currentAccount(h)).toBe('Sales');
    // What the window does with it: the ordinary lookup.
    const result = await call<LookupResult>(h, 'lookup:run', { input: 'chat1777', numberAs: 'chat', requestId: 'r1' });
    expect(result.query.param).toBe('DIALOG_ID');
    expect(h.opened).toEqual([]);
  });

  it('switches to the saved account it names, ignoring case, before the lookup', async () => {
    const h = await withTwoAccounts();
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=sUPPORT');
    expect(h.api.commands.take()).toEqual([{ kind: 'lookup', input: 'chat1777' }]);
    expect(await currentAccount(h)).toBe('Support');
    // An account name with a space, encoded either way.
    await call(h, 'accounts:rename', { id: (await call<ConnectionState>(h, 'connection:get')).account!.id, name: 'Support desk' });
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=Sales');
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=support+DESK');
    expect(await currentAccount(h)).toBe('Support desk');
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=Sales');
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=Support%20desk');
    expect(await currentAccount(h)).toBe('Support desk');
    expect(h.api.commands.take()).toHaveLength(4);
  });

  it('decodes a percent-encoded user code and accepts a bare number, as typed', async () => {
    const h = await start();
    await h.api.openDeepLink('openlines-inspector://lookup/imol%7Clivechat%7C1%7Cabc%7C55');
    await h.api.openDeepLink('openlines-inspector://lookup/1777');
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777/');
    await h.api.openDeepLink('OPENLINES-INSPECTOR://lookup/chat1778');
    expect(h.api.commands.take()).toEqual([
      { kind: 'lookup', input: 'imol|livechat|1|abc|55' },
      { kind: 'lookup', input: '1777' },
      { kind: 'lookup', input: 'chat1777' },
      { kind: 'lookup', input: 'chat1778' },
    ]);
  });

  it('keeps the order links came in, even when the first one switches accounts', async () => {
    const h = await withTwoAccounts();
    h.api.commands.take();
    const first = h.api.openDeepLink('openlines-inspector://lookup/chat1?account=Support');
    const second = h.api.openDeepLink('openlines-inspector://lookup/chat2');
    await Promise.all([first, second]);
    expect(h.api.commands.take()).toEqual([
      { kind: 'lookup', input: 'chat1' },
      { kind: 'lookup', input: 'chat2' },
    ]);
  });

  it('reaches the window at once when the page already listens', async () => {
    const h = await start();
    const sent: AppCommand[] = [];
    h.api.commands.connect((command) => sent.push(command));
    expect(h.api.commands.take()).toEqual([]);
    await h.api.openDeepLink('openlines-inspector://lookup/chat5');
    expect(sent).toEqual([{ kind: 'lookup', input: 'chat5' }]);
  });

  it('is not a channel the page can call', async () => {
    const h = await start();
    // The two link channels open http(s) addresses in the browser, never one of our links.
    const browserLinks = ['link:open-portal', 'link:open-message'];
    expect(h.api.channels.some((channel) => /link|deep/i.test(channel) && !browserLinks.includes(channel))).toBe(false);
    const answer = await h.api.dispatch('app:open-deep-link', { url: 'openlines-inspector://lookup/chat1' });
    expect(answer.ok).toBe(false);
    expect(h.api.commands.take()).toEqual([]);
  });
});

describe('an account the link names but the user does not have', () => {
  it('is refused naming it, with the saved names only, and changes nothing', async () => {
    const h = await withTwoAccounts();
    h.api.commands.take();
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=Evil%20Corp');
    const error = refusal(h.api.commands.take());
    expect(error.code).toBe('LINK_REFUSED');
    expect(error.message).toContain('"Evil Corp"');
    expect(error.action).toContain('"Support", "Sales"');
    expect(error.action).toMatch(/^Nothing was looked up\./);
    // Names, nothing more: not the portal's address, an id, a user or a key.
    const accounts = await call<Array<{ id: string }>>(h, 'accounts:list');
    const text = JSON.stringify(error);
    for (const hidden of [new URL(emulator.origin).host, DEMO_WEBHOOK.key, SECOND_WEBHOOK.key, ...accounts.map((a) => a.id)]) {
      expect(text).not.toContain(hidden);
    }
    expect(await currentAccount(h)).toBe('Sales');
  });

  it('says that no account is saved yet when there is none', async () => {
    const h = await start();
    await h.api.openDeepLink('openlines-inspector://lookup/chat1777?account=Support');
    const error = refusal(h.api.commands.take());
    expect(error.action).toContain('No account is saved yet');
    expect((await call<ConnectionState>(h, 'connection:get')).kind).toBe('none');
  });

  it('does not match an account by its id', async () => {
    const h = await withTwoAccounts();
    h.api.commands.take();
    const [support] = await call<Array<{ id: string }>>(h, 'accounts:list');
    await h.api.openDeepLink(`openlines-inspector://lookup/chat1?account=${encodeURIComponent(support!.id)}`);
    expect(refusal(h.api.commands.take()).code).toBe('LINK_REFUSED');
    expect(await currentAccount(h)).toBe('Sales');
  });
});

const HOSTILE: Array<[string, string]> = [
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['https', 'https://evil.example/lookup/chat1777'],
  ['file', 'file:///etc/passwd'],
  ['data', 'data:text/html,<script>alert(1)</script>'],
  ['another custom scheme', 'vscode://lookup/chat1777'],
  ['a look-alike scheme', 'openlines-inspector2://lookup/chat1777'],
  ['no slashes', 'openlines-inspector:lookup/chat1777'],
  ['three slashes', 'openlines-inspector:///lookup/chat1777'],
  ['another action', 'openlines-inspector://evil/chat1777'],
  ['another action that deletes', 'openlines-inspector://delete/chat1777'],
  ['an encoded host', 'openlines-inspector://l%6Fokup/chat1777'],
  ['an upper-case action', 'openlines-inspector://LOOKUP/chat1777'],
  ['an IPv6 host', 'openlines-inspector://[::1]/chat1777'],
  ['credentials', 'openlines-inspector://user:secret@lookup/chat1777'],
  ['a user name only', 'openlines-inspector://user@lookup/chat1777'],
  ['a port', 'openlines-inspector://lookup:8080/chat1777'],
  ['a fragment', 'openlines-inspector://lookup/chat1777#settings'],
  ['an empty fragment', 'openlines-inspector://lookup/chat1777#'],
  ['an extra parameter', 'openlines-inspector://lookup/chat1777?run=rm%20-rf'],
  ['an extra parameter beside account', 'openlines-inspector://lookup/chat1777?account=Support&webhook=https://evil.example/rest/1/k/'],
  ['a parameter in upper case', 'openlines-inspector://lookup/chat1777?ACCOUNT=Support'],
  ['two accounts', 'openlines-inspector://lookup/chat1777?account=Support&account=Sales'],
  ['an empty account', 'openlines-inspector://lookup/chat1777?account='],
  ['an account without a value', 'openlines-inspector://lookup/chat1777?account'],
  ['an account too long to be a name', `openlines-inspector://lookup/chat1777?account=${'a'.repeat(61)}`],
  ['an account with a newline', 'openlines-inspector://lookup/chat1777?account=Sup%0Aport'],
  ['extra path segments', 'openlines-inspector://lookup/chat1777/delete'],
  ['an encoded slash', 'openlines-inspector://lookup/chat1777%2Fdelete'],
  ['an encoded path climb', 'openlines-inspector://lookup/..%2F..%2Fetc%2Fpasswd'],
  ['a path climb the parser would remove', 'openlines-inspector://lookup/x/../chat1777'],
  ['an encoded dot segment', 'openlines-inspector://lookup/%2e%2e/chat1777'],
  ['a backslash', 'openlines-inspector://lookup/chat1777%5C..'],
  ['no identifier', 'openlines-inspector://lookup/'],
  ['no path', 'openlines-inspector://lookup'],
  ['only a query', 'openlines-inspector://lookup?account=Support'],
  ['a NUL byte', 'openlines-inspector://lookup/chat1777%00'],
  ['an encoded newline', 'openlines-inspector://lookup/chat1777%0A%0Dchat1'],
  ['a raw newline', 'openlines-inspector://lookup/chat\n1777'],
  ['a raw tab', 'openlines-inspector://look\tup/chat1777'],
  ['a leading space', ' openlines-inspector://lookup/chat1777'],
  ['a broken escape', 'openlines-inspector://lookup/chat%E0%A4%A'],
  ['a portal link inside', `openlines-inspector://lookup/${encodeURIComponent('https://evil.example/online/?IM_DIALOG=chat1')}`],
  ['chat0', 'openlines-inspector://lookup/chat0'],
  ['a negative id', 'openlines-inspector://lookup/-5'],
  ['script markup', 'openlines-inspector://lookup/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
  ['an identifier over 500 characters', `openlines-inspector://lookup/${'1'.repeat(600)}`],
  ['a huge link', `openlines-inspector://lookup/chat1777?account=${'x'.repeat(1_000_000)}`],
  ['empty', ''],
  ['not a URL', 'chat1777'],
];

describe('a hostile or malformed link', () => {
  it.each(HOSTILE)('is refused: %s', async (_what, link) => {
    const h = await withTwoAccounts();
    h.api.commands.take();
    await h.api.openDeepLink(link);
    const error = refusal(h.api.commands.take());
    expect(error.code).toBe('LINK_REFUSED');
    expect(error.message.length).toBeGreaterThan(10);
    // What happened, short, without repeating a huge link back; and what to do.
    expect(error.message.length).toBeLessThan(400);
    expect(error.action).toMatch(/^Nothing was looked up\./);
    expect(await currentAccount(h)).toBe('Sales');
    expect(h.opened).toEqual([]);
  });

  it('refuses a bad identifier with the identifier parser’s own words', async () => {
    const h = await start();
    await h.api.openDeepLink('openlines-inspector://lookup/99999999999');
    expect(refusal(h.api.commands.take()).message).toContain('too large to be a Bitrix24 id');
    await h.api.openDeepLink('openlines-inspector://lookup/livechat%7C1%7C2');
    expect(refusal(h.api.commands.take()).message).toContain('A user code has four parts');
  });

  it('leaves the links after it alone', async () => {
    const h = await start();
    await h.api.openDeepLink('openlines-inspector://evil/chat1');
    await h.api.openDeepLink('openlines-inspector://lookup/chat2');
    const [refused, lookup] = h.api.commands.take();
    expect(refused?.kind).toBe('link-refused');
    expect(lookup).toEqual({ kind: 'lookup', input: 'chat2' });
  });
});

describe('parseDeepLink and findDeepLink', () => {
  it('reads the identifier and the account', () => {
    expect(parseDeepLink('openlines-inspector://lookup/chat1777?account=Main', 'chat')).toEqual({ input: 'chat1777', account: 'Main' });
    expect(parseDeepLink('openlines-inspector://lookup/343', 'session')).toEqual({ input: '343', account: null });
  });

  it('refuses a link one character over the limit before parsing it', () => {
    const head = 'openlines-inspector://lookup/chat1?account=';
    const atLimit = head + 'a'.repeat(MAX_LINK_LENGTH - head.length);
    expect(() => parseDeepLink(atLimit, 'chat')).toThrow(/account/); // refused as a name, not as a length
    expect(() => parseDeepLink(`${atLimit}a`, 'chat')).toThrow(/characters long/);
  });

  it('finds the link among the switches of a launch', () => {
    expect(findDeepLink(['C:\\Apps\\inspector.exe', '--allow-file-access-from-files', 'openlines-inspector://lookup/chat1'])).toBe(
      'openlines-inspector://lookup/chat1',
    );
    expect(findDeepLink(['/usr/bin/electron', '.', 'OpenLines-Inspector://lookup/chat2'])).toBe('OpenLines-Inspector://lookup/chat2');
    expect(findDeepLink(['inspector', '--flag=openlines-inspector://lookup/chat1', 'https://example.com'])).toBeNull();
    expect(findDeepLink([])).toBeNull();
  });
});

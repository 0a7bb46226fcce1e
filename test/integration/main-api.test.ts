// The handlers the app's window talks to, through the same dispatcher the IPC
// shell uses: argument checks, the connection lifecycle, the demo portal.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState, DialogChanges, DialogSearchHit, DialogTimeline, HistoryEntry, LookupResult, Result, Settings, SettingsView } from '../../preload/api-contract';
import { DEMO_WEBHOOK, startEmulator, type Emulator } from '../../main/emulator/index';
import { InspectorStore } from '../../main/store/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorCode, errorOf, ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(() => emulator.close());
afterEach(() => harness?.dispose());



describe('before any portal is connected', () => {
  it('reports no connection and refuses a lookup with NOT_CONNECTED', async () => {
    harness = await startHarness(emulator);
    expect(ok<ConnectionState>(await harness.api.dispatch('connection:get', undefined))).toEqual({ kind: 'none', portal: null, userId: null, notice: null, account: null });
    expect(errorCode(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }))).toBe('NOT_CONNECTED');
  });

  it('still explains a bad identifier first', async () => {
    harness = await startHarness(emulator);
    expect(errorCode(await harness.api.dispatch('lookup:run', { input: 'chat?', numberAs: 'chat' }))).toBe('INVALID_IDENTIFIER');
  });
});

describe('connecting with a webhook', () => {
  it('checks the webhook with the portal, stores the key encrypted, and never returns it', async () => {
    harness = await startHarness(emulator);
    const state = ok<ConnectionState>(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const host = new URL(emulator.origin).host;
    expect(state).toEqual({
      kind: 'webhook',
      portal: { origin: emulator.origin, host, demo: false },
      userId: DEMO_WEBHOOK.userId,
      notice: null,
      account: { id: expect.any(String), name: host, kind: 'webhook', origin: emulator.origin, host, plan: 'standard', state: 'ready', current: true, userId: DEMO_WEBHOOK.userId },
    });
    expect(JSON.stringify(state)).not.toContain(DEMO_WEBHOOK.key);
    expect(emulator.requests.at(-1)?.method).toBe('scope');
    const file = await readFile(path.join(harness.dataDir, 'config.json'), 'utf8');
    expect(file).not.toContain(DEMO_WEBHOOK.key);
    expect(harness.cipher.encrypted).toHaveLength(1);
    expect(file).toContain(harness.cipher.encrypted[0]);
  });

  it('is remembered by the next start, which can look up at once', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const again = harness.reopen();
    expect(ok<ConnectionState>(await again.dispatch('connection:get', undefined)).kind).toBe('webhook');
    const result = ok<LookupResult>(await again.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    expect(result.dialog.id).toBe(1777);
  });

  it('keeps the key for this run only when the OS cannot encrypt it', async () => {
    harness = await startHarness(emulator, { canPersist: false });
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    expect(ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '1777', numberAs: 'chat' })).dialog.id).toBe(1777);
    expect(harness.store.get('connection')).toBeUndefined();
    expect(JSON.stringify(harness.store.get('accounts'))).not.toContain(DEMO_WEBHOOK.key);
    // After a restart the account is there, saying its key was for one session only.
    const restarted = ok<ConnectionState>(await harness.reopen().dispatch('connection:get', undefined));
    expect(restarted.account?.state).toBe('secrets-forgotten');
  });

  it('refuses a wrong key without replacing the current connection', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const wrong = emulator.webhookUrl().replace(DEMO_WEBHOOK.key, 'nope0key');
    const result = await harness.api.dispatch('connection:use-webhook', { url: wrong });
    expect(errorCode(result)).toBe('NO_AUTH_FOUND');
    expect(JSON.stringify(result)).not.toContain('nope0key');
    expect(ok<ConnectionState>(await harness.api.dispatch('connection:get', undefined)).kind).toBe('webhook');
  });

  it('refuses a webhook without the imopenlines scope, naming the scopes it has', async () => {
    const narrow = { userId: 9, key: 'crmonly9', scopes: ['crm', 'user_brief'] };
    const portal = await startEmulator({ rateLimit: false, webhooks: [DEMO_WEBHOOK, narrow] });
    harness = await startHarness(portal);
    try {
      const result = await harness.api.dispatch('connection:use-webhook', { url: portal.webhookUrl(narrow) });
      expect(errorCode(result)).toBe('insufficient_scope');
      expect(result.ok ? '' : result.error.message).toMatch(/crm, user_brief/);
    } finally {
      await portal.close();
    }
  });

  it('refuses a malformed URL before any request', async () => {
    harness = await startHarness(emulator);
    const before = emulator.requests.length;
    expect(errorCode(await harness.api.dispatch('connection:use-webhook', { url: 'http://portal/rest/1/x/' }))).toBe('INVALID_WEBHOOK_URL');
    expect(emulator.requests.length).toBe(before);
  });

  it('disconnects and forgets', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    expect(ok<ConnectionState>(await harness.api.dispatch('connection:disconnect', undefined)).kind).toBe('none');
    expect(harness.store.get('connection')).toBeUndefined();
    expect(errorCode(await harness.api.dispatch('lookup:run', { input: '1777', numberAs: 'chat' }))).toBe('NOT_CONNECTED');
  });
});

describe('the demo portal', () => {
  it('starts the bundled emulator on loopback and answers lookups, with no account', async () => {
    harness = await startHarness(null);
    const state = ok<ConnectionState>(await harness.api.dispatch('connection:use-demo', undefined));
    expect(state.kind).toBe('demo');
    expect(state.portal?.demo).toBe(true);
    expect(state.portal?.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const result = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'livechat|22|1775|599', numberAs: 'chat' }));
    expect(result.portal.demo).toBe(true);
    expect(result.dialog.name).toBe('Green Guest #17 - Bitrix24 Documentation');
    // The demo has no CRM cards to open in a browser.
    expect(result.decoded.primaryCrm).toMatchObject({ label: 'Lead 1209', url: null });
    expect(result.sections.flatMap((section) => section.rows).filter((row) => row.kind === 'link')).toEqual([]);
  });

  it('is remembered across starts', async () => {
    harness = await startHarness(null);
    ok(await harness.api.dispatch('connection:use-demo', undefined));
    const again = harness.reopen();
    expect(ok<ConnectionState>(await again.dispatch('connection:get', undefined)).kind).toBe('demo');
    expect(ok<LookupResult>(await again.dispatch('lookup:run', { input: '343', numberAs: 'session' })).dialog.id).toBe(1777);
  });
});

describe('settings', () => {
  const DEFAULTS: Settings = {
    numberAs: 'chat',
    historyMaxEntries: 10_000,
    historyMaxAgeDays: 180,
    snapshotsPerDialog: 10,
    maxAnswerMb: 32,
    theme: 'system',
    language: 'system',
    checkForUpdates: true,
    fetchConversation: true,
    watchIntervalSeconds: 300,
    watchShareOfLimit: 25,
    watchNotify: 'important',
    watchQuiet: false,
    watchWaitMinutes: 0,
    overviewRefreshMinutes: 5,
    overviewShareOfLimit: 20,
  };
  /** What settings:get answers: the settings, and the language they come to (the harness gives no OS languages: English for system). */
  const view = (settings: Settings): SettingsView => ({ ...settings, resolvedLanguage: settings.language === 'system' ? 'en' : settings.language });

  it('remembers how bare numbers are read, in the settings file', async () => {
    harness = await startHarness(emulator);
    expect(ok<Settings>(await harness.api.dispatch('settings:get', undefined))).toEqual(view(DEFAULTS));
    expect(ok<Settings>(await harness.api.dispatch('settings:update', { numberAs: 'session' }))).toEqual(view({ ...DEFAULTS, numberAs: 'session' }));
    expect(ok<Settings>(await harness.reopen().dispatch('settings:get', undefined))).toEqual(view({ ...DEFAULTS, numberAs: 'session' }));
  });

  it('falls back to defaults, value by value, when the file holds nonsense', async () => {
    harness = await startHarness(emulator);
    harness.store.set('settings.numberAs', 'sideways');
    harness.store.set('settings.historyMaxEntries', -5);
    harness.store.set('settings.historyMaxAgeDays', '30');
    harness.store.set('settings.snapshotsPerDialog', 3);
    harness.store.set('settings.theme', 'purple');
    harness.store.set('settings.language', 'ru');
    harness.store.set('settings.checkForUpdates', 'no');
    harness.store.set('settings.maxAnswerMb', 0);
    expect(ok<Settings>(await harness.reopen().dispatch('settings:get', undefined))).toEqual(view({ ...DEFAULTS, snapshotsPerDialog: 3, language: 'ru' }));
  });

  it('remembers the theme, the language and the update switch, and tells the shell of each change', async () => {
    const told: Settings[] = [];
    harness = await startHarness(emulator, { settingsChanged: (settings) => told.push(settings) });
    const patch = { theme: 'dark', language: 'ru', checkForUpdates: false } as const;
    expect(ok<Settings>(await harness.api.dispatch('settings:update', patch))).toEqual(view({ ...DEFAULTS, ...patch }));
    expect(told).toEqual([{ ...DEFAULTS, ...patch }]);
    expect(ok<Settings>(await harness.reopen().dispatch('settings:get', undefined))).toEqual(view({ ...DEFAULTS, ...patch }));
  });

  it.each([
    [{ historyMaxEntries: 99 }],
    [{ historyMaxEntries: 1_000_001 }],
    [{ historyMaxEntries: 500.5 }],
    [{ historyMaxAgeDays: 0 }],
    [{ snapshotsPerDialog: 0 }],
    [{ snapshotsPerDialog: 101 }],
    [{ theme: 'purple' }],
    [{ language: 'de' }],
    [{ checkForUpdates: 'yes' }],
  ])('refuses %j and keeps what was there', async (patch) => {
    harness = await startHarness(emulator);
    expect(errorCode(await harness.api.dispatch('settings:update', patch))).toBe('INVALID_ARGUMENT');
    expect(ok<Settings>(await harness.api.dispatch('settings:get', undefined))).toEqual(view(DEFAULTS));
  });

  it('applies a tighter retention to the history soon after it is saved, keeping pinned lookups', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    for (let i = 0; i < 105; i++) await harness.api.dispatch('lookup:run', { input: String(900_000 + i), numberAs: 'chat' });
    const oldest = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { limit: 1000 })).at(-1)!;
    ok(await harness.api.dispatch('history:set-pinned', { id: oldest.id, pinned: true }));

    // The answer does not wait for the delete…
    ok(await harness.api.dispatch('settings:update', { historyMaxEntries: 100 }));
    // …which has happened by the next turn of the event loop's check phase.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const kept = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { limit: 1000 }));
    expect(kept).toHaveLength(101);
    expect(kept.at(-1)).toMatchObject({ id: oldest.id, pinned: true });
    expect(kept[0]!.input).toBe('900104');
  });

  it('keeps as many copies of each dialog as the setting says', async () => {
    harness = await startHarness(emulator);
    harness.store.set('settings.snapshotsPerDialog', 2);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    for (let i = 0; i < 4; i++) ok(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    await harness.api.dispose();
    const store = InspectorStore.open(harness.dataDir);
    try {
      expect(store.snapshots(new URL(emulator.origin).host, 1777)).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});

describe('the interface language', () => {
  const CYRILLIC = /[а-яё]/i;

  it('follows the OS when the setting is "system", and the setting once it is changed, from the very next call', async () => {
    harness = await startHarness(emulator, { preferredLanguages: () => ['ru-RU', 'en-US'] });
    expect(ok<SettingsView>(await harness.api.dispatch('settings:get', undefined)).resolvedLanguage).toBe('ru');
    const russian = errorOf(await harness.api.dispatch('lookup:run', { input: 'chat', numberAs: 'chat' }));
    expect(russian.code).toBe('INVALID_IDENTIFIER');
    for (const text of [russian.title, russian.message, russian.action]) expect(text).toMatch(CYRILLIC);

    expect(ok<SettingsView>(await harness.api.dispatch('settings:update', { language: 'en' })).resolvedLanguage).toBe('en');
    const english = errorOf(await harness.api.dispatch('lookup:run', { input: 'chat', numberAs: 'chat' }));
    expect(english.code).toBe('INVALID_IDENTIFIER');
    for (const text of [english.title, english.message, english.action]) expect(text).not.toMatch(CYRILLIC);
    expect(english.message).toBe('A dialog id is "chat" followed by the chat number, like chat1777.');
  });

  it('words a notice set at start in the language of the call that reads it', async () => {
    harness = await startHarness(emulator, { canPersist: false, preferredLanguages: () => ['ru'] });
    const state = ok<ConnectionState>(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    expect(state.notice).toMatch(CYRILLIC);
    ok(await harness.api.dispatch('settings:update', { language: 'en' }));
    const again = ok<ConnectionState>(await harness.api.dispatch('connection:get', undefined));
    expect(again.notice).toMatch(/^This computer offers no secure storage/);
  });

  it('refuses a deep link in the user\'s language', async () => {
    harness = await startHarness(emulator, { preferredLanguages: () => ['ru-RU'] });
    await harness.api.openDeepLink('openlines-inspector://lookup/chat0');
    const [command] = harness.api.commands.take();
    expect(command?.kind).toBe('link-refused');
    const error = command?.kind === 'link-refused' ? command.error : null;
    expect(error?.message).toMatch(/^В ссылке нет диалога, который можно запросить\. Номер чата должен быть не меньше 1/);
    expect(error?.action).toMatch(/^Ничего не запрошено\./);
  });
});

describe('argument checks', () => {
  it.each([
    ['lookup:run', { input: 1777, numberAs: 'chat' }],
    ['lookup:run', { input: '1777', numberAs: 'thread' }],
    ['lookup:run', { input: '1777', numberAs: 'chat', extra: true }],
    ['lookup:run', null],
    ['settings:update', { numberAs: 'session', fontSize: 14 }],
    ['connection:use-webhook', { url: ['x'] }],
    ['connection:get', { please: true }],
    ['clipboard:write-text', { text: 5 }],
    ['shell:exec', { command: 'rm -rf /' }],
    ['__proto__', {}],
  ])('%s with %j is refused as INVALID_ARGUMENT', async (channel, args) => {
    harness = await startHarness(emulator);
    expect(errorCode(await harness.api.dispatch(channel, args))).toBe('INVALID_ARGUMENT');
  });
});

describe('is the portal back?', () => {
  it('answers reachable when the portal answers, and why not when it does not', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const before = emulator.requests.length;
    expect(ok(await harness.api.dispatch('connection:probe', undefined))).toEqual({ reachable: true, reason: null });
    expect(emulator.requests.slice(before).map((request) => request.method)).toEqual(['scope']);

    emulator.injectFault({ kind: 'reset' });
    const down = ok<{ reachable: boolean; reason: { code: string } | null }>(await harness.api.dispatch('connection:probe', undefined));
    expect(down.reachable).toBe(false);
    expect(down.reason?.code).toBe('CONNECTION_RESET');
  });

  it('says NOT_CONNECTED with no portal to ask', async () => {
    harness = await startHarness(emulator);
    expect(errorCode(await harness.api.dispatch('connection:probe', undefined))).toBe('NOT_CONNECTED');
  });
});

describe('links and the clipboard', () => {
  it('opens only https links to the connected portal', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const lead = `${emulator.origin}/crm/lead/details/1209/`;
    ok(await harness.api.dispatch('link:open-portal', { url: lead }));
    for (const url of ['https://evil.example/crm/lead/details/1/', `${emulator.origin}.evil.example/`, 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', emulator.origin.replace('https:', 'http:') + '/']) {
      expect(errorCode(await harness.api.dispatch('link:open-portal', { url }))).toBe('INVALID_ARGUMENT');
    }
    expect(harness.opened).toEqual([lead]);
  });

  it('opens a message link to any http(s) site, and refuses other schemes, credentials and overlong links, saying why', async () => {
    harness = await startHarness(emulator);
    const links = ['https://example.com/track?order=1209#status', 'http://shop.example/', 'HTTPS://EXAMPLE.COM/Path'];
    for (const url of links) ok(await harness.api.dispatch('link:open-message', { url }));
    expect(harness.opened).toEqual(['https://example.com/track?order=1209#status', 'http://shop.example/', 'https://example.com/Path']);

    const refused: Array<[string, RegExp]> = [
      ['javascript:alert(1)', /only http and https/i],
      ['JavaScript:alert(1)', /only http and https/i],
      ['file:///etc/passwd', /only http and https/i],
      ['data:text/html,<script>alert(1)</script>', /only http and https/i],
      ['ftp://example.com/file', /only http and https/i],
      ['openlines-inspector://lookup/chat1777', /only http and https/i],
      ['https://bank.example@evil.example/', /user name or password/i],
      ['https://user:secret@example.com/', /user name or password/i],
      [`https://example.com/${'a'.repeat(2_000)}`, /longer than 2000 characters/i],
      ['not a url', /not a valid URL/i],
      ['', /not a valid URL/i],
    ];
    for (const [url, why] of refused) {
      const error = errorOf(await harness.api.dispatch('link:open-message', { url }));
      expect(error.code, url).toBe('INVALID_ARGUMENT');
      expect(error.message, url).toMatch(why);
    }
    expect(errorCode(await harness.api.dispatch('link:open-message', { url: 'x'.repeat(10_001) }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('link:open-message', { url: 'https://example.com/', extra: 1 } as never))).toBe('INVALID_ARGUMENT');
    expect(harness.opened).toHaveLength(links.length);
  });

  it('says why a message link is refused in Russian too', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('settings:update', { language: 'ru' }));
    const error = errorOf(await harness.api.dispatch('link:open-message', { url: 'javascript:alert(1)' }));
    expect(error.message).toBe('Из сообщения можно открыть только ссылки http и https.');
  });

  it('copies text through the injected clipboard', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('clipboard:write-text', { text: 'livechat|22|1775|599' }));
    expect(harness.copied).toEqual(['livechat|22|1775|599']);
  });
});

describe('history and the offline cache', () => {
  it('records each lookup and falls back to the cached copy when the portal is out of reach', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const fresh = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    expect(fresh).toMatchObject({ source: 'network', offline: null });

    emulator.injectFault({ kind: 'reset' });
    const offline = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '343', numberAs: 'session' }));
    expect(offline.source).toBe('cache');
    expect(offline.offline?.reason.code).toBe('CONNECTION_RESET');
    expect(offline.fetchedAt).toBe(fresh.fetchedAt);
    expect(offline.dialog).toEqual(fresh.dialog);
    expect(offline.query.param).toBe('SESSION_ID');

    // An answer about the dialog itself is never papered over with a cached copy.
    emulator.injectFault({ kind: 'error', code: 'ACCESS_ERROR' });
    expect(errorCode(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }))).toBe('ACCESS_ERROR');
    // Nothing cached for this one: the network error stands.
    emulator.injectFault({ kind: 'reset' });
    expect(errorCode(await harness.api.dispatch('lookup:run', { input: '2002', numberAs: 'chat' }))).toBe('CONNECTION_RESET');

    const store = InspectorStore.open(harness.dataDir);
    try {
      const history = store.listHistory();
      expect(history.map((entry) => [entry.input, entry.outcome, entry.source])).toEqual([
        ['2002', 'CONNECTION_RESET', 'network'],
        ['chat1777', 'ACCESS_ERROR', 'network'],
        ['343', 'ok', 'cache'],
        ['chat1777', 'ok', 'network'],
      ]);
      expect(history.every((entry) => entry.account === new URL(emulator.origin).host)).toBe(true);
      expect(history[3]?.chatId).toBe(1777);
    } finally {
      store.close();
    }
  });
});

describe('the history channels', () => {
  async function connectedWithHistory() {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    for (const input of ['chat1777', '987654', '2002']) await harness.api.dispatch('lookup:run', { input, numberAs: 'chat' });
    return ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {}));
  }

  it("lists the connected portal's lookups, newest first, with filters", async () => {
    const all = await connectedWithHistory();
    expect(all.map((entry) => entry.input)).toEqual(['2002', '987654', 'chat1777']);
    const errors = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { outcome: 'error' }));
    expect(errors.map((entry) => entry.outcome)).toEqual(['ACCESS_ERROR']);
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { text: 'CHAT17' })).map((entry) => entry.input)).toEqual(['chat1777']);
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { text: '50%_' }))).toEqual([]);
    const page = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { limit: 2 }));
    const next = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { limit: 2, beforeId: page[1]!.id }));
    expect([...page, ...next].map((entry) => entry.input)).toEqual(['2002', '987654', 'chat1777']);
  });

  it('keeps portals apart unless all are asked for', async () => {
    await connectedWithHistory();
    ok(await harness.api.dispatch('connection:use-demo', undefined));
    await harness.api.dispatch('lookup:run', { input: '2003', numberAs: 'chat' });
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {})).map((entry) => entry.account)).toEqual(['demo']);
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', { allAccounts: true }))).toHaveLength(4);
  });

  it('pins, deletes, and clears all but the pinned', async () => {
    const [newest, middle, oldest] = await connectedWithHistory();
    ok(await harness.api.dispatch('history:set-pinned', { id: oldest!.id, pinned: true }));
    ok(await harness.api.dispatch('history:delete', { id: middle!.id }));
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {})).map((entry) => [entry.input, entry.pinned])).toEqual([
      ['2002', false],
      ['chat1777', true],
    ]);
    expect(ok<{ removed: number }>(await harness.api.dispatch('history:clear', {}))).toEqual({ removed: 1 });
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {})).map((entry) => entry.id)).toEqual([oldest!.id]);
    expect(newest!.id).toBeGreaterThan(oldest!.id);
  });

  it.each([
    ['history:list', { limit: 0 }],
    ['history:list', { outcome: 'maybe' }],
    ['history:list', { account: 'someone-else.bitrix24.com' }],
    ['history:set-pinned', { id: -1, pinned: true }],
    ['history:delete', { id: '5' }],
    ['history:clear', { everything: true }],
  ])('%s with %j is refused as INVALID_ARGUMENT', async (channel, args) => {
    harness = await startHarness(emulator);
    expect(errorCode(await harness.api.dispatch(channel, args))).toBe('INVALID_ARGUMENT');
  });

  it('reports a damaged database that was moved aside when it was opened', async () => {
    harness = await startHarness(emulator);
    await writeFile(path.join(harness.dataDir, 'openlines-inspector.db'), 'this is not a database, just text long enough to be read as one'.repeat(20));
    const status = ok<{ recovered: { movedTo: string; reason: string }[] }>(await harness.api.dispatch('history:status', undefined));
    expect(status.recovered).toHaveLength(1);
    expect(status.recovered[0]!.movedTo).toContain('openlines-inspector.db.corrupt-');
    expect(await readFile(status.recovered[0]!.movedTo, 'utf8')).toContain('this is not a database');
    expect(ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {}))).toEqual([]);
  });

  it('reports nothing moved aside for a healthy database', async () => {
    harness = await startHarness(emulator);
    expect(ok(await harness.api.dispatch('history:status', undefined))).toEqual({ recovered: [] });
  });

  it('says HISTORY_UNAVAILABLE when the database cannot be opened, while lookups still work', async () => {
    harness = await startHarness(emulator, { openStore: () => { throw new Error('disk on fire'); } });
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    expect(ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' })).dialog.id).toBe(1777);
    const result = await harness.api.dispatch('history:list', {});
    expect(errorCode(result)).toBe('HISTORY_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toContain('disk on fire');
  });
});

describe('changed since the previous lookup', () => {
  it('names what changed between the cached copy and the fresh answer, old and new', async () => {
    const living = await startEmulator({ rateLimit: false });
    harness = await startHarness(living);
    try {
      ok(await harness.api.dispatch('connection:use-webhook', { url: living.webhookUrl() }));
      const first = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      expect(first.changes).toBeNull();
      const same = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '1777', numberAs: 'chat' }));
      expect(same.changes).toEqual({ since: first.fetchedAt, changes: [], viewerDependent: [] });

      // The dialog lives on: transferred to operator 31, a new session 350, more messages, a deal.
      living.updateDialog(
        1777,
        {
          owner: 31,
          message_count: 110,
          entity_data_1: 'Y|DEAL|77|N|N|350|1773700000|0|0|0',
          entity_data_2: 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|77',
        },
        { newSessionId: 350 },
      );
      const changed = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '350', numberAs: 'session' }));
      expect(changed.changes?.since).toBe(same.fetchedAt);
      expect(changed.changes?.changes.map((change) => [change.key, change.before, change.after, change.text])).toEqual([
        ['entity_data_1[5]', 343, 350, 'A new session started: 350 (was 343)'],
        ['entity_data_1[1]', { type: 'LEAD', id: 1209 }, { type: 'DEAL', id: 77 }, 'CRM binding moved: lead 1209 → deal 77'],
        ['owner', 27, 31, 'Responsible operator changed: Samantha Johnson (27) → Daniel Kim (31)'],
        ['entity_data_2', 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0', 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|77', 'CRM bindings: lead 1209 → lead 1209, deal 77'],
        ['message_count', 104, 110, expect.stringMatching(/^6 new messages/)],
      ]);
      // Both sessions still find the dialog in the cache.
      living.injectFault({ kind: 'reset' });
      expect(ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '343', numberAs: 'session' })).source).toBe('cache');
    } finally {
      await living.close();
    }
  });
});

describe("a dialog's timeline", () => {
  it('lists the kept copies oldest first with what changed since each one before, and compares any two', async () => {
    const living = await startEmulator({ rateLimit: false });
    harness = await startHarness(living);
    try {
      ok(await harness.api.dispatch('connection:use-webhook', { url: living.webhookUrl() }));
      const first = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      living.updateDialog(1777, { name: 'VIP' });
      const renamed = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      living.updateDialog(1777, { owner: 31 });
      const moved = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      const account = new URL(living.origin).host;

      const before = living.requests.length;
      const timeline = ok<DialogTimeline>(await harness.api.dispatch('cache:timeline', { account, chatId: 1777 }));
      expect(living.requests.length).toBe(before);
      expect(timeline.copies.map((copy) => copy.fetchedAt)).toEqual([first.fetchedAt, renamed.fetchedAt, moved.fetchedAt]);
      expect(timeline.copies[0]).toMatchObject({ changes: null, sessionId: 343 });
      expect(timeline.copies[1]!.changes?.changes.map((change) => change.key)).toEqual(['name']);
      expect(timeline.copies[2]!.changes?.changes.map((change) => change.text)).toEqual([expect.stringMatching(/^Responsible operator changed: .*\(27\) → .*\(31\)$/)]);

      // Any two, either way round: from the earlier to the later.
      const both = ok<DialogChanges>(await harness.api.dispatch('cache:compare', { account, chatId: 1777, from: moved.fetchedAt, to: first.fetchedAt }));
      expect(both.since).toBe(first.fetchedAt);
      expect(both.changes.map((change) => change.key).sort()).toEqual(['name', 'owner']);

      expect(errorCode(await harness.api.dispatch('cache:timeline', { account, chatId: 424242 }))).toBe('NOT_CACHED');
      const gone = await harness.api.dispatch('cache:compare', { account, chatId: 1777, from: first.fetchedAt, to: '2001-01-01T00:00:00.000Z' });
      expect(errorCode(gone)).toBe('NOT_CACHED');
      expect(JSON.stringify(gone)).toContain('no longer kept');
      expect(errorCode(await harness.api.dispatch('cache:compare', { account, chatId: 1777, from: '', to: first.fetchedAt }))).toBe('INVALID_ARGUMENT');
    } finally {
      await living.close();
    }
  });
});

describe('search and the kept copies', () => {
  it('finds cached dialogs of the connected portal and opens one without asking the portal', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    for (const input of ['chat1777', '2001', '2002']) ok(await harness.api.dispatch('lookup:run', { input, numberAs: 'chat' }));

    const hits = ok<DialogSearchHit[]>(await harness.api.dispatch('search:dialogs', { text: 'chat17' }));
    expect(hits.map((hit) => hit.chatId)).toEqual([1777]);
    expect(hits[0]!.snippet).toContain('\u0002');
    expect(ok<DialogSearchHit[]>(await harness.api.dispatch('search:dialogs', { text: '   ' }))).toEqual([]);

    const before = emulator.requests.length;
    const copy = ok<LookupResult>(await harness.api.dispatch('cache:open', { account: hits[0]!.account, chatId: 1777 }));
    expect(emulator.requests.length).toBe(before);
    expect(copy).toMatchObject({ source: 'cache', offline: { reason: { code: 'OFFLINE_BY_CHOICE' } }, dialog: { id: 1777 } });
    expect(copy.portal.origin).toBe(emulator.origin);
    expect(copy.decoded.primaryCrm?.url).toBe(`${emulator.origin}/crm/lead/details/1209/`);

    expect(errorCode(await harness.api.dispatch('cache:open', { account: hits[0]!.account, chatId: 424242 }))).toBe('NOT_CACHED');
  });

  it('finds a kept dialog by a word of its kept conversation, with the message in the hit', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    ok(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    const hits = ok<DialogSearchHit[]>(await harness.api.dispatch('search:dialogs', { text: 'webhook key' }));
    expect(hits).toEqual([
      expect.objectContaining({
        chatId: 1777,
        dialogId: 'chat1777',
        snippet: '…send the exact request and the answer? Please remove the \u0002webhook\u0003 \u0002key\u0003 before you paste it.',
        message: expect.objectContaining({ sessionId: 343, author: 'Samantha Johnson' }),
      }),
    ]);
    expect(hits[0]!.message!.snippet).toBe(hits[0]!.snippet);
  });

  it('keeps other portals out of the search unless asked', async () => {
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-demo', undefined));
    ok(await harness.api.dispatch('lookup:run', { input: '2002', numberAs: 'chat' }));
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    ok(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    const name = String((ok<LookupResult>(await harness.api.dispatch('cache:open', { account: 'demo', chatId: 2002 }))).dialog.name);
    const word = name.split(/\s+/)[0]!;
    expect(ok<DialogSearchHit[]>(await harness.api.dispatch('search:dialogs', { text: word }))).toEqual([]);
    expect(ok<DialogSearchHit[]>(await harness.api.dispatch('search:dialogs', { text: word, allAccounts: true })).map((hit) => hit.account)).toEqual(['demo']);
  });
});

describe('the log file', () => {
  it('is named to the window, so a user can attach it to a report; none when main writes none', async () => {
    harness = await startHarness(null, { logToFile: true });
    expect(ok<{ file: string | null }>(await harness.api.dispatch('app:log-file', undefined))).toEqual({ file: path.join(harness.dataDir, 'logs', 'main.log') });
    await harness.dispose();
    harness = await startHarness(null);
    expect(ok<{ file: string | null }>(await harness.api.dispatch('app:log-file', undefined))).toEqual({ file: null });
    expect(await harness.api.dispatch('app:log-file', { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

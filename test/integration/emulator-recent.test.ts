// im.recent.get on the emulator, over real HTTPS (facts §2.1, §2.3): the
// caller's own open-line chats, with the session's status where the caller is
// in a line's queue, the 7-day LAST_SYNC_DATE window, insufficient_scope
// without `im`, and the same answer inside batch; consistent with dialog.get.
// And im.recent.list (facts §2.2): pages by OFFSET/LIMIT or LAST_MESSAGE_DATE.
import { describe, it, expect } from 'vitest';
import { DEMO_WEBHOOK, FIRST_LIVE_CHAT_ID, LIVE_DIALOG_COUNT, type EmulatorWebhook } from '../../main/emulator/index';
import { portalDate } from '../../main/emulator/portal-clock';
import { callEmulator, startedEmulators } from '../support/emulator-call';

/** 2026-12-07T12:00:00Z: the demo's live dialogs are dated back from it. */
const NOW = 1796644800;
const start = startedEmulators({ rateLimit: false, liveNow: NOW });

const NO_IM: EmulatorWebhook = { userId: 1, key: 'lines0only', scopes: ['imopenlines', 'crm'] };
/** In no line's queue: gets no `lines` object. */
const OUTSIDER: EmulatorWebhook = { userId: 623, key: 'client0key', scopes: ['im'] };
/** Daniel Kim, in the queues of lines 1, 5, 7 and 9. */
const DANIEL: EmulatorWebhook = { userId: 31, key: 'daniel0key', scopes: ['im', 'imopenlines'] };

type Item = Record<string, any>;

describe('im.recent.get', () => {
  it("answers the demo user's open-line chats as one plain array, newest message first, with the session's status", async () => {
    const emulator = await start();
    const reply = await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' });
    expect(reply.status).toBe(200);
    const items = reply.json.result as Item[];
    expect(Array.isArray(items)).toBe(true);
    // The demo user supervises lines 1-3 and takes chats on 1 and 2: a good part of the 300, not all.
    expect(items.length).toBeGreaterThan(60);
    expect(items.length).toBeLessThan(LIVE_DIALOG_COUNT);
    expect(reply.json).not.toHaveProperty('next');
    const dates = items.map((item) => Date.parse(item.message.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const item = items[0]!;
    expect(Object.keys(item)).toEqual([
      'id', 'chat_id', 'type', 'avatar', 'title', 'message', 'counter', 'last_id', 'pinned', 'unread', 'has_reminder',
      'date_update', 'date_last_activity', 'chat', 'user', 'lines', 'options',
    ]);
    expect(item.id).toBe(`chat${item.chat_id}`);
    expect(item.chat).toMatchObject({ id: item.chat_id, type: 'lines', entity_type: 'LINES', message_type: 'L' });
    expect(Object.keys(item.lines)).toEqual(['id', 'status', 'date_create']);
    // Every status of facts §4 the traffic has: waiting, answered and closed.
    const statuses = new Set(items.map((i) => i.lines.status));
    for (const code of [20, 40, 60]) expect(statuses).toContain(code);
    // A waiting client wrote last (the connector user); an answered session's operator did.
    const waiting = items.find((i) => i.lines.status === 20)!;
    expect(waiting.user).toMatchObject({ id: waiting.message.author_id, connector: true });
    const answered = items.find((i) => i.lines.status === 40)!;
    expect(answered.user).toMatchObject({ connector: false, bot: false });
    // Some clients have waited minutes, some hours.
    const waits = items.filter((i) => i.lines.status === 20 || i.lines.status === 25).map((i) => NOW - Date.parse(i.message.date) / 1000);
    expect(Math.min(...waits)).toBeLessThan(3600);
    expect(Math.max(...waits)).toBeGreaterThan(3600);
  });

  it('tells the same story as imopenlines.dialog.get for the same chat', async () => {
    const emulator = await start();
    const items = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' })).json.result as Item[];
    for (const item of items.slice(0, 5)) {
      const dialog = (await callEmulator(emulator, 'imopenlines.dialog.get', { CHAT_ID: item.chat_id })).json.result;
      for (const key of ['name', 'owner', 'entity_id', 'entity_data_1', 'entity_data_2', 'entity_data_3', 'manager_list', 'date_create']) {
        expect(item.chat[key], `${item.id} ${key}`).toEqual(dialog[key]);
      }
      expect(item.message.id).toBe(dialog.last_message_id);
      expect(item.counter).toBe(dialog.counter);
      // lines.id is the session id, entity_data_1[5]; lines.date_create its start, entity_data_1[6].
      const session = String(dialog.entity_data_1).split('|');
      expect(item.lines.id).toBe(Number(session[5]));
      expect(item.lines.date_create).toBe(portalDate(Number(session[6])));
    }
  });

  it('gives a caller in no line queue no lines object, and another operator their own chats', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, OUTSIDER, DANIEL] });
    const outsider = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' }, { webhook: OUTSIDER })).json.result as Item[];
    expect(outsider).toEqual([]);
    const own = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' }, { webhook: DANIEL })).json.result as Item[];
    expect(own.length).toBeGreaterThan(0);
    for (const item of own) expect([item.chat.owner, ...item.chat.manager_list]).toContain(31);
    const mine = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' })).json.result as Item[];
    expect(mine.map((i) => i.chat_id)).not.toEqual(own.map((i) => i.chat_id));
  });

  it('answers only what changed since LAST_SYNC_DATE, never reaching back more than 7 days', async () => {
    const emulator = await start();
    const all = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' })).json.result as Item[];
    const hourAgo = portalDate(NOW - 3600);
    const recent = (await callEmulator(emulator, 'im.recent.get', { only_openlines: 'Y', LAST_SYNC_DATE: hourAgo })).json.result as Item[];
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(all.length);
    for (const item of recent) expect(Date.parse(item.date_update) / 1000).toBeGreaterThanOrEqual(NOW - 3600 - 120);
    const yearAgo = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y', LAST_UPDATE: portalDate(NOW - 365 * 86400) })).json.result as Item[];
    expect(yearAgo.length).toBe(all.filter((i) => Date.parse(i.date_update) / 1000 >= NOW - 7 * 86400 - 120).length);
  });

  it('drops open-line chats with SKIP_OPENLINES=Y unless ONLY_OPENLINES=Y', async () => {
    const emulator = await start();
    expect((await callEmulator(emulator, 'im.recent.get', { SKIP_OPENLINES: 'Y' })).json.result).toEqual([]);
    const only = (await callEmulator(emulator, 'im.recent.get', { SKIP_OPENLINES: 'Y', ONLY_OPENLINES: 'Y' })).json.result as Item[];
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((item) => item.chat_id >= FIRST_LIVE_CHAT_ID)).toBe(true);
  });

  it('refuses a webhook without the im scope with insufficient_scope (403), alone and in batch', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, NO_IM] });
    const reply = await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' }, { webhook: NO_IM });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the webhook token' });
    const batch = await callEmulator(emulator, 'batch', { halt: 0, cmd: { r: 'im.recent.get?ONLY_OPENLINES=Y', d: 'imopenlines.dialog.get?CHAT_ID=1777' } }, { webhook: NO_IM });
    expect(batch.status).toBe(200);
    expect(batch.json.result.result_error.r.error).toBe('insufficient_scope');
    expect(batch.json.result.result.d.id).toBe(1777);
  });

  it('answers inside batch exactly as alone', async () => {
    const emulator = await start();
    const alone = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' })).json.result;
    const batch = await callEmulator(emulator, 'batch', { halt: 0, cmd: { r: 'im.recent.get?ONLY_OPENLINES=Y' } });
    expect(batch.json.result.result.r).toEqual(alone);
    expect(batch.json.result.result_time.r).toHaveProperty('operating');
  });
});

describe('im.recent.list', () => {
  const list = (emulator: Awaited<ReturnType<typeof start>>, params: Record<string, unknown>) => callEmulator(emulator, 'im.recent.list', params);

  it('pages by OFFSET and LIMIT (default 50, at most 200), with hasMore, next and total -1', async () => {
    const emulator = await start();
    const all = (await callEmulator(emulator, 'im.recent.get', { ONLY_OPENLINES: 'Y' })).json.result as Item[];
    const first = await list(emulator, {});
    expect(Object.keys(first.json)).toEqual(['result', 'next', 'total', 'time']);
    expect(Object.keys(first.json.result)).toEqual(['items', 'hasMore', 'hasMorePages']);
    expect(first.json.result.items).toHaveLength(50);
    expect(first.json).toMatchObject({ next: 50, total: -1, result: { hasMore: true, hasMorePages: true } });
    const second = await list(emulator, { OFFSET: 50, LIMIT: 500 });
    expect(second.json.result.items).toHaveLength(all.length - 50);
    expect(second.json.result.hasMore).toBe(false);
    expect([...first.json.result.items, ...second.json.result.items].map((i: Item) => i.chat_id)).toEqual(all.map((i) => i.chat_id));
  });

  it('takes LAST_MESSAGE_DATE as an inclusive cursor and then ignores OFFSET', async () => {
    const emulator = await start();
    const first = (await list(emulator, { LIMIT: 10 })).json.result.items as Item[];
    const cursor = first.at(-1)!.message.date;
    const next = (await list(emulator, { LIMIT: 10, OFFSET: 500, LAST_MESSAGE_DATE: cursor })).json.result.items as Item[];
    // The last row of the page comes again: the docs' advice is to de-duplicate by chat_id.
    expect(next[0]!.chat_id).toBe(first.at(-1)!.chat_id);
    expect(next.every((item) => Date.parse(item.message.date) <= Date.parse(cursor))).toBe(true);
  });

  it('drops open-line chats and the lines object with SKIP_OPENLINES=Y, and is refused without im', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, NO_IM] });
    expect((await list(emulator, { SKIP_OPENLINES: 'Y' })).json.result.items).toEqual([]);
    const refused = await callEmulator(emulator, 'im.recent.list', {}, { webhook: NO_IM });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('insufficient_scope');
  });
});

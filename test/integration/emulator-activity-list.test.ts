// crm.activity.list with PROVIDER_ID=IMOPENLINES_SESSION on the emulator,
// over real HTTPS (facts §2.7): one activity per session of a chat on a line
// with CRM on, pages of 50 with next/total, the `>ID` + start=-1 fast paging,
// select/filter/order, the caller's CRM rights, insufficient_scope without
// `crm`, batch's result_next/result_total; consistent with dialog.get.
import { describe, it, expect } from 'vitest';
import { DEMO_WEBHOOK, type EmulatorWebhook } from '../../main/emulator/index';
import { callEmulator, startedEmulators } from '../support/emulator-call';

const NOW = 1796644800;
const start = startedEmulators({ rateLimit: false, liveNow: NOW });

const NO_CRM: EmulatorWebhook = { userId: 1, key: 'no0crm', scopes: ['imopenlines', 'im'] };
const OLEG: EmulatorWebhook = { userId: 52, key: 'oleg0key', scopes: ['crm'] };

type Activity = Record<string, any>;
const SESSIONS = { PROVIDER_ID: 'IMOPENLINES_SESSION' };

describe('crm.activity.list: open-line sessions', () => {
  it('pages by 50 with next and total, ordered by START_TIME unless told otherwise', async () => {
    const emulator = await start();
    const first = await callEmulator(emulator, 'crm.activity.list', { filter: SESSIONS });
    expect(first.status).toBe(200);
    expect(Object.keys(first.json)).toEqual(['result', 'next', 'total', 'time']);
    expect(first.json.result).toHaveLength(50);
    expect(first.json.next).toBe(50);
    const total = first.json.total as number;
    expect(total).toBeGreaterThan(300);
    const starts = (first.json.result as Activity[]).map((a) => Date.parse(a.START_TIME));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const lastStart = Math.floor((total - 1) / 50) * 50;
    const last = await callEmulator(emulator, 'crm.activity.list', { filter: SESSIONS, start: lastStart });
    expect(last.json).not.toHaveProperty('next');
    expect(last.json.result).toHaveLength(total - lastStart);
  });

  it('walks every open session with filter >ID, order ID and start=-1, without counting', async () => {
    const emulator = await start();
    const seen: Activity[] = [];
    let lastId = 0;
    for (let page = 0; page < 20; page += 1) {
      const reply = await callEmulator(emulator, 'crm.activity.list', {
        filter: { ...SESSIONS, COMPLETED: 'N', '>ID': lastId },
        order: { ID: 'ASC' },
        select: ['ID', 'ASSOCIATED_ENTITY_ID', 'PROVIDER_TYPE_ID', 'PROVIDER_PARAMS', 'RESPONSIBLE_ID', 'START_TIME', 'RESULT_STATUS', 'COMPLETED'],
        start: -1,
      });
      expect(reply.json).not.toHaveProperty('total');
      expect(reply.json).not.toHaveProperty('next');
      const items = reply.json.result as Activity[];
      seen.push(...items);
      if (items.length < 50) break;
      lastId = Number(items.at(-1)!.ID);
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(new Set(seen.map((a) => a.ID)).size).toBe(seen.length);
    for (const activity of seen) {
      expect(Object.keys(activity).sort()).toEqual(['ASSOCIATED_ENTITY_ID', 'COMPLETED', 'ID', 'PROVIDER_PARAMS', 'PROVIDER_TYPE_ID', 'RESPONSIBLE_ID', 'RESULT_STATUS', 'START_TIME']);
      expect(activity.COMPLETED).toBe('N');
      expect(activity.PROVIDER_TYPE_ID).not.toBe('5');
    }
    // Both unanswered (1) and answered (2) open sessions.
    expect(new Set(seen.map((a) => a.RESULT_STATUS))).toEqual(new Set(['1', '2']));
    const counted = await callEmulator(emulator, 'crm.activity.list', { filter: { ...SESSIONS, COMPLETED: 'N' } });
    expect(counted.json.total).toBe(seen.length);
  });

  it("carries the session, the line, the operator and the client's user code as dialog.get has them", async () => {
    const emulator = await start();
    const items = (await callEmulator(emulator, 'crm.activity.list', { filter: { ...SESSIONS, COMPLETED: 'N' }, select: ['*', 'COMMUNICATIONS'] })).json.result as Activity[];
    const activity = items[0]!;
    expect(activity).toMatchObject({ PROVIDER_ID: 'IMOPENLINES_SESSION', TYPE_ID: '6', ORIGIN_ID: `IMOL_${activity.ASSOCIATED_ENTITY_ID}` });
    expect(activity.COMMUNICATIONS[0]).toMatchObject({ TYPE: 'IM', VALUE: `imol|${activity.PROVIDER_PARAMS.USER_CODE}` });
    expect(activity).not.toHaveProperty('FILES');
    for (const item of items.slice(0, 5)) {
      const dialog = (await callEmulator(emulator, 'imopenlines.dialog.get', { SESSION_ID: item.ASSOCIATED_ENTITY_ID })).json.result;
      expect(dialog.entity_id).toBe(item.PROVIDER_PARAMS.USER_CODE);
      expect(String(dialog.owner)).toBe(item.RESPONSIBLE_ID);
      const session = String(dialog.entity_data_1).split('|');
      // The activity is of the chat's current session, bound to its CRM record.
      expect(session[5]).toBe(item.ASSOCIATED_ENTITY_ID);
      expect(item.OWNER_ID).toBe(session[2]);
      expect(Date.parse(item.START_TIME) / 1000).toBe(Number(session[6]));
    }
    const none = (await callEmulator(emulator, 'crm.activity.list')).json.result as Activity[];
    expect(none[0]).not.toHaveProperty('COMMUNICATIONS');
  });

  it('shows an operator only the activities they are responsible for', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, OLEG] });
    const reply = await callEmulator(emulator, 'crm.activity.list', { filter: SESSIONS }, { webhook: OLEG });
    const admin = await callEmulator(emulator, 'crm.activity.list', { filter: SESSIONS });
    expect(reply.json.total).toBeGreaterThan(0);
    expect(reply.json.total).toBeLessThan(admin.json.total);
    expect((reply.json.result as Activity[]).every((a) => a.RESPONSIBLE_ID === '52')).toBe(true);
  });

  it('refuses a webhook without the crm scope with insufficient_scope (403), alone and in batch', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, NO_CRM] });
    const reply = await callEmulator(emulator, 'crm.activity.list', { filter: SESSIONS }, { webhook: NO_CRM });
    expect(reply.status).toBe(403);
    expect(reply.json.error).toBe('insufficient_scope');
    const batch = await callEmulator(emulator, 'batch', { halt: 0, cmd: { a: 'crm.activity.list?filter[PROVIDER_ID]=IMOPENLINES_SESSION' } }, { webhook: NO_CRM });
    expect(batch.json.result.result_error.a.error).toBe('insufficient_scope');
  });

  it('reports next and total per command inside batch', async () => {
    const emulator = await start();
    const batch = await callEmulator(emulator, 'batch', {
      halt: 0,
      cmd: {
        p1: 'crm.activity.list?filter[PROVIDER_ID]=IMOPENLINES_SESSION',
        p2: 'crm.activity.list?filter[PROVIDER_ID]=IMOPENLINES_SESSION&start=50',
        fast: 'crm.activity.list?filter[PROVIDER_ID]=IMOPENLINES_SESSION&filter[>ID]=0&order[ID]=ASC&start=-1',
        d: 'imopenlines.dialog.get?CHAT_ID=1777',
      },
    });
    const body = batch.json.result;
    expect(body.result.p1).toHaveLength(50);
    expect(body.result_next).toEqual({ p1: 50, p2: 100 });
    expect(body.result_total.p1).toBeGreaterThan(300);
    expect(body.result_total).not.toHaveProperty('fast');
    expect(body.result_total).not.toHaveProperty('d');
    expect(body.result.p2[0].ID).not.toBe(body.result.p1[0].ID);
  });
});

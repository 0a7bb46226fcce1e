// imopenlines.config.list.get on the emulator, over real HTTPS: the lines the
// demo dialogs are on, with their KPI thresholds and queues, PARAMS
// (select/filter/order/limit/offset) and OPTIONS (QUEUE, CONFIG_QUEUE,
// CHECK_PERMISSION), INVALID_FORMAT, and batch (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/imopenlines-config-list-get.html).
import { describe, it, expect } from 'vitest';
import {
  DEMO_WEBHOOK,
  demoDataset,
  type Emulator,
  type EmulatorWebhook,
} from '../../main/emulator/index';
import { callEmulator, startedEmulators, type Reply } from '../support/emulator-call';

const start = startedEmulators({ rateLimit: false });
const call = callEmulator;
const FORM = 'application/x-www-form-urlencoded';

const lines = (emulator: Emulator, params: Record<string, unknown>, webhook?: EmulatorWebhook): Promise<Reply> =>
  call(emulator, 'imopenlines.config.list.get', params, webhook ? { webhook } : {});

const ids = (reply: Reply): string[] => (reply.json.result as Array<{ ID: string }>).map((line) => line.ID);

const SUPERVISOR: EmulatorWebhook = { userId: 44, key: 'maria0key', scopes: ['imopenlines'] };
const CRM_ONLY: EmulatorWebhook = { userId: 7, key: 'crm0only', scopes: ['crm'] };

const dataset = demoDataset();
/** CONFIG_ID as the portal reads it: entity_data_1[7] when written, else entity_id's second part. */
const lineOf = (dialog: Record<string, unknown>): number => {
  const written = Number(String(dialog['entity_data_1']).split('|')[7] ?? 0);
  return written > 0 ? written : Number(String(dialog['entity_id']).split('|')[1]);
};

describe('config.list.get: the demo lines', () => {
  it('lists every line a demo dialog is on, with its settings as strings and KPI thresholds', async () => {
    const emulator = await start();
    const reply = await lines(emulator, {});
    expect(reply.status).toBe(200);
    const result = reply.json.result as Array<Record<string, any>>;
    expect(Array.isArray(result)).toBe(true);
    const dialogLines = new Set(dataset.map((entry) => lineOf(entry.dialog)));
    expect(new Set(result.map((line) => Number(line.ID)))).toEqual(dialogLines);
    expect(ids(reply)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '22']);

    for (const line of result) {
      expect(Object.keys(line).length, line.ID).toBeGreaterThanOrEqual(85);
      expect(Object.keys(line).slice(0, 3)).toEqual(['ID', 'ACTIVE', 'LINE_NAME']);
      expect(line.KPI_FIRST_ANSWER_TIME).toMatch(/^\d+$/);
      expect(line.KPI_FURTHER_ANSWER_TIME).toMatch(/^\d+$/);
      // As the documented sample shows them: dates as {}, empty day lists as [""], no queue unless asked.
      expect(line.DATE_CREATE).toEqual({});
      expect(Array.isArray(line.WORKTIME_DAYOFF)).toBe(true);
      expect(line).not.toHaveProperty('QUEUE');
      expect(line).not.toHaveProperty('QUEUE_USERS_FIELDS');
    }
    const byId = new Map(result.map((line) => [line.ID, line]));
    expect(byId.get('1')).toMatchObject({ LINE_NAME: 'Website chat', KPI_FIRST_ANSWER_TIME: '120', KPI_FURTHER_ANSWER_TIME: '300', KPI_FIRST_ANSWER_ALERT: 'Y', WORKTIME_DAYOFF: [''] });
    expect(byId.get('4')).toMatchObject({ LINE_NAME: 'Billing', KPI_FIRST_ANSWER_TIME: '300', WORKTIME_DAYOFF: ['SA', 'SU'], WORKTIME_HOLIDAYS: ['1.1', '25.12', '26.12'] });
    expect(byId.get('5')).toMatchObject({ ACTIVE: 'N' });
    expect(byId.get('6')).toMatchObject({ LINE_NAME: 'Служба поддержки', LANGUAGE_ID: 'ru' });
    expect(byId.get('7')).toMatchObject({ LINE_NAME: 'VIP clients', KPI_FIRST_ANSWER_TIME: '60', KPI_FURTHER_ANSWER_TIME: '180' });
    // "0" switches the SLA off.
    expect(byId.get('9')).toMatchObject({ KPI_FIRST_ANSWER_TIME: '0', KPI_FURTHER_ANSWER_TIME: '0', KPI_FIRST_ANSWER_ALERT: 'N' });
    expect(byId.get('22')).toMatchObject({ LINE_NAME: 'Bitrix24 Documentation', WELCOME_BOT_ID: '597', MODIFY_USER_ID: '27' });
    // The line names in the dialogs' own names match.
    const sales = dataset.find((entry) => entry.dialog['id'] === 2017)?.dialog;
    expect(String(sales?.['name'])).toContain(byId.get(String(lineOf(sales!)))?.LINE_NAME);
  });

  it('adds the queue with OPTIONS.QUEUE=Y: every dialog owner is in its line queue, under the name dialog.get uses', async () => {
    const emulator = await start();
    const reply = await lines(emulator, { OPTIONS: { QUEUE: 'Y' } });
    const byId = new Map((reply.json.result as Array<Record<string, any>>).map((line) => [Number(line.ID), line]));
    for (const { dialog } of dataset) {
      const line = byId.get(lineOf(dialog));
      expect(line?.QUEUE, String(dialog['id'])).toContain(String(dialog['owner']));
    }
    const viewers = dataset.flatMap(({ dialog }) => (dialog['last_message_views'] as { first_viewers: Array<{ user_id: number; user_name: string }> }).first_viewers);
    for (const line of byId.values()) {
      for (const [userId, fields] of Object.entries(line.QUEUE_USERS_FIELDS as Record<string, any>)) {
        expect(Object.keys(fields)).toEqual(['USER_NAME', 'USER_WORK_POSITION', 'USER_AVATAR', 'USER_AVATAR_ID']);
        expect(fields.USER_AVATAR_ID).toMatch(/^\d+$/);
        if (fields.USER_NAME === null) continue;
        const named = viewers.find((viewer) => String(viewer.user_id) === userId);
        if (named) expect(fields.USER_NAME).toBe(named.user_name);
      }
    }
    // The documented line leaves the queue's own names empty, as its sample does.
    expect(byId.get(22)?.QUEUE_USERS_FIELDS).toEqual({ 27: { USER_NAME: null, USER_WORK_POSITION: null, USER_AVATAR: null, USER_AVATAR_ID: '0' } });
    // Queue order is the line's, not ascending ids: the JSON keeps it.
    expect(byId.get(6)?.QUEUE).toEqual(['52', '27', '63']);
    const line6 = reply.text.slice(reply.text.indexOf('"ID":"6"'), reply.text.indexOf('"ID":"7"'));
    const fieldsPart = line6.slice(line6.indexOf('"QUEUE_USERS_FIELDS"'));
    expect([...fieldsPart.matchAll(/"(\d+)":\{"USER_NAME"/g)].map((m) => m[1])).toEqual(['52', '27', '63']);
  });

  it('adds what the queue is made of with OPTIONS.CONFIG_QUEUE=Y', async () => {
    const emulator = await start();
    const reply = await lines(emulator, { PARAMS: { filter: { ID: [3, 22] } }, OPTIONS: { CONFIG_QUEUE: 'Y' } });
    const [support, docs] = reply.json.result;
    expect(support.CONFIG_QUEUE).toEqual([{ ENTITY_ID: '1', ENTITY_TYPE: 'department' }]);
    expect(docs.CONFIG_QUEUE).toEqual([{ ENTITY_ID: '27', ENTITY_TYPE: 'user' }]);
    expect(support).not.toHaveProperty('QUEUE');
  });
});

describe('config.list.get: PARAMS and OPTIONS', () => {
  it('selects fields, with aliases; without ID in the select the queue cannot be found', async () => {
    const emulator = await start();
    const selected = await lines(emulator, { PARAMS: { select: ['ID', 'LINE_NAME', 'KPI_FIRST_ANSWER_TIME', 'NOT_A_FIELD'] } });
    expect(selected.json.result[0]).toEqual({ ID: '1', LINE_NAME: 'Website chat', KPI_FIRST_ANSWER_TIME: '120' });

    const aliased = await lines(emulator, { PARAMS: { select: { 0: 'ID', NAME: 'LINE_NAME' }, filter: { ID: 22 } } });
    expect(aliased.json.result).toEqual([{ ID: '22', NAME: 'Bitrix24 Documentation' }]);

    const noId = await lines(emulator, { PARAMS: { select: ['LINE_NAME'], filter: { ID: 1 } }, OPTIONS: { QUEUE: 'Y' } });
    expect(noId.json.result).toEqual([{ LINE_NAME: 'Website chat', QUEUE: [], QUEUE_USERS_FIELDS: [] }]);

    const everything = await lines(emulator, { PARAMS: { select: ['*'], limit: 1 } });
    expect(Object.keys(everything.json.result[0]).length).toBeGreaterThanOrEqual(85);
  });

  it('filters with the ORM prefixes, orders, and pages by limit (default 50, at most 200) and offset', async () => {
    const emulator = await start();
    const idsFor = async (params: Record<string, unknown>): Promise<string[]> =>
      ids(await lines(emulator, { PARAMS: { select: ['ID'], ...params } }));
    expect(await idsFor({ filter: { ACTIVE: 'N' } })).toEqual(['5']);
    expect(await idsFor({ filter: { '!ACTIVE': 'N', '<ID': 4 } })).toEqual(['1', '2', '3']);
    expect(await idsFor({ filter: { '%LINE_NAME': 'sup' } })).toEqual(['3']);
    expect(await idsFor({ filter: { '=ID': ['22', 1] } })).toEqual(['1', '22']);
    expect(await idsFor({ filter: { '>=KPI_FIRST_ANSWER_TIME': 300 } })).toEqual(['4', '5']);
    expect(await idsFor({ filter: { '>KPI_FIRST_ANSWER_TIME': 0 }, order: { KPI_FIRST_ANSWER_TIME: 'ASC' } })).toEqual(['7', '1', '2', '3', '6', '8', '22', '4', '5']);
    expect(await idsFor({ order: { ID: 'DESC' } })).toEqual(['22', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
    expect(await idsFor({ filter: { NOT_A_FIELD: 'x' } })).toEqual([]);
    expect(await idsFor({ limit: 3, offset: 2 })).toEqual(['3', '4', '5']);
    expect(await idsFor({ limit: 500 })).toHaveLength(10);
    expect(await idsFor({ offset: 10 })).toEqual([]);
    // PHP's empty array is [] in JSON, and so is an empty result.
    expect((await lines(emulator, { PARAMS: { filter: { ID: 424242 } } })).text).toMatch(/^\{"result":\[\],"time":/);
  });

  it('pages 50 lines at a time by default, 200 at most', async () => {
    const many = Array.from({ length: 230 }, (_, k) => ({ settings: { ID: String(k + 1), LINE_NAME: `Line ${k + 1}` }, queue: [] }));
    const emulator = await start({ lines: many });
    expect((await lines(emulator, {})).json.result).toHaveLength(50);
    expect((await lines(emulator, { PARAMS: { limit: 1000 } })).json.result).toHaveLength(200);
    expect(ids(await lines(emulator, { PARAMS: { limit: 200, offset: 200 } }))).toHaveLength(30);
  });

  it('drops the lines the caller may not see with OPTIONS.CHECK_PERMISSION, after the page is cut', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, SUPERVISOR] });
    expect(ids(await lines(emulator, {}))).toContain('7');
    expect(ids(await lines(emulator, { OPTIONS: { CHECK_PERMISSION: 'VIEW' } }))).not.toContain('7');
    expect(ids(await lines(emulator, { OPTIONS: { CHECK_PERMISSION: 'VIEW' } }, SUPERVISOR))).toContain('7');
    // The module filters what the table returned: a page of 3 that held line 7 comes back with 2.
    expect(ids(await lines(emulator, { PARAMS: { limit: 3, offset: 5 }, OPTIONS: { CHECK_PERMISSION: 'VIEW' } }))).toEqual(['6', '8']);
  });

  it('answers INVALID_FORMAT (400) when select, order or filter is not an array', async () => {
    const emulator = await start();
    for (const part of ['select', 'order', 'filter']) {
      const reply = await lines(emulator, { PARAMS: { [part]: 'ID' } });
      expect(reply.status, part).toBe(400);
      expect(reply.json).toEqual({ error: 'INVALID_FORMAT', error_description: `A wrong format for the PARAMS field '${part}' is passed` });
    }
    const form = await call(emulator, 'imopenlines.config.list.get', {}, { body: 'PARAMS[filter]=ID', contentType: FORM });
    expect(form.json.error).toBe('INVALID_FORMAT');
    // PARAMS that is not an array at all is ignored, as `!empty && is_array` does.
    expect(ids(await lines(emulator, { PARAMS: 'select=ID' }))).toHaveLength(10);
    const formSelect = await call(emulator, 'imopenlines.config.list.get', {}, { body: 'PARAMS[select][]=ID&PARAMS[filter][ID]=22', contentType: FORM });
    expect(formSelect.json.result).toEqual([{ ID: '22' }]);
  });

  it('answers insufficient_scope to a webhook without imopenlines', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, CRM_ONLY] });
    const reply = await lines(emulator, {}, CRM_ONLY);
    expect(reply.status).toBe(403);
    expect(reply.json.error).toBe('insufficient_scope');
  });
});

describe('config.list.get in batch', () => {
  it('answers beside session.history.get, whose line it names', async () => {
    const emulator = await start();
    const reply = await call(emulator, 'batch', {
      halt: 0,
      cmd: {
        h: 'imopenlines.session.history.get?SESSION_ID=343',
        l: 'imopenlines.config.list.get?PARAMS[select][]=ID&PARAMS[select][]=LINE_NAME&PARAMS[select][]=KPI_FIRST_ANSWER_TIME&PARAMS[filter][ID]=22',
        bad: 'imopenlines.config.list.get?PARAMS[order]=ID',
      },
    });
    expect(reply.status).toBe(200);
    const { result, result_error } = reply.json.result;
    expect(result.l).toEqual([{ ID: '22', LINE_NAME: 'Bitrix24 Documentation', KPI_FIRST_ANSWER_TIME: '120' }]);
    expect(Object.keys(result.h.openlines.canvoteashead)).toEqual([result.l[0].ID]);
    expect(result_error.bad.error).toBe('INVALID_FORMAT');
  });
});

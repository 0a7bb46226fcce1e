// The emulator over real HTTPS: every answer here went through TLS, the HTTP
// parser and the emulator's own URL/auth/limit pipeline.
import { describe, it, expect } from 'vitest';
import { request } from 'node:https';
import {
  DEMO_CONNECTORS,
  DEMO_IDS,
  DEMO_WEBHOOK,
  demoDataset,
  startEmulator,
  type Emulator,
  type EmulatorWebhook,
} from '../../main/emulator/index';
import documented from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { callEmulator, startedEmulators, type CallOptions, type Reply } from '../support/emulator-call';
import accessErrorFixture from '../fixtures/imopenlines.dialog.get.ACCESS_ERROR.json' with { type: 'json' };

const start = startedEmulators();
const call = callEmulator;

const dialogGet = (emulator: Emulator, params: Record<string, unknown>, options?: CallOptions): Promise<Reply> =>
  call(emulator, 'imopenlines.dialog.get', params, options);

function expectAccessError(reply: Reply): void {
  expect(reply.status).toBe(400);
  expect(reply.json).toEqual(accessErrorFixture);
}

const userCodeOf = (chatId: number): string => {
  const entry = demoDataset().find((d) => d.dialog['id'] === chatId);
  if (!entry) throw new Error(`no chat ${chatId}`);
  return String(entry.dialog['entity_id']);
};

describe('emulator: imopenlines.dialog.get lookups', () => {
  it('finds the documented chat by every identifier form', async () => {
    const emulator = await start();
    const forms: Array<Record<string, unknown>> = [
      { CHAT_ID: 1777 },
      { CHAT_ID: '1777' },
      { DIALOG_ID: 'chat1777' },
      { SESSION_ID: 343 },
      { SESSION_ID: '287' },
      { USER_CODE: 'livechat|22|1775|599' },
      { USER_CODE: 'imol|livechat|22|1775|599' },
      { chat_id: 1777 },
      { Dialog_Id: 'chat1777' },
      { session_id: 343 },
      { user_code: 'imol|livechat|22|1775|599' },
    ];
    for (const params of forms) {
      const reply = await dialogGet(emulator, params);
      expect(reply.status, JSON.stringify(params)).toBe(200);
      expect(reply.json.result).toEqual(documented.result);
    }
  });

  it('accepts .json, a query string, form bodies with nesting, and GET', async () => {
    const emulator = await start();
    const viaJsonSuffix = await dialogGet(emulator, { CHAT_ID: 1777 }, { path: 'imopenlines.dialog.get.json?bx24_request_id=abc&bx24_sdk_ver=2.2.0' });
    expect(viaJsonSuffix.json.result.id).toBe(1777);

    const viaForm = await dialogGet(emulator, {}, {
      body: 'DIALOG_ID=chat2001&extra%5Bnested%5D=1&list[]=a&list[]=b',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(viaForm.json.result.id).toBe(2001);

    const viaGet = await dialogGet(emulator, {}, { httpMethod: 'GET', path: 'imopenlines.dialog.get?SESSION_ID=5012' });
    expect(viaGet.json.result.id).toBe(2001);

    const viaQueryOnPost = await dialogGet(emulator, {}, { body: '', path: 'imopenlines.dialog.get.json?USER_CODE=imol%7Clivechat%7C22%7C1775%7C599' });
    expect(viaQueryOnPost.json.result.id).toBe(1777);

    // The log keeps what the method saw: the form nesting decoded, the SDK's bx24_* fields dropped.
    expect(emulator.requests[0]?.params).toEqual({ CHAT_ID: 1777 });
    expect(emulator.requests[1]?.params).toEqual({ DIALOG_ID: 'chat2001', extra: { nested: '1' }, list: ['a', 'b'] });
    expect(emulator.requests.map((r) => r.method)).toEqual(Array(4).fill('imopenlines.dialog.get'));
  });

  it('applies CHAT_ID > DIALOG_ID > SESSION_ID > USER_CODE and ignores the rest', async () => {
    const emulator = await start();
    const id = async (params: Record<string, unknown>): Promise<unknown> => (await dialogGet(emulator, params)).json?.result?.id;
    expect(await id({ CHAT_ID: 2001, DIALOG_ID: 'chat1777', SESSION_ID: 343, USER_CODE: userCodeOf(2002) })).toBe(2001);
    expect(await id({ DIALOG_ID: 'chat1777', SESSION_ID: 5012, USER_CODE: userCodeOf(2002) })).toBe(1777);
    expect(await id({ SESSION_ID: 343, USER_CODE: userCodeOf(2002) })).toBe(1777);
    expect(await id({ USER_CODE: userCodeOf(2002) })).toBe(2002);
    // Empty values do not count as present.
    expect(await id({ CHAT_ID: '', DIALOG_ID: 'chat2003' })).toBe(2003);
    // A present but unusable higher-precedence key wins and fails; the valid lower one is ignored.
    expectAccessError(await dialogGet(emulator, { CHAT_ID: 'abc', DIALOG_ID: 'chat1777' }));
    expectAccessError(await dialogGet(emulator, { DIALOG_ID: '1777', SESSION_ID: 343 }));
  });

  it('answers ACCESS_ERROR (400) for not found, bad format, missing and denied alike', async () => {
    const emulator = await start();
    const cases: Array<Record<string, unknown>> = [
      {},
      { CHAT_ID: DEMO_IDS.missingChatId },
      { CHAT_ID: 0 },
      { CHAT_ID: -1777 },
      { CHAT_ID: '17x77' },
      { DIALOG_ID: '1777' },
      { DIALOG_ID: 'sg12' },
      { DIALOG_ID: 'Chat1777' },
      { DIALOG_ID: 'chat' },
      { SESSION_ID: 424242 },
      { USER_CODE: 'livechat|22|1775|600' },
      { USER_CODE: ['livechat|22|1775|599'] },
      { CHAT_ID: DEMO_IDS.deniedChatId },
      { DIALOG_ID: `chat${DEMO_IDS.deniedChatId}` },
    ];
    for (const params of cases) {
      const reply = await dialogGet(emulator, params);
      expect(reply.status, JSON.stringify(params)).toBe(400);
      expect(reply.json, JSON.stringify(params)).toEqual(accessErrorFixture);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });

  it('denies the restricted chat only to the users listed', async () => {
    const supervisor: EmulatorWebhook = { userId: 44, key: 'supervisor0key', scopes: ['imopenlines'] };
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, supervisor] });
    expectAccessError(await dialogGet(emulator, { CHAT_ID: DEMO_IDS.deniedChatId }));
    const allowed = await dialogGet(emulator, { CHAT_ID: DEMO_IDS.deniedChatId }, { webhook: supervisor });
    expect(allowed.status).toBe(200);
    expect(allowed.json.result.dialog_id).toBe(`chat${DEMO_IDS.deniedChatId}`);
  });

  it('answers IM_NOT_INSTALLED when the messenger is missing', async () => {
    const emulator = await start({ imInstalled: false });
    const reply = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ error: 'IM_NOT_INSTALLED', error_description: 'Messenger is not installed.' });
  });

  it('serves a custom dataset and copies answers, so clients cannot alter the portal', async () => {
    const dialog = { id: 5, dialog_id: 'chat5', entity_id: 'x|1|2|3', nested: { a: [1, 2] } };
    const emulator = await start({ dialogs: [{ dialog, sessionIds: [77] }] });
    const reply = await dialogGet(emulator, { SESSION_ID: 77 });
    expect(reply.json.result).toEqual(dialog);
    dialog.nested.a.push(3);
    expect((await dialogGet(emulator, { CHAT_ID: 5 })).json.result.nested.a).toEqual([1, 2, 3]);
    expectAccessError(await dialogGet(emulator, { CHAT_ID: 1777 }));
  });
});

describe('emulator: authentication, scopes and methods', () => {
  it('answers NO_AUTH_FOUND (401) for a wrong key, an unknown user or no webhook', async () => {
    const emulator = await start();
    const expected = { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' };
    const urls = [
      `${emulator.origin}/rest/1/wrong-key/imopenlines.dialog.get`,
      `${emulator.origin}/rest/2/${DEMO_WEBHOOK.key}/imopenlines.dialog.get`,
      `${emulator.origin}/rest/imopenlines.dialog.get.json`,
    ];
    for (const url of urls) {
      const reply = await dialogGet(emulator, { CHAT_ID: 1777 }, { url });
      expect(reply.status, url).toBe(401);
      expect(reply.json).toEqual(expected);
    }
    expect(emulator.requests.map((r) => [r.userId, r.status, r.method])).toEqual([
      [null, 401, 'imopenlines.dialog.get'],
      [null, 401, 'imopenlines.dialog.get'],
      [null, 401, 'imopenlines.dialog.get'],
    ]);
  });

  it('answers insufficient_scope (403) to a webhook without imopenlines, and `scope` lists its scopes', async () => {
    const crmOnly: EmulatorWebhook = { userId: 7, key: 'crm0only', scopes: ['crm'] };
    const emulator = await start({ webhooks: [crmOnly] });
    const reply = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(reply.status).toBe(403);
    expect(reply.json.error).toBe('insufficient_scope');
    const scope = await call(emulator, 'scope');
    expect(scope.status).toBe(200);
    expect(scope.json.result).toEqual(['crm']);
  });

  it('lists the demo webhook scopes and builds its URL', async () => {
    const emulator = await start();
    expect(emulator.webhookUrl()).toBe(`https://127.0.0.1:${emulator.port}/rest/1/${DEMO_WEBHOOK.key}/`);
    expect(emulator.origin).toBe(`https://127.0.0.1:${emulator.port}`);
    expect((await call(emulator, 'scope')).json.result).toEqual(['imopenlines', 'im', 'crm', 'user_brief']);
  });

  it('answers ERROR_METHOD_NOT_FOUND (404) for unknown methods, case-insensitively matching known ones', async () => {
    const emulator = await start();
    const missing = await call(emulator, 'imopenlines.session.list');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    const mixedCase = await call(emulator, 'IMOPENLINES.Dialog.Get', { CHAT_ID: 1777 });
    expect(mixedCase.json.result.id).toBe(1777);
  });

  it('serves a real TLS certificate, shared by every emulator in the process', async () => {
    const first = await start();
    const second = await start();
    expect(first.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(second.certificate).toBe(first.certificate);
    expect(second.port).not.toBe(first.port);
    // Without trusting the certificate the connection must fail: this is real TLS, not plain HTTP.
    const untrusted = new Promise<unknown>((resolve, reject) => {
      const req = request(`${first.webhookUrl()}scope`, { method: 'POST', agent: false }, resolve);
      req.on('error', reject);
      req.end();
    });
    await expect(untrusted).rejects.toThrow(/self[- ]signed|certificate/i);
    expect(first.requests).toHaveLength(0);
  });

  it('serves an HTML 404 outside /rest/ without logging a REST call', async () => {
    const emulator = await start();
    const reply = await call(emulator, '', {}, { url: `${emulator.origin}/favicon.ico`, httpMethod: 'GET' });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('emulator: limits and the time block', () => {
  it('returns a complete time block with operating accounting', async () => {
    const emulator = await start({ operatingCostSeconds: 0.25 });
    const before = Date.now() / 1000;
    const first = await dialogGet(emulator, { CHAT_ID: 1777 });
    const second = await dialogGet(emulator, { CHAT_ID: 1777 });
    const time = first.json.time;
    const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
    expect(Object.keys(time).sort()).toEqual(
      ['date_finish', 'date_start', 'duration', 'finish', 'operating', 'operating_reset_at', 'processing', 'start'].sort(),
    );
    expect(time.start).toBeGreaterThanOrEqual(Math.floor(before));
    expect(time.finish).toBeGreaterThanOrEqual(time.start);
    expect(time.duration).toBeCloseTo(time.finish - time.start, 6);
    expect(time.date_start).toMatch(isoWithOffset);
    expect(time.date_finish).toMatch(isoWithOffset);
    expect(Date.parse(time.date_start) / 1000).toBeCloseTo(Math.floor(time.start), 0);
    expect(time.operating).toBe(0.25);
    expect(second.json.time.operating).toBe(0.5);
    expect(time.operating_reset_at).toBe(Math.floor(time.start) + 600);
    expect(second.json.time.operating_reset_at).toBe(time.operating_reset_at);
    // Accounting is per method: `scope` starts from zero.
    expect((await call(emulator, 'scope')).json.time.operating).toBe(0.25);
  });

  it('blocks a method with OPERATION_TIME_LIMIT (429) once its budget is used, per method and per webhook', async () => {
    const other: EmulatorWebhook = { userId: 9, key: 'second0hook', scopes: ['imopenlines'] };
    const emulator = await start({ operatingLimitSeconds: 0.15, operatingCostSeconds: 0.05, webhooks: [DEMO_WEBHOOK, other] });
    for (let i = 1; i <= 3; i += 1) {
      const ok = await dialogGet(emulator, { CHAT_ID: 1777 });
      expect(ok.status).toBe(200);
      expect(ok.json.time.operating).toBeCloseTo(0.05 * i, 9);
    }
    const blocked = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(blocked.status).toBe(429);
    expect(blocked.json).toEqual({
      error: 'OPERATION_TIME_LIMIT',
      error_description: 'Method is blocked due to operation time limit.',
    });
    expect((await call(emulator, 'scope')).status).toBe(200);
    expect((await dialogGet(emulator, { CHAT_ID: 1777 }, { webhook: other })).status).toBe(200);
  });

  it('refuses requests past the burst with QUERY_LIMIT_EXCEEDED (503)', async () => {
    const emulator = await start({ rateLimit: { burst: 3, drainPerSecond: 0.01 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call(emulator, 'scope')).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    const refused = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(refused.json).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
    expect(emulator.requests.at(-1)?.status).toBe(503);
  });

  it('drains the bucket over time', async () => {
    const emulator = await start({ rateLimit: { burst: 2, drainPerSecond: 10 } });
    expect((await call(emulator, 'scope')).status).toBe(200);
    expect((await call(emulator, 'scope')).status).toBe(200);
    expect((await call(emulator, 'scope')).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call(emulator, 'scope')).status).toBe(200);
  });

  it('uses burst 50 by default, counts a batch as one request, and can be disabled', async () => {
    const limited = await start();
    const batch = await call(limited, 'batch', {
      cmd: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`c${i}`, 'scope'])),
    });
    expect(batch.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) statuses.push((await call(limited, 'scope')).status);
    expect(statuses.slice(0, 49).every((s) => s === 200)).toBe(true);
    expect(statuses[49]).toBe(503);

    const unlimited = await start({ rateLimit: false });
    for (let i = 0; i < 55; i += 1) expect((await call(unlimited, 'scope')).status).toBe(200);
  });
});

describe('emulator: batch', () => {
  it('answers each command under its key, with [] for empty maps', async () => {
    const emulator = await start();
    const reply = await call(emulator, 'batch', {
      halt: 0,
      cmd: { d: 'imopenlines.dialog.get?DIALOG_ID=chat1777', s: 'scope', u: 'imopenlines.dialog.get?USER_CODE=imol%7Clivechat%7C22%7C1775%7C599' },
    });
    expect(reply.status).toBe(200);
    const { result, time } = reply.json;
    expect(Object.keys(result.result)).toEqual(['d', 's', 'u']);
    expect(result.result.d).toEqual(documented.result);
    expect(result.result.u.id).toBe(1777);
    expect(result.result.s).toEqual(DEMO_WEBHOOK.scopes);
    expect(result.result_error).toEqual([]);
    expect(result.result_total).toEqual([]);
    expect(result.result_next).toEqual([]);
    expect(Object.keys(result.result_time)).toEqual(['d', 's', 'u']);
    expect(result.result_time.d.operating).toBeCloseTo(0.05, 9);
    expect(typeof time.start).toBe('number');
    // The outer batch is not charged.
    expect(time.operating).toBe(0);
  });

  it('returns lists for array commands and [] results when everything fails', async () => {
    const emulator = await start();
    const list = await call(emulator, 'batch', { cmd: ['scope', 'imopenlines.dialog.get?CHAT_ID=2001'] });
    expect(Array.isArray(list.json.result.result)).toBe(true);
    expect(list.json.result.result[1].id).toBe(2001);

    const failing = await call(emulator, 'batch', { cmd: { a: 'imopenlines.dialog.get?CHAT_ID=9999' } });
    expect(failing.status).toBe(200);
    expect(failing.json.result.result).toEqual([]);
    expect(failing.json.result.result_time).toEqual([]);
    expect(failing.json.result.result_error).toEqual({ a: accessErrorFixture });
  });

  it('stops at the first failure with halt=1 and continues with halt=0', async () => {
    const emulator = await start();
    const cmd = { a: 'scope', b: 'imopenlines.dialog.get?CHAT_ID=9999', c: 'imopenlines.dialog.get?CHAT_ID=1777' };
    const halted = await call(emulator, 'batch', { halt: 1, cmd });
    expect(Object.keys(halted.json.result.result)).toEqual(['a']);
    expect(Object.keys(halted.json.result.result_error)).toEqual(['b']);
    const continued = await call(emulator, 'batch', { halt: 0, cmd });
    expect(Object.keys(continued.json.result.result)).toEqual(['a', 'c']);
    expect(continued.json.result.result_error.b.error).toBe('ACCESS_ERROR');
  });

  it('substitutes $result references from earlier commands', async () => {
    const emulator = await start();
    const reply = await call(emulator, 'batch', {
      cmd: {
        first: `imopenlines.dialog.get?SESSION_ID=${DEMO_IDS.documentedOlderSessionId}`,
        byId: 'imopenlines.dialog.get?CHAT_ID=$result[first][id]',
        byCode: 'imopenlines.dialog.get?USER_CODE=$result[first][entity_link][id]',
        byDialog: 'imopenlines.dialog.get?DIALOG_ID=chat$result[first][id]',
        dangling: 'imopenlines.dialog.get?CHAT_ID=$result[nothing][id]',
      },
    });
    const { result, result_error } = reply.json.result;
    expect(result.byId.id).toBe(1777);
    expect(result.byCode.id).toBe(1777);
    expect(result.byDialog.id).toBe(1777);
    expect(result_error.dangling.error).toBe('ACCESS_ERROR');
  });

  it('refuses more than 50 commands and nested batches', async () => {
    const emulator = await start();
    const tooMany = await call(emulator, 'batch', {
      cmd: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'scope'])),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toEqual({ error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' });

    const nested = await call(emulator, 'batch', { cmd: { inner: 'batch?cmd[x]=scope', ok: 'scope' } });
    expect(nested.status).toBe(200);
    expect(nested.json.result.result_error.inner.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
    expect(nested.json.result.result.ok).toEqual(DEMO_WEBHOOK.scopes);
  });

  it('reports per-command scope errors and accepts form and GET batches', async () => {
    const crmOnly: EmulatorWebhook = { userId: 7, key: 'crm0only', scopes: ['crm'] };
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, crmOnly] });
    const scoped = await call(emulator, 'batch', { cmd: { d: 'imopenlines.dialog.get?CHAT_ID=1777' } }, { webhook: crmOnly });
    expect(scoped.json.result.result_error.d.error).toBe('insufficient_scope');

    const form = await call(emulator, 'batch', {}, {
      body: `halt=0&cmd[d]=${encodeURIComponent('imopenlines.dialog.get?DIALOG_ID=chat2002')}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.json.result.result.d.id).toBe(2002);

    // In GET the command strings are URL-encoded twice.
    const inner = `imopenlines.dialog.get?USER_CODE=${encodeURIComponent('imol|livechat|22|1775|599')}`;
    const get = await call(emulator, 'batch', {}, {
      httpMethod: 'GET',
      path: `batch?halt=0&cmd[d]=${encodeURIComponent(inner)}`,
    });
    expect(get.json.result.result.d.id).toBe(1777);
  });
});

describe('emulator: faults', () => {
  it('injects errors with the brief statuses, for `times` requests, then answers normally', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'error', code: 'ACCESS_ERROR' });
    emulator.injectFault({ kind: 'error', code: 'OPERATION_TIME_LIMIT' });
    emulator.injectFault({ kind: 'error', code: 'SOMETHING_NEW' });
    emulator.injectFault({ kind: 'error', code: 'OVERLOAD_LIMIT', status: 503, description: 'custom text' }, { times: 2 });
    const replies: Reply[] = [];
    for (let i = 0; i < 6; i += 1) replies.push(await dialogGet(emulator, { CHAT_ID: 1777 }));
    expect(replies.map((r) => r.status)).toEqual([400, 429, 400, 503, 503, 200]);
    expect(replies[0]?.json).toEqual(accessErrorFixture);
    expect(replies[2]?.json).toEqual({ error: 'SOMETHING_NEW', error_description: 'SOMETHING_NEW' });
    expect(replies[3]?.json).toEqual({ error: 'OVERLOAD_LIMIT', error_description: 'custom text' });
    expect(replies[5]?.json.result.id).toBe(1777);
  });

  it('lets `after` matching requests through first, then applies the fault its `times`', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'error', code: 'QUERY_LIMIT_EXCEEDED', status: 503 }, { method: 'scope', times: 2, after: 2 });
    expect((await dialogGet(emulator, { CHAT_ID: 1777 })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call(emulator, 'scope')).status);
    expect(statuses).toEqual([200, 200, 503, 503, 200]);
    expect(() => emulator.injectFault({ kind: 'reset' }, { after: -1 })).toThrow(RangeError);
  });

  it('applies faults only after authentication and only to the chosen method', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'error', code: 'INTERNAL_SERVER_ERROR' }, { method: 'scope' });
    const unauthorised = await call(emulator, 'scope', {}, { url: `${emulator.origin}/rest/1/nope/scope` });
    expect(unauthorised.status).toBe(401);
    expect((await dialogGet(emulator, { CHAT_ID: 1777 })).status).toBe(200);
    const faulted = await call(emulator, 'scope.json');
    expect(faulted.status).toBe(500);
    expect(faulted.json).toEqual({ error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' });
    expect((await call(emulator, 'scope')).status).toBe(200);
  });

  it('clears pending faults', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'reset' }, { times: 5 });
    emulator.clearFaults();
    expect((await call(emulator, 'scope')).status).toBe(200);
  });

  it('serves HTML pages: a 502 proxy page by default, or a 200 login page', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'html' });
    emulator.injectFault({ kind: 'html', status: 200 });
    const proxy = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(proxy.status).toBe(502);
    expect(proxy.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(proxy.text).toContain('502 Bad Gateway');
    expect(proxy.json).toBeUndefined();
    const login = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(login.status).toBe(200);
    expect(login.headers['content-type']).toMatch(/^text\/html/);
    expect(login.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('serves an empty body, and JSON that is not a Bitrix24 answer', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'empty' });
    emulator.injectFault({ kind: 'empty', status: 500 });
    emulator.injectFault({ kind: 'json-not-bitrix' });
    const empty = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect([empty.status, empty.text]).toEqual([200, '']);
    const empty500 = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect([empty500.status, empty500.text]).toEqual([500, '']);
    const odd = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(odd.status).toBe(200);
    expect(odd.json).toEqual({ hello: 'world' });
  });

  it('cuts a valid answer in half and ends the connection', async () => {
    const emulator = await start();
    const full = (await dialogGet(emulator, { CHAT_ID: 1777 })).text;
    emulator.injectFault({ kind: 'truncated' });
    const cut = await dialogGet(emulator, { CHAT_ID: 1777 });
    expect(cut.status).toBe(200);
    expect(cut.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(cut.headers['content-length']).toBeUndefined();
    expect(cut.json).toBeUndefined();
    expect(cut.text.length).toBeGreaterThan(100);
    expect(cut.text.length).toBeLessThan(full.length);
    // Same prefix up to the time block, which differs between calls.
    expect(full.startsWith(cut.text.slice(0, cut.text.indexOf('"time"') === -1 ? cut.text.length : cut.text.indexOf('"time"')))).toBe(true);
  });

  it('resets the connection without answering', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'reset' });
    await expect(dialogGet(emulator, { CHAT_ID: 1777 })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'imopenlines.dialog.get', status: 0, userId: 1 });
    expect((await dialogGet(emulator, { CHAT_ID: 1777 })).status).toBe(200);
  });

  it('hangs until the client gives up', async () => {
    const emulator = await start();
    emulator.injectFault({ kind: 'hang' });
    const started = Date.now();
    await expect(dialogGet(emulator, { CHAT_ID: 1777 }, { timeoutMs: 300 })).rejects.toThrow('client timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect((await dialogGet(emulator, { CHAT_ID: 1777 })).status).toBe(200);
  });

  it('closes fast even while a request hangs', async () => {
    const emulator = await startEmulator();
    emulator.injectFault({ kind: 'hang' });
    const pending = dialogGet(emulator, { CHAT_ID: 1777 }, { timeoutMs: 15_000 });
    pending.catch(() => undefined);
    while (emulator.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
    await expect(call(emulator, 'scope')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('delays answers by latencyMs', async () => {
    const emulator = await start({ latencyMs: 150 });
    const started = Date.now();
    expect((await call(emulator, 'scope')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('emulator: demo dataset', () => {
  const dataset = demoDataset();
  const byId = new Map(dataset.map((d) => [d.dialog['id'] as number, d]));
  const sampleKeys = Object.keys(documented.result);
  const text = (chatId: number, field: string): string => String(byId.get(chatId)?.dialog[field]);

  it('holds the documented sample unchanged, plus about 40 generated dialogs', () => {
    expect(byId.get(1777)?.dialog).toEqual(documented.result);
    expect(byId.get(1777)?.sessionIds).toEqual([343, 287]);
    expect(dataset.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every dialog a unique id, dialog_id = chat<id>, unique sessions, and the sample field set', () => {
    const ids = dataset.map((d) => d.dialog['id']);
    expect(new Set(ids).size).toBe(ids.length);
    const sessions = dataset.flatMap((d) => d.sessionIds);
    expect(new Set(sessions).size).toBe(sessions.length);
    for (const { dialog, sessionIds } of dataset) {
      expect(dialog['dialog_id']).toBe(`chat${String(dialog['id'])}`);
      const keys = Object.keys(dialog);
      expect(keys.filter((k) => sampleKeys.includes(k))).toEqual(sampleKeys);
      if (dialog['id'] !== DEMO_IDS.unknownFieldsChatId) expect(keys).toEqual(sampleKeys);
      // The current session (entity_data_1[5]) maps back to its chat.
      const parts = String(dialog['entity_data_1']).split('|');
      if (parts.length >= 6) expect(sessionIds).toContain(Number(parts[5]));
      expect((dialog['entity_link'] as { id: string }).id).toBe(dialog['entity_id']);
    }
  });

  it('is deterministic', () => {
    expect(demoDataset()).toEqual(dataset);
  });

  it('covers every connector, lines 1-9, every CRM type and the entity_data edge forms', () => {
    const connectors = new Set(dataset.map((d) => String(d.dialog['entity_id']).split('|')[0]));
    for (const connector of DEMO_CONNECTORS) expect(connectors).toContain(connector);
    const lines = new Set(dataset.map((d) => Number(String(d.dialog['entity_id']).split('|')[1])));
    for (let line = 1; line <= 9; line += 1) expect(lines).toContain(line);
    const crmTypes = new Set(dataset.map((d) => String(d.dialog['entity_data_1']).split('|')[1]));
    for (const type of ['LEAD', 'DEAL', 'CONTACT', 'COMPANY', 'NONE']) expect(crmTypes).toContain(type);
    const silent = new Set(dataset.map((d) => d.dialog['entity_data_3']));
    expect([...silent].sort()).toEqual(['', 'N', 'Y']);
    const flags = dataset.map((d) => String(d.dialog['entity_data_1']).split('|'));
    expect(flags.some((f) => f[3] === 'Y')).toBe(true);
    expect(flags.some((f) => f[4] === 'Y')).toBe(true);
    expect(flags.some((f) => f.length === 10 && f[8] !== '0' && f[9] !== '0')).toBe(true);

    expect(text(DEMO_IDS.legacySessionChatId, 'entity_data_1')).toBe('Y|LEAD|56|N|N|1765');
    expect(byId.get(DEMO_IDS.legacySessionChatId)?.sessionIds).toContain(DEMO_IDS.legacySessionId);
    for (const field of ['entity_data_1', 'entity_data_2', 'entity_data_3']) {
      expect(text(DEMO_IDS.emptyEntityDataChatId, field)).toBe('');
    }
    expect(text(DEMO_IDS.reorderedCrmChatId, 'entity_data_2')).toMatch(/^DEAL\|.*\|ORDER\|\d+$/);
    const blocked = text(DEMO_IDS.blockedChatId, 'entity_data_1').split('|');
    expect(Number(blocked[8])).toBeGreaterThan(0);
    expect(blocked[4]).toBe('Y');
    expect(text(DEMO_IDS.customConnectorChatId, 'entity_id')).toMatch(/^acme_helpdesk\|/);
    expect(text(DEMO_IDS.groupChatChatId, 'entity_id')).toMatch(/\|0$/);
  });

  it('has scripts, languages and markup the renderer must survive', () => {
    expect(text(DEMO_IDS.cyrillicChatId, 'name')).toMatch(/[А-я]/);
    expect(text(DEMO_IDS.rtlChatId, 'name')).toMatch(/[\u0600-\u06FF]/);
    expect(text(DEMO_IDS.chineseChatId, 'name')).toMatch(/[\u4E00-\u9FFF]/);
    expect(text(DEMO_IDS.japaneseChatId, 'name')).toMatch(/[\u30A0-\u30FF]/);
    expect(text(DEMO_IDS.emojiChatId, 'name')).toMatch(/\p{Extended_Pictographic}/u);
    expect(text(DEMO_IDS.markupChatId, 'name')).toContain('<img src=x onerror=alert(1)>');
    const readers = byId.get(DEMO_IDS.markupChatId)?.dialog['readed_list'] as Array<{ user_name: string }>;
    expect(readers.map((r) => r.user_name)).toContain('<script>alert(2)</script>');
  });

  it('varies the remaining fields and passes unknown fields through', async () => {
    const unknown = byId.get(DEMO_IDS.unknownFieldsChatId)?.dialog;
    expect(unknown?.['ai_summary_enabled']).toBe(true);
    expect(unknown?.['copilot']).toMatchObject({ engine: { id: 'copilot-7' } });
    const many = byId.get(DEMO_IDS.manyReadersChatId)?.dialog;
    const readers = many?.['readed_list'] as Array<{ date: string | null }>;
    expect(readers.length).toBeGreaterThanOrEqual(3);
    expect(readers.filter((r) => r.date === null).length).toBeGreaterThanOrEqual(2);
    const views = many?.['last_message_views'] as { first_viewers: unknown[] };
    expect(views.first_viewers.length).toBeGreaterThanOrEqual(2);
    expect(dataset.some((d) => (d.dialog['mute_list'] as unknown[]).length > 0)).toBe(true);
    expect(dataset.some((d) => (d.dialog['manager_list'] as unknown[]).length > 1)).toBe(true);
    expect(dataset.some((d) => d.dialog['description'] === null)).toBe(true);
    expect(dataset.some((d) => typeof d.dialog['description'] === 'string')).toBe(true);
    expect(byId.get(DEMO_IDS.deniedChatId)?.deniedUserIds).toContain(DEMO_WEBHOOK.userId);

    // And over the wire the extra fields survive unchanged.
    const emulator = await start();
    const reply = await dialogGet(emulator, { CHAT_ID: DEMO_IDS.unknownFieldsChatId });
    expect(reply.json.result).toEqual(unknown);
  });

  it('answers every named demo chat over the wire', async () => {
    const emulator = await start({ rateLimit: false });
    const named = Object.entries(DEMO_IDS).filter(
      ([name, value]) => name.endsWith('ChatId') && typeof value === 'number' && value !== DEMO_IDS.deniedChatId && value !== DEMO_IDS.missingChatId,
    );
    for (const [name, chatId] of named) {
      const reply = await dialogGet(emulator, { DIALOG_ID: `chat${String(chatId)}` });
      expect(reply.status, name).toBe(200);
      expect(reply.json.result.id, name).toBe(chatId);
    }
    expectAccessError(await dialogGet(emulator, { CHAT_ID: DEMO_IDS.missingChatId }));
  });
});

describe('a living portal', () => {
  it('serves a dialog as updated from then on, with a new session mapped to it', async () => {
    const portal = await start({ rateLimit: false });
    portal.updateDialog(1777, { owner: 31 }, { newSessionId: 350 });
    const bySession = await dialogGet(portal, { SESSION_ID: 350 });
    expect(bySession.status).toBe(200);
    expect((bySession.json as { result: { id: number; owner: number } }).result).toMatchObject({ id: 1777, owner: 31 });
    expect(() => portal.updateDialog(424242, { owner: 1 })).toThrow(/no chat 424242/);
  });

  it('keeps each emulator’s data its own', async () => {
    const changed = await start({ rateLimit: false });
    const untouched = await start({ rateLimit: false });
    changed.updateDialog(1777, { owner: 99 });
    const answer = await dialogGet(untouched, { CHAT_ID: 1777 });
    expect((answer.json as { result: { owner: number } }).result.owner).toBe(27);
  });
});

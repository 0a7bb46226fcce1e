// The overview against a portal that misbehaves on purpose (test/support/hostile-portal.ts):
// what the list methods answer is data, checked before any row is made of it.
// An item of the wrong shape or of another kind of chat is left out; a page
// of activities that is not what was asked for fails its source, saying why;
// portal text reaches the row as text, never interpreted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOverview } from '../../main/core/overview-fetch';
import { parseWebhookUrl } from '../../main/core/webhook';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { startHostilePortal, timeBlock, type HostilePortal } from '../support/hostile-portal';

let portal: HostilePortal;
let client: PortalClient;

beforeAll(async () => {
  portal = await startHostilePortal();
  client = createWebhookClient(parseWebhookUrl(portal.webhookUrl('hostile0key')), { extraCertificates: [portal.certificate], timeoutMs: 1_500 });
});
afterAll(async () => {
  client.close();
  await portal.close();
});

const lineChat = (id: number, name: string) => ({
  id: `chat${id}`,
  chat_id: id,
  type: 'chat',
  title: name,
  message: { id: 10, author_id: 7000, date: '2026-12-07T12:00:00+01:00' },
  counter: 1,
  chat: { id, name, owner: 27, type: 'lines', entity_type: 'LINES', entity_id: 'livechat|1|99|7000', entity_data_1: 'N|NONE|0|N|N|500|1796640000|1|0|0', entity_data_2: '', entity_data_3: 'N' },
  user: { id: 7000, name: 'Client', connector: true },
  lines: { id: 500, status: 20, date_create: '2026-12-07T11:00:00+01:00' },
});

function answerBatch(body: Record<string, unknown>): void {
  portal.misbehave(({ res }) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result: { result: body['result'] ?? [], result_error: body['result_error'] ?? [], result_total: [], result_next: [], result_time: [] }, time: timeBlock() }));
  }, 'batch');
}

describe('the overview against a hostile portal', () => {
  it('leaves out recent items of the wrong shape or another kind of chat, and keeps portal text as text', async () => {
    const markup = '<img src=x onerror=alert(1)>\u001b[2J - Sales';
    answerBatch({
      result: {
        recent: [
          lineChat(41, markup),
          { ...lineChat(42, 'Wrong - Sales'), counter: { many: true } },
          { ...lineChat(43, 'Group chat'), chat: { ...lineChat(43, 'x').chat, type: 'chat', entity_type: '' } },
          'not an item',
        ],
        lines: [{ ID: '1', LINE_NAME: 'Website chat' }],
      },
    });
    const result = await fetchOverview({ client, sources: ['recent'], kept: [], lines: null, knownNames: () => ({}) });
    expect(result.sources[0]).toEqual({ source: 'recent', state: 'used', rows: 1 });
    expect(result.rows.map((row) => row.chatId)).toEqual([41]);
    expect(result.rows[0]).toMatchObject({ name: markup, status: 'clientWaiting', statusCode: 20, lineName: 'Website chat' });
  });

  it('fails the recent source when its answer is not a list', async () => {
    answerBatch({ result: { recent: { items: 'nope' }, lines: [] } });
    const result = await fetchOverview({ client, sources: ['recent'], kept: [], lines: null, knownNames: () => ({}) });
    expect(result.sources[0]).toMatchObject({ source: 'recent', state: 'failed', error: { code: 'UNEXPECTED_SHAPE' } });
  });

  it('fails the CRM source on a page that is not the open sessions asked for, and asks no further page', async () => {
    const activity = (id: number, extra: Record<string, unknown> = {}) => ({ ID: String(id), PROVIDER_ID: 'IMOPENLINES_SESSION', ASSOCIATED_ENTITY_ID: String(900 + id), COMPLETED: 'N', ...extra });
    answerBatch({ result: { crm: [activity(1), activity(2, { PROVIDER_ID: 'CRM_EMAIL' }), ...Array.from({ length: 48 }, (_, k) => activity(3 + k))], lines: [] } });
    const from = portal.received.length;
    const result = await fetchOverview({ client, sources: ['crm'], kept: [], lines: null, knownNames: () => ({}) });
    expect(result.sources[1]).toMatchObject({ source: 'crm', state: 'failed', error: { code: 'UNEXPECTED_SHAPE' } });
    expect(result.rows).toEqual([]);
    expect(portal.received.slice(from).map((request) => /\/([a-z.]+?)(?:\.json)?(?:\?|$)/.exec(request.url)?.[1])).toEqual(['batch']);
  });

  it('names the scope from a refusal inside the batch', async () => {
    answerBatch({ result: { lines: [] }, result_error: { recent: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the webhook token' } } });
    const result = await fetchOverview({ client, sources: ['recent'], kept: [], lines: null, knownNames: () => ({}) });
    expect(result.sources[0]).toEqual({ source: 'recent', state: 'needsScope', scope: 'im' });
  });
});

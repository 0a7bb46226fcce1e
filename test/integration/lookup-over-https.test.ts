// The core (parse → request → validate → decode) against the emulator over
// real HTTPS: every lookup form, every error code, every odd answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupDialog } from '../../main/core/lookup';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_IDS, DEMO_WEBHOOK, startEmulator, type Emulator, type EmulatorOptions } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient, type PortalClientOptions } from '../../main/rest/portal-client';
import { closedPort } from '../support/closed-port';
import { rejection } from '../support/inspector-errors';


function clientFor(emulator: Emulator, options: PortalClientOptions = {}, url = emulator.webhookUrl()): PortalClient {
  return createWebhookClient(parseWebhookUrl(url), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, ...options });
}

let emulator: Emulator;
let client: PortalClient;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
  // One request per lookup: this file is about how each answer is classified;
  // rest-limits.test.ts is about waiting and retrying.
  client = clientFor(emulator, { rateLimit: false, retry: false });
});
afterAll(async () => {
  client.close();
  await emulator.close();
});
beforeEach(() => emulator.clearFaults());

describe('every lookup form reaches the same dialog', () => {
  it.each([
    ['1777', 'chat', 'CHAT_ID', 1777],
    ['chat1777', 'chat', 'DIALOG_ID', 'chat1777'],
    ['343', 'session', 'SESSION_ID', 343],
    ['287', 'session', 'SESSION_ID', 287],
    ['livechat|22|1775|599', 'chat', 'USER_CODE', 'livechat|22|1775|599'],
    [' imol|livechat|22|1775|599 ', 'chat', 'USER_CODE', 'livechat|22|1775|599'],
  ] as const)('%j as %s sends %s=%j', async (input, numberAs, param, value) => {
    const before = emulator.requests.length;
    const result = await lookupDialog(client, input, numberAs);
    expect(result.dialog.id).toBe(DEMO_IDS.documentedChatId);
    expect(result.query).toMatchObject({ param, value, input: input.trim() });
    // Exactly one parameter goes over the wire.
    const sent = emulator.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toEqual({ [param]: value });
  });

  it('decodes the documented sample completely', async () => {
    const result = await lookupDialog(client, 'chat1777', 'chat');
    expect(result.portal).toEqual({ origin: emulator.origin, host: new URL(emulator.origin).host, demo: false });
    expect(result.decoded.entity).toMatchObject({ connectorId: 'livechat', lineId: 22, externalChatId: '1775', clientUserId: 599 });
    expect(result.decoded.session).toMatchObject({ crmBound: true, crmEntityType: 'LEAD', crmEntityId: 1209, sessionId: 343, sessionStart: '2026-03-16T17:41:58.000Z', pinned: false });
    const lead = result.decoded.crm?.bindings.find((binding) => binding.type === 'LEAD');
    expect(lead).toEqual({ type: 'LEAD', id: 1209, url: `${emulator.origin}/crm/lead/details/1209/` });
    expect(result.decoded.silentMode?.enabled).toBe(false);
    expect(result.time?.operating_reset_at).toBeTypeOf('number');
    expect(result.sections.map((section) => section.id)).toContain('session');
    expect(Number.isNaN(Date.parse(result.fetchedAt))).toBe(false);
  });

  it('keeps the answer exactly as sent, key order included, for the raw view', async () => {
    const sent = (await import('../../main/emulator/data/documented-chat-1777.json', { with: { type: 'json' } })).default.result;
    const result = await lookupDialog(client, 'chat1777', 'chat');
    expect(Object.keys(result.dialog)).toEqual(Object.keys(sent));
    expect(result.dialog).toEqual(sent);
  });

  it('passes unknown fields through untouched', async () => {
    const result = await lookupDialog(client, String(DEMO_IDS.unknownFieldsChatId), 'chat');
    expect(result.dialog).toHaveProperty('ai_summary_enabled');
    const paths = result.sections.flatMap((section) => section.rows.map((row) => row.path));
    expect(paths.some((path) => path.startsWith('ai_summary_enabled'))).toBe(true);
  });

  it('keeps markup in names as the exact characters', async () => {
    const result = await lookupDialog(client, String(DEMO_IDS.markupChatId), 'chat');
    expect(result.dialog.name).toContain('<img src=x onerror=alert(1)>');
  });

  it('reads the older 6-field session string', async () => {
    const result = await lookupDialog(client, String(DEMO_IDS.legacySessionId), 'session');
    expect(result.dialog.id).toBe(DEMO_IDS.legacySessionChatId);
    expect(result.decoded.session).toMatchObject({ form: 'legacy', sessionId: DEMO_IDS.legacySessionId });
  });
});

describe('Bitrix24 errors keep their code', () => {
  it('a chat that does not exist → ACCESS_ERROR', async () => {
    const error = await rejection(lookupDialog(client, '987654', 'chat'));
    expect(error.envelope).toMatchObject({ code: 'ACCESS_ERROR', status: 400 });
  });

  it('a chat the webhook user may not open → ACCESS_ERROR too', async () => {
    const error = await rejection(lookupDialog(client, String(DEMO_IDS.deniedChatId), 'chat'));
    expect(error.envelope.code).toBe('ACCESS_ERROR');
  });

  it('a session number read as a chat id → ACCESS_ERROR', async () => {
    const error = await rejection(lookupDialog(client, '343', 'chat'));
    expect(error.envelope.code).toBe('ACCESS_ERROR');
  });

  it.each([
    'ACCESS_ERROR',
    'IM_NOT_INSTALLED',
    'INTERNAL_SERVER_ERROR',
    'ERROR_UNEXPECTED_ANSWER',
    'QUERY_LIMIT_EXCEEDED',
    'ERROR_BATCH_METHOD_NOT_ALLOWED',
    'ERROR_BATCH_LENGTH_EXCEEDED',
    'NO_AUTH_FOUND',
    'INVALID_REQUEST',
    'OVERLOAD_LIMIT',
    'ACCESS_DENIED',
    'INVALID_CREDENTIALS',
    'ERROR_MANIFEST_IS_NOT_AVAILABLE',
    'insufficient_scope',
    'expired_token',
    'user_access_error',
    'PORTAL_DELETED',
    'OPERATION_TIME_LIMIT',
  ])('%s from the portal keeps its code and gets our own message', async (code) => {
    // expired_token is the one code the SDK answers by refreshing and asking
    // once more (a webhook "refreshes" to itself), so it must fail twice.
    const attempts = code === 'expired_token' ? 2 : 1;
    emulator.injectFault({ kind: 'error', code, description: `portal says ${code}` }, { times: attempts });
    const before = emulator.requests.length;
    const error = await rejection(lookupDialog(client, 'chat1777', 'chat'));
    expect(error.envelope.code).toBe(code);
    expect(error.envelope.portalDescription).toBe(`portal says ${code}`);
    expect(error.envelope.message).not.toContain('portal says');
    // Retries belong to the account layer; a lookup asks once.
    expect(emulator.requests.length - before).toBe(attempts);
  });

  it('IM_NOT_INSTALLED from a portal without the messenger', async () => {
    const bare = await startEmulator({ rateLimit: false, imInstalled: false });
    const bareClient = clientFor(bare);
    try {
      expect((await rejection(lookupDialog(bareClient, 'chat1777', 'chat'))).envelope.code).toBe('IM_NOT_INSTALLED');
    } finally {
      bareClient.close();
      await bare.close();
    }
  });

  it('a wrong webhook key → NO_AUTH_FOUND, and the key never appears in the error', async () => {
    const url = emulator.webhookUrl().replace(DEMO_WEBHOOK.key, 'wrongkey123');
    const wrong = clientFor(emulator, {}, url);
    try {
      const error = await rejection(lookupDialog(wrong, 'chat1777', 'chat'));
      expect(error.envelope.code).toBe('NO_AUTH_FOUND');
      expect(JSON.stringify(error.envelope)).not.toContain('wrongkey123');
    } finally {
      wrong.close();
    }
  });

  it('a webhook without the imopenlines scope → insufficient_scope', async () => {
    const narrow = { userId: 7, key: 'crmonlykey7', scopes: ['crm'] };
    const portal = await startEmulator({ rateLimit: false, webhooks: [DEMO_WEBHOOK, narrow] });
    const narrowClient = clientFor(portal, {}, portal.webhookUrl(narrow));
    try {
      expect((await rejection(lookupDialog(narrowClient, 'chat1777', 'chat'))).envelope.code).toBe('insufficient_scope');
    } finally {
      narrowClient.close();
      await portal.close();
    }
  });

  it("the portal's leaky bucket → QUERY_LIMIT_EXCEEDED past the burst", async () => {
    const portal = await startEmulator({ rateLimit: { burst: 3, drainPerSecond: 0.01 } });
    const eager = clientFor(portal, { rateLimit: false });
    try {
      for (let i = 0; i < 3; i++) await lookupDialog(eager, 'chat1777', 'chat');
      expect((await rejection(lookupDialog(eager, 'chat1777', 'chat'))).envelope).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', status: 503, retryable: true });
    } finally {
      eager.close();
      await portal.close();
    }
  });

  it('the operating budget → OPERATION_TIME_LIMIT (429)', async () => {
    const portal = await startEmulator({ rateLimit: false, operatingLimitSeconds: 1, operatingCostSeconds: 0.6 });
    const busy = clientFor(portal, { rateLimit: false });
    try {
      await lookupDialog(busy, 'chat1777', 'chat');
      await lookupDialog(busy, 'chat1777', 'chat');
      expect((await rejection(lookupDialog(busy, 'chat1777', 'chat'))).envelope).toMatchObject({ code: 'OPERATION_TIME_LIMIT', status: 429 });
    } finally {
      busy.close();
      await portal.close();
    }
  });
});

describe('answers that are not Bitrix24 JSON, and no answer at all', () => {
  it.each([
    [{ kind: 'html', status: 502 }, 'NOT_BITRIX_JSON'],
    [{ kind: 'html', status: 200 }, 'NOT_BITRIX_JSON'],
    [{ kind: 'empty' }, 'EMPTY_RESPONSE'],
    [{ kind: 'empty', status: 500 }, 'EMPTY_RESPONSE'],
    [{ kind: 'truncated' }, 'TRUNCATED_RESPONSE'],
    [{ kind: 'json-not-bitrix' }, 'NOT_BITRIX_JSON'],
    [{ kind: 'reset' }, 'CONNECTION_RESET'],
  ] as const)('%j → %s', async (fault, code) => {
    emulator.injectFault(fault);
    expect((await rejection(lookupDialog(client, 'chat1777', 'chat'))).envelope.code).toBe(code);
  });

  it('a portal that never answers → TIMEOUT', async () => {
    const impatient = clientFor(emulator, { rateLimit: false, timeoutMs: 300 });
    emulator.injectFault({ kind: 'hang' });
    try {
      expect((await rejection(lookupDialog(impatient, 'chat1777', 'chat'))).envelope.code).toBe('TIMEOUT');
    } finally {
      impatient.close();
    }
  });

  it('a closed port → PORTAL_UNREACHABLE', async () => {
    const port = await closedPort();
    const nowhere = createWebhookClient(parseWebhookUrl(`https://127.0.0.1:${port}/rest/1/abc123/`), { timeoutMs: 2_000 });
    try {
      expect((await rejection(lookupDialog(nowhere, 'chat1777', 'chat'))).envelope.code).toBe('PORTAL_UNREACHABLE');
    } finally {
      nowhere.close();
    }
  });

  it('an untrusted certificate → TLS_ERROR, before anything is sent', async () => {
    const before = emulator.requests.length;
    const untrusting = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { timeoutMs: 2_000 });
    try {
      expect((await rejection(lookupDialog(untrusting, 'chat1777', 'chat'))).envelope.code).toBe('TLS_ERROR');
      expect(emulator.requests.length).toBe(before);
    } finally {
      untrusting.close();
    }
  });

  it('a dialog without the documented shape → UNEXPECTED_SHAPE', async () => {
    const odd = await startEmulator({
      rateLimit: false,
      dialogs: [{ dialog: { id: 5, dialog_id: 'chat5', entity_id: 42 }, sessionIds: [] }],
    } as EmulatorOptions);
    const oddClient = clientFor(odd);
    try {
      const error = await rejection(lookupDialog(oddClient, '5', 'chat'));
      expect(error.envelope.code).toBe('UNEXPECTED_SHAPE');
      expect(error.envelope.message).toMatch(/entity_id/);
    } finally {
      oddClient.close();
      await odd.close();
    }
  });

  it('never sends a request for an identifier it refuses', async () => {
    const before = emulator.requests.length;
    expect((await rejection(lookupDialog(client, 'chat 17x', 'chat'))).envelope.code).toBe('INVALID_IDENTIFIER');
    expect(emulator.requests.length).toBe(before);
  });
});

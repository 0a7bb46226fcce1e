// The real REST client against a portal that misbehaves on purpose: every
// call ends within its deadline with a specific error or a correct dialog, the
// key never reaches another host, and nothing another host said is believed.
// The app's API and the CLI meet the same cases in hostile-portal-app.test.ts
// and test/cli/cli-hostile-portal.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupDialog } from '../../main/core/lookup';
import { parseWebhookUrl } from '../../main/core/webhook';
import { createOAuthClient, createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { TokenRefresher } from '../../main/oauth/token-refresher';
import { HOSTILE_CASES, HOSTILE_DEADLINE_MS, HOSTILE_MAX_ANSWER_BYTES } from '../support/hostile-cases';
import { startBystander, startHostilePortal, type Bystander, type HostilePortal } from '../support/hostile-portal';
import { rejection } from '../support/inspector-errors';

const KEY = 'HOSTILEwebhookKEY0x51c7';
const ACCESS_TOKEN = 'HOSTILEaccessTOKEN0x9e2d';

let portal: HostilePortal;
let bystander: Bystander;
let client: PortalClient;

function webhookClient(origin = portal.origin, certificate = portal.certificate): PortalClient {
  return createWebhookClient(parseWebhookUrl(`${origin}/rest/5/${KEY}/`), {
    extraCertificates: [certificate],
    timeoutMs: HOSTILE_DEADLINE_MS,
    maxAnswerBytes: HOSTILE_MAX_ANSWER_BYTES,
    rateLimit: false,
    retry: false,
  });
}

beforeAll(async () => {
  [portal, bystander] = await Promise.all([startHostilePortal(), startBystander()]);
  client = webhookClient();
});
afterAll(async () => {
  client.close();
  await Promise.all([portal.close(), bystander.close()]);
});
beforeEach(() => {
  portal.behave();
  bystander.received.length = 0;
});

describe('each misbehaviour ends in its own error, within the deadline, telling no other host anything', () => {
  it.each(HOSTILE_CASES)('$name → $expect', async (hostile) => {
    portal.misbehave(hostile.make({ portal, bystander }));
    const started = performance.now();
    const outcome = await lookupDialog(client, hostile.input ?? 'chat1777', hostile.numberAs ?? 'chat').then(
      (result) => ({ result, error: null }),
      (error: unknown) => ({ result: null, error }),
    );
    // A bound, not a benchmark: the deadline plus room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(HOSTILE_DEADLINE_MS + 2_000);
    if (hostile.expect === 'dialog') {
      expect(outcome.error).toBeNull();
      expect(outcome.result!.dialog.id).toBe(1777);
    } else {
      const error = await rejection(Promise.reject(outcome.error));
      expect(error.envelope.code).toBe(hostile.expect);
      const words = JSON.stringify(error.envelope);
      expect(words).not.toContain(KEY);
      if (hostile.says) expect(error.envelope.message).toContain(hostile.says({ portal, bystander }));
    }
    expect(bystander.received).toEqual([]);
    // And the same client goes on working.
    portal.behave();
    expect((await lookupDialog(client, 'chat1777', 'chat')).dialog.name).toBe('Green Guest #17 - Bitrix24 Documentation');
  });

  it('a certificate the client does not trust → TLS_ERROR, and the key is never sent', async () => {
    const { emulatorCertificate } = await import('../../main/emulator/certificate');
    const trusted = await emulatorCertificate();
    const { generate } = await import('selfsigned');
    const other = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
    const impostor = await startHostilePortal({ key: other.private, cert: other.cert });
    const wary = webhookClient(impostor.origin, trusted.cert);
    try {
      const error = await rejection(lookupDialog(wary, 'chat1777', 'chat'));
      expect(error.envelope.code).toBe('TLS_ERROR');
      expect(impostor.received).toEqual([]);
    } finally {
      wary.close();
      await impostor.close();
    }
  });

  it('__proto__ and constructor in an answer stay data: no prototype changes, the keys kept as sent', async () => {
    portal.misbehave(HOSTILE_CASES.find((hostile) => hostile.name.startsWith('__proto__'))!.make({ portal, bystander }));
    const result = await lookupDialog(client, 'chat1777', 'chat');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.dialog)).toBe(Object.prototype);
    expect(Object.hasOwn(result.dialog, '__proto__')).toBe(true);
    expect(result.dialog.id).toBe(1777);
    const paths = result.sections.flatMap((section) => section.rows.map((row) => row.path));
    expect(paths.some((path) => path.startsWith('__proto__'))).toBe(true);
  });
});

describe('OAuth: a 307 or 308 would re-send the token in the body', () => {
  it.each([307, 308])('%i to another host → REDIRECT_REFUSED, and the other host never sees the token', async (status) => {
    const refresher = new TokenRefresher({
      tokens: { accessToken: ACCESS_TOKEN, refreshToken: 'HOSTILErefresh', accessExpiresAt: Date.now() + 3_600_000, scope: ['imopenlines'], memberId: 'm', clientEndpoint: undefined, userId: 5 },
      client: { refresh: () => Promise.reject(new Error('no refresh expected')) },
      save: async () => {},
    });
    const oauth = createOAuthClient({ origin: portal.origin, host: new URL(portal.origin).host }, refresher, {
      extraCertificates: [portal.certificate],
      timeoutMs: HOSTILE_DEADLINE_MS,
      rateLimit: false,
      retry: false,
    });
    portal.misbehave(({ req, res }) => {
      res.writeHead(status, { location: `${bystander.httpsOrigin}${req.url ?? '/'}` });
      res.end();
    });
    try {
      const error = await rejection(lookupDialog(oauth, 'chat1777', 'chat'));
      expect(error.envelope.code).toBe('REDIRECT_REFUSED');
      expect(JSON.stringify(error.envelope)).not.toContain(ACCESS_TOKEN);
      // The portal got the token (it is its own); nobody else did.
      expect(portal.received.at(-1)!.body).toContain(ACCESS_TOKEN);
      expect(bystander.received).toEqual([]);
    } finally {
      oauth.close();
    }
  });
});

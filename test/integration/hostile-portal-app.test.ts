// The app's own path (the main API behind IPC, its store in a data folder)
// against a portal that misbehaves on purpose: each case in a fresh data
// folder, which afterwards holds no key and nothing the misbehaviour said, and
// in which the next normal lookup works.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LookupResult } from '../../preload/api-contract';
import { HOSTILE_CASES, HOSTILE_DEADLINE_MS, HOSTILE_MAX_ANSWER_BYTES } from '../support/hostile-cases';
import { DOCUMENTED_DIALOG, startBystander, startHostilePortal, timeBlock, type Bystander, type HostilePortal } from '../support/hostile-portal';
import { folderBytes } from '../support/folder-bytes';
import { errorCode, errorOf, ok } from '../support/ipc-result';
import { startHarness, type Harness } from '../support/main-api-harness';

const KEY = 'HOSTILEappKEY0x3b8e';

let portal: HostilePortal;
let bystander: Bystander;

beforeAll(async () => {
  [portal, bystander] = await Promise.all([startHostilePortal(), startBystander()]);
});
afterAll(async () => {
  await Promise.all([portal.close(), bystander.close()]);
});
beforeEach(() => {
  portal.behave();
  bystander.received.length = 0;
});

async function connected(): Promise<Harness> {
  // The dialog's own path: this portal misbehaves for imopenlines.dialog.get, which a conversation would batch.
  const harness = await startHarness(portal, {
    clientOptions: { timeoutMs: HOSTILE_DEADLINE_MS, maxAnswerBytes: HOSTILE_MAX_ANSWER_BYTES },
    settings: { fetchConversation: false },
  });
  ok(await harness.api.dispatch('connection:use-webhook', { url: portal.webhookUrl(KEY) }));
  return harness;
}

describe('the app: each misbehaviour is refused, nothing of it is kept, and the next lookup works', () => {
  it.each(HOSTILE_CASES)('$name → $expect', async (hostile) => {
    const harness = await connected();
    try {
      portal.misbehave(hostile.make({ portal, bystander }));
      const started = performance.now();
      const answer = await harness.api.dispatch('lookup:run', { input: hostile.input ?? 'chat1777', numberAs: hostile.numberAs ?? 'chat' });
      expect(performance.now() - started).toBeLessThan(HOSTILE_DEADLINE_MS + 2_000);
      expect(JSON.stringify(answer)).not.toContain(KEY);
      if (hostile.expect === 'dialog') {
        expect(ok<LookupResult>(answer).dialog.id).toBe(1777);
      } else {
        expect(errorCode(answer)).toBe(hostile.expect);
        // Nothing of a refused answer is kept, under the asked dialog or the one the answer named.
        for (const chatId of [1777, 7012]) {
          expect(errorCode(await harness.api.dispatch('cache:open', { account: new URL(portal.origin).host, chatId }))).toBe('NOT_CACHED');
        }
      }
      expect(bystander.received).toEqual([]);

      portal.behave();
      const next = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      expect(next).toMatchObject({ source: 'network', dialog: { id: 1777, name: 'Green Guest #17 - Bitrix24 Documentation' } });
      await harness.api.dispose();

      const stored = await folderBytes(harness.dataDir);
      expect(stored).not.toContain(KEY);
      expect(stored).not.toContain('BYSTANDER ANSWER');
      expect(stored).not.toContain('chat7012');
    } finally {
      await harness.dispose();
    }
  });

  it('a redirect while the webhook is checked refuses the webhook, and sends the key nowhere else', async () => {
    const harness = await startHarness(portal, { clientOptions: { timeoutMs: HOSTILE_DEADLINE_MS } });
    try {
      portal.misbehave(({ req, res }) => {
        res.writeHead(302, { location: `${bystander.httpsOrigin}${req.url ?? '/'}` });
        res.end();
      }, 'scope');
      const refused = errorOf(await harness.api.dispatch('connection:use-webhook', { url: portal.webhookUrl(KEY) }));
      expect(refused.code).toBe('REDIRECT_REFUSED');
      expect(refused.message).toContain(new URL(bystander.httpsOrigin).host);
      expect(JSON.stringify(refused)).not.toContain(KEY);
      expect(bystander.received).toEqual([]);
      expect(ok<unknown[]>(await harness.api.dispatch('accounts:list', undefined))).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('the answer cap is a setting, and a change applies to the next lookup', async () => {
    const harness = await startHarness(portal, { clientOptions: { timeoutMs: 10_000 } });
    try {
      ok(await harness.api.dispatch('connection:use-webhook', { url: portal.webhookUrl(KEY) }));
      const padded = JSON.stringify({ result: { ...DOCUMENTED_DIALOG, padding: 'x'.repeat(3 * 1024 * 1024) }, time: timeBlock() });
      portal.misbehave(({ res }) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(padded);
      });
      ok(await harness.api.dispatch('settings:update', { maxAnswerMb: 2 }));
      const refused = errorOf(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      expect(refused).toMatchObject({ code: 'ANSWER_TOO_LARGE', message: expect.stringContaining('2 MB') });
      ok(await harness.api.dispatch('settings:update', { maxAnswerMb: 4 }));
      expect(ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' })).dialog.id).toBe(1777);
    } finally {
      await harness.dispose();
    }
  });

  it('a kept copy stands in while answers are refused, saying why', async () => {
    const harness = await connected();
    try {
      ok(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      portal.misbehave(({ req, res }) => {
        res.writeHead(307, { location: `${bystander.httpsOrigin}${req.url ?? '/'}` });
        res.end();
      });
      const offline = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      expect(offline.source).toBe('cache');
      expect(offline.offline?.reason.code).toBe('REDIRECT_REFUSED');
      expect(offline.dialog.name).toBe('Green Guest #17 - Bitrix24 Documentation');
      expect(bystander.received).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });
});

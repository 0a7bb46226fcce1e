// The portal's limits against the emulator over real HTTPS: our bucket queues
// instead of failing, the retry policy retries only what it should, waits are
// reported, and a cancel stops a call wherever it is. Counting and ordering
// only; the clock itself is tested in test/unit with a fake one.
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectorError } from '../../main/core/error-codes';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../main/emulator/index';
import { systemClock } from '../../main/rest/clock';
import {
  OperatingLimitError,
  createWebhookClient,
  type PortalClient,
  type PortalClientOptions,
  type WaitInfo,
} from '../../main/rest/portal-client';
import { rejection } from '../support/inspector-errors';

const opened: { emulator: Emulator; client: PortalClient }[] = [];

afterEach(async () => {
  for (const { emulator, client } of opened.splice(0)) {
    client.close();
    await emulator.close();
  }
});

async function setUp(emulatorOptions: EmulatorOptions, clientOptions: PortalClientOptions = {}) {
  const emulator = await startEmulator(emulatorOptions);
  const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), {
    extraCertificates: [emulator.certificate],
    timeoutMs: 5_000,
    ...clientOptions,
  });
  opened.push({ emulator, client });
  return { emulator, client };
}


async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

function statuses(emulator: Emulator, from = 0): number[] {
  return emulator.requests.slice(from).map((request) => request.status);
}

describe('our bucket', () => {
  it('queues a burst beyond the portal bucket instead of failing, and says so', async () => {
    const bucket = { burst: 5, drainPerSecond: 4 };
    const { emulator, client } = await setUp({ rateLimit: bucket }, { rateLimit: bucket, retry: false });
    const waits: WaitInfo[] = [];
    const calls = Array.from({ length: 10 }, (_, i) => client.call('scope', { n: i }, { onWait: (wait) => waits.push(wait) }));
    await Promise.all(calls);
    expect(statuses(emulator)).toEqual(Array(10).fill(200));
    // Every one arrived once. Their order is for the unit tests: here a connection handshake can reorder arrivals.
    expect(new Set(emulator.requests.map((request) => request.params.n)).size).toBe(10);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((wait) => wait.reason === 'rate-limit' && wait.waitMs > 0 && wait.attempt === 1)).toBe(true);
  });

  it('is what keeps that burst from failing: without it the portal refuses some', async () => {
    const bucket = { burst: 4, drainPerSecond: 20 };
    const { emulator, client } = await setUp({ rateLimit: bucket }, { rateLimit: false, retry: false });
    const settled = await Promise.allSettled(Array.from({ length: 12 }, () => client.call('scope', {})));
    const refused = settled.filter((outcome) => outcome.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) expect((outcome.reason as InspectorError).envelope.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(statuses(emulator)).toContain(503);
  });

  it('without it, the retries recover a burst the portal refused', async () => {
    const bucket = { burst: 4, drainPerSecond: 20 };
    const { emulator, client } = await setUp({ rateLimit: bucket }, { rateLimit: false, retry: { backoffMs: 250 } });
    await Promise.all(Array.from({ length: 6 }, () => client.call('scope', {})));
    expect(statuses(emulator)).toContain(503);
    expect(statuses(emulator).filter((status) => status === 200)).toHaveLength(6);
  });
});

describe('the retry policy', () => {
  it('retries QUERY_LIMIT_EXCEEDED with a growing back-off and succeeds', async () => {
    const { emulator, client } = await setUp({ rateLimit: false }, { retry: { backoffMs: 40 } });
    emulator.injectFault({ kind: 'error', code: 'QUERY_LIMIT_EXCEEDED' }, { times: 2 });
    const waits: WaitInfo[] = [];
    const answer = await client.call('scope', {}, { onWait: (wait) => waits.push(wait) });
    expect(answer.result).toEqual(expect.arrayContaining(['imopenlines']));
    expect(statuses(emulator)).toEqual([503, 503, 200]);
    expect(waits.filter((wait) => wait.reason === 'retry')).toEqual([
      { reason: 'retry', waitMs: 40, attempt: 2 },
      { reason: 'retry', waitMs: 80, attempt: 3 },
    ]);
  });

  it('gives up on QUERY_LIMIT_EXCEEDED after three tries', async () => {
    const { emulator, client } = await setUp({ rateLimit: false }, { retry: { backoffMs: 10 } });
    emulator.injectFault({ kind: 'error', code: 'QUERY_LIMIT_EXCEEDED' }, { times: 5 });
    const error = await rejection(client.call('scope', {}));
    expect(error.envelope).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', status: 503 });
    expect(statuses(emulator)).toEqual([503, 503, 503]);
  });

  it.each(['OVERLOAD_LIMIT', 'ACCESS_ERROR', 'NO_AUTH_FOUND', 'INVALID_CREDENTIALS', 'insufficient_scope', 'INTERNAL_SERVER_ERROR', 'PORTAL_DELETED'])(
    'never retries %s',
    async (code) => {
      const { emulator, client } = await setUp({ rateLimit: false }, { retry: { backoffMs: 10 } });
      emulator.injectFault({ kind: 'error', code }, { times: 3 });
      const waits: WaitInfo[] = [];
      const error = await rejection(client.call('scope', {}, { onWait: (wait) => waits.push(wait) }));
      expect(error.envelope.code).toBe(code);
      expect(emulator.requests).toHaveLength(1);
      expect(waits).toEqual([]);
    },
  );

  it.each([
    [{ kind: 'reset' } as const, 'CONNECTION_RESET'],
    [{ kind: 'html', status: 502 } as const, 'NOT_BITRIX_JSON'],
    [{ kind: 'hang' } as const, 'TIMEOUT'],
  ])('never retries a network failure (%j → %s): a lookup falls back to its kept copy instead', async (fault, code) => {
    const { emulator, client } = await setUp({ rateLimit: false }, { timeoutMs: 300, retry: { backoffMs: 10 } });
    emulator.injectFault(fault, { times: 3 });
    const error = await rejection(client.call('scope', {}));
    expect(error.envelope.code).toBe(code);
    expect(emulator.requests).toHaveLength(1);
  });
});

describe('the operating budget', () => {
  it('is known from the last time block of each method', async () => {
    const { client } = await setUp({ rateLimit: false, operatingCostSeconds: 0.25 });
    expect(client.budget()).toBeNull();
    await client.call('imopenlines.dialog.get', { DIALOG_ID: 'chat1777' });
    await client.call('imopenlines.dialog.get', { DIALOG_ID: 'chat1777' });
    await client.call('scope', {});
    const dialog = client.budget('imopenlines.dialog.get');
    expect(dialog).toMatchObject({ method: 'imopenlines.dialog.get', usedSeconds: 0.5, limitSeconds: 480 });
    // The emulator, like the examples, frees the oldest minute ten minutes after it began.
    expect(dialog!.resetAt! - dialog!.measuredAt).toBeGreaterThan(590_000);
    expect(client.budget()).toMatchObject({ method: 'scope', usedSeconds: 0.25 });
  });

  it('is never acted on by the SDK itself: a method near 480 s is not held back before asking', async () => {
    // Left to its defaults the SDK would pause this call for up to 7 s, or hold
    // it until the reset ten minutes away, where nobody could see or cancel it.
    const { emulator, client } = await setUp({ rateLimit: false, operatingLimitSeconds: 10_000, operatingCostSeconds: 476 });
    const waits: WaitInfo[] = [];
    await client.call('scope', {});
    await client.call('scope', {}, { onWait: (wait) => waits.push(wait) });
    expect(client.budget('scope')?.usedSeconds).toBe(952);
    expect(statuses(emulator)).toEqual([200, 200]);
    expect(waits).toEqual([]);
  });

  it('on OPERATION_TIME_LIMIT far from its reset, fails at once with the wait in the error', async () => {
    const { emulator, client } = await setUp({ rateLimit: false, operatingLimitSeconds: 0.1, operatingCostSeconds: 0.05 });
    await client.call('scope', {});
    await client.call('scope', {});
    const waits: WaitInfo[] = [];
    const error = await rejection(client.call('scope', {}, { onWait: (wait) => waits.push(wait) }));
    expect(error).toBeInstanceOf(OperatingLimitError);
    expect(error.envelope).toMatchObject({ code: 'OPERATION_TIME_LIMIT', status: 429 });
    expect((error as OperatingLimitError).waitMs).toBeGreaterThan(60_000);
    expect(error.envelope.message).toMatch(/about 10 minutes/);
    expect(statuses(emulator)).toEqual([200, 200, 429]);
    expect(waits).toEqual([]);
    // Other methods keep working.
    await client.call('imopenlines.dialog.get', { DIALOG_ID: 'chat1777' });
  });

  it('waits until operating_reset_at and tries once more', async () => {
    // Ten real minutes are too long for a test: the client's clock is moved on
    // instead, to just before the reset the portal announced.
    let offsetMs = 0;
    const clock = { ...systemClock, now: () => Date.now() + offsetMs };
    const { emulator, client } = await setUp({ rateLimit: false }, { clock, retry: { operatingMarginMs: 0 } });
    await client.call('scope', {});
    offsetMs = client.budget('scope')!.resetAt! - Date.now() - 1_500;
    emulator.injectFault({ kind: 'error', code: 'OPERATION_TIME_LIMIT' });
    const waits: WaitInfo[] = [];
    await client.call('scope', {}, { onWait: (wait) => waits.push(wait) });
    expect(statuses(emulator)).toEqual([200, 429, 200]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ reason: 'operating-limit', attempt: 2 });
    expect(waits[0]!.waitMs).toBeGreaterThan(0);
    expect(waits[0]!.waitMs).toBeLessThanOrEqual(1_500);
  });

  it('waits only once: still blocked after the reset, it fails with the error', async () => {
    let offsetMs = 0;
    const clock = { ...systemClock, now: () => Date.now() + offsetMs };
    const { emulator, client } = await setUp(
      { rateLimit: false, operatingLimitSeconds: 0.05, operatingCostSeconds: 0.05 },
      { clock, retry: { operatingMarginMs: 0 } },
    );
    await client.call('scope', {});
    offsetMs = client.budget('scope')!.resetAt! - Date.now() - 200;
    // The emulator's own budget runs on real time, so it still refuses after our wait.
    const error = await rejection(client.call('scope', {}));
    expect(error.envelope.code).toBe('OPERATION_TIME_LIMIT');
    expect(statuses(emulator)).toEqual([200, 429, 429]);
  });
});

describe('cancelling', () => {
  it('a queued call: it never reaches the portal, and the one behind it moves up', async () => {
    const { emulator, client } = await setUp({ rateLimit: false }, { rateLimit: { burst: 2, drainPerSecond: 0.5 } });
    const first = client.call('scope', { which: 'first' });
    const controller = new AbortController();
    const waits: WaitInfo[] = [];
    const queued = client.call('scope', { which: 'cancelled' }, { signal: controller.signal, onWait: (wait) => waits.push(wait) });
    const behind = client.call('scope', { which: 'behind' });
    await until(() => waits.length > 0, 'the queued call to be told it waits');
    expect(waits[0]).toMatchObject({ reason: 'rate-limit', attempt: 1 });
    controller.abort();
    expect((await rejection(queued)).envelope.code).toBe('CANCELLED');
    await Promise.all([first, behind]);
    expect(emulator.requests.map((request) => request.params.which)).toEqual(['first', 'behind']);
  });

  it('a call waiting to retry', async () => {
    const { emulator, client } = await setUp({ rateLimit: false }, { retry: { backoffMs: 60_000 } });
    emulator.injectFault({ kind: 'error', code: 'QUERY_LIMIT_EXCEEDED' });
    const controller = new AbortController();
    const waits: WaitInfo[] = [];
    const call = client.call('scope', {}, { signal: controller.signal, onWait: (wait) => waits.push(wait) });
    await until(() => waits.length > 0, 'the back-off to be reported');
    expect(waits).toEqual([{ reason: 'retry', waitMs: 60_000, attempt: 2 }]);
    controller.abort();
    expect((await rejection(call)).envelope.code).toBe('CANCELLED');
    expect(statuses(emulator)).toEqual([503]);
  });

  it('a call waiting for the operating budget', async () => {
    const { emulator, client } = await setUp(
      { rateLimit: false, operatingLimitSeconds: 0.05, operatingCostSeconds: 0.05 },
      { retry: { maxOperatingWaitMs: 15 * 60_000 } },
    );
    await client.call('scope', {});
    const controller = new AbortController();
    const waits: WaitInfo[] = [];
    const call = client.call('scope', {}, { signal: controller.signal, onWait: (wait) => waits.push(wait) });
    await until(() => waits.length > 0, 'the operating wait to be reported');
    expect(waits[0]).toMatchObject({ reason: 'operating-limit', attempt: 2 });
    expect(waits[0]!.waitMs).toBeGreaterThan(60_000);
    controller.abort();
    expect((await rejection(call)).envelope.code).toBe('CANCELLED');
    expect(statuses(emulator)).toEqual([200, 429]);
  });

  it('a call on the wire: the request is stopped, not left to time out', async () => {
    const { emulator, client } = await setUp({ rateLimit: false }, { timeoutMs: 20_000 });
    emulator.injectFault({ kind: 'hang' });
    const controller = new AbortController();
    const call = client.call('scope', {}, { signal: controller.signal });
    await until(() => emulator.requests.length === 1, 'the request to reach the portal');
    controller.abort();
    expect((await rejection(call)).envelope.code).toBe('CANCELLED');
    // The client goes on working afterwards.
    await client.call('scope', {});
  });

  it('a call whose signal was already aborted never goes out', async () => {
    const { emulator, client } = await setUp({ rateLimit: false });
    expect((await rejection(client.call('scope', {}, { signal: AbortSignal.abort() }))).envelope.code).toBe('CANCELLED');
    expect(emulator.requests).toHaveLength(0);
  });

  it('closing the client cancels what is queued and what is on the wire', async () => {
    const { emulator, client } = await setUp({ rateLimit: false }, { rateLimit: { burst: 2, drainPerSecond: 0.2 }, timeoutMs: 20_000 });
    emulator.injectFault({ kind: 'hang' });
    const onWire = client.call('scope', {});
    let queuedWaits = 0;
    const queued = client.call('scope', {}, { onWait: () => (queuedWaits += 1) });
    await until(() => emulator.requests.length === 1 && queuedWaits > 0, 'one call on the wire and one queued');
    client.close();
    expect((await rejection(onWire)).envelope.code).toBe('CANCELLED');
    expect((await rejection(queued)).envelope.code).toBe('CANCELLED');
    expect((await rejection(client.call('scope', {}))).envelope.code).toBe('CANCELLED');
    expect(emulator.requests).toHaveLength(1);
  });
});

// A lookup that waits for the portal's limits, seen through the app's own
// handlers: main pushes to the window how long it waits and why, and the
// window can cancel it before it ever reaches the portal. Every answer shows
// the operating budget.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { EventName, EventPayload, HistoryEntry, LookupProgress, LookupResult } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(() => emulator.close());
afterEach(() => harness?.dispose());


const dialogGets = () => emulator.requests.filter((request) => request.method === 'imopenlines.dialog.get').length;

/** The events the harness's main API pushed, as the window would receive them. */
function pushedEvents(): { events: Array<{ event: EventName; payload: unknown }>; sendEvent<E extends EventName>(event: E, payload: EventPayload<E>): void } {
  const events: Array<{ event: EventName; payload: unknown }> = [];
  return { events, sendEvent: (event, payload) => void events.push({ event, payload }) };
}

it('pushes that a lookup waits for the rate limit and for how long, and cancels it before it reaches the portal', async () => {
  // One request at once, then one every 5 s: connecting checks the webhook
  // with that one, so the lookup right after has to wait.
  const pushed = pushedEvents();
  harness = await startHarness(emulator, { rateLimit: { burst: 1, drainPerSecond: 0.2 }, sendEvent: pushed.sendEvent });
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
  const before = dialogGets();

  const lookup = harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat', requestId: 'waiting' });
  await expect.poll(() => pushed.events.length).toBeGreaterThan(0);
  const [first] = pushed.events;
  expect(first!.event).toBe('lookupProgress');
  const progress = first!.payload as LookupProgress;
  expect(progress).toMatchObject({ requestId: 'waiting', waiting: { reason: 'rate-limit', attempt: 1 } });
  expect(progress.waiting!.waitMs).toBeGreaterThan(1_000);
  expect(progress.waiting!.waitMs).toBeLessThanOrEqual(5_000);

  expect(ok(await harness.api.dispatch('lookup:cancel', { requestId: 'waiting' }))).toEqual({ cancelled: true });
  const cancelled = await lookup;
  expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED', retryable: true } });
  expect(dialogGets()).toBe(before);
  expect(ok(await harness.api.dispatch('lookup:cancel', { requestId: 'waiting' }))).toEqual({ cancelled: false });
  // Nothing more about a lookup that has ended.
  const told = pushed.events.length;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(pushed.events).toHaveLength(told);
  // Remembered as what it was.
  const [entry] = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {}));
  expect(entry).toMatchObject({ input: 'chat1777', outcome: 'CANCELLED' });
});

it('shows the operating budget of every answer, against the documented 480 s, and pushes nothing for a lookup that never waits', async () => {
  const pushed = pushedEvents();
  harness = await startHarness(emulator, { sendEvent: pushed.sendEvent });
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
  const result = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat', requestId: 'one' }));
  expect(result.budget).toEqual({ usedSeconds: result.time!.operating, limitSeconds: 480, resetAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  expect(pushed.events).toEqual([]);
  expect(await harness.api.dispatch('lookup:progress', { requestId: 'one' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});

it('refuses a request id that is not one', async () => {
  harness = await startHarness(emulator);
  expect(await harness.api.dispatch('lookup:cancel', { requestId: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await harness.api.dispatch('identifier:parse', { input: '1', numberAs: 'chat', requestId: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});

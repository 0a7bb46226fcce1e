// A lookup that waits for the portal's limits, seen through the app's own
// handlers: the window can ask how long it waits and why, and cancel it
// before it ever reaches the portal. Every answer shows the operating budget.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { HistoryEntry, LookupProgress, LookupResult, Result } from '../../preload/api-contract';
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

it('says a lookup waits for the rate limit and for how long, and cancels it before it reaches the portal', async () => {
  // One request at once, then one every 5 s: connecting checks the webhook
  // with that one, so the lookup right after has to wait.
  harness = await startHarness(emulator, { rateLimit: { burst: 1, drainPerSecond: 0.2 } });
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
  const before = dialogGets();

  const lookup = harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat', requestId: 'waiting' });
  let progress: LookupProgress = { running: true, waiting: null };
  await expect.poll(async () => (progress = ok<LookupProgress>(await harness.api.dispatch('lookup:progress', { requestId: 'waiting' }))).waiting?.reason).toBe('rate-limit');
  expect(progress.running).toBe(true);
  expect(progress.waiting!.attempt).toBe(1);
  expect(progress.waiting!.remainingMs).toBeGreaterThan(1_000);
  expect(progress.waiting!.remainingMs).toBeLessThanOrEqual(progress.waiting!.totalMs);

  expect(ok(await harness.api.dispatch('lookup:cancel', { requestId: 'waiting' }))).toEqual({ cancelled: true });
  const cancelled = await lookup;
  expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED', retryable: true } });
  expect(dialogGets()).toBe(before);
  expect(ok(await harness.api.dispatch('lookup:progress', { requestId: 'waiting' }))).toEqual({ running: false, waiting: null });
  expect(ok(await harness.api.dispatch('lookup:cancel', { requestId: 'waiting' }))).toEqual({ cancelled: false });
  // Remembered as what it was.
  const [entry] = ok<HistoryEntry[]>(await harness.api.dispatch('history:list', {}));
  expect(entry).toMatchObject({ input: 'chat1777', outcome: 'CANCELLED' });
});

it('shows the operating budget of every answer, against the documented 480 s', async () => {
  harness = await startHarness(emulator);
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
  const result = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat', requestId: 'one' }));
  expect(result.budget).toEqual({ usedSeconds: result.time!.operating, limitSeconds: 480, resetAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  expect(ok(await harness.api.dispatch('lookup:progress', { requestId: 'one' }))).toEqual({ running: false, waiting: null });
});

it('refuses a request id that is not one', async () => {
  harness = await startHarness(emulator);
  expect(await harness.api.dispatch('lookup:cancel', { requestId: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await harness.api.dispatch('identifier:parse', { input: '1', numberAs: 'chat', requestId: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});

// overview:get through the API the window talks to, against the emulator over
// HTTPS: rows and each source's availability, every dialog read fresh kept in
// the store, another account's kept copies without asking the portal, the
// argument checked, and a newer refresh stopping an older one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResult, SearchQuery } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorCode, ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, liveNow: 1796644800 });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.clearFaults();
  await harness?.dispose();
});

async function connected(): Promise<void> {
  harness = await startHarness(emulator);
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
}

describe('overview:get', () => {
  it('answers rows from every source, says each was used, and keeps each dialog it read', async () => {
    await connected();
    const result = ok<OverviewResult>(await harness.api.dispatch('overview:get', {}));
    expect(result.sources.map((s) => [s.source, s.state])).toEqual([['recent', 'used'], ['crm', 'used'], ['kept', 'used']]);
    expect(result.rows.length).toBeGreaterThan(100);
    expect(Date.parse(result.fetchedAt)).not.toBeNaN();
    expect(result.truncated).toBe(false);
    const completed = result.rows.filter((row) => row.completed);
    expect(completed.length).toBeGreaterThan(0);

    // Kept: a completed row is found by the search box, and the next refresh counts it among the kept.
    const hits = ok<unknown[]>(await harness.api.dispatch('search:dialogs', { text: `chat${completed[0]!.chatId}` } satisfies SearchQuery));
    expect(hits.length).toBeGreaterThan(0);
    const again = ok<OverviewResult>(await harness.api.dispatch('overview:get', { sources: ['kept'] }));
    expect(again.sources).toEqual([
      { source: 'recent', state: 'notAsked' },
      { source: 'crm', state: 'notAsked' },
      { source: 'kept', state: 'used', rows: completed.length },
    ]);
  });

  it("reads another account's kept copies only, and offline asks the portal nothing", async () => {
    await connected();
    ok(await harness.api.dispatch('overview:get', { sources: ['crm'] }));
    const account = new URL(emulator.origin).host;
    const from = emulator.requests.length;
    const offline = ok<OverviewResult>(await harness.api.dispatch('overview:get', { offline: true }));
    expect(emulator.requests.length).toBe(from);
    expect(offline.sources.map((s) => s.state)).toEqual(['notAsked', 'notAsked', 'used']);
    expect(offline.rows.length).toBeGreaterThan(0);
    expect(offline.rows.every((row) => row.sources.includes('kept') && row.status === null)).toBe(true);
    const other = ok<OverviewResult>(await harness.api.dispatch('overview:get', { account: 'elsewhere.bitrix24.com' }));
    expect(emulator.requests.length).toBe(from);
    expect(other.rows).toEqual([]);
    const same = ok<OverviewResult>(await harness.api.dispatch('overview:get', { account, sources: ['kept'], offline: true }));
    expect(same.rows.length).toBe(offline.rows.length);
  });

  it('refuses an unknown source', async () => {
    await connected();
    expect(errorCode(await harness.api.dispatch('overview:get', { sources: ['everything'] }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('overview:get', { sources: [] }))).toBe('INVALID_ARGUMENT');
  });

  it('stops a refresh when a newer one starts', async () => {
    await connected();
    emulator.injectFault({ kind: 'hang' }, { times: 1 });
    const from = emulator.requests.length;
    const older = harness.api.dispatch('overview:get', {});
    // Until the portal holds the older one's first request.
    while (!emulator.requests.slice(from).some((request) => request.status === 0)) await new Promise((resolve) => setTimeout(resolve, 10));
    const newer = await harness.api.dispatch('overview:get', { sources: ['kept'], offline: true });
    expect(ok<OverviewResult>(newer).sources[2]).toMatchObject({ state: 'used' });
    expect(errorCode(await older)).toBe('CANCELLED');
  });
});

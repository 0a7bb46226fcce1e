// At a glance: durations in words, names isolated in our own
// sentences, and the header's dot following the last word on reachability.
import { afterEach, beforeEach, expect, it as test, vi } from 'vitest';
import type { FieldRow, LookupResult, ReachabilityCheck } from '../../preload/api-contract';
import { fakeInspector, ok } from './support/fake-inspector';
import { freshStores } from './support/fresh-stores';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

async function freshFormat() {
  const { messages } = await freshStores();
  const format = await import('../../renderer/src/lib/format');
  return { ...format, messages };
}

const row = (path: string, value: string, kind: FieldRow['kind'] = 'number'): FieldRow => ({ path, label: path, value, kind });

test('durations: seconds as sent become milliseconds or seconds in words', async () => {
  const { formatDuration } = await freshFormat();
  expect(formatDuration(0.0019998550415039062)).toBe('2 ms');
  expect(formatDuration(0.00025)).toBe('0.25 ms');
  expect(formatDuration(0)).toBe('0 ms');
  expect(formatDuration(0.9996)).toBe('1.0 s');
  expect(formatDuration(1.4)).toBe('1.4 s');
  expect(formatDuration(125.2)).toBe('125 s');
});

test('durations: only the time block’s duration and processing, only numbers', async () => {
  const { durationSeconds } = await freshFormat();
  expect(durationSeconds(row('time.duration', '0.0019998550415039062'))).toBeCloseTo(0.002);
  expect(durationSeconds(row('time.processing', '0.5'))).toBe(0.5);
  expect(durationSeconds(row('time.start', '1773682918'))).toBeNull();
  expect(durationSeconds(row('time.duration', 'soon', 'text'))).toBeNull();
  expect(durationSeconds(row('time.duration', '-1'))).toBeNull();
});

test('names in our sentences are cut out to be isolated, the marks dropped', async () => {
  const { isolatedParts, messages } = await freshFormat();
  const text = messages.summary.userNamed('أحمد محمود', '63');
  expect(isolatedParts(text)).toEqual([
    { text: 'أحمد محمود', isolated: true },
    { text: ' (user 63)', isolated: false },
  ]);
  expect(isolatedParts(text).map((part) => part.text).join('')).toBe('أحمد محمود (user 63)');
  expect(isolatedParts('User 63')).toEqual([{ text: 'User 63', isolated: false }]);
});

test('a reader’s sentence is cut after the name, whatever the name holds', async () => {
  const { personParts } = await freshFormat();
  const reader = (value: string) => personParts(row('readed_list[0]', value, 'text'));
  expect(reader('أحمد محمود (#611) read up to message 9')).toEqual([
    { text: 'أحمد محمود', isolated: true },
    { text: ' (#611) read up to message 9', isolated: false },
  ]);
  expect(reader('A (#1) B (#5) прочитал(а) до сообщения ?')?.[0]?.text).toBe('A (#1) B');
  expect(personParts(row('last_message_views.first_viewers[2]', 'X (#27) viewed it', 'text'))?.[0]?.text).toBe('X');
  expect(personParts(row('name', 'A (#1) b', 'text'))).toBeNull();
  expect(personParts(row('readed_list[0]', '2026-03-16T20:50:37+01:00', 'date'))).toBeNull();
});

function result(origin: string, offline: LookupResult['offline']): LookupResult {
  return { portal: { origin, host: new URL(origin).host }, offline } as unknown as LookupResult;
}

const dropped = { reason: { code: 'CONNECTION_RESET', title: 'Connection dropped' } } as LookupResult['offline'];
const byChoice = { reason: { code: 'OFFLINE_BY_CHOICE', title: 'Kept copy' } } as LookupResult['offline'];

test('reachability: an offline copy marks its portal unreachable until a fresh answer', async () => {
  await freshStores();
  const { reachability } = await import('../../renderer/src/lib/reachability.svelte');
  const portal = 'https://a.bitrix24.com';
  expect(reachability.isUnreachable(portal)).toBe(false);
  reachability.learnFrom(result(portal, dropped));
  expect(reachability.isUnreachable(portal)).toBe(true);
  expect(reachability.isUnreachable('https://b.bitrix24.com')).toBe(false);
  // A copy opened on purpose says nothing about the portal.
  reachability.learnFrom(result(portal, byChoice));
  expect(reachability.isUnreachable(portal)).toBe(true);
  // Another portal's fresh answer does not speak for this one.
  reachability.learnFrom(result('https://b.bitrix24.com', null));
  expect(reachability.isUnreachable(portal)).toBe(true);
  reachability.learnFrom(result(portal, null));
  expect(reachability.isUnreachable(portal)).toBe(false);
});

test('reachability: the portal answering a check clears it, and stopping the watch keeps what was learnt', async () => {
  await freshStores();
  const { reachability, FIRST_CHECK_MS } = await import('../../renderer/src/lib/reachability.svelte');
  const portal = 'https://a.bitrix24.com';
  fakeInspector({ probeConnection: async () => ok({ reachable: true } as ReachabilityCheck) });
  reachability.learnFrom(result(portal, dropped));
  reachability.watch();
  reachability.stop();
  expect(reachability.isUnreachable(portal)).toBe(true);
  reachability.watch();
  await vi.advanceTimersByTimeAsync(FIRST_CHECK_MS);
  expect(reachability.isUnreachable(portal)).toBe(false);
});

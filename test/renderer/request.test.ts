// The stores' request helper: busy, the newest answer's error, stale answers dropped.
import { beforeEach, expect, it as test, vi } from 'vitest';
import type { ConnectionState, Result } from '../../preload/api-contract';
import { deferred, failed, failure, fakeInspector, ok } from './support/fake-inspector';

type Module = typeof import('../../renderer/src/lib/request.svelte');
let LatestRequest: Module['LatestRequest'];
let noticeFailure: Module['noticeFailure'];
let announcer: (typeof import('../../renderer/src/lib/announcer.svelte'))['announcer'];

const none: ConnectionState = { kind: 'none', portal: null } as ConnectionState;

beforeEach(async () => {
  vi.resetModules();
  ({ LatestRequest, noticeFailure } = await import('../../renderer/src/lib/request.svelte'));
  ({ announcer } = await import('../../renderer/src/lib/announcer.svelte'));
});

/** Each getConnection call waits for the test to answer it. */
function heldAnswers() {
  const held: ReturnType<typeof deferred<Result<ConnectionState>>>[] = [];
  fakeInspector({
    getConnection: () => {
      const answer = deferred<Result<ConnectionState>>();
      held.push(answer);
      return answer.promise;
    },
  });
  return held;
}

test('busy from the call until its answer, which is handed back', async () => {
  const held = heldAnswers();
  const request = new LatestRequest();
  const running = request.run((api) => api.getConnection());
  expect(request.busy).toBe(true);
  held[0]!.resolve(ok(none));
  expect(await running).toEqual(ok(none));
  expect(request.busy).toBe(false);
});

test('an answer overtaken by a newer call comes back as null and changes nothing', async () => {
  const held = heldAnswers();
  const request = new LatestRequest();
  const older = request.run((api) => api.getConnection());
  const newer = request.run((api) => api.getConnection());
  held[1]!.resolve(ok(none));
  expect(await newer).toEqual(ok(none));
  held[0]!.resolve(failed('TIMEOUT'));
  expect(await older).toBeNull();
  expect(request.error).toBeNull();
});

test('a failure is kept until an answer succeeds, and stays shown while the next call is out', async () => {
  const held = heldAnswers();
  const request = new LatestRequest();
  const first = request.run((api) => api.getConnection());
  held[0]!.resolve(failed('PORTAL_UNREACHABLE'));
  await first;
  expect(request.error?.code).toBe('PORTAL_UNREACHABLE');
  const second = request.run((api) => api.getConnection());
  expect(request.error?.code).toBe('PORTAL_UNREACHABLE');
  held[1]!.resolve(ok(none));
  await second;
  expect(request.error).toBeNull();
});

test('forget drops the call on its way, and is neither busy nor failed', async () => {
  const held = heldAnswers();
  const request = new LatestRequest();
  request.error = failure('TIMEOUT');
  const running = request.run((api) => api.getConnection());
  request.forget();
  expect(request.busy).toBe(false);
  expect(request.error).toBeNull();
  held[0]!.resolve(failed('CONNECTION_RESET'));
  expect(await running).toBeNull();
  expect(request.error).toBeNull();
});

test('without a bridge the call fails as the bridge missing, not with a throw', async () => {
  Object.assign(window, { inspector: undefined });
  const request = new LatestRequest();
  const answer = await request.run((api) => api.getConnection());
  expect(answer?.ok).toBe(false);
  expect(request.error?.code).toBe('BRIDGE_MISSING');
});

test('a failed action with nowhere to show it becomes an error notice naming what and why', () => {
  noticeFailure(failure('STORE_BUSY', 'History is locked'));
  expect(announcer.notice).toEqual({ text: 'History is locked: History is locked, said the fake.', tone: 'error' });
});

// What is tried again, after how long, and what the operating budget looks
// like from the portal's `time` blocks: pure decisions on a fake clock.
import { describe, expect, it } from 'vitest';
import { APP_ERRORS, InspectorError, PORTAL_ERRORS, errorEnvelope } from '../../main/core/error-codes';
import { DOCUMENTED_OPERATING_LIMIT_SECONDS, OperatingTracker } from '../../main/rest/operating-budget';
import {
  DEFAULT_RETRY_POLICY,
  NO_RETRIES,
  OperatingLimitError,
  decideRetry,
  roughDuration,
  type FailedAttempt,
} from '../../main/rest/retry-policy';

const fresh: Omit<FailedAttempt, 'code'> = { queryLimitRetries: 0, operatingWaits: 0, msUntilOperatingReset: null };

describe('decideRetry', () => {
  it('backs off on QUERY_LIMIT_EXCEEDED with a growing delay, three tries in all', () => {
    const decisions = [0, 1, 2].map((queryLimitRetries) =>
      decideRetry({ ...fresh, code: 'QUERY_LIMIT_EXCEEDED', queryLimitRetries }, DEFAULT_RETRY_POLICY),
    );
    expect(decisions).toEqual([
      { action: 'wait', reason: 'retry', waitMs: 1000 },
      { action: 'wait', reason: 'retry', waitMs: 2000 },
      { action: 'fail' },
    ]);
  });

  it.each([
    'OVERLOAD_LIMIT',
    'ACCESS_ERROR',
    'NO_AUTH_FOUND',
    'expired_token',
    'invalid_token',
    'insufficient_scope',
    'ACCESS_DENIED',
    'PORTAL_DELETED',
    'INTERNAL_SERVER_ERROR',
    'PORTAL_UNREACHABLE',
    'CONNECTION_RESET',
    'TIMEOUT',
    'TLS_ERROR',
    'NOT_BITRIX_JSON',
    'CANCELLED',
    'SOMETHING_NEW',
  ])('never tries %s again', (code) => {
    expect(decideRetry({ ...fresh, code, msUntilOperatingReset: 1000 }, DEFAULT_RETRY_POLICY)).toEqual({ action: 'fail' });
  });

  it('waits for the operating budget when it frees up soon, margin included', () => {
    const decision = decideRetry({ ...fresh, code: 'OPERATION_TIME_LIMIT', msUntilOperatingReset: 20_000 }, DEFAULT_RETRY_POLICY);
    expect(decision).toEqual({ action: 'wait', reason: 'operating-limit', waitMs: 21_000 });
  });

  it('gives up at once, with the wait, when the budget frees up later than a minute', () => {
    const decision = decideRetry({ ...fresh, code: 'OPERATION_TIME_LIMIT', msUntilOperatingReset: 540_000 }, DEFAULT_RETRY_POLICY);
    expect(decision).toEqual({ action: 'fail-wait-too-long', waitMs: 541_000 });
  });

  it('does not wait when it does not know when the budget frees up, nor a second time', () => {
    expect(decideRetry({ ...fresh, code: 'OPERATION_TIME_LIMIT' }, DEFAULT_RETRY_POLICY)).toEqual({ action: 'fail' });
    expect(
      decideRetry({ ...fresh, code: 'OPERATION_TIME_LIMIT', operatingWaits: 1, msUntilOperatingReset: 5_000 }, DEFAULT_RETRY_POLICY),
    ).toEqual({ action: 'fail' });
  });

  it('with retries off, fails everything but still says how long the budget needs', () => {
    expect(decideRetry({ ...fresh, code: 'QUERY_LIMIT_EXCEEDED' }, NO_RETRIES)).toEqual({ action: 'fail' });
    expect(decideRetry({ ...fresh, code: 'OPERATION_TIME_LIMIT', msUntilOperatingReset: 3_000 }, NO_RETRIES)).toEqual({
      action: 'fail-wait-too-long',
      waitMs: 4_000,
    });
  });
});

describe('OperatingLimitError', () => {
  it('is an OPERATION_TIME_LIMIT envelope that says how long, in words', () => {
    const error = new OperatingLimitError('imopenlines.dialog.get', 9 * 60_000 + 5_000, 1_000_000, 429, 'Method is blocked');
    expect(error).toBeInstanceOf(InspectorError);
    expect(error.waitMs).toBe(545_000);
    expect(error.retryAt).toBe(1_000_000);
    expect(error.envelope).toMatchObject({
      code: 'OPERATION_TIME_LIMIT',
      title: PORTAL_ERRORS.OPERATION_TIME_LIMIT.title,
      status: 429,
      portalDescription: 'Method is blocked',
      retryable: true,
    });
    expect(error.envelope.message).toContain('imopenlines.dialog.get');
    expect(error.envelope.message).toContain('about 9 minutes');
  });

  it.each([
    [400, '1 second'],
    [45_000, '45 seconds'],
    [89_000, '89 seconds'],
    [91_000, '2 minutes'],
    [600_000, '10 minutes'],
    [601_500, '10 minutes'],
  ])('%i ms reads as %s', (ms, words) => {
    expect(roughDuration(ms)).toBe(words);
  });
});

describe('CANCELLED', () => {
  it('has its own explanation', () => {
    const envelope = errorEnvelope('CANCELLED');
    expect(envelope).toMatchObject({ code: 'CANCELLED', title: APP_ERRORS.CANCELLED.title, retryable: true });
    expect(envelope.action.length).toBeGreaterThan(10);
  });
});

describe('OperatingTracker', () => {
  const clock = { now: () => 1_700_000_000_000, setTimeout: () => 0, clearTimeout: () => undefined };

  it('knows nothing before a time block, nor from one without operating (on-premise)', () => {
    const tracker = new OperatingTracker(clock);
    tracker.record('scope', { start: 1, finish: 2 });
    tracker.record('scope', null);
    expect(tracker.budget()).toBeNull();
    expect(tracker.msUntilReset('scope')).toBeNull();
  });

  it('reads the reset time against the portal clock, so a desktop clock minutes off waits the right time', () => {
    const tracker = new OperatingTracker(clock);
    const portalNow = clock.now() / 1000 + 7 * 60; // the portal's clock is seven minutes ahead
    tracker.record('imopenlines.dialog.get', { finish: portalNow, operating: 12.5, operating_reset_at: portalNow + 90 });
    expect(tracker.msUntilReset('imopenlines.dialog.get')).toBe(90_000);
    expect(tracker.budget('imopenlines.dialog.get')).toEqual({
      method: 'imopenlines.dialog.get',
      usedSeconds: 12.5,
      limitSeconds: DOCUMENTED_OPERATING_LIMIT_SECONDS,
      resetAt: clock.now() + 90_000,
      measuredAt: clock.now(),
    });
  });

  it('keeps each method apart and answers for the latest when not asked for one', () => {
    const tracker = new OperatingTracker(clock);
    const now = clock.now() / 1000;
    tracker.record('imopenlines.dialog.get', { finish: now, operating: 30, operating_reset_at: now + 300 });
    tracker.record('scope', { finish: now, operating: 0.2, operating_reset_at: now + 20 });
    expect(tracker.budget()?.method).toBe('scope');
    expect(tracker.budget('imopenlines.dialog.get')?.usedSeconds).toBe(30);
    expect(tracker.msUntilReset('imopenlines.dialog.get')).toBe(300_000);
    expect(tracker.budget('batch')).toBeNull();
  });

  it('forgets a reset time once it has passed', () => {
    let now = clock.now();
    const tracker = new OperatingTracker({ ...clock, now: () => now });
    tracker.record('scope', { finish: now / 1000, operating: 1, operating_reset_at: now / 1000 + 10 });
    now += 10_000;
    expect(tracker.msUntilReset('scope')).toBeNull();
  });

  it('trusts our own clock only when the block has no finish', () => {
    const tracker = new OperatingTracker(clock);
    tracker.record('scope', { operating: 1, operating_reset_at: clock.now() / 1000 + 42 });
    expect(tracker.msUntilReset('scope')).toBe(42_000);
  });
});

// When a failed REST call is tried again (https://apidocs.bitrix24.com/error-codes.html, https://apidocs.bitrix24.com/settings/performance/limits.html). Pure, so
// every branch is tested without a network or a real clock.
//
// - QUERY_LIMIT_EXCEEDED (503): the portal's bucket is full; it drains, so a
//   few tries with a growing back-off succeed.
// - OPERATION_TIME_LIMIT (429): the method's ten-minute budget is spent; it
//   frees up at operating_reset_at, known from the last `time` block. Waited
//   for once, and only when that is soon; a long wait fails with the wait in it.
// - Everything else, OVERLOAD_LIMIT (also a 503) and auth errors included, is
//   final. Network failures too: a lookup then falls back to its kept copy,
//   which is more use than a spinner.
import { InspectorError, errorEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';

export interface RetryPolicy {
  /** Tries in all on QUERY_LIMIT_EXCEEDED, the first included. */
  maxAttempts: number;
  /** Back-off before the second try; it doubles for each try after. */
  backoffMs: number;
  /** The longest wait for an operating budget to free up; a longer one fails at once. */
  maxOperatingWaitMs: number;
  /** Added to operating_reset_at: the portal gives whole seconds on its own clock. */
  operatingMarginMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  backoffMs: 1_000,
  maxOperatingWaitMs: 60_000,
  operatingMarginMs: 1_000,
});

/** Every failure final; an OPERATION_TIME_LIMIT still says how long it would have taken. */
export const NO_RETRIES: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 1,
  backoffMs: 0,
  maxOperatingWaitMs: 0,
  operatingMarginMs: DEFAULT_RETRY_POLICY.operatingMarginMs,
});

export interface FailedAttempt {
  /** The error code of the failed try. */
  code: string;
  /** QUERY_LIMIT_EXCEEDED retries already made for this call. */
  queryLimitRetries: number;
  /** Operating-budget waits already made for this call. */
  operatingWaits: number;
  /** Until the method's budget frees up, from the last `time` block; null when unknown. */
  msUntilOperatingReset: number | null;
}

export type RetryDecision =
  | { action: 'fail' }
  | { action: 'wait'; reason: 'retry' | 'operating-limit'; waitMs: number }
  /** The budget frees up, but later than the policy waits. */
  | { action: 'fail-wait-too-long'; waitMs: number };

export function decideRetry(failure: FailedAttempt, policy: RetryPolicy): RetryDecision {
  if (failure.code === 'QUERY_LIMIT_EXCEEDED') {
    if (failure.queryLimitRetries + 1 >= policy.maxAttempts) return { action: 'fail' };
    return { action: 'wait', reason: 'retry', waitMs: policy.backoffMs * 2 ** failure.queryLimitRetries };
  }
  if (failure.code === 'OPERATION_TIME_LIMIT') {
    // Once only: after the oldest minute drops out, the portal may still be
    // over its limit, and its 429 does not say until when.
    if (failure.operatingWaits > 0 || failure.msUntilOperatingReset === null) return { action: 'fail' };
    const waitMs = failure.msUntilOperatingReset + policy.operatingMarginMs;
    if (waitMs > policy.maxOperatingWaitMs) return { action: 'fail-wait-too-long', waitMs };
    return { action: 'wait', reason: 'operating-limit', waitMs };
  }
  return { action: 'fail' };
}

/** OPERATION_TIME_LIMIT, with how long until the method's budget frees up. */
export class OperatingLimitError extends InspectorError {
  constructor(
    method: string,
    /** From when the error was made. */
    readonly waitMs: number,
    /** Local epoch ms. */
    readonly retryAt: number,
    status?: number,
    portalDescription?: string,
  ) {
    const wait = roughDuration(waitMs);
    super(
      errorEnvelope('OPERATION_TIME_LIMIT', {
        status,
        portalDescription,
        message: messages().errors.answers.operatingLimit(method, wait),
        action: messages().errors.answers.operatingLimitAction(wait),
      }),
    );
  }
}

/** "45 seconds", "9 minutes": a wait as a person would say it. */
export function roughDuration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const durations = messages().errors.durations;
  if (seconds < 90) return durations.seconds(seconds);
  // The portal's ten minutes plus our margin is still "about 10 minutes".
  return durations.minutes(Math.max(2, Math.round(seconds / 60)));
}

// One call, from the caller's request to an answer or a final error: each try
// is sent through a transport (sdk-transport.ts), which takes its turn in our
// bucket; a failed try is tried again as the retry policy decides, after a
// wait the caller hears about (`onWait`) and can cancel (`signal`).
import type { TimeBlock } from '../core/dialog-types';
import { InspectorError, inspectorError } from '../core/error-codes';
import { abortableDelay, cancelledError, type Clock } from './clock';
import type { OperatingTracker } from './operating-budget';
import type { RateLimiter } from './rate-limiter';
import { OperatingLimitError, decideRetry, type RetryPolicy } from './retry-policy';

export interface PortalAnswer {
  result: unknown;
  time: TimeBlock | null;
}

export type WaitReason = 'rate-limit' | 'operating-limit' | 'retry';

export interface WaitInfo {
  /**
   * rate-limit: queued behind our own copy of the portal's bucket;
   * operating-limit: waiting for the method's operating budget to free up (429);
   * retry: backing off after QUERY_LIMIT_EXCEEDED (503).
   */
  reason: WaitReason;
  /** Expected length of this wait, ms. For rate-limit an estimate: calls ahead may be cancelled. */
  waitMs: number;
  /** The try that follows the wait, 1 for the first. */
  attempt: number;
}

export interface CallOptions {
  /** Aborting it cancels the call wherever it is: queued, waiting to retry, or on the wire. It then throws CANCELLED. */
  signal?: AbortSignal;
  /** Told each time the call starts to wait, and again when a wait grows. Never told about the request itself. */
  onWait?: (info: WaitInfo) => void;
}

/** What a try tells the transport about the call it belongs to. */
export interface TryContext {
  /** The call's: the caller's cancel or the client's close. */
  signal: AbortSignal;
  /** A retry goes ahead of the queue: it waited its turn once already. */
  front: boolean;
  /** Told how long the try waits in our bucket. */
  onQueued(waitMs: number): void;
  /** OAuth: the token this try sends, chosen by callWithTokens. */
  accessToken?: string;
}

/** Sends one try; throws InspectorError only, CANCELLED when the try's signal aborted. */
export type Send = (method: string, params: Record<string, unknown>, context: TryContext) => Promise<PortalAnswer>;

export interface CallPipelineParts {
  send: Send;
  /** Our bucket, marked full on QUERY_LIMIT_EXCEEDED; the transport takes it before each request. Null when off. */
  limiter: RateLimiter | null;
  policy: RetryPolicy;
  /** Each method's operating time, kept by the transport from every `time` block it reads. */
  operating: OperatingTracker;
  clock: Clock;
  /** The client's: aborting it cancels every call. */
  closed: AbortSignal;
}

/** One call, with the token to send when the client is an OAuth one. Throws InspectorError only. */
export type CallPipeline = (
  method: string,
  params: Record<string, unknown>,
  callOptions: CallOptions,
  accessToken?: string,
) => Promise<PortalAnswer>;

export function createCallPipeline({ send, limiter, policy, operating, clock, closed }: CallPipelineParts): CallPipeline {
  return async (method, params, callOptions, accessToken) => {
    const { signal, release } = eitherSignal(callOptions.signal, closed);
    try {
      return await run(method, params, callOptions, signal, accessToken);
    } finally {
      release();
    }
  };

  async function run(
    method: string,
    params: Record<string, unknown>,
    callOptions: CallOptions,
    signal: AbortSignal,
    accessToken?: string,
  ): Promise<PortalAnswer> {
    let attempt = 1;
    const report = (reason: WaitReason, waitMs: number): void => {
      try {
        callOptions.onWait?.({ reason, waitMs, attempt });
      } catch {
        // The caller's display failing must not fail the call.
      }
    };
    const context: TryContext = { signal, front: false, onQueued: (waitMs) => report('rate-limit', waitMs), ...(accessToken !== undefined ? { accessToken } : {}) };
    let queryLimitRetries = 0;
    let operatingWaits = 0;
    for (;;) {
      if (signal.aborted) throw cancelledError();
      try {
        return await send(method, params, context);
      } catch (error) {
        const failure = error instanceof InspectorError ? error : inspectorError('INTERNAL', undefined, error);
        const { code } = failure.envelope;
        if (code === 'QUERY_LIMIT_EXCEEDED') limiter?.markFull();
        const decision = decideRetry(
          { code, queryLimitRetries, operatingWaits, msUntilOperatingReset: operating.msUntilReset(method) },
          policy,
        );
        if (decision.action === 'fail') throw failure;
        if (decision.action === 'fail-wait-too-long') {
          const { status, portalDescription } = failure.envelope;
          throw new OperatingLimitError(method, decision.waitMs, clock.now() + decision.waitMs, status, portalDescription);
        }
        attempt += 1;
        if (decision.reason === 'retry') queryLimitRetries += 1;
        else operatingWaits += 1;
        context.front = true;
        report(decision.reason, decision.waitMs);
        await abortableDelay(decision.waitMs, signal, clock);
      }
    }
  }
}

/**
 * The call's own signal: it aborts when the caller's or the client's does.
 * Not AbortSignal.any: the client's signal lives as long as the client, and
 * every call would leave a dependant on it; here each call takes its
 * listeners away when it ends.
 */
export function eitherSignal(first: AbortSignal | undefined, second: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (first?.aborted || second.aborted) abort();
  first?.addEventListener('abort', abort, { once: true });
  second.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      first?.removeEventListener('abort', abort);
      second.removeEventListener('abort', abort);
    },
  };
}

// Our small interface to a Bitrix24 portal, and its implementation on the
// official SDK (@bitrix24/b24jssdk). The rest of the app sees only
// `PortalClient`: one call, a validated `{result, time}` or an InspectorError.
//
// The portal's limits are handled here, not in the SDK (docs/rest-client.md):
// our own leaky bucket queues requests, the retry policy decides what is tried
// again, and every wait can be seen and cancelled by the caller. This module
// reads the options and wires the two parts: the transport (sdk-transport.ts,
// one try through the SDK) and the call pipeline (call-pipeline.ts, tries,
// waits and retries until an answer).
import { setMaxListeners } from 'node:events';
import type { PortalInfo } from '../core/dialog-types';
import type { LookupClient } from '../core/lookup-client';
import type { Webhook } from '../core/webhook';
import { createCallPipeline, type CallOptions, type PortalAnswer } from './call-pipeline';
import { systemClock, type Clock } from './clock';
import { OperatingTracker, type OperatingBudget } from './operating-budget';
import { RATE_LIMITS, RateLimiter, type RateLimit } from './rate-limiter';
import { DEFAULT_RETRY_POLICY, NO_RETRIES, type RetryPolicy } from './retry-policy';
import { oauthHook, webhookHook, type MakeHook, type PortalAddress } from './sdk-hooks';
import { createSdkTransport } from './sdk-transport';
import { callWithTokens, type TokenSource } from './token-source';

export type { CallOptions, PortalAnswer, WaitInfo, WaitReason } from './call-pipeline';
export type { OperatingBudget } from './operating-budget';
export { RATE_LIMITS, type RateLimit } from './rate-limiter';
export { DEFAULT_RETRY_POLICY, OperatingLimitError, type RetryPolicy } from './retry-policy';
export type { PortalAddress } from './sdk-hooks';

/** Also what core's lookup calls (LookupClient), so the two cannot drift apart. */
export interface PortalClient extends LookupClient<CallOptions> {
  readonly portal: PortalInfo;
  /** Calls a REST method with a JSON body. Throws InspectorError only. */
  call(method: string, params: Record<string, unknown>, options?: CallOptions): Promise<PortalAnswer>;
  /** The operating time from the last `time` block of `method` (default: of the last method answered); null before any. */
  budget(method?: string): OperatingBudget | null;
  /** Cancels every queued, waiting and running call (CANCELLED), and frees the connections. */
  close(): void;
}

export interface PortalClientOptions {
  /**
   * Bitrix24 stops a request after 60 s; so do we by default. An overall
   * deadline per try (connect, headers and body together: a body dripped a
   * byte at a time does not outlive it); waits in the queue or for a limit do not count.
   */
  timeoutMs?: number;
  /**
   * The most of an answer read, in bytes (after decompression); default
   * DEFAULT_MAX_ANSWER_BYTES. A function is asked on every request, so a
   * changed setting applies to the next one.
   */
  maxAnswerBytes?: number | (() => number);
  /** Which of the portal's documented rate limits to keep to (https://apidocs.bitrix24.com/settings/performance/limits.html); default standard (2/s, burst 50). */
  plan?: keyof typeof RATE_LIMITS;
  /** Our client-side leaky bucket, when not the plan's; `false` turns it off (benchmarks). */
  rateLimit?: RateLimit | false;
  /** Overrides of DEFAULT_RETRY_POLICY; `false` makes every failure final. */
  retry?: Partial<RetryPolicy> | false;
  /** For tests: a fake clock, or one moved close to a portal's operating_reset_at. */
  clock?: Clock;
  /**
   * The only certificates to trust, replacing Node's store: for the demo
   * portal's self-signed certificate (and the tests'). Left out for real
   * portals, so Node's own store is used as is and NODE_EXTRA_CA_CERTS keeps
   * working for portals behind a private CA.
   */
  extraCertificates?: string[];
  demo?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * A dialog is a few kilobytes; a transcript of thousands of messages a few
 * megabytes. Far above both, and far below what would hurt the store.
 */
export const DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export function createWebhookClient(webhook: Webhook, options: PortalClientOptions = {}): PortalClient {
  return createSdkClient(webhookHook(webhook), { origin: webhook.origin, host: webhook.host }, { secrets: () => [webhook.key] }, options);
}

/**
 * A portal signed in to with OAuth 2.0. Tokens come from `tokenSource`
 * (oauth's TokenRefresher): a call answered expired_token makes it refresh
 * (once for every call waiting) and is tried again once with the new token
 * (https://apidocs.bitrix24.com/settings/oauth/index.html). The SDK's B24OAuth is the transport only (sdk-hooks.ts).
 */
export function createOAuthClient(address: PortalAddress, tokenSource: TokenSource, options: PortalClientOptions = {}): PortalClient {
  return createSdkClient(oauthHook(address), address, { secrets: () => tokenSource.secrets(), tokenSource }, options);
}

interface Credentials {
  /** Every secret that could appear in an error text, to scrub. */
  secrets(): string[];
  tokenSource?: TokenSource;
}

function createSdkClient(makeHook: MakeHook, address: PortalAddress, credentials: Credentials, options: PortalClientOptions): PortalClient {
  const clock = options.clock ?? systemClock;
  const rateLimit = options.rateLimit ?? RATE_LIMITS[options.plan ?? 'standard'];
  const limiter = rateLimit === false ? null : new RateLimiter(rateLimit, clock);
  const policy: RetryPolicy = options.retry === false ? NO_RETRIES : { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const operating = new OperatingTracker(clock);
  const { maxAnswerBytes: cap = DEFAULT_MAX_ANSWER_BYTES } = options;
  const closing = new AbortController();
  // One listener per call in progress, hundreds when a burst is queued: that is the design, not a leak.
  setMaxListeners(0, closing.signal);
  const transport = createSdkTransport({
    makeHook,
    secrets: credentials.secrets,
    limiter,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxAnswerBytes: typeof cap === 'function' ? cap : () => cap,
    extraCertificates: options.extraCertificates,
    closed: closing.signal,
    onTime: (method, time) => operating.record(method, time),
  });
  const pipeline = createCallPipeline({ send: transport.send, limiter, policy, operating, clock, closed: closing.signal });
  const { tokenSource } = credentials;

  return {
    portal: { origin: address.origin, host: address.host, demo: options.demo ?? false },
    call(method, params, callOptions = {}) {
      if (!tokenSource) return pipeline(method, params, callOptions);
      return callWithTokens(tokenSource, (accessToken) => pipeline(method, params, callOptions, accessToken));
    },
    budget(method) {
      return operating.budget(method);
    },
    close() {
      closing.abort();
      limiter?.close();
      transport.close();
    },
  };
}

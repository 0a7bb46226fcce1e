// Our small interface to a Bitrix24 portal, and its implementation on the
// official SDK (@bitrix24/b24jssdk). The rest of the app sees only
// `PortalClient`: one call, a validated `{result, time}` or an InspectorError.
//
// The portal's limits are handled here, not in the SDK (docs/rest-client.md):
// our own leaky bucket queues requests, the retry policy decides what is tried
// again, and every wait can be seen and cancelled by the caller.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import https from 'node:https';
import type { B24Hook, B24OAuth } from '@bitrix24/b24jssdk';
import type { PortalInfo, TimeBlock } from '../core/dialog-types';
import { InspectorError, inspectorError, scrubSecrets, withoutSecrets } from '../core/errors';
import type { LookupClient } from '../core/lookup-client';
import { messages } from '../core/messages/index';
import type { Webhook } from '../core/webhook';
import { describeBytes, errorFromAnswer, errorFromTransport, readBody } from './answer-reading';
import { successEnvelopeSchema, timeSchema } from './answer-schema';
import { abortableDelay, cancelledError, systemClock, type Clock } from './clock';
import { OperatingTracker, type OperatingBudget } from './operating-budget';
import { RATE_LIMITS, RateLimiter, type RateLimit } from './rate-limiter';
import { DEFAULT_RETRY_POLICY, NO_RETRIES, OperatingLimitError, decideRetry, type RetryPolicy } from './retry-policy';
import { callWithTokens, type TokenSource } from './token-source';

export type { OperatingBudget } from './operating-budget';
export { RATE_LIMITS, type RateLimit } from './rate-limiter';
export { DEFAULT_RETRY_POLICY, OperatingLimitError, type RetryPolicy } from './retry-policy';

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
  /** Which of the portal's documented rate limits to keep to (brief §4); default standard (2/s, burst 50). */
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

/**
 * Every limit and retry of the SDK turned off; ours replace them. Left on,
 * the SDK would retry OVERLOAD_LIMIT (it checks the 503 before the code),
 * pause silently up to 7 s once a method passes 80 % of 480 s, and block a
 * method until its reset (up to ten minutes) where nobody can see or cancel it.
 */
const SDK_RESTRICTIONS_OFF = {
  maxRetries: 1,
  retryDelay: 0,
  retryOnNetworkError: false,
  rateLimit: { burstLimit: Number.MAX_SAFE_INTEGER, drainRate: Number.MAX_SAFE_INTEGER, adaptiveEnabled: false },
  operatingLimit: { windowMs: 600_000, limitMs: Number.MAX_SAFE_INTEGER, heavyPercent: 100 },
  adaptiveConfig: { enabled: false, thresholdPercent: 100, coefficient: 0, maxDelay: 0 },
};

/** What the axios interceptor needs from the call that is sending. */
interface SendContext {
  /** The call's: the caller's cancel or the client's close. */
  signal: AbortSignal;
  /** Set when the try's overall deadline ran out, so the abort it caused is told from a cancel. */
  deadlineHit?: boolean;
  /** Stops the try's deadline timer once its answer is read. */
  clearDeadline?: () => void;
  /** OAuth: the token this try sends, chosen by callWithTokens. */
  accessToken?: string;
  /** OAuth: the portal's 401 for this try, handed back through the SDK's refresh hook. */
  authFailure?: InspectorError;
  /** A retry goes ahead of the queue: it waited its turn once already. */
  front: boolean;
  onQueued(waitMs: number): void;
}

function httpsAgent(extraCertificates: string[] | undefined): https.Agent {
  const options: https.AgentOptions = { keepAlive: true };
  if (extraCertificates && extraCertificates.length > 0) {
    options.ca = [...extraCertificates];
  }
  return new https.Agent(options);
}

/** Finds our own classified error inside whatever the SDK wrapped it in. */
function findInspectorError(error: unknown): InspectorError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof InspectorError) return current;
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  return null;
}

/** The parts of an axios error we read; duck-typed so we do not depend on the SDK's copy of axios. */
interface TransportError {
  isAxiosError: true;
  code?: string;
  message: string;
  response?: { status: number; data: unknown; headers: Record<string, unknown> };
}

function isTransportError(value: unknown): value is TransportError {
  return typeof value === 'object' && value !== null && (value as { isAxiosError?: unknown }).isAxiosError === true;
}

function findTransportError(error: unknown): TransportError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isTransportError(current)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

function contentType(headers: Record<string, unknown> | undefined): string | undefined {
  const value = headers?.['content-type'];
  return typeof value === 'string' ? value : undefined;
}

type Sdk = typeof import('@bitrix24/b24jssdk');

let sdk: Promise<Sdk> | null = null;

/**
 * The SDK, with axios and its dependencies, loads when a client first calls,
 * not when main starts: imported up front it was most of main's time to its
 * first window (test/bench/startup-bench.ts).
 */
function loadSdk(): Promise<Sdk> {
  sdk ??= import('@bitrix24/b24jssdk');
  sdk.catch(() => (sdk = null));
  return sdk;
}

export function createWebhookClient(webhook: Webhook, options: PortalClientOptions = {}): PortalClient {
  const makeHook = (module: Sdk) =>
    new module.B24Hook({ b24Url: webhook.origin, userId: webhook.userId, secret: webhook.key }, { restrictionParams: SDK_RESTRICTIONS_OFF });
  return createSdkClient(makeHook, { origin: webhook.origin, host: webhook.host }, { secrets: () => [webhook.key] }, options);
}

/** Where an OAuth account's REST calls go. */
export interface PortalAddress {
  /** https://host[:port] */
  origin: string;
  host: string;
}

/**
 * A portal signed in to with OAuth 2.0. Tokens come from `tokenSource`
 * (oauth's TokenRefresher): a call answered expired_token makes it refresh
 * (once for every call waiting) and is tried again once with the new token
 * (brief §3b.4).
 *
 * The SDK's B24OAuth is the transport only. Its own token handling would
 * refresh ahead of time by the local clock, also on invalid_token, and with
 * no say in when the rotated pair is saved; so its clock is set to never
 * expire, its refresh hook hands the portal's 401 back to us, and each try
 * carries the token callWithTokens chose.
 */
export function createOAuthClient(address: PortalAddress, tokenSource: TokenSource, options: PortalClientOptions = {}): PortalClient {
  const makeHook = (module: Sdk) =>
    new module.B24OAuth(
      {
        applicationToken: '',
        userId: 0,
        memberId: '',
        // Replaced on every request by the token of the try (see the request interceptor).
        accessToken: 'set-per-request',
        refreshToken: 'unused',
        expires: Number.MAX_SAFE_INTEGER / 1000,
        expiresIn: 3600,
        scope: '',
        domain: address.host,
        clientEndpoint: `${address.origin}/rest/`,
        serverEndpoint: 'https://oauth.bitrix.info/rest/',
        status: module.EnumAppStatus.Local,
      },
      { clientId: '', clientSecret: '' },
      { restrictionParams: SDK_RESTRICTIONS_OFF },
    );
  return createSdkClient(makeHook, address, { secrets: () => tokenSource.secrets(), tokenSource }, options);
}

interface Credentials {
  /** Every secret that could appear in an error text, to scrub. */
  secrets(): string[];
  tokenSource?: TokenSource;
}

function createSdkClient(
  makeHook: (module: Sdk) => B24Hook | B24OAuth,
  address: PortalAddress,
  credentials: Credentials,
  options: PortalClientOptions,
): PortalClient {
  const clock = options.clock ?? systemClock;
  const rateLimit = options.rateLimit ?? RATE_LIMITS[options.plan ?? 'standard'];
  const limiter = rateLimit === false ? null : new RateLimiter(rateLimit, clock);
  const policy: RetryPolicy = options.retry === false ? NO_RETRIES : { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const operating = new OperatingTracker(clock);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { maxAnswerBytes: cap = DEFAULT_MAX_ANSWER_BYTES } = options;
  const maxAnswerBytes = typeof cap === 'function' ? cap : () => cap;
  const closing = new AbortController();
  // One listener per call in progress, hundreds when a burst is queued: that is the design, not a leak.
  setMaxListeners(0, closing.signal);
  // Which call an HTTP request belongs to, for the interceptor below: the SDK
  // sends through axios with no way to pass a signal per call.
  const sending = new AsyncLocalStorage<SendContext>();
  const agent = httpsAgent(options.extraCertificates);
  let transport: Promise<B24Hook | B24OAuth> | null = null;
  /** The SDK's client, made on the first call. */
  const hookReady = (): Promise<B24Hook | B24OAuth> => {
    transport ??= loadSdk().then((module) => configure(module, makeHook(module)));
    transport.catch(() => (transport = null));
    return transport;
  };

  function configure(module: Sdk, hook: B24Hook | B24OAuth): B24Hook | B24OAuth {
    // The SDK warns when it thinks it runs in a browser; main is a server side.
    hook.offClientSideWarning();
    const axios = hook.getHttpClient(module.ApiVersion.v2).ajaxClient;
    axios.defaults.httpsAgent = agent;
    // Also a guard while connecting; the overall deadline is the interceptor's below.
    axios.defaults.timeout = timeoutMs;
    // Bitrix24's REST never redirects. Following one would send the path (the
    // webhook key in it) or a 307's body (the access token) to whatever host
    // the answer names, over plain http if it says so: refuse them all.
    axios.defaults.maxRedirects = 0;
    // Read bodies as bytes and judge them ourselves: axios would silently hand a
    // proxy's HTML page, a truncated or a non-UTF-8 body through as a string.
    axios.defaults.responseType = 'arraybuffer';
    axios.defaults.transformResponse = [(data: unknown) => data];
    // Every HTTP request takes its turn in our bucket right before it goes out,
    // the SDK's own second try after expired_token included, and carries the
    // call's signal so a cancel stops it on the wire.
    axios.interceptors.request.use(async (config) => {
      const context = sending.getStore();
      const signal = context?.signal ?? closing.signal;
      if (limiter) await limiter.acquire({ signal, front: context?.front ?? false, onWait: context?.onQueued });
      config.signal = context ? withDeadline(context, timeoutMs) : signal;
      config.maxContentLength = maxAnswerBytes();
      config.maxBodyLength = config.maxContentLength;
      if (context?.accessToken !== undefined && typeof config.data === 'object' && config.data !== null) {
        config.data = { ...(config.data as Record<string, unknown>), auth: context.accessToken };
      }
      return config;
    });
    if (hook instanceof module.B24OAuth) {
      // The SDK calls this on a 401 (expired_token or invalid_token) to refresh
      // and retry by itself; we let the 401 through instead, to callWithTokens.
      hook.setCustomRefreshAuth(async () => {
        throw sending.getStore()?.authFailure ?? inspectorError('INTERNAL');
      });
    }
    axios.interceptors.response.use(
      (response) => {
        response.data = readBody(response.data, contentType(response.headers as Record<string, unknown>), response.status);
        return response;
      },
      (error: unknown) => {
        if (isTransportError(error) && error.response && isRedirect(error.response.status)) {
          throw redirectRefused(error.response.status, error.response.headers);
        }
        if (isTransportError(error) && error.response) {
          // Re-parse so the SDK sees Bitrix24's {error, error_description}; a
          // non-JSON error page throws our own classified error instead.
          error.response.data = readBody(error.response.data, contentType(error.response.headers), error.response.status);
          const context = sending.getStore();
          if (context && error.response.status === 401) context.authFailure = errorFromAnswer(error.response.data, 401) ?? undefined;
        }
        throw error;
      },
    );
    return hook;
  }

  const portal: PortalInfo = { origin: address.origin, host: address.host, demo: options.demo ?? false };

  const once = async (method: string, params: Record<string, unknown>, context: SendContext): Promise<PortalAnswer> => {
    let answer: unknown;
    try {
      const hook = await hookReady();
      const result = await sending.run(context, () => hook.actions.v2.call.make({ method, params }));
      if (!result.isSuccess) {
        const [first] = result.getErrors();
        throw first ?? new Error('unsuccessful result without an error');
      }
      answer = result.getData();
    } catch (error) {
      if (context.deadlineHit) throw deadlineError(timeoutMs);
      // Whatever the abort looked like on the way out (axios, the SDK, our queue), it was a cancel.
      if (context.signal.aborted) throw cancelledError();
      operating.record(method, timeInErrorBody(error));
      throw classify(error, credentials.secrets(), maxAnswerBytes());
    } finally {
      context.clearDeadline?.();
      context.deadlineHit = false;
    }
    const parsed = successEnvelopeSchema.safeParse(answer);
    if (!parsed.success) throw inspectorError('NOT_BITRIX_JSON');
    // A malformed `time` block costs us the timing rows, not the dialog.
    const time = timeSchema.safeParse(parsed.data.time);
    const block = time.success && time.data ? (time.data as TimeBlock) : null;
    operating.record(method, block);
    return { result: parsed.data.result, time: block };
  };

  return {
    portal,
    async call(method, params, callOptions = {}) {
      const { signal, release } = eitherSignal(callOptions.signal, closing.signal);
      try {
        const { tokenSource } = credentials;
        if (!tokenSource) return await run(method, params, callOptions, signal);
        return await callWithTokens(tokenSource, (accessToken) => run(method, params, callOptions, signal, accessToken));
      } finally {
        release();
      }
    },
    budget(method) {
      return operating.budget(method);
    },
    close() {
      closing.abort();
      limiter?.close();
      agent.destroy();
    },
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
    const context: SendContext = { signal, front: false, onQueued: (waitMs) => report('rate-limit', waitMs), ...(accessToken !== undefined ? { accessToken } : {}) };
    let queryLimitRetries = 0;
    let operatingWaits = 0;
    for (;;) {
      if (signal.aborted) throw cancelledError();
      try {
        return await once(method, params, context);
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
function eitherSignal(first: AbortSignal | undefined, second: AbortSignal): { signal: AbortSignal; release(): void } {
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

/** A `time` block in an error body, should the portal send one (the emulator and, so far, Bitrix24 do not). */
function timeInErrorBody(error: unknown): TimeBlock | null {
  const data = findTransportError(error)?.response?.data;
  if (typeof data !== 'object' || data === null) return null;
  const time = timeSchema.safeParse((data as { time?: unknown }).time);
  return time.success && time.data ? (time.data as TimeBlock) : null;
}

/**
 * The try's own signal: the call's, or its deadline running out. The timer
 * starts when the request leaves the queue, so only the exchange itself counts;
 * it is real time whatever clock the limiter is given, as the network's is.
 */
function withDeadline(context: SendContext, timeoutMs: number): AbortSignal {
  context.clearDeadline?.();
  const controller = new AbortController();
  const { signal, release } = eitherSignal(context.signal, controller.signal);
  const timer = systemClock.setTimeout(() => {
    context.deadlineHit = true;
    controller.abort();
  }, timeoutMs);
  context.clearDeadline = () => {
    systemClock.clearTimeout(timer);
    release();
    context.clearDeadline = undefined;
  };
  return signal;
}

function deadlineError(timeoutMs: number): InspectorError {
  return inspectorError('TIMEOUT', { message: messages().errors.answers.deadline(Math.round(timeoutMs / 100) / 10) });
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** Names where the portal wanted the request to go, by scheme and host only: the path may hold the key. */
function redirectRefused(status: number, headers: Record<string, unknown>): InspectorError {
  const said = messages().errors.answers;
  const location = headers.location;
  let target: string | null = null;
  if (typeof location === 'string') {
    try {
      const url = new URL(location, 'https://portal.invalid');
      target = url.host === 'portal.invalid' ? said.redirectSameAddress : `${url.protocol}//${url.host}`;
    } catch {
      target = null;
    }
  }
  return inspectorError('REDIRECT_REFUSED', { status, message: target === null ? said.redirectNowhere(status) : said.redirect(status, target) });
}

/** Axios's own words for a body over maxContentLength: its only sign. */
function isOverCap(transport: TransportError): boolean {
  return /maxContentLength size of \d+ exceeded/.test(transport.message);
}

/** Our error for whatever the SDK, axios or the portal threw, scrubbed of the credentials' secrets. */
function classify(error: unknown, secrets: string[], maxAnswerBytes: number): InspectorError {
  return withoutSecrets(classifyRaw(error, secrets, maxAnswerBytes), secrets);
}

function classifyRaw(error: unknown, secrets: string[], maxAnswerBytes: number): InspectorError {
  const own = findInspectorError(error);
  if (own) return own;
  const transport = findTransportError(error);
  if (transport && isOverCap(transport)) {
    return inspectorError('ANSWER_TOO_LARGE', { message: messages().errors.answers.tooLarge(describeBytes(maxAnswerBytes)) });
  }
  // A response without data broke off while its body was read: a reset, not an answer.
  if (transport?.response && transport.response.data != null) {
    const { data, status } = transport.response;
    // An HTTP error whose JSON is not a Bitrix24 error still came from somewhere: say so, with its status.
    return (
      errorFromAnswer(data, status) ??
      inspectorError('NOT_BITRIX_JSON', { status, message: messages().errors.answers.httpNotRestJson(status) })
    );
  }
  if (transport) return errorFromTransport(transport.code, transport.message);
  const code = (error as { code?: unknown }).code;
  const status = (error as { status?: unknown }).status;
  if (typeof code === 'string' && !code.startsWith('JSSDK_')) {
    const description = error instanceof Error ? scrubSecrets(error.message, secrets) : undefined;
    return errorFromAnswer({ error: code, error_description: description }, typeof status === 'number' ? status : undefined) ?? inspectorError('INTERNAL');
  }
  return inspectorError('INTERNAL', undefined, error);
}

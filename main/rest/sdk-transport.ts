// One try of a REST method, sent by the SDK's client (sdk-hooks.ts) through
// its axios, which is configured here: our https agent, no redirects, an
// overall deadline per try, the answer cap, bodies read as bytes and judged by
// answer-reading.ts, and our bucket taken right before each request goes out.
// What comes back is a validated `{result, time}` or an InspectorError.
import { AsyncLocalStorage } from 'node:async_hooks';
import https from 'node:https';
import type { TimeBlock } from '../core/dialog-types';
import { inspectorError, type InspectorError } from '../core/error-codes';
import { errorFromAnswer, readBody } from './answer-reading';
import { successEnvelopeSchema, timeSchema } from './answer-schema';
import { eitherSignal, type Send, type TryContext } from './call-pipeline';
import { cancelledError, systemClock } from './clock';
import type { RateLimiter } from './rate-limiter';
import { loadSdk, type MakeHook, type Sdk, type SdkHook } from './sdk-hooks';
import { classify, deadlineError, isRedirect, isTransportError, redirectRefused, timeInErrorBody } from './transport-errors';

export interface SdkTransportOptions {
  /** The SDK's client to send with, made on the first try. */
  makeHook: MakeHook;
  /** Every secret that could appear in an error text, to scrub. */
  secrets(): string[];
  /** Our bucket, taken right before each HTTP request goes out; null when off. */
  limiter: RateLimiter | null;
  /** The overall deadline of one try, ms. */
  timeoutMs: number;
  /** The most of an answer read, in bytes; asked on every request. */
  maxAnswerBytes(): number;
  /** The only certificates to trust, replacing Node's store (see PortalClientOptions). */
  extraCertificates?: string[] | undefined;
  /** The client's: what a request sent outside any call waits on. */
  closed: AbortSignal;
  /** Told every `time` block read, from an answer or from an error body, for the operating budget. */
  onTime(method: string, time: TimeBlock | null): void;
}

export interface SdkTransport {
  send: Send;
  /** Frees the connections. */
  close(): void;
}

/** What the axios interceptors need from the try that is sending. */
interface Sending {
  /** The call's: its signal, its place in the queue, its token. */
  call: TryContext;
  /** Set when the try's overall deadline ran out, so the abort it caused is told from a cancel. */
  deadlineHit: boolean;
  /** Stops the try's deadline timer once its answer is read. */
  clearDeadline?: () => void;
  /** OAuth: the portal's 401 for this try, handed back through the SDK's refresh hook. */
  authFailure?: InspectorError;
  /** The answer's `result`, kept from the SDK (see the response interceptor). */
  result?: { value: unknown };
}

/** What the SDK holds in place of an answer's `result`. */
const RESULT_KEPT_ASIDE = null;

/**
 * Each command's `time` in a batch answer, under its method: Bitrix24 counts
 * every command against its own method's operating budget, not the batch's.
 */
function commandTimes(params: Record<string, unknown>, result: unknown): Array<[string, TimeBlock]> {
  const cmd = params['cmd'];
  const times = typeof result === 'object' && result !== null ? (result as Record<string, unknown>)['result_time'] : undefined;
  if (typeof cmd !== 'object' || cmd === null || typeof times !== 'object' || times === null || Array.isArray(times)) return [];
  const found: Array<[string, TimeBlock]> = [];
  for (const [key, command] of Object.entries(cmd)) {
    if (typeof command !== 'string' || !Object.hasOwn(times, key)) continue;
    const time = timeSchema.safeParse((times as Record<string, unknown>)[key]);
    if (time.success && time.data) found.push([command.split('?')[0]!.toLowerCase(), time.data as TimeBlock]);
  }
  return found;
}

export function createSdkTransport(options: SdkTransportOptions): SdkTransport {
  const { limiter, timeoutMs, maxAnswerBytes, closed, onTime } = options;
  // Which try an HTTP request belongs to, for the interceptors below: the SDK
  // sends through axios with no way to pass a signal per call.
  const sending = new AsyncLocalStorage<Sending>();
  const agent = httpsAgent(options.extraCertificates);
  let made: Promise<SdkHook> | null = null;
  /** The SDK's client, made on the first call. */
  const hookReady = (): Promise<SdkHook> => {
    made ??= loadSdk().then((module) => configure(module, options.makeHook(module)));
    made.catch(() => (made = null));
    return made;
  };

  function configure(module: Sdk, hook: SdkHook): SdkHook {
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
      const signal = context?.call.signal ?? closed;
      if (limiter) await limiter.acquire({ signal, front: context?.call.front ?? false, onWait: context?.call.onQueued });
      config.signal = context ? withDeadline(context, timeoutMs) : signal;
      config.maxContentLength = maxAnswerBytes();
      config.maxBodyLength = config.maxContentLength;
      if (context?.call.accessToken !== undefined && typeof config.data === 'object' && config.data !== null) {
        config.data = { ...(config.data as Record<string, unknown>), auth: context.call.accessToken };
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
        const answer = readBody(response.data, contentType(response.headers as Record<string, unknown>), response.status);
        const context = sending.getStore();
        // The SDK writes each answer into a log line of its own: JSON text of a
        // redacted copy of the whole result, cut to its first 100 characters.
        // For a 5,000-message transcript that was about 7 ms and a few MB of
        // garbage per answer, and the portal's data in a log line. It gets the
        // envelope (errors and `time` are what it reads); send() takes the result from here.
        if (context && typeof answer === 'object' && answer !== null && !Array.isArray(answer) && Object.hasOwn(answer, 'result')) {
          context.result = { value: (answer as { result: unknown }).result };
          response.data = { ...answer, result: RESULT_KEPT_ASIDE };
        } else {
          response.data = answer;
        }
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

  const send: Send = async (method, params, call) => {
    const context: Sending = { call, deadlineHit: false };
    let answer: unknown;
    try {
      const hook = await hookReady();
      const result = await sending.run(context, () => hook.actions.v2.call.make({ method, params }));
      if (!result.isSuccess) {
        const [first] = result.getErrors();
        throw first ?? new Error('unsuccessful result without an error');
      }
      const data = result.getData();
      answer = context.result && data ? { ...data, result: context.result.value } : data;
    } catch (error) {
      if (context.deadlineHit) throw deadlineError(timeoutMs);
      // Whatever the abort looked like on the way out (axios, the SDK, our queue), it was a cancel.
      if (call.signal.aborted) throw cancelledError();
      onTime(method, timeInErrorBody(error));
      throw classify(error, options.secrets(), maxAnswerBytes());
    } finally {
      context.clearDeadline?.();
    }
    const parsed = successEnvelopeSchema.safeParse(answer);
    if (!parsed.success) throw inspectorError('NOT_BITRIX_JSON');
    // A malformed `time` block costs us the timing rows, not the dialog.
    const time = timeSchema.safeParse(parsed.data.time);
    const block = time.success && time.data ? (time.data as TimeBlock) : null;
    onTime(method, block);
    if (method === 'batch') for (const [inner, innerTime] of commandTimes(params, parsed.data.result)) onTime(inner, innerTime);
    return { result: parsed.data.result, time: block };
  };

  return { send, close: () => agent.destroy() };
}

/** The longest a kept-alive socket idles when the server names no shorter time. */
const IDLE_SOCKET_MS = 30_000;

function httpsAgent(extraCertificates: string[] | undefined): https.Agent {
  // A kept-alive socket idles while a call waits for the rate limit. With a
  // timeout set, Node retires an idle socket a second before the server's own
  // `Keep-Alive: timeout=N` (without one it ignores the hint), so a call never
  // goes out on a socket the server is closing at that moment (ECONNRESET).
  const options: https.AgentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  if (extraCertificates && extraCertificates.length > 0) {
    options.ca = [...extraCertificates];
  }
  return new https.Agent(options);
}

function contentType(headers: Record<string, unknown> | undefined): string | undefined {
  const value = headers?.['content-type'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The try's own signal: the call's, or its deadline running out. The timer
 * starts when the request leaves the queue, so only the exchange itself counts;
 * it is real time whatever clock the limiter is given, as the network's is.
 * The SDK's own second try after expired_token starts it again.
 */
function withDeadline(context: Sending, timeoutMs: number): AbortSignal {
  context.clearDeadline?.();
  const controller = new AbortController();
  const { signal, release } = eitherSignal(context.call.signal, controller.signal);
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

// Our small interface to a Bitrix24 portal, and its implementation on the
// official SDK (@bitrix24/b24jssdk). The rest of the app sees only
// `PortalClient`: one call, a validated `{result, time}` or an InspectorError.
import https from 'node:https';
import { ApiVersion, B24Hook } from '@bitrix24/b24jssdk';
import type { PortalInfo, TimeBlock } from '../core/dialog-types';
import { InspectorError, inspectorError } from '../core/errors';
import { scrubSecret, type Webhook } from '../core/webhook';
import { errorFromAnswer, errorFromTransport, readBody } from './answer-reading';
import { successEnvelopeSchema, timeSchema } from './answer-schema';

export interface PortalAnswer {
  result: unknown;
  time: TimeBlock | null;
}

export interface PortalClient {
  readonly portal: PortalInfo;
  /** Calls a REST method with a JSON body. Throws InspectorError only. */
  call(method: string, params: Record<string, unknown>): Promise<PortalAnswer>;
  close(): void;
}

export interface PortalClientOptions {
  /** Bitrix24 stops a request after 60 s; so do we by default. */
  timeoutMs?: number;
  /** Client-side leaky bucket; defaults to the portal's own (2/s, burst 50). `false` turns it off (benchmarks). */
  rateLimit?: { burst: number; drainPerSecond: number } | false;
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

function restrictionParams(rateLimit: PortalClientOptions['rateLimit']) {
  // Retries and back-off are deliberately off in this layer: a lookup reports
  // what the portal said, and the account layer owns the retry policy.
  const base = { maxRetries: 1, retryOnNetworkError: false };
  if (rateLimit === false) {
    return {
      ...base,
      rateLimit: { burstLimit: Number.MAX_SAFE_INTEGER, drainRate: Number.MAX_SAFE_INTEGER, adaptiveEnabled: false },
      adaptiveConfig: { enabled: false, thresholdPercent: 100, coefficient: 0, maxDelay: 0 },
    };
  }
  const bucket = rateLimit ?? { burst: 50, drainPerSecond: 2 };
  return { ...base, rateLimit: { burstLimit: bucket.burst, drainRate: bucket.drainPerSecond, adaptiveEnabled: true } };
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

export function createWebhookClient(webhook: Webhook, options: PortalClientOptions = {}): PortalClient {
  const hook = new B24Hook(
    { b24Url: webhook.origin, userId: webhook.userId, secret: webhook.key },
    { restrictionParams: restrictionParams(options.rateLimit) },
  );
  // The SDK warns when it thinks it runs in a browser; main is a server side.
  hook.offClientSideWarning();
  const agent = httpsAgent(options.extraCertificates);
  const axios = hook.getHttpClient(ApiVersion.v2).ajaxClient;
  axios.defaults.httpsAgent = agent;
  axios.defaults.timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Read bodies as text and judge them ourselves: axios would silently hand a
  // proxy's HTML page or a truncated body through as a string.
  axios.defaults.responseType = 'text';
  axios.defaults.transformResponse = [(data: unknown) => data];
  axios.interceptors.response.use(
    (response) => {
      response.data = readBody(response.data, contentType(response.headers as Record<string, unknown>), response.status);
      return response;
    },
    (error: unknown) => {
      if (isTransportError(error) && error.response) {
        // Re-parse so the SDK sees Bitrix24's {error, error_description}; a
        // non-JSON error page throws our own classified error instead.
        error.response.data = readBody(error.response.data, contentType(error.response.headers), error.response.status);
      }
      throw error;
    },
  );

  const portal: PortalInfo = { origin: webhook.origin, host: webhook.host, demo: options.demo ?? false };

  return {
    portal,
    async call(method, params) {
      let answer: unknown;
      try {
        const result = await hook.actions.v2.call.make({ method, params });
        if (!result.isSuccess) {
          const [first] = result.getErrors();
          throw first ?? new Error('unsuccessful result without an error');
        }
        answer = result.getData();
      } catch (error) {
        throw classify(error, webhook.key);
      }
      const parsed = successEnvelopeSchema.safeParse(answer);
      if (!parsed.success) throw inspectorError('NOT_BITRIX_JSON');
      // A malformed `time` block costs us the timing rows, not the dialog.
      const time = timeSchema.safeParse(parsed.data.time);
      return { result: parsed.data.result, time: time.success && time.data ? (time.data as TimeBlock) : null };
    },
    close() {
      agent.destroy();
    },
  };
}

function classify(error: unknown, secret: string): InspectorError {
  const own = findInspectorError(error);
  if (own) return own;
  const transport = findTransportError(error);
  if (transport?.response) {
    const { data, status } = transport.response;
    // An HTTP error whose JSON is not a Bitrix24 error still came from somewhere: say so, with its status.
    return (
      errorFromAnswer(data, status) ??
      inspectorError('NOT_BITRIX_JSON', { status, message: `The address answered HTTP ${status} with JSON that is not a Bitrix24 REST answer.` })
    );
  }
  if (transport) return errorFromTransport(transport.code, transport.message);
  const code = (error as { code?: unknown }).code;
  const status = (error as { status?: unknown }).status;
  if (typeof code === 'string' && !code.startsWith('JSSDK_')) {
    const description = error instanceof Error ? scrubSecret(error.message, secret) : undefined;
    return errorFromAnswer({ error: code, error_description: description }, typeof status === 'number' ? status : undefined) ?? inspectorError('INTERNAL');
  }
  return inspectorError('INTERNAL', undefined, error);
}

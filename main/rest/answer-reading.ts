// Turns what came over the wire into either a Bitrix24 answer or one of our
// error codes. Pure functions, so every odd answer a proxy can produce is
// unit-tested without a network.
import { errorEnvelopeSchema } from './answer-schema';
import { InspectorError, errorEnvelope, inspectorError, portalErrorEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';

/** Deeper than any Bitrix24 answer (a dialog is 4 levels, a batch of transcripts about 8). */
export const MAX_ANSWER_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text: bytes must be UTF-8, which Bitrix24 always sends. */
function bodyText(body: unknown, status: number): string | null {
  if (typeof body === 'string') return body;
  if (!(body instanceof ArrayBuffer) && !(body instanceof Uint8Array)) return null;
  try {
    return utf8.decode(body);
  } catch {
    throw inspectorError('NOT_BITRIX_JSON', { status, message: messages().errors.answers.notUtf8(status) });
  }
}

/**
 * How deeply the JSON text nests, counted without parsing: deep nesting is
 * cheap to send and overflows the stack of whatever walks the value later
 * (a copy, the IPC's serialiser, the SDK's log line). Stops past `limit`.
 */
export function nestingDepth(text: string, limit = MAX_ANSWER_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string is skipped whole (indexOf is native): a transcript is mostly message text.
      i = stringEnd(text, i + 1);
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Where the string that starts at `from` (just after its opening quote) closes; the text's end when it does not. */
function stringEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length;
    // Escaped only by an odd run of backslashes before it.
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

/**
 * Parses a response body (bytes, or text). Returns the JSON value when it is a
 * Bitrix24 answer ({result…} or {error…}); throws a classified InspectorError
 * for an empty, truncated, HTML, non-UTF-8, too deep or otherwise foreign body,
 * and for an error whose code is not text.
 */
export function readBody(body: unknown, contentType: string | undefined, status: number): unknown {
  const raw = bodyText(body, status);
  if (raw === null) return body;
  const text = raw.trim();
  if (text === '') {
    throw inspectorError('EMPTY_RESPONSE', { status, message: messages().errors.answers.emptyBody(status) });
  }
  if (nestingDepth(text) > MAX_ANSWER_DEPTH) {
    throw inspectorError('ANSWER_TOO_DEEP', { status, message: messages().errors.answers.tooDeep(MAX_ANSWER_DEPTH) });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const looksHtml = /html/i.test(contentType ?? '') || text.startsWith('<');
    if (!looksHtml && (text.startsWith('{') || text.startsWith('['))) {
      throw inspectorError('TRUNCATED_RESPONSE', { status });
    }
    throw inspectorError('NOT_BITRIX_JSON', {
      status,
      message: looksHtml ? messages().errors.answers.webPage(status) : messages().errors.answers.notRestText(status),
    });
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && ('result' in value || 'error' in value)) {
    if ('error' in value && !errorEnvelopeSchema.safeParse(value).success) {
      throw inspectorError('MALFORMED_ERROR', { status, message: messages().errors.answers.errorWithoutCode(status) });
    }
    return value;
  }
  throw inspectorError('NOT_BITRIX_JSON', {
    status,
    message: messages().errors.answers.notRestJson(status),
  });
}

/** "32 MB", in the language of the call. */
export function describeBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return messages().errors.answers.megabytes(String(Math.round(megabytes * 10) / 10));
}

/** A Bitrix24 error body → its envelope; null when the body is not one. */
export function errorFromAnswer(body: unknown, status: number | undefined): InspectorError | null {
  const parsed = errorEnvelopeSchema.safeParse(body);
  if (!parsed.success) return null;
  const { error: code, error_description: description } = parsed.data;
  return new InspectorError(portalErrorEnvelope(code, { status, portalDescription: description ?? undefined }));
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ERR_BAD_RESPONSE', 'ERR_STREAM_PREMATURE_CLOSE']);
const TIMEOUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const TLS = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;

/** A failure with no answer (DNS, refused, TLS, timeout, reset) → its envelope. */
export function errorFromTransport(code: string | undefined, message: string): InspectorError {
  if (code && UNREACHABLE.has(code)) {
    const said = messages().errors.answers;
    return inspectorError('PORTAL_UNREACHABLE', { message: code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? said.dnsFailed : said.refused });
  }
  if ((code && TIMEOUT.has(code)) || /timeout/i.test(message)) return inspectorError('TIMEOUT');
  if (code && TLS.test(code)) return inspectorError('TLS_ERROR');
  if ((code && RESET.has(code)) || /socket hang up|aborted/i.test(message)) return inspectorError('CONNECTION_RESET');
  return inspectorError('PORTAL_UNREACHABLE');
}

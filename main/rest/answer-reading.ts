// Turns what came over the wire into either a Bitrix24 answer or one of our
// error codes. Pure functions, so every odd answer a proxy can produce is
// unit-tested without a network.
import { errorEnvelopeSchema } from './answer-schema';
import { InspectorError, errorEnvelope, inspectorError } from '../core/errors';
import { messages } from '../core/messages/index';

/**
 * Parses a response body read as text. Returns the JSON value when it is a
 * Bitrix24 answer ({result…} or {error…}); throws a classified InspectorError
 * for an empty, truncated, HTML or otherwise foreign body.
 */
export function readBody(body: unknown, contentType: string | undefined, status: number): unknown {
  if (typeof body !== 'string') return body;
  const text = body.trim();
  if (text === '') {
    throw inspectorError('EMPTY_RESPONSE', { status, message: messages().errors.answers.emptyBody(status) });
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
    return value;
  }
  throw inspectorError('NOT_BITRIX_JSON', {
    status,
    message: messages().errors.answers.notRestJson(status),
  });
}

/** A Bitrix24 error body → its envelope; null when the body is not one. */
export function errorFromAnswer(body: unknown, status: number | undefined): InspectorError | null {
  const parsed = errorEnvelopeSchema.safeParse(body);
  if (!parsed.success) return null;
  const { error: code, error_description: description } = parsed.data;
  return new InspectorError(errorEnvelope(code, { status, portalDescription: description ?? undefined }));
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

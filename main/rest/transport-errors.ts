// Whatever the SDK, axios or the portal threw, as our InspectorError. The
// SDK's own messages are never passed on: they may carry the request URL,
// which holds the webhook key.
import type { TimeBlock } from '../core/dialog-types';
import { InspectorError, inspectorError, scrubSecrets, withoutSecrets } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { describeBytes, errorFromAnswer, errorFromTransport } from './answer-reading';
import { timeSchema } from './answer-schema';

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
export interface TransportError {
  isAxiosError: true;
  code?: string;
  message: string;
  response?: { status: number; data: unknown; headers: Record<string, unknown> };
}

export function isTransportError(value: unknown): value is TransportError {
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

/** A `time` block in an error body, should the portal send one (the emulator and, so far, Bitrix24 do not). */
export function timeInErrorBody(error: unknown): TimeBlock | null {
  const data = findTransportError(error)?.response?.data;
  if (typeof data !== 'object' || data === null) return null;
  const time = timeSchema.safeParse((data as { time?: unknown }).time);
  return time.success && time.data ? (time.data as TimeBlock) : null;
}

export function deadlineError(timeoutMs: number): InspectorError {
  return inspectorError('TIMEOUT', { message: messages().errors.answers.deadline(Math.round(timeoutMs / 100) / 10) });
}

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** Names where the portal wanted the request to go, by scheme and host only: the path may hold the key. */
export function redirectRefused(status: number, headers: Record<string, unknown>): InspectorError {
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
export function classify(error: unknown, secrets: string[], maxAnswerBytes: number): InspectorError {
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

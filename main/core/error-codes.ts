// Every failure a lookup can meet, each with one stable code (the list is in
// error-code-list.ts), a sentence that says what happened and one that says
// what to do.
//
// Branch on the code, never on the HTTP status: 503 means both "retry"
// (QUERY_LIMIT_EXCEEDED) and "never retry" (OVERLOAD_LIMIT).
//
// The words live in the message catalogue (messages/en/errors.ts and its
// translations); only the codes and whether they are worth retrying live here.
import { APP_CODES, PORTAL_CODES, type CataloguedCode } from './error-code-list';
import type { MainErrorEnvelope as ErrorEnvelope } from './error-envelope';
import { messages, type Messages } from './messages/index';

export type { MainErrorEnvelope } from './error-envelope';
export type { AppErrorCode, CataloguedCode, ErrorCode, PortalErrorCode } from './error-code-list';

/** What a code's texts are: the words come from the catalogue of the language in use. */
interface CatalogueEntry {
  readonly title: string;
  readonly message: string;
  readonly action: string;
  readonly retryable: boolean;
}

/**
 * Each code's entry, its texts read from `messages()` whenever they are read,
 * so that the same table answers in the language of the call in progress.
 */
function worded<C extends CataloguedCode>(codes: Record<C, { retryable: boolean }>): Record<C, CatalogueEntry> {
  const table = {} as Record<C, CatalogueEntry>;
  for (const code of Object.keys(codes) as C[]) {
    const texts = () => messages().errors.codes[code];
    table[code] = {
      retryable: codes[code].retryable,
      get title() {
        return texts().title;
      },
      get message() {
        return texts().message;
      },
      get action() {
        return texts().action;
      },
    };
  }
  return table;
}


// A text without its code would be a typo nobody sees: every worded code must be a code.
type WordedOnly = Exclude<keyof Messages['errors']['codes'], CataloguedCode>;
const everyTextHasItsCode: [WordedOnly] extends [never] ? true : WordedOnly = true;
void everyTextHasItsCode;

export const PORTAL_ERRORS = worded(PORTAL_CODES);
export const APP_ERRORS = worded(APP_CODES);

const CATALOGUE: Record<CataloguedCode, CatalogueEntry> = { ...PORTAL_ERRORS, ...APP_ERRORS };

export function isKnownErrorCode(code: string): code is CataloguedCode {
  return Object.hasOwn(CATALOGUE, code);
}

/** An error that already knows its envelope. Thrown inside main; only the envelope crosses IPC. */
export class InspectorError extends Error {
  readonly envelope: ErrorEnvelope;
  constructor(envelope: ErrorEnvelope, options?: { cause?: unknown }) {
    super(`${envelope.code}: ${envelope.message}`, options);
    this.name = 'InspectorError';
    this.envelope = envelope;
  }
}

interface EnvelopeExtras {
  status?: number;
  /** Replaces the catalogue's title when the code means something narrower here. */
  title?: string;
  portalDescription?: string;
  /** Replaces the catalogue's message when the situation is more specific. */
  message?: string;
  action?: string;
}

/** Builds the envelope for a code. */
export function errorEnvelope(code: CataloguedCode, extras: EnvelopeExtras = {}): ErrorEnvelope {
  const entry = CATALOGUE[code];
  const envelope: ErrorEnvelope = {
    code,
    title: extras.title ?? entry.title,
    message: extras.message ?? entry.message,
    action: extras.action ?? entry.action,
    retryable: entry.retryable,
  };
  if (extras.status !== undefined) envelope.status = extras.status;
  if (extras.portalDescription) envelope.portalDescription = extras.portalDescription;
  return envelope;
}

/**
 * The envelope for a code a portal sent: ours when we know it, else
 * PORTAL_ERROR carrying the portal's own spelling (a lead searches for that).
 */
export function portalErrorEnvelope(portalCode: string, extras: EnvelopeExtras = {}): ErrorEnvelope {
  if (isKnownErrorCode(portalCode)) return errorEnvelope(portalCode, extras);
  return { ...errorEnvelope('PORTAL_ERROR', extras), portalCode };
}

export function inspectorError(code: CataloguedCode, extras?: EnvelopeExtras, cause?: unknown): InspectorError {
  return new InspectorError(errorEnvelope(code, extras), { cause });
}

/** `text` with every non-empty secret in it replaced by •••. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((scrubbed, secret) => (secret ? scrubbed.split(secret).join('•••') : scrubbed), text);
}

/**
 * The same error, minus any secret that found its way into its words: a
 * portal or a sign-in server may echo what it was sent in its description.
 */
export function withoutSecrets(error: InspectorError, secrets: readonly string[]): InspectorError {
  const { message, portalDescription } = error.envelope;
  const cleanMessage = scrubSecrets(message, secrets);
  const cleanDescription = portalDescription === undefined ? undefined : scrubSecrets(portalDescription, secrets);
  if (cleanMessage === message && cleanDescription === portalDescription) return error;
  const envelope: ErrorEnvelope = { ...error.envelope, message: cleanMessage };
  if (cleanDescription !== undefined) envelope.portalDescription = cleanDescription;
  return new InspectorError(envelope, { cause: error.cause });
}

/** Anything thrown → an envelope; unknown throwables never leak their text (it may hold a secret). */
export function toEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof InspectorError) return error.envelope;
  return errorEnvelope('INTERNAL');
}

// What the app writes down for a user to send us: every unexpected failure
// with its cause, refused IPC senders and links, store faults, update errors.
// Core names the interface; main/log/ writes the file. Nothing here knows
// where the lines go.

/** Plain details of an event; anything else is turned into text before it is written. */
export type LogDetails = Record<string, unknown>;

export interface AppLog {
  error(event: string, details?: LogDetails): void;
  warn(event: string, details?: LogDetails): void;
  /** Worth knowing when asked for (the CLI's --verbose), not worth keeping. */
  info(event: string, details?: LogDetails): void;
}

export const NO_LOG: AppLog = { error: () => {}, warn: () => {}, info: () => {} };

/**
 * The parts of a thrown value a developer needs: its name, code, message and
 * stack, and its causes, a few deep. Texts are scrubbed again when written.
 */
export function describeCause(error: unknown, depth = 0): LogDetails | string {
  if (!(error instanceof Error)) return String(error);
  const details: LogDetails = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') details.code = code;
  if (error.stack) details.stack = error.stack.split('\n').slice(1, 8).map((line) => line.trim());
  if (error.cause !== undefined && depth < 3) details.cause = describeCause(error.cause, depth + 1);
  return details;
}

/**
 * Secrets that could ride in a library's text without our knowing them: a
 * webhook's key in its path, tokens and codes in a query or a form body, a
 * bearer header. Known secrets (the saved accounts') are removed as well.
 */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(\/rest\/\d+\/)[^/\s"'?#]+/g, '$1•••'],
  [/\b(auth|access_token|refresh_token|client_secret|code|key|secret|token)=([^&\s"'#]+)/gi, '$1=•••'],
  // Not "code": that is our error codes' field; an OAuth code travels as code= and is caught above.
  [/("(?:auth|access_token|refresh_token|client_secret|accessToken|refreshToken|clientSecret|key|secret)"\s*:\s*")[^"]*"/g, '$1•••"'],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/g, '$1 •••'],
];

/** `text` without any secret we know of or can recognise. */
export function scrubLogText(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].filter((each) => each.length >= 6).sort((a, b) => b.length - a.length)) {
    scrubbed = scrubbed.split(secret).join('•••');
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

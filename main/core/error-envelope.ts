// The shape of an error as it crosses IPC, apart from error-codes.ts (which
// needs the message catalogue) so the contract and the renderer can name it.
import type { CataloguedCode, ErrorCode } from './error-code-list';

/** The plain envelope that crosses IPC and is printed by the CLI. */
export interface ErrorEnvelope<Code extends ErrorCode = ErrorCode> {
  code: Code;
  /** A code the portal sent that we do not know (code is then PORTAL_ERROR), in the portal's spelling. */
  portalCode?: string;
  /** Short heading ("No access to this dialog"). */
  title: string;
  /** What happened, in plain language. */
  message: string;
  /** What to do about it. */
  action: string;
  /** Whether trying the same thing again later can succeed. */
  retryable: boolean;
  /** HTTP status, when an answer came back. Informational only. */
  status?: number;
  /** The portal's own error_description, when it sent one (never shown raw as the message). */
  portalDescription?: string;
  /**
   * LINK_OTHER_PORTAL: the saved account whose portal the link is to, so the
   * window can offer to look it up there (switch to it, run the same input).
   */
  otherAccount?: { id: string; name: string };
}

/** An envelope main made: its code is in main's catalogue. */
export type MainErrorEnvelope = ErrorEnvelope<CataloguedCode>;

/** The code a person is shown and searches for: the portal's own when it sent one we do not know. */
export function shownCode(error: Pick<ErrorEnvelope, 'code' | 'portalCode'>): string {
  return error.portalCode ?? error.code;
}

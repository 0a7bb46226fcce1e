// The shape of an error as it crosses IPC, apart from errors.ts (which needs
// the message catalogue, and Node) so the contract and the renderer can name it.

/** The plain envelope that crosses IPC and is printed by the CLI. */
export interface ErrorEnvelope {
  code: string;
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
}

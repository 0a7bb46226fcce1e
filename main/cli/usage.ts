// The CLI's help text and its usage error, shared by every command.
import { defaultDataDir } from '../core/data-dir';
import { messages } from '../core/messages/index';

export class UsageError extends Error {}

/** The help, in the language of the call (the terminal's). */
export function usage(): string {
  return messages().cli.usage(defaultDataDir());
}

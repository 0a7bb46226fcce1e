// The app domain: what the window asks of the desktop (a portal link opened in
// the system browser, text on the clipboard) and the commands main queued for it.
import { z } from 'zod';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { AppCommandQueue } from './command-queue';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { none } from './schema-atoms';

export const appSchemas = schemasFor({
  'link:open-portal': z.strictObject({ url: z.string().max(2_000) }),
  // Longer than the limit on purpose: main says why it refuses, rather than "invalid argument".
  'link:open-message': z.strictObject({ url: z.string().max(10_000) }),
  'clipboard:write-text': z.strictObject({ text: z.string().max(5_000_000) }),
  'app:take-commands': none,
  'app:log-file': none,
});

/** Links may only lead to the connected portal, over https, compared by parsed origin. */
function checkPortalLink(url: string, portalOrigin: string | undefined): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.api.linkNotUrl });
  }
  if (parsed.protocol !== 'https:' || !portalOrigin || parsed.origin !== portalOrigin) {
    throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.api.linkNotPortal });
  }
  return parsed.href;
}

/** The longest message link main opens (the page refuses the same). */
const MAX_MESSAGE_LINK = 2_000;

/**
 * A link from a message, written by anybody: http or https only, parsed, not
 * longer than 2,000 characters, no user name or password (they would be sent
 * to the site, and "https://bank.example@evil.example/" reads as the bank).
 */
function checkMessageLink(url: string): string {
  const refuse = (message: string) => inspectorError('INVALID_ARGUMENT', { message });
  const m = messages().errors.api;
  if (url.length > MAX_MESSAGE_LINK) throw refuse(m.messageLinkTooLong(MAX_MESSAGE_LINK));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(m.linkNotUrl);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw refuse(m.messageLinkScheme);
  if (parsed.username !== '' || parsed.password !== '') throw refuse(m.messageLinkCredentials);
  return parsed.href;
}

export interface AppDeps {
  commands: AppCommandQueue;
  connection: Pick<ConnectionManager, 'state'>;
  /** Opens an https URL in the system browser (shell.openExternal in the app). */
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): void;
  /** The log file main writes, if any. */
  logFile: string | null;
}

export function appHandlers({ commands, connection, openExternal, writeClipboard, logFile }: AppDeps): HandlersFor<ChannelsOf<typeof appSchemas>> {
  return {
    'link:open-portal': async ({ url }) => {
      const state = await connection.state();
      await openExternal(checkPortalLink(url, state.portal?.origin)); // eng-disable OPEN_EXTERNAL_JS_CHECK: https, the connected portal's origin only
      return null;
    },
    'link:open-message': async ({ url }) => {
      await openExternal(checkMessageLink(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s) only, parsed, no credentials; the user confirmed the address
      return null;
    },
    'clipboard:write-text': async ({ text }) => {
      writeClipboard(text);
      return null;
    },
    'app:take-commands': async () => commands.take(),
    'app:log-file': async () => ({ file: logFile }),
  };
}

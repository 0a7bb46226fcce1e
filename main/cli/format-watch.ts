// What `watch` prints: one line per change in words (stdout), or with --json
// one object per dialog and refresh; and its notices for stderr. Portal text
// inside the words is made printable, as every formatter here does.
import type { WatchEvent } from '../watch/watch-loop';
import { formatError, humanDate, printable } from './format-human';
import { messages } from '../core/messages/index';

type Changed = Extract<WatchEvent, { type: 'changed' }>;

/** `{ chatId, at, changes: [{ key, kind, before, after, text }] }` on one line. */
export function watchJsonLine(event: Changed): string {
  const changes = event.changes.map(({ key, kind, before, after, text }) => ({ key, kind, before, after, text }));
  return JSON.stringify({ chatId: event.chatId, at: event.at, changes });
}

/** One line per change: when, which chat, what. */
export function watchTextLines(event: Changed): string[] {
  const when = humanDate(event.at);
  return event.changes.map((change) => printable(`${when}  chat${event.chatId}  ${change.text}`));
}

/** What stderr says of an event that is not a change; null for a change. */
export function watchNotice(event: WatchEvent): string | null {
  const says = messages().cli.watch;
  switch (event.type) {
    case 'changed':
      return null;
    case 'seen':
      return printable(says.seen(event.input, event.chatId));
    case 'dialog-failed':
      return `${formatError(event.input, event.error)}\n  ${says.goingOn}`;
    case 'dialog-back':
      return printable(says.dialogBack(event.input));
    case 'portal-failed':
      return `${formatError(null, event.error)}\n  ${says.goingOn}`;
    case 'portal-back':
      return says.portalBack;
  }
}

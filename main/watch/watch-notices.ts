// Telling the lead about a watched dialog: the rules that fired on a refresh
// (main/core/watch-rules.ts decides which, the watch keeps each event's key so
// it fires once ever) become one desktop notification per dialog, and quiet
// mode holds them and says once, when it ends, how many there were.
// No Electron here: the shell hands in how to show one.
import type { AppCommand } from '../../preload/api-contract';
import { messages } from '../core/messages/index';
import type { WatchFiredEvent } from '../core/watch-types';

/** The most fired rules a notification lists; the rest are counted. */
const MAX_LISTED = 3;

export interface WatchNotice {
  title: string;
  body: string;
  /** The dialog to open when the notice is clicked; null for the quiet-mode summary. */
  chatId: number | null;
  account: string;
}

/** What the notification says; null when nothing fired. */
export function noticeFor(event: WatchFiredEvent, name: string | null): WatchNotice | null {
  if (event.fired.length === 0) return null;
  const says = messages().changes.notice;
  const listed = event.fired.slice(0, MAX_LISTED).map((fired) => fired.text);
  if (event.fired.length > MAX_LISTED) listed.push(says.more(event.fired.length - MAX_LISTED));
  const shownName = name ?? `chat${event.chatId}`;
  // Nothing changed when only the wait fired: the title says what it is about.
  const onlyWait = event.fired.every((fired) => fired.rule === 'waitedLonger');
  return { title: onlyWait ? says.waitTitle(shownName) : says.title(shownName), body: listed.join('\n'), chatId: event.chatId, account: event.account };
}

/**
 * What clicking a notice asks of the window: the connected account's dialog is
 * looked up (its state now); another account's is opened as kept, since
 * looking it up would ask the wrong portal. Null for the quiet-mode summary.
 */
export function noticeCommand(notice: Pick<WatchNotice, 'account' | 'chatId'>, connectedAccount: string | null): AppCommand | null {
  if (notice.chatId === null) return null;
  if (notice.account === connectedAccount) return { kind: 'lookup', input: `chat${notice.chatId}` };
  return { kind: 'open-kept', account: notice.account, chatId: notice.chatId };
}

export interface WatchNoticesDeps {
  show(notice: WatchNotice): void;
  settings(): { watchQuiet: boolean };
  /** The dialog's name as kept, for the title; null when unknown. */
  nameOf(account: string, chatId: number): Promise<string | null>;
}

export class WatchNotices {
  readonly #deps: WatchNoticesDeps;
  /** Held while quiet: how many fired rules, and of which dialogs. */
  #held: { notices: number; dialogs: Set<string> } = { notices: 0, dialogs: new Set() };

  constructor(deps: WatchNoticesDeps) {
    this.#deps = deps;
  }

  /** Rules fired on a refresh of a watched dialog: shown, or held while quiet. */
  async fired(event: WatchFiredEvent): Promise<void> {
    if (event.fired.length === 0) return;
    if (this.#deps.settings().watchQuiet) {
      this.#held.notices += event.fired.length;
      this.#held.dialogs.add(`${event.account}\n${event.chatId}`);
      return;
    }
    const notice = noticeFor(event, await this.#safeName(event.account, event.chatId));
    if (notice) this.#deps.show(notice);
  }

  /** Told after the settings change: when quiet mode has ended, what it held is said in one notice. */
  settingsChanged(): void {
    if (this.#deps.settings().watchQuiet || this.#held.notices === 0) return;
    const { notices, dialogs } = this.#held;
    this.#held = { notices: 0, dialogs: new Set() };
    const says = messages().changes.notice;
    const [first] = dialogs;
    this.#deps.show({ title: says.heldTitle, body: says.held(notices, dialogs.size), chatId: null, account: first?.split('\n')[0] ?? '' });
  }

  /** A store that cannot be read costs the name, never the notice. */
  async #safeName(account: string, chatId: number): Promise<string | null> {
    return this.#deps.nameOf(account, chatId).catch(() => null);
  }
}

// Telling the lead about a watched dialog's changes: which changes are worth a
// desktop notification (the setting: the important ones, all, or none), what
// it says, and quiet mode, which holds them and says once, when it ends, how
// many there were. Each change event arrives once (the watch reports a change
// once, and never again after a restart), so each notification is shown once.
// No Electron here: the shell hands in how to show one.
import type { ChangeKind, DialogChange } from '../core/dialog-types';
import type { WatchNotify } from '../core/setting-limits';
import { messages } from '../core/messages/index';
import type { WatchChangeEvent } from '../core/watch-types';


/** What a lead drops things for: a new session, a client now waiting, a close, a new operator, a block. */
export const IMPORTANT_KINDS: ReadonlySet<ChangeKind> = new Set(['session', 'clientWaiting', 'closed', 'owner', 'blocked']);

/** The most changes a notification lists; the rest are counted. */
const MAX_LISTED = 3;

export interface WatchNotice {
  title: string;
  body: string;
  /** The dialog to open when the notice is clicked; null for the quiet-mode summary. */
  chatId: number | null;
  account: string;
}

/** The changes `mode` notifies of; what depends on who asks never. */
export function noticeworthy(changes: readonly DialogChange[], mode: WatchNotify): DialogChange[] {
  if (mode === 'off') return [];
  return changes.filter((change) => change.kind !== 'viewer' && (mode === 'all' || IMPORTANT_KINDS.has(change.kind)));
}

export function noticeFor(event: WatchChangeEvent, mode: WatchNotify, name: string | null): WatchNotice | null {
  const worth = noticeworthy(event.changes, mode);
  if (worth.length === 0) return null;
  const says = messages().changes.notice;
  const listed = worth.slice(0, MAX_LISTED).map((change) => change.text);
  if (worth.length > MAX_LISTED) listed.push(says.more(worth.length - MAX_LISTED));
  return { title: says.title(name ?? `chat${event.chatId}`), body: listed.join('\n'), chatId: event.chatId, account: event.account };
}

export interface WatchNoticesDeps {
  show(notice: WatchNotice): void;
  settings(): { watchNotify: WatchNotify; watchQuiet: boolean };
  /** The dialog's name as kept, for the title; null when unknown. */
  nameOf(account: string, chatId: number): Promise<string | null>;
}

export class WatchNotices {
  readonly #deps: WatchNoticesDeps;
  /** Held while quiet: how many notices, and of which dialogs. */
  #held: { notices: number; dialogs: Set<string> } = { notices: 0, dialogs: new Set() };

  constructor(deps: WatchNoticesDeps) {
    this.#deps = deps;
  }

  /** A change event from the watch: shown, held, or not worth a notice. */
  async changed(event: WatchChangeEvent): Promise<void> {
    const { watchNotify, watchQuiet } = this.#deps.settings();
    if (noticeworthy(event.changes, watchNotify).length === 0) return;
    const notice = noticeFor(event, watchNotify, await this.#safeName(event.account, event.chatId));
    if (!notice) return;
    if (watchQuiet) {
      this.#held.notices += 1;
      this.#held.dialogs.add(`${event.account}\n${event.chatId}`);
      return;
    }
    this.#deps.show(notice);
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

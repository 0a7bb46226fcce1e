// The history panel: which lookups are listed (filters, pages), whether the
// panel is shown, and what can be done to an entry (re-run, pin, delete, clear).
import { MediaQuery } from 'svelte/reactivity';
import type { ErrorEnvelope, HistoryEntry, HistoryQuery } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { i18n } from './i18n.svelte';
import { lookup } from './lookup-state.svelte';
import { LatestRequest, noticeFailure } from './request.svelte';

/** Which entries: every one, found, failed, or the ones pinned. */
export type OutcomeFilter = 'all' | 'ok' | 'error' | 'pinned';
export type HistoryScope = 'portal' | 'all';

const PAGE_SIZE = 50;
const MAX_LIMIT = 1000;
const SEARCH_DELAY_MS = 150;
const OPEN_KEY = 'openlines-inspector:history-open';

/** The history's search box: focused when the panel opens, and above its lists for ↑. */
export const HISTORY_SEARCH_ID = 'history-search';

/** The wide-window choice, kept for this session (sessionStorage may be unavailable). */
function readOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) !== '0';
  } catch {
    return true;
  }
}

function saveOpen(open: boolean): void {
  try {
    sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // Remembered in memory only.
  }
}

class HistoryStore {
  /** Beside the inspector from this width on; below it the panel is an overlay, closed by default. */
  readonly #wide = new MediaQuery('(min-width: 1000px)', true);
  #wideOpen = $state(readOpen());
  #overlayOpen = $state(false);

  entries = $state.raw<HistoryEntry[]>([]);
  /** True once a first answer came. */
  loaded = $state(false);
  readonly #list = new LatestRequest();
  /** The last page was full: there may be older entries. */
  hasMore = $state(false);

  /** What is typed in the search box; `#text` is what was last asked for. */
  search = $state('');
  #text = $state('');
  outcome = $state<OutcomeFilter>('all');
  scope = $state<HistoryScope>('portal');
  /** The filters the listed entries answer (see `filterKey`): their count is said only once they match what is set. */
  answeredKey = $state('');

  confirmingClear = $state(false);
  /** "Removed 3 lookups…", shown after a clear until the next change. */
  clearedMessage = $state<string | null>(null);
  /** The clock relative times are counted from. */
  now = $state(Date.now());
  /** Damaged database files moved aside when the history was opened: said until dismissed. */
  recovered = $state.raw<{ movedTo: string; reason: string }[]>([]);
  #statusAsked = false;

  /** Undoes the inert page behind the narrow-window overlay; see `coverPage`. */
  #uncover: (() => void) | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  get loading(): boolean {
    return this.#list.busy;
  }

  get error(): ErrorEnvelope | null {
    return this.#list.error;
  }

  get narrow(): boolean {
    return !this.#wide.current;
  }

  get visible(): boolean {
    return this.narrow ? this.#overlayOpen : this.#wideOpen;
  }

  /** Search text, outcome and scope as set now, as one comparable string. */
  get filterKey(): string {
    return [this.search.trim(), this.outcome, this.scope].join('\n');
  }

  get filtered(): boolean {
    return this.#text.trim() !== '' || this.outcome !== 'all';
  }

  toggle(): void {
    this.setVisible(!this.visible);
  }

  /**
   * The overlay hands over how to give the page back. Closing gives it back at once,
   * before the panel is gone, so a caller may focus the lookup field in the same turn.
   */
  coverPage(uncover: () => void): () => void {
    this.#uncover = uncover;
    return () => this.#uncoverPage();
  }

  #uncoverPage(): void {
    this.#uncover?.();
    this.#uncover = null;
  }

  setVisible(open: boolean): void {
    if (!open) this.#uncoverPage();
    if (this.narrow) {
      this.#overlayOpen = open;
    } else {
      this.#wideOpen = open;
      saveOpen(open);
    }
  }

  #query(limit: number, beforeId?: number): HistoryQuery {
    const text = this.#text.trim();
    return {
      limit,
      ...(beforeId === undefined ? {} : { beforeId }),
      ...(this.scope === 'all' ? { allAccounts: true } : {}),
      ...(this.outcome === 'all' ? {} : this.outcome === 'pinned' ? { pinnedOnly: true } : { outcome: this.outcome }),
      ...(text === '' ? {} : { text }),
    };
  }

  /** The first page again; `keepCount` keeps as many entries as are shown (after a lookup, a pin…). */
  async reload(keepCount = true): Promise<void> {
    const limit = keepCount ? Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, this.entries.length)) : PAGE_SIZE;
    await this.#fetch(this.#query(limit), false);
  }

  async showOlder(): Promise<void> {
    const last = this.entries.at(-1);
    if (!last || this.loading) return;
    await this.#fetch(this.#query(PAGE_SIZE, last.id), true);
  }

  async #fetch(query: HistoryQuery, append: boolean): Promise<void> {
    const key = [this.#text.trim(), this.outcome, this.scope].join('\n');
    const answer = await this.#list.run((api) => api.listHistory(query));
    if (!answer) return;
    this.loaded = true;
    this.now = Date.now();
    if (!answer.ok) return;
    this.entries = append ? [...this.entries, ...answer.value] : answer.value;
    if (!append) this.answeredKey = key;
    this.hasMore = answer.value.length === query.limit;
    if (!this.#statusAsked) void this.#askStatus();
  }

  /** Once the database is open: was anything moved aside to open it? */
  async #askStatus(): Promise<void> {
    this.#statusAsked = true;
    const answer = await call((api) => api.historyStatus());
    if (answer.ok && answer.value.recovered.length > 0) {
      this.recovered = answer.value.recovered;
      announcer.announce(i18n.messages.history.recoveredAnnounce);
    }
  }

  dismissRecovered(): void {
    this.recovered = [];
  }

  setSearch(value: string): void {
    this.search = value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#text = value;
      this.clearedMessage = null;
      void this.reload(false);
    }, SEARCH_DELAY_MS);
  }

  clearSearch(): void {
    clearTimeout(this.#searchTimer);
    this.search = '';
    if (this.#text === '') return;
    this.#text = '';
    void this.reload(false);
  }

  clearFilters(): void {
    clearTimeout(this.#searchTimer);
    this.search = '';
    this.#text = '';
    this.outcome = 'all';
    void this.reload(false);
  }

  setOutcome(value: OutcomeFilter): void {
    this.outcome = value;
    this.clearedMessage = null;
    void this.reload(false);
  }

  setScope(value: HistoryScope): void {
    this.scope = value;
    this.confirmingClear = false;
    this.clearedMessage = null;
    void this.reload(false);
  }

  /** Puts the entry back into the lookup field, with its chat/session reading, and looks it up. */
  async rerun(entry: HistoryEntry): Promise<void> {
    if (this.narrow) this.setVisible(false);
    lookup.setInput(entry.input);
    if (entry.param === 'CHAT_ID') void lookup.setNumberAs('chat');
    else if (entry.param === 'SESSION_ID') void lookup.setNumberAs('session');
    await lookup.run();
  }

  async setPinned(entry: HistoryEntry, pinned: boolean): Promise<void> {
    const answer = await call((api) => api.setHistoryPinned({ id: entry.id, pinned }));
    if (!answer.ok) return noticeFailure(answer.error);
    this.entries = this.entries.map((item) => (item.id === entry.id ? { ...item, pinned } : item));
    announcer.announce(pinned ? i18n.messages.history.pinnedAnnounce : i18n.messages.history.unpinnedAnnounce);
    await this.reload();
  }

  async remove(entry: HistoryEntry): Promise<boolean> {
    const answer = await call((api) => api.deleteHistoryEntry({ id: entry.id }));
    if (!answer.ok) {
      noticeFailure(answer.error);
      return false;
    }
    this.entries = this.entries.filter((item) => item.id !== entry.id);
    announcer.announce(i18n.messages.history.removedAnnounce);
    await this.reload();
    return true;
  }

  async clear(): Promise<void> {
    this.confirmingClear = false;
    const answer = await call((api) => api.clearHistory(this.scope === 'all' ? { allAccounts: true } : {}));
    if (!answer.ok) return noticeFailure(answer.error);
    const { removed } = answer.value;
    const m = i18n.messages.history;
    this.clearedMessage = removed === 0 ? m.nothingToClear : m.removedCount(removed);
    announcer.announce(this.clearedMessage);
    await this.reload(false);
  }
}

export const lookupHistory = new HistoryStore();

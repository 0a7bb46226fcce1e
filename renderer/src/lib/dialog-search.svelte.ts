// Search over the dialogs kept on this computer, as the history panel's search
// box is typed into: debounced, and only the newest answer is shown.
import type { DialogSearchHit, ErrorEnvelope, PortalInfo } from '../../../preload/api-contract';
import { connection } from './connection-state.svelte';
import { lookupHistory } from './history-state.svelte';
import { lookup } from './lookup-state.svelte';
import { LatestRequest, noticeFailure } from './request.svelte';

const SEARCH_DELAY_MS = 120;
const LIMIT = 30;

export function hitKey(hit: { account: string; chatId: number }): string {
  return `${hit.account}\n${hit.chatId}`;
}

/** The store's name for a portal's copies: its host, or "demo" for the demo portal. */
export function accountOfPortal(portal: Pick<PortalInfo, 'demo' | 'host'>): string {
  return portal.demo ? 'demo' : portal.host;
}

/** Whether a kept copy belongs to the connected portal. */
export function isConnectedAccount(account: string): boolean {
  const portal = connection.current?.portal;
  return portal ? account === accountOfPortal(portal) : false;
}

class DialogSearch {
  hits = $state.raw<DialogSearchHit[]>([]);
  /** The text the shown hits answer ('' when none was asked). */
  answered = $state('');
  readonly #search = new LatestRequest();
  /** Typed, and the pause before asking not over yet. */
  #pausing = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get loading(): boolean {
    return this.#pausing || this.#search.busy;
  }

  get error(): ErrorEnvelope | null {
    return this.#search.error;
  }

  /** Asks again after a pause in typing; empty text clears at once. */
  schedule(text: string, allAccounts: boolean): void {
    clearTimeout(this.#timer);
    const trimmed = text.trim();
    if (trimmed === '') {
      this.#search.forget();
      this.#pausing = false;
      this.hits = [];
      this.answered = '';
      return;
    }
    this.#pausing = true;
    this.#timer = setTimeout(() => void this.#ask(trimmed, allAccounts), SEARCH_DELAY_MS);
  }

  async #ask(text: string, allAccounts: boolean): Promise<void> {
    this.#pausing = false;
    const answer = await this.#search.run((api) => api.searchDialogs({ text, limit: LIMIT, ...(allAccounts ? { allAccounts: true } : {}) }));
    if (!answer) return;
    this.answered = text;
    this.hits = answer.ok ? answer.value : [];
  }

  /** Shows the kept copy in the inspector; a failure is shown as a notice. */
  async open(hit: DialogSearchHit): Promise<void> {
    if (lookupHistory.narrow) lookupHistory.setVisible(false);
    const error = await lookup.openCached({ account: hit.account, chatId: hit.chatId }, isConnectedAccount(hit.account));
    if (error) noticeFailure(error);
  }
}

export const dialogSearch = new DialogSearch();

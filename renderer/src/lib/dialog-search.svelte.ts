// Search over the dialogs kept on this computer, as the history panel's search
// box is typed into: debounced, and only the newest answer is shown.
import type { DialogSearchHit, ErrorEnvelope } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { connection } from './connection-state.svelte';
import { lookupHistory } from './history-state.svelte';
import { lookup } from './lookup-state.svelte';

const SEARCH_DELAY_MS = 120;
const LIMIT = 30;

export function hitKey(hit: { account: string; chatId: number }): string {
  return `${hit.account}\n${hit.chatId}`;
}

/** Whether a kept copy belongs to the connected portal (the store names the demo portal "demo"). */
export function isConnectedAccount(account: string): boolean {
  const portal = connection.current?.portal;
  if (!portal) return false;
  return portal.demo ? account === 'demo' : account === portal.host;
}

class DialogSearch {
  hits = $state.raw<DialogSearchHit[]>([]);
  /** The text the shown hits answer ('' when none was asked). */
  answered = $state('');
  loading = $state(false);
  error = $state.raw<ErrorEnvelope | null>(null);

  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Asks again after a pause in typing; empty text clears at once. */
  schedule(text: string, allAccounts: boolean): void {
    clearTimeout(this.#timer);
    const trimmed = text.trim();
    if (trimmed === '') {
      this.#seq++;
      this.hits = [];
      this.answered = '';
      this.loading = false;
      this.error = null;
      return;
    }
    this.loading = true;
    this.#timer = setTimeout(() => void this.#search(trimmed, allAccounts), SEARCH_DELAY_MS);
  }

  async #search(text: string, allAccounts: boolean): Promise<void> {
    const seq = ++this.#seq;
    const answer = await call((api) => api.searchDialogs({ text, limit: LIMIT, ...(allAccounts ? { allAccounts: true } : {}) }));
    if (seq !== this.#seq) return;
    this.loading = false;
    this.answered = text;
    if (!answer.ok) {
      this.error = answer.error;
      this.hits = [];
      return;
    }
    this.error = null;
    this.hits = answer.value;
  }

  /** Shows the kept copy in the inspector; a failure is shown as a notice. */
  async open(hit: DialogSearchHit): Promise<void> {
    if (lookupHistory.narrow) lookupHistory.setVisible(false);
    const error = await lookup.openCached({ account: hit.account, chatId: hit.chatId }, isConnectedAccount(hit.account));
    if (error) announcer.showNotice(`${error.title}: ${error.message}`, 'error');
  }
}

export const dialogSearch = new DialogSearch();

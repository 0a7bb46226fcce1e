// The connected account's watch list, all the first screen needs of it: the
// rows main keeps (for the header's unseen count and the card's Watch button),
// kept up to date by main's watchChange and watchStatus events, and whether
// the Watching view is shown in place of the inspector. The view itself loads
// as a chunk of its own (lazy-watching.ts), and what changes the list
// (watching, unwatching, marking seen) is in watch-actions.ts, which only the
// lazy parts load.
import type { WatchedRow, WatchStatus } from '../../../preload/api-contract';
import { bridge } from './api';
import { on } from './app-events';
import { LatestRequest } from './request.svelte';
import { unseenTotal, withChange } from './watch-rows';

class WatchList {
  /** Whose list this is (the store's name: the portal's host, or "demo"); null when no portal is connected. */
  account = $state<string | null>(null);
  rows = $state.raw<WatchedRow[]>([]);
  status = $state.raw<WatchStatus | null>(null);
  /** The list was read for `account` at least once. */
  loaded = $state(false);
  /**
   * Counts main's pushes (a change, a status after each request), so the open
   * view reads the rows again: their kept copies in brief, when refreshed, a
   * refusal, none of which the events carry.
   */
  pushes = $state(0);
  shown = $state(false);
  readonly request = new LatestRequest();

  get unseen(): number {
    return unseenTotal(this.rows);
  }

  isWatched(chatId: number): boolean {
    return this.rows.some((row) => row.chatId === chatId);
  }

  /** Follows the connected portal: another's rows go, its own are read. */
  follow(account: string | null): void {
    if (account === this.account) return;
    this.account = account;
    this.rows = [];
    this.status = null;
    this.loaded = false;
    this.request.forget();
    if (account !== null) void this.load();
  }

  async load(): Promise<void> {
    const account = this.account;
    if (account === null) return;
    const answer = await this.request.run((api) => api.listWatched({ account }));
    if (!answer?.ok || account !== this.account) return;
    this.rows = answer.value.rows;
    // null: not running now (nothing watched yet); a status pushed meanwhile stays.
    if (answer.value.status) this.status = answer.value.status;
    this.loaded = true;
  }

  /** Subscribes to main's watch events; returns the unsubscribe. */
  listen(): () => void {
    const api = bridge();
    if (!api) return () => {};
    const offChange = api.onWatchChange((event) => {
      if (event.account !== this.account) return;
      // A dialog watched elsewhere meanwhile: the list is read again, which holds its change.
      if (!this.isWatched(event.chatId)) void this.load();
      else this.rows = withChange(this.rows, event);
      this.pushes++;
    });
    const offStatus = api.onWatchStatus((status) => {
      if (status.account !== this.account) return;
      this.status = status;
      this.pushes++;
    });
    return () => {
      offChange();
      offStatus();
    };
  }

  show(): void {
    this.shown = true;
  }

  close(): void {
    this.shown = false;
  }
}

export const watchList = new WatchList();

// A dialog shown in the inspector, or a bulk run started, takes the view's place.
on('single-dialog', () => watchList.close());
on('bulk-requested', () => watchList.close());

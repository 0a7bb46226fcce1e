// What changes the connected account's watch list, for whoever offers it: the
// card's Watch button, the palette, the Watching view and its rules dialog,
// the history's rows and a bulk table (and later the overview). Each says how
// it went: a refusal in a notice that names what failed, success in the live
// region. Kept out of watch-state.svelte.ts so the first screen does not carry
// it (the history's row imports it on first use).
import type { ErrorEnvelope, LookupResult, WatchRules } from '../../../preload/api-contract';
import { announcer } from './announcer.svelte';
import { call } from './api';
import { accountOfPortal } from './dialog-search.svelte';
import { i18n } from './i18n.svelte';
import { watchList } from './watch-state.svelte';
import { withRow, withSeen, withoutRow } from './watch-rows';

/** The chat a shown dialog can be watched by here: the connected account's, with a chat id; else null. */
export function watchableChat(result: Pick<LookupResult, 'dialog' | 'portal'> | null): number | null {
  if (!result || watchList.account === null || accountOfPortal(result.portal) !== watchList.account) return null;
  const id = result.dialog['id'];
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Watches a dialog of the connected account. True when it is watched. */
export async function watch(chatId: number): Promise<boolean> {
  const account = watchList.account;
  const m = i18n.messages.summary;
  if (account === null) return false;
  const answer = await call((api) => api.watchDialog({ chatId, account }));
  if (!answer.ok) {
    announcer.showNotice(m.watchFailed(answer.error.title, answer.error.message), 'error');
    return false;
  }
  if (account === watchList.account) watchList.rows = withRow(watchList.rows, answer.value);
  announcer.announce(m.watched);
  return true;
}

/** True when it is no longer watched. */
export async function unwatch(chatId: number): Promise<boolean> {
  const account = watchList.account;
  const m = i18n.messages.summary;
  if (account === null) return false;
  const answer = await call((api) => api.unwatchDialog({ chatId, account }));
  if (!answer.ok) {
    announcer.showNotice(m.unwatchFailed(answer.error.title, answer.error.message), 'error');
    return false;
  }
  if (account === watchList.account) watchList.rows = withoutRow(watchList.rows, chatId);
  announcer.announce(m.unwatched);
  return true;
}

/** Watches the chat, or stops: the card's button and the palette's command. */
export function toggleWatch(chatId: number): Promise<boolean> {
  return watchList.isWatched(chatId) ? unwatch(chatId) : watch(chatId);
}

/** The user opened it: its changes are seen. Shown at once; read again from main if main did not take it. */
export async function markSeen(chatId: number): Promise<void> {
  const account = watchList.account;
  if (account === null || !watchList.rows.some((row) => row.chatId === chatId && row.unseen > 0)) return;
  watchList.rows = withSeen(watchList.rows, chatId);
  const answer = await call((api) => api.markWatchSeen({ chatId, account }));
  if (!answer.ok) void watchList.load();
}

/**
 * A watched dialog's own rules, or null to follow the list. The row comes back
 * with what it follows now; a refusal is the caller's to show, beside the form.
 */
export async function setRules(chatId: number, rules: WatchRules | null): Promise<ErrorEnvelope | null> {
  const account = watchList.account;
  if (account === null) return null;
  const answer = await call((api) => api.setWatchRules({ chatId, account, rules }));
  if (!answer.ok) return answer.error;
  if (account === watchList.account) watchList.rows = withRow(watchList.rows, answer.value);
  return null;
}

/** What came of watching many dialogs: added now, already on the list, refused (the first refusal kept to say why). */
export interface WatchManyOutcome {
  added: number;
  already: number;
  failed: number;
  firstError: ErrorEnvelope | null;
}

/**
 * Watches each chat in turn (watch:add takes one dialog): one at a time, so
 * the store is written in order and a refusal is counted, not fatal. The list
 * is brought up to date as they go; `onstep` hears how many are done.
 */
export async function watchMany(chatIds: readonly number[], onstep?: (done: number) => void): Promise<WatchManyOutcome> {
  const account = watchList.account;
  const outcome: WatchManyOutcome = { added: 0, already: 0, failed: 0, firstError: null };
  if (account === null) return outcome;
  let done = 0;
  for (const chatId of chatIds) {
    if (watchList.isWatched(chatId)) outcome.already++;
    else {
      const answer = await call((api) => api.watchDialog({ chatId, account }));
      if (answer.ok) {
        outcome.added++;
        if (account === watchList.account) watchList.rows = withRow(watchList.rows, answer.value);
      } else {
        outcome.failed++;
        outcome.firstError ??= answer.error;
      }
    }
    onstep?.(++done);
  }
  return outcome;
}

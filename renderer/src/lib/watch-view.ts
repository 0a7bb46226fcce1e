// What the Watching view says of the watch list, decided here and not in the
// components: the rows' order, a row's facts and last change in brief, the
// time to the next request. Pure, so tested under Node.
import type { BulkDialogSummary, WatchedRow } from '../../../preload/api-contract';
import type { WatchMessages } from './messages/watch-en';

/** The dialogs that changed last first (one not yet changed counts from when it was watched); ties by chat. */
export function orderRows(rows: readonly WatchedRow[]): WatchedRow[] {
  const latest = (row: WatchedRow): number => Date.parse(row.changedAt ?? row.addedAt) || 0;
  return [...rows].sort((a, b) => latest(b) - latest(a) || a.chatId - b.chatId);
}

/** Whole seconds from `now` to `iso`, never below 0; null without a time. */
export function secondsUntil(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The first few changes in words, and how many more there are: a row stays a few lines high. */
export function changeLines(changes: WatchedRow['lastChanges'], shown = 3): { lines: string[]; more: number } {
  const lines = changes.slice(0, shown).map((change) => change.text);
  return { lines, more: changes.length - lines.length };
}

/** What a row says of its dialog, as the bulk and overview rows do: where it is and who answers (its marks are RowMarks'). */
export function rowFacts(dialog: BulkDialogSummary, m: WatchMessages): { channel: string; line: string; operator: string } {
  return {
    channel: dialog.channel ?? '',
    line: dialog.lineName || (dialog.lineId === null ? '' : m.line(dialog.lineId)),
    operator: dialog.operatorName || (dialog.operatorId === null ? m.noOperator : m.user(dialog.operatorId)),
  };
}

/** The row's name: the dialog's, else its chat. */
export function rowName(row: WatchedRow, m: WatchMessages): string {
  return row.dialog?.name || m.chat(row.chatId);
}

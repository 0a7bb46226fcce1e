// The connected account's watch list as the window keeps it: main's rows,
// brought up to date by what main pushes and what the user does, without
// asking main again. Pure, so the header's count is tested under Node.
import type { WatchChangeEvent, WatchedRow } from '../../../preload/api-contract';

/** Changes found and not yet seen, over every row: what the header's count says. */
export function unseenTotal(rows: readonly WatchedRow[]): number {
  return rows.reduce((sum, row) => sum + row.unseen, 0);
}

/**
 * A change pushed for one of the rows becomes its last change and adds to its
 * unseen count, as main's store does. A change the rows already hold (the list
 * was read after main kept it) is not counted twice.
 */
export function withChange(rows: readonly WatchedRow[], event: WatchChangeEvent): WatchedRow[] {
  return rows.map((row) =>
    row.chatId !== event.chatId || (row.changedAt !== null && row.changedAt >= event.at)
      ? row
      : { ...row, refreshedAt: event.at, changedAt: event.at, lastChanges: event.changes, lastError: null, unseen: row.unseen + event.changes.length },
  );
}

/** A row main answered for (watched, or watched again): in place of the old one, else added. */
export function withRow(rows: readonly WatchedRow[], row: WatchedRow): WatchedRow[] {
  return rows.some((one) => one.chatId === row.chatId) ? rows.map((one) => (one.chatId === row.chatId ? row : one)) : [...rows, row];
}

export function withoutRow(rows: readonly WatchedRow[], chatId: number): WatchedRow[] {
  return rows.filter((row) => row.chatId !== chatId);
}

export function withSeen(rows: readonly WatchedRow[], chatId: number): WatchedRow[] {
  return rows.map((row) => (row.chatId === chatId && row.unseen > 0 ? { ...row, unseen: 0 } : row));
}

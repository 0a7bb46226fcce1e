// A dialog's timeline: its kept copies oldest first, each with what changed
// since the one before; and the changes between any two of them. A copy is
// named by when it was fetched, which stays the same as newer copies arrive
// (a snapshot's row id does not: the latest copy becomes a snapshot later).
import { compareDialogs, type ChangeContext } from './dialog-changes';
import type { DialogChanges, RawDialog } from './dialog-types';

export interface KeptCopy {
  /** ISO 8601: when this copy was fetched. */
  fetchedAt: string;
  dialog: RawDialog;
}

export interface TimelineEntry {
  fetchedAt: string;
  dialog: RawDialog;
  /** Since the copy before; null for the oldest kept. */
  changes: DialogChanges | null;
}

/**
 * `copies` oldest first, in the order they were kept (not sorted by their
 * dates: a clock put back must not reorder what the store saw happen).
 */
export function dialogTimeline(copies: readonly KeptCopy[], context: ChangeContext = {}): TimelineEntry[] {
  return copies.map((copy, at) => {
    const before = at === 0 ? null : copies[at - 1]!;
    return { fetchedAt: copy.fetchedAt, dialog: copy.dialog, changes: before ? compareDialogs(before.dialog, copy.dialog, before.fetchedAt, context) : null };
  });
}

/**
 * What changed from the copy fetched at `from` to the one fetched at `to`,
 * `copies` oldest first. Given either way round, it reads from the earlier
 * kept to the later; null when either is not among `copies`.
 */
export function compareKeptCopies(copies: readonly KeptCopy[], from: string, to: string, context: ChangeContext = {}): DialogChanges | null {
  const first = copies.findIndex((copy) => copy.fetchedAt === from);
  const second = copies.findIndex((copy) => copy.fetchedAt === to);
  if (first === -1 || second === -1) return null;
  const earlier = copies[Math.min(first, second)]!;
  const later = copies[Math.max(first, second)]!;
  return compareDialogs(earlier.dialog, later.dialog, earlier.fetchedAt, context);
}

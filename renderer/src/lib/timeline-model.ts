// The timeline tab's arithmetic: the copies newest first, and which two are
// compared (named by when they were fetched, which stays put as copies come).
import type { TimelineCopy } from '../../../preload/api-contract';

export function newestFirst(copies: readonly TimelineCopy[]): TimelineCopy[] {
  return [...copies].reverse();
}

/** A copy picked or unpicked; a third pick lets go of the one picked first, so two stay chosen. */
export function togglePick(picked: readonly string[], fetchedAt: string): string[] {
  if (picked.includes(fetchedAt)) return picked.filter((one) => one !== fetchedAt);
  return [...picked, fetchedAt].slice(-2);
}

/** The two picked copies, the earlier kept first; null until two are picked (or when one is gone). */
export function comparedPair(copies: readonly TimelineCopy[], picked: readonly string[]): { from: string; to: string } | null {
  if (picked.length !== 2) return null;
  const at = picked.map((fetchedAt) => copies.findIndex((copy) => copy.fetchedAt === fetchedAt));
  if (at.some((index) => index < 0)) return null;
  const [first, second] = at[0]! < at[1]! ? [picked[0]!, picked[1]!] : [picked[1]!, picked[0]!];
  return { from: first, to: second };
}

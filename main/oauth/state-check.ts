import { timingSafeEqual } from 'node:crypto';

/** Constant-time, so the listener does not tell a guesser how much of the state was right. */
export function stateMatches(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

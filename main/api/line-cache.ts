// Each account's open lines as last read (names and answer-time targets),
// shared by lookups and bulk runs; read again after an hour, as lines change rarely.
import type { LineDirectory } from '../core/lines';

const LINES_FRESH_MS = 60 * 60 * 1000;

export class LineCache {
  readonly #lines = new Map<string, { lines: LineDirectory; at: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The account's lines, or null when never read or stale: ask for them again. */
  get(account: string): LineDirectory | null {
    const kept = this.#lines.get(account);
    return kept && this.#now() - kept.at < LINES_FRESH_MS ? kept.lines : null;
  }

  set(account: string, lines: LineDirectory): void {
    this.#lines.set(account, { lines, at: this.#now() });
  }
}

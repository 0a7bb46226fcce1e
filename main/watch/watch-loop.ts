// Watching: the refresh cycle again and again, an interval apart, until told to
// stop. What happened is handed on as events: a dialog first seen, a dialog's
// changes, and trouble said once — the portal out of reach (or refusing) is
// said when it starts and when it ends, not at every cycle; a dialog refused on
// its own likewise. The loop goes on through all of it.
import type { DialogChange } from '../core/dialog-types';
import type { MainErrorEnvelope } from '../core/error-codes';
import type { CycleResult } from './watch-cycle';

export type WatchEvent =
  | { type: 'seen'; input: string; chatId: number; at: string }
  | { type: 'changed'; input: string; chatId: number; at: string; changes: DialogChange[] }
  /** A dialog refused on its own (no access, gone…); said again only after it answered in between. */
  | { type: 'dialog-failed'; input: string; error: MainErrorEnvelope }
  | { type: 'dialog-back'; input: string }
  /** A whole request failed: the portal out of reach, its limits, the credentials; said once until a cycle gets through. */
  | { type: 'portal-failed'; error: MainErrorEnvelope }
  | { type: 'portal-back' };

export interface WatchLoopOptions {
  /** Between the end of one refresh and the start of the next; 0 runs them back to back. */
  intervalMs: number;
  /** Ends the watch: during a wait at once, during a refresh as soon as its request is cancelled. */
  signal: AbortSignal;
  /** Stop after this many refreshes (tests); unbounded when absent. */
  maxCycles?: number;
  onEvent(event: WatchEvent): void;
  /** How to wait; the default is a timer that the signal cuts short. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** What the loop remembers between cycles so that trouble is said once. */
class Trouble {
  portal: string | null = null;
  readonly dialogs = new Map<string, string>();
}

function eventsOf(result: CycleResult, trouble: Trouble): WatchEvent[] {
  const events: WatchEvent[] = [];
  if (result.failure === null) {
    if (trouble.portal !== null) events.push({ type: 'portal-back' });
    trouble.portal = null;
  }
  for (const row of result.rows) {
    if (!row.ok) {
      if (trouble.dialogs.get(row.input) !== row.error.code) events.push({ type: 'dialog-failed', input: row.input, error: row.error });
      trouble.dialogs.set(row.input, row.error.code);
      continue;
    }
    if (trouble.dialogs.delete(row.input)) events.push({ type: 'dialog-back', input: row.input });
    if (row.changes === null) events.push({ type: 'seen', input: row.input, chatId: row.chatId, at: row.fetchedAt });
    else if (row.changes.changes.length > 0) events.push({ type: 'changed', input: row.input, chatId: row.chatId, at: row.fetchedAt, changes: row.changes.changes });
  }
  if (result.failure !== null && trouble.portal !== result.failure.code) {
    events.push({ type: 'portal-failed', error: result.failure });
    trouble.portal = result.failure.code;
  }
  return events;
}

/** Runs `refresh` until the signal ends it (or maxCycles); answers how many refreshes ran. */
export async function runWatchLoop(refresh: () => Promise<CycleResult>, options: WatchLoopOptions): Promise<{ cycles: number }> {
  const sleep = options.sleep ?? abortableSleep;
  const trouble = new Trouble();
  let cycles = 0;
  while (!options.signal.aborted && (options.maxCycles === undefined || cycles < options.maxCycles)) {
    let result: CycleResult;
    try {
      result = await refresh();
    } catch (error) {
      // A refresh ends early only when the watch was ended during its request.
      if (options.signal.aborted) break;
      throw error;
    }
    cycles += 1;
    for (const event of eventsOf(result, trouble)) options.onEvent(event);
    if (options.maxCycles !== undefined && cycles >= options.maxCycles) break;
    await sleep(options.intervalMs, options.signal);
  }
  return { cycles };
}

// How fast a background watch may go. A refresh asks for up to 50 dialogs in
// one `batch` request, which the portal counts as one request of its leaky
// bucket (2 a second on the standard plan, 5 on enterprise). The requests of
// a cycle are spread over the interval the user chose, one every gap, and the
// gap is never shorter than the user's share of the account's rate allows:
// with too many dialogs for the interval, the cycle takes longer, never the
// portal's limit more. Everything else the account asks (the user's lookups)
// keeps the rest of the rate. A wait rule's own reads (a transcripts batch,
// the lines) are requests too, each followed by the same gap: they make the
// round longer by a gap each, never the rate higher, so the share stays the
// gap's and the round's time counts them.
import { MAX_BATCH_COMMANDS } from '../core/batch-call';

export interface WatchPaceInput {
  /** Watched dialogs of the account. */
  dialogs: number;
  /** Each dialog refreshed at most this often. */
  intervalSeconds: number;
  /** Percent of the account's rate the watch may use. */
  shareOfLimit: number;
  /** The account's rate: the requests a second its plan's bucket drains. */
  drainPerSecond: number;
  /** The wait rules' own reads in the last round, each a request at the same gap; none when absent. */
  followUps?: number;
}

export interface WatchPace {
  /** `batch` requests one refresh of every dialog takes. */
  requestsPerCycle: number;
  /** The wait rules' own reads counted into the round. */
  followUpRequests: number;
  /** From the start of one request to the start of the next, at least. */
  gapMs: number;
  /** One round at this pace, its reads for the wait rules too: the interval, or longer when the share cannot carry it or the reads add to it. */
  cycleMs: number;
  /** What the watch sends at most, in requests a second, and what the share allows. */
  requestsPerSecond: number;
  allowedPerSecond: number;
  /** Percent of the account's rate used at most (≤ shareOfLimit): every request, a read for a wait rule too, waits the gap. */
  shareUsed: number;
}

export function watchPace({ dialogs, intervalSeconds, shareOfLimit, drainPerSecond, followUps = 0 }: WatchPaceInput): WatchPace {
  const requestsPerCycle = Math.ceil(Math.max(0, dialogs) / MAX_BATCH_COMMANDS);
  // Reads only follow a refresh: with nothing watched there are none.
  const followUpRequests = requestsPerCycle === 0 ? 0 : Math.max(0, Math.ceil(followUps));
  const allowedPerSecond = (drainPerSecond * shareOfLimit) / 100;
  const floorMs = 1000 / allowedPerSecond;
  if (requestsPerCycle === 0) return { requestsPerCycle, followUpRequests, gapMs: floorMs, cycleMs: intervalSeconds * 1000, requestsPerSecond: 0, allowedPerSecond, shareUsed: 0 };
  const gapMs = Math.max((intervalSeconds * 1000) / requestsPerCycle, floorMs);
  const requestsPerSecond = 1000 / gapMs;
  // The gap is the dialogs' alone: what the wait rules read cannot be known before the round, so it lengthens the round instead.
  return { requestsPerCycle, followUpRequests, gapMs, cycleMs: gapMs * (requestsPerCycle + followUpRequests), requestsPerSecond, allowedPerSecond, shareUsed: (requestsPerSecond / drainPerSecond) * 100 };
}

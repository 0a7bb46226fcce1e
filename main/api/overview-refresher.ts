// The overview refreshes itself: once the lead has opened it, main asks the
// connected portal again every N minutes (the window runs no timer; the
// results and the schedule are pushed). A refresh on schedule keeps within
// the user's share of the account's rate, as the watch does and with its
// maths (watch-pace.ts): its requests leave no closer together than the share
// allows, none while a lookup of the user's is in flight, and a refresh that
// cost more requests than the share carries in N minutes makes the next one
// wait longer. A refresh by hand is the user's own: not paced, but counted,
// and the next one on schedule is timed from it. When a refresh does not
// reach the portal, the last one stays (its result is not pushed) and the
// schedule says why; a failure never ends the schedule, only 0 minutes or
// dispose do.
import type { RatePlan } from '../accounts/account-types';
import { MAX_BATCH_COMMANDS } from '../core/batch-call';
import { toEnvelope } from '../core/error-codes';
import type { OverviewRefreshed, OverviewRequest, OverviewResult, OverviewSchedule } from '../core/overview-types';
import { RATE_LIMITS } from '../rest/portal-client';
import { abortableSleep } from '../watch/watch-loop';
import { watchPace, type WatchPace } from '../watch/watch-pace';
import { portalFailure, reachedPortal, type OverviewRefresh } from './overview-refresh';

export interface OverviewRefresherDeps {
  refresh: Pick<OverviewRefresh, 'get' | 'cancel' | 'running'>;
  settings(): { overviewRefreshMinutes: number; overviewShareOfLimit: number };
  /** The connected portal's account (the store's name of it) and whose rate the share is of; throws when none is connected. */
  connected(): Promise<{ account: string; plan: RatePlan }>;
  /** True while the user's own lookups are in flight: the next request on schedule waits. */
  userBusy(): boolean;
  onSchedule(schedule: OverviewSchedule): void;
  /** A refresh on schedule that reached the portal: its result, for the window. */
  onRefreshed(event: OverviewRefreshed): void;
  /** Injected by tests (a fake clock). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** How often a waiting refresh looks again whether the user's lookup is done. */
export const GATE_POLL_MS = 250;

/**
 * One refresh of `requests` requests every `minutes`, within `share` percent:
 * the watch's pace of a cycle of that many `batch` requests (it counts 50
 * dialogs to a request, so the requests are handed to it as dialogs). Its
 * cycle is when the next refresh may start; for 0 requests its gap is the
 * floor, the closest two requests may leave.
 */
export function overviewPace(requests: number, minutes: number, share: number, plan: RatePlan): WatchPace {
  return watchPace({ dialogs: requests * MAX_BATCH_COMMANDS, intervalSeconds: minutes * 60, shareOfLimit: share, drainPerSecond: RATE_LIMITS[plan].drainPerSecond });
}

interface Last {
  startedAt: number;
  requests: number;
  plan: RatePlan;
}

export class OverviewRefresher {
  readonly #deps: OverviewRefresherDeps;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #now: () => number;
  readonly #life = new AbortController();
  #wake = new AbortController();
  #loop: Promise<void> | null = null;
  #last: Last | null = null;
  #byHand = 0;
  #schedule: OverviewSchedule;

  constructor(deps: OverviewRefresherDeps) {
    this.#deps = deps;
    this.#sleep = deps.sleep ?? abortableSleep;
    this.#now = deps.now ?? Date.now;
    const { overviewRefreshMinutes, overviewShareOfLimit } = deps.settings();
    this.#schedule = {
      account: null,
      state: overviewRefreshMinutes === 0 ? 'off' : 'waiting',
      everyMinutes: overviewRefreshMinutes,
      nextAt: null,
      requests: 0,
      shareUsed: 0,
      shareAllowed: overviewShareOfLimit,
      waitsLonger: false,
      lastRefreshAt: null,
      error: null,
    };
  }

  schedule(): OverviewSchedule {
    return this.#schedule;
  }

  /**
   * A refresh the window asked for. One of the connected portal (not offline,
   * not another account's kept copies) is counted, times the next one on
   * schedule, and starts the schedule if it was not running.
   */
  async byHand(request: OverviewRequest): Promise<OverviewResult> {
    const own = request.offline !== true && request.account === undefined;
    if (!own) return this.#deps.refresh.get(request);
    const startedAt = this.#now();
    let requests = 0;
    const connected = await this.#deps.connected().catch(() => null);
    this.#byHand++;
    try {
      const result = await this.#deps.refresh.get(request, {
        beforeRequest: async () => {
          requests++;
        },
        lastWhenNotReached: true,
      });
      if (connected && !result.notReached && reachedPortal(result)) {
        // The newest refresh that ended, even over the one on schedule it stopped (which noted its stop meanwhile).
        this.#last = { startedAt, requests, plan: connected.plan };
        this.#tell({ account: connected.account, lastRefreshAt: result.fetchedAt, error: null, ...this.#budget(connected.plan) });
      }
      return result;
    } finally {
      this.#byHand--;
      this.#start();
      this.#wakeUp();
    }
  }

  /** Stops the refresh that runs, by hand or on schedule; the next one on schedule keeps its time. */
  cancel(): { cancelled: boolean } {
    const cancelled = this.#deps.refresh.running;
    this.#deps.refresh.cancel();
    return { cancelled };
  }

  /** The settings changed: the schedule is planned again now (0 minutes stops it, a shorter interval brings it forward). */
  settingsChanged(): void {
    this.#wakeUp();
  }

  async dispose(): Promise<void> {
    this.#life.abort();
    this.#deps.refresh.cancel();
    await this.#loop;
  }

  #start(): void {
    if (this.#loop || this.#life.signal.aborted) return;
    this.#loop = this.#run();
  }

  #wakeUp(): void {
    this.#wake.abort();
    this.#wake = new AbortController();
  }

  #record(last: Last): void {
    // A refresh by hand that ended meanwhile is newer than one on schedule that it stopped.
    if (!this.#last || last.startedAt >= this.#last.startedAt) this.#last = last;
  }

  #tell(change: Partial<OverviewSchedule>): void {
    this.#schedule = { ...this.#schedule, ...change };
    try {
      this.#deps.onSchedule(this.#schedule);
    } catch {
      // The window gone never ends the schedule.
    }
  }

  #budget(plan: RatePlan): Partial<OverviewSchedule> {
    const { overviewRefreshMinutes: minutes, overviewShareOfLimit: share } = this.#deps.settings();
    const requests = this.#last?.requests ?? 0;
    const pace = overviewPace(requests, minutes, share, plan);
    return { requests, shareUsed: minutes === 0 ? 0 : pace.shareUsed, shareAllowed: share, everyMinutes: minutes, waitsLonger: minutes > 0 && pace.cycleMs > minutes * 60_000 };
  }

  /** Until `ms` pass, the settings change, a refresh by hand ends, or dispose; Infinity: all but the first. */
  async #nap(ms: number): Promise<void> {
    const signal = AbortSignal.any([this.#life.signal, this.#wake.signal]);
    if (ms === Infinity) {
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
      return;
    }
    await this.#sleep(ms, signal);
  }

  async #run(): Promise<void> {
    const life = this.#life.signal;
    while (!life.aborted) {
      const { overviewRefreshMinutes: minutes, overviewShareOfLimit: share } = this.#deps.settings();
      if (minutes === 0) {
        this.#tell({ state: 'off', everyMinutes: 0, nextAt: null, shareAllowed: share, shareUsed: 0, waitsLonger: false });
        await this.#nap(Infinity);
        continue;
      }
      const last = this.#last;
      const due = last ? last.startedAt + overviewPace(last.requests, minutes, share, last.plan).cycleMs : this.#now();
      if (this.#now() < due) {
        this.#tell({ state: this.#schedule.error ? 'offline' : 'waiting', nextAt: new Date(due).toISOString(), ...(last ? this.#budget(last.plan) : { everyMinutes: minutes, shareAllowed: share }) });
        await this.#nap(due - this.#now());
        continue;
      }
      // The user's own first: their lookups, and a refresh they asked for.
      if (this.#deps.userBusy() || this.#byHand > 0) {
        await this.#nap(GATE_POLL_MS);
        continue;
      }
      await this.#refresh(minutes, share);
    }
  }

  async #refresh(minutes: number, share: number): Promise<void> {
    const life = this.#life.signal;
    const startedAt = this.#now();
    let requests = 0;
    let plan: RatePlan = this.#last?.plan ?? 'standard';
    try {
      const connected = await this.#deps.connected();
      plan = connected.plan;
      const floorMs = overviewPace(0, minutes, share, plan).gapMs;
      let lastSentAt = -Infinity;
      this.#tell({ account: connected.account, state: 'refreshing', nextAt: null, requests: 0 });
      const result = await this.#deps.refresh.get(
        {},
        {
          beforeRequest: async (signal) => {
            const paced = lastSentAt + floorMs - this.#now();
            if (paced > 0) await this.#sleep(paced, signal);
            while (!signal.aborted && !life.aborted && this.#deps.userBusy()) await this.#sleep(GATE_POLL_MS, signal);
            lastSentAt = this.#now();
            requests++;
            this.#tell({ requests });
          },
          replacesLast: reachedPortal,
        },
      );
      this.#record({ startedAt, requests, plan });
      if (reachedPortal(result)) {
        this.#tell({ error: null, lastRefreshAt: result.fetchedAt, ...this.#budget(plan) });
        try {
          this.#deps.onRefreshed({ account: connected.account, result });
        } catch {
          // As #tell: a listener that throws never ends the schedule.
        }
      } else {
        this.#tell({ state: 'offline', error: portalFailure(result), ...this.#budget(plan) });
      }
    } catch (error) {
      const envelope = toEnvelope(error);
      if (envelope.code === 'CANCELLED') {
        // Stopped (Stop, a refresh by hand, dispose): its requests went at the share's pace already, so
        // the next one is a whole interval from now, not at once because this one took long.
        this.#record({ startedAt: this.#now(), requests: 0, plan });
        this.#tell(this.#budget(plan));
        return;
      }
      // Failed: the next one keeps to the pace from this start.
      this.#record({ startedAt, requests, plan });
      this.#tell({ state: 'offline', error: envelope, ...this.#budget(plan) });
    }
  }
}

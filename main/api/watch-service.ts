// The app's background watch: for each account with watched dialogs, the
// refresh cycle of main/watch/ again and again, one `batch` request (50
// dialogs) at a time, spread over the interval the user chose and never
// faster than their share of the account's rate (watch-pace.ts). The user's
// own lookups go first: no request leaves while one is in flight. Trouble
// (the portal out of reach, its limits, the credentials) is said in the
// account's status and tried again later; the watch stops only for an account
// that is gone, or that has nothing left to watch. Everything it knows lives
// in the store — the list, and the last seen copy of each dialog, which is the
// kept copy — so after a restart it compares with what it saw before and
// reports no change twice. After each refresh the dialog's notification
// rules (its own, or the list's) are applied — the wait rule even when
// nothing changed — and each event that fires is kept in the store by its
// key, so it is told once, never again after a restart. The reads a wait
// rule needs (a transcript, the lines) are requests at the same gap, and the
// status counts them in the round it tells.
import type { RatePlan } from '../accounts/account-types';
import { MAX_BATCH_COMMANDS } from '../core/batch-call';
import { bulkSummary } from '../core/bulk-summary';
import { decodeDialog } from '../core/decode/index';
import type { DialogQuery } from '../core/dialog-types';
import { inspectorError, portalErrorEnvelope, toEnvelope, type MainErrorEnvelope } from '../core/error-codes';
import { lineIdOf, type LineDirectory } from '../core/lines';
import type { LookupClient } from '../core/lookup-client';
import { messages } from '../core/messages/index';
import { effectiveRules, kpiNote, listRules, type WatchRules } from '../core/watch-rules';
import type { WatchChangeEvent, WatchedRow, WatchFiredEvent, WatchStatus } from '../core/watch-types';
import { RATE_LIMITS, type CallOptions } from '../rest/portal-client';
import type { InspectorStore, WatchedDialog } from '../store/index';
import { abortableSleep } from '../watch/watch-loop';
import { WatchCycle, type SeenDialog, type WatchTarget } from '../watch/watch-cycle';
import { WatchJudge, type FollowUp, type Refreshed, type WatchLines } from '../watch/watch-judge';
import { watchPace, type WatchPace } from '../watch/watch-pace';

/** The part of the store the watch uses. */
export type WatchServiceStore = Pick<
  InspectorStore,
  'watchList' | 'watchingAccounts' | 'watchRefreshed' | 'watchedDialog' | 'findDialog' | 'putDialog' | 'namesFor' | 'findConversation' | 'putConversation' | 'fireWatchEvents'
>;

export interface WatchClient {
  client: LookupClient<CallOptions>;
  /** Whose rate limit the share is of. */
  plan: RatePlan;
}

export interface WatchServiceDeps {
  store(): Promise<WatchServiceStore | null>;
  /**
   * The client to refresh this account's dialogs with. Null when the account
   * is gone (removed): its watch stops. Throws when it cannot be had now (not
   * connected, sign in again): tried again later.
   */
  clientFor(account: string): Promise<WatchClient | null>;
  settings(): { watchIntervalSeconds: number; watchShareOfLimit: number };
  /** True while the user's own lookups are in flight: the watch's next request waits. */
  userBusy(): boolean;
  onChange(event: WatchChangeEvent): void;
  onStatus(status: WatchStatus): void;
  /** The list's notification rules (the settings); the default: what a lead drops things for, no wait rule. */
  listRules?: () => WatchRules;
  /** Rules fired on a refresh: each event once ever (kept in the store before it is handed on). */
  onFired?: (event: WatchFiredEvent) => void;
  /** Where the lines are kept between calls; without it they are read for this service alone. */
  lines?: WatchLines;
  /** Injected by tests (a fake clock): how to wait, and what time it is. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** How often a waiting watch looks again whether it may go on (a lookup done, the computer awake). */
export const GATE_POLL_MS = 250;
/** After a request failed as a whole, the next try waits at least this long (or the gap, if longer). */
export const RETRY_AFTER_MS = 30_000;

/** The portal is asked by chat id, whatever form the user added the dialog in. */
function targetOf(row: WatchedDialog): WatchTarget {
  const query: DialogQuery = { param: 'CHAT_ID', value: row.chatId, input: row.input, label: `chat ${row.chatId}` };
  return { input: String(row.chatId), query };
}

function safely<T>(task: () => T, fallback: T): T {
  try {
    return task();
  } catch {
    return fallback;
  }
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
  status: WatchStatus;
  /** The wait rules' reads after each refresh request of a round (by its place in the list), as its latest pass sent them: the last round's, told in the status. */
  followUps: number[];
}

const sum = (counts: readonly number[]): number => counts.reduce((total, one) => total + one, 0);

export class WatchService {
  readonly #deps: WatchServiceDeps;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #now: () => number;
  readonly #running = new Map<string, Running>();
  readonly #lines: WatchLines;
  readonly #judge: WatchJudge;
  #paused = false;
  #disposed = false;

  constructor(deps: WatchServiceDeps) {
    this.#deps = deps;
    this.#sleep = deps.sleep ?? abortableSleep;
    this.#now = deps.now ?? Date.now;
    const own = new Map<string, LineDirectory>();
    this.#lines = deps.lines ?? { get: (account) => own.get(account) ?? null, set: (account, lines) => own.set(account, lines) };
    this.#judge = new WatchJudge({
      lines: this.#lines,
      listRules: () => this.#listRules(),
      now: this.#now,
      onFired: (event) => this.#deps.onFired?.(event),
    });
  }

  /** The list's rules now (the settings). */
  #listRules(): WatchRules {
    return this.#deps.listRules?.() ?? listRules('important', 0);
  }

  /** Starts watching every account the store has watched dialogs of (at start-up; again is harmless). */
  async start(): Promise<void> {
    const store = await this.#deps.store().catch(() => null);
    for (const account of store ? safely(() => store.watchingAccounts(), []) : []) this.ensure(account);
  }

  /** Starts the account's watch unless it runs (after a dialog is watched). */
  ensure(account: string): void {
    if (this.#disposed || this.#running.has(account)) return;
    const controller = new AbortController();
    const running: Running = { controller, done: Promise.resolve(), status: this.#initialStatus(account), followUps: [] };
    this.#running.set(account, running);
    running.done = this.#run(account, running).finally(() => {
      if (this.#running.get(account) === running) this.#running.delete(account);
    });
  }

  /** The account's status; null when it is not watched now. */
  status(account: string): WatchStatus | null {
    return this.#running.get(account)?.status ?? null;
  }

  /** The computer goes to sleep: no request leaves until resume (one on the wire ends as it will). */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    for (const [, running] of this.#running) this.#tell(running, { state: 'paused', nextRefreshAt: null });
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    for (const [, running] of this.#running) this.#tell(running, { state: running.status.error ? 'offline' : 'watching' });
  }

  /** The account's dialogs, with their kept copies in brief and the rules they follow. */
  async list(account: string, lines: LineDirectory | null): Promise<WatchedRow[]> {
    const store = await this.#deps.store();
    if (!store) return [];
    const list = this.#listRules();
    const known = lines ?? this.#lines.get(account);
    const problem = this.#judge.linesProblem(account);
    return store.watchList(account).map((row) => {
      const kept = safely(() => store.findDialog(account, { param: 'CHAT_ID', value: row.chatId }), null);
      let dialog: WatchedRow['dialog'] = null;
      let lineId: number | null = null;
      if (kept) {
        const names = safely(() => store.namesFor(account, [String(kept.dialog['owner'] ?? '')]), {});
        const decoded = safely(() => decodeDialog(kept.dialog, null), null);
        lineId = decoded ? lineIdOf(decoded) : null;
        dialog = decoded ? safely(() => bulkSummary({ dialog: kept.dialog, decoded, names }, known), null) : null;
      }
      const rules = effectiveRules(row.ownRules, list);
      // Before the first answer the line is unknown: nothing to say of its target yet.
      const note = kept ? kpiNote(rules.rules, lineId, known, problem) : null;
      const lastErrorTitle = row.lastError ? portalErrorEnvelope(row.lastError).title : null;
      return { ...row, dialog, fetchedAt: kept?.fetchedAt ?? null, rules: { ...rules, kpiNote: note }, lastErrorTitle };
    });
  }

  /** Ends every account's watch, and waits for their requests to end. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    const all = [...this.#running.values()];
    for (const running of all) running.controller.abort();
    await Promise.all(all.map((running) => running.done));
  }

  #initialStatus(account: string): WatchStatus {
    const { watchShareOfLimit } = this.#deps.settings();
    return {
      account,
      state: this.#paused ? 'paused' : 'watching',
      dialogs: 0,
      requestsPerCycle: 0,
      followUpRequests: 0,
      cycleSeconds: 0,
      requestsPerSecond: 0,
      allowedPerSecond: 0,
      shareUsed: 0,
      shareAllowed: watchShareOfLimit,
      nextRefreshAt: null,
      error: null,
    };
  }

  #tell(running: Running, change: Partial<WatchStatus>): void {
    running.status = { ...running.status, ...change };
    // The window gone or a listener that throws never ends the watch.
    safely(() => this.#deps.onStatus(running.status), undefined);
  }

  /** Ends the account's watch from inside its loop; taken off at once, so a dialog watched the next moment starts a new one. */
  #stop(account: string, running: Running, change: Partial<WatchStatus>): void {
    if (this.#running.get(account) === running) this.#running.delete(account);
    this.#tell(running, { ...change, state: 'stopped', nextRefreshAt: null });
  }

  #pace(dialogs: number, plan: RatePlan, followUps: number): WatchPace {
    const { watchIntervalSeconds, watchShareOfLimit } = this.#deps.settings();
    return watchPace({ dialogs, intervalSeconds: watchIntervalSeconds, shareOfLimit: watchShareOfLimit, drainPerSecond: RATE_LIMITS[plan].drainPerSecond, followUps });
  }

  #budget(pace: WatchPace, dialogs: number): Partial<WatchStatus> {
    return {
      dialogs,
      requestsPerCycle: pace.requestsPerCycle,
      followUpRequests: pace.followUpRequests,
      cycleSeconds: pace.cycleMs / 1000,
      requestsPerSecond: pace.requestsPerSecond,
      allowedPerSecond: pace.allowedPerSecond,
      shareUsed: pace.shareUsed,
      shareAllowed: this.#deps.settings().watchShareOfLimit,
    };
  }

  /** Waits while the computer sleeps or the user's lookups run; false when the watch ended meanwhile. */
  async #gate(signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted && (this.#paused || this.#deps.userBusy())) await this.#sleep(GATE_POLL_MS, signal);
    return !signal.aborted;
  }

  async #run(account: string, running: Running): Promise<void> {
    const { signal } = running.controller;
    let plan: RatePlan = 'standard';
    while (!signal.aborted) {
      const store = await this.#deps.store().catch(() => null);
      const rows = store ? safely(() => store.watchList(account), null) : null;
      if (store && rows && rows.length === 0) {
        this.#stop(account, running, { dialogs: 0, error: null });
        return;
      }
      if (!store || !rows) {
        // The store busy or unreadable: nothing to compare with, so nothing asked.
        await this.#sleep(RETRY_AFTER_MS, signal);
        continue;
      }
      for (let at = 0; at < rows.length; ) {
        if (!(await this.#gate(signal))) return;
        let got: WatchClient | null;
        let failure: MainErrorEnvelope | null = null;
        try {
          got = await this.#deps.clientFor(account);
        } catch (error) {
          got = null;
          failure = toEnvelope(error);
        }
        if (got === null && failure === null) {
          this.#stop(account, running, { error: toEnvelope(inspectorError('NOT_CONNECTED', { message: messages().errors.connection.watchAccountGone(account) })) });
          return;
        }
        if (got) plan = got.plan;
        const place = at / MAX_BATCH_COMMANDS;
        // A shorter list: the places past its end are no longer part of a round.
        running.followUps.length = Math.min(running.followUps.length, Math.ceil(rows.length / MAX_BATCH_COMMANDS));
        let followUp: FollowUp | null = null;
        if (got) {
          try {
            ({ failure, followUp } = await this.#refresh(account, got, store, rows.slice(at, at + MAX_BATCH_COMMANDS), signal));
          } catch (error) {
            // Whatever went wrong here, the watch goes on: said, and tried again.
            failure = toEnvelope(error);
          }
        }
        if (signal.aborted) return;
        // Nothing to read after this request: its place in the round has no reads now. Reads to come replace the count as they go.
        if (!failure && (!followUp || followUp.transcripts.length + followUp.lines.length === 0)) running.followUps[place] = 0;
        const pace = this.#pace(rows.length, plan, sum(running.followUps));
        const waitMs = failure ? Math.max(pace.gapMs, RETRY_AFTER_MS) : pace.gapMs;
        this.#tell(running, {
          ...this.#budget(pace, rows.length),
          state: this.#paused ? 'paused' : failure ? 'offline' : 'watching',
          nextRefreshAt: this.#paused ? null : new Date(this.#now() + waitMs).toISOString(),
          error: failure,
        });
        // A request that failed as a whole is tried again, the same dialogs, after the wait.
        if (!failure) at += MAX_BATCH_COMMANDS;
        await this.#sleep(waitMs, signal);
        if (got && followUp && !failure) {
          // Until this pass has sent as many, the round still counts the last pass's reads here: the share is never told as less.
          const before = running.followUps[place] ?? 0;
          let sent = 0;
          const onSent = () => {
            sent += 1;
            running.followUps[place] = Math.max(before, sent);
            const paced = this.#pace(rows.length, plan, sum(running.followUps));
            this.#tell(running, { ...this.#budget(paced, rows.length), nextRefreshAt: this.#paused ? null : new Date(this.#now() + paced.gapMs).toISOString() });
          };
          const going = await this.#followUp(account, got, store, followUp, pace.gapMs, signal, onSent);
          running.followUps[place] = sent;
          if (!going) return;
        }
      }
    }
  }

  /**
   * The reads the wait rules asked for (the transcripts, 50 to a request; the
   * lines), each a request at the watch's pace like the dialogs', `onSent`
   * told as each is answered, then those dialogs judged again. False when the
   * watch ended meanwhile.
   */
  async #followUp(
    account: string,
    got: WatchClient,
    store: WatchServiceStore,
    followUp: FollowUp,
    gapMs: number,
    signal: AbortSignal,
    onSent: () => void,
  ): Promise<boolean> {
    const waitingOnLines = new Set(followUp.lines);
    const read: number[] = [];
    // One request at a time, each followed by the gap: the share holds however many the rules ask for.
    for (let next = 0; next < followUp.transcripts.length; next += MAX_BATCH_COMMANDS) {
      if (!(await this.#gate(signal))) return false;
      read.push(...(await this.#judge.readTranscripts(account, got.client, store, followUp.transcripts.slice(next, next + MAX_BATCH_COMMANDS), { signal })));
      if (signal.aborted) return false;
      onSent();
      await this.#sleep(gapMs, signal);
      if (signal.aborted) return false;
    }
    if (followUp.transcripts.length > 0) {
      // Judged again with their transcripts; a client now known to wait against the line's target needs the lines.
      for (const chatId of safely(() => this.#judge.again(account, store, read).lines, [])) waitingOnLines.add(chatId);
    }
    if (waitingOnLines.size > 0) {
      if (!(await this.#gate(signal))) return false;
      const read = await this.#judge.readLines(account, got.client, { signal });
      if (signal.aborted) return false;
      onSent();
      await this.#sleep(gapMs, signal);
      if (signal.aborted) return false;
      if (read) safely(() => this.#judge.again(account, store, [...waitingOnLines]), null);
    }
    return !signal.aborted;
  }

  /** One `batch` request for these dialogs, then their rules judged; answers the failure of the request as a whole (else null), and the reads the wait rules asked for. */
  async #refresh(
    account: string,
    got: WatchClient,
    store: WatchServiceStore,
    rows: WatchedDialog[],
    signal: AbortSignal,
  ): Promise<{ failure: MainErrorEnvelope | null; followUp: FollowUp | null }> {
    const seen = new Map<string, SeenDialog>();
    for (const row of rows) {
      const kept = safely(() => store.findDialog(account, { param: 'CHAT_ID', value: row.chatId }), null);
      if (kept) seen.set(String(row.chatId), { chatId: row.chatId, dialog: kept.dialog, fetchedAt: kept.fetchedAt });
    }
    const cycle = new WatchCycle(rows.map(targetOf), { client: got.client, account, store, options: { signal } }, seen);
    let result: Awaited<ReturnType<typeof cycle.refresh>>;
    try {
      result = await cycle.refresh();
    } catch (error) {
      // Ended by dispose, or the client closed under it (the connection changed): tried again unless ended.
      return { failure: toEnvelope(error), followUp: null };
    }
    const refreshed: Refreshed[] = [];
    for (const row of result.rows) {
      const chatId = Number(row.input);
      if (!row.ok) {
        safely(() => store.watchRefreshed(account, chatId, { at: new Date().toISOString(), changes: null, error: row.error.code }), undefined);
        continue;
      }
      const changes = row.changes?.changes ?? null;
      // Unwatched while the request was out: nothing said of it.
      const watched = safely(() => store.watchedDialog(account, chatId), null);
      safely(() => store.watchRefreshed(account, chatId, { at: row.fetchedAt, changes, error: null }), undefined);
      if (watched && changes && changes.length > 0) safely(() => this.#deps.onChange({ account, chatId, at: row.fetchedAt, changes }), undefined);
      const dialog = cycle.lastSeen(row.input)?.dialog;
      // Every refresh, changed or not: a wait passes its limit with nothing changed.
      if (watched && dialog) refreshed.push({ chatId, at: row.fetchedAt, changes: changes ?? [], dialog, ownRules: watched.ownRules });
    }
    const followUp = safely(() => this.#judge.judge(account, store, refreshed), null);
    return { failure: result.failure, followUp };
  }
}


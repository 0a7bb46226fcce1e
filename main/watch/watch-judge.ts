// Applies the notification rules to what a watch refresh found
// (main/core/watch-rules.ts decides; this finds what it needs and keeps what
// fired). Each refreshed dialog is judged with its own rules or the list's;
// what fires is kept in the store by its event key first, then handed on, so
// an event is told once ever — the next cycle and a restart find it kept.
// The client's wait needs the current session's transcript and, for the
// line's target, the lines: when a dialog's wait rule cannot tell without
// them, the judge says which reads would tell (a follow-up), the watch makes
// them at its own pace, and the dialogs are judged again.
import { callBatch, MAX_BATCH_COMMANDS } from '../core/batch-call';
import { conversationFrom } from '../core/conversation';
import { SESSION_HISTORY_GET } from '../core/conversation-fetch';
import { decodeDialog } from '../core/decode/index';
import type { DialogChange, RawDialog } from '../core/dialog-types';
import { toEnvelope } from '../core/error-codes';
import { CONFIG_LIST_GET, LINE_FIELDS, lineIdOf, linesFrom, type LineDirectory } from '../core/lines';
import type { LookupClient } from '../core/lookup-client';
import { clientWaitOf, effectiveRules, firedRules, type ClientWait, type WatchRules } from '../core/watch-rules';
import type { WatchFiredEvent } from '../core/watch-types';
import type { InspectorStore } from '../store/index';

/** The part of the store the judge uses. */
export type JudgeStore = Pick<InspectorStore, 'watchedDialog' | 'findDialog' | 'findConversation' | 'putConversation' | 'fireWatchEvents'>;

/** Each account's lines as last read (main/api/line-cache.ts): their answer-time targets measure the wait. */
export interface WatchLines {
  get(account: string): LineDirectory | null;
  set(account: string, lines: LineDirectory): void;
}

/** Lines the account could not read are not asked for again before this: they change rarely, a missing right more rarely still. */
export const LINES_RETRY_MS = 60 * 60 * 1000;

/** A dialog as one refresh found it. */
export interface Refreshed {
  chatId: number;
  /** When the copy was fetched (ISO 8601). */
  at: string;
  /** Its changes; empty when none, or seen for the first time. */
  changes: readonly DialogChange[];
  dialog: RawDialog;
  /** Its own rules as the watch list has them; null: the list's. */
  ownRules: WatchRules | null;
}

/** What would let the wait rules tell: the current sessions' transcripts; the lines, for the dialogs (chat ids) whose client waits against them. */
export interface FollowUp {
  transcripts: Array<{ chatId: number; sessionId: number }>;
  lines: number[];
}

export interface WatchJudgeDeps {
  lines: WatchLines;
  listRules(): WatchRules;
  now(): number;
  onFired(event: WatchFiredEvent): void;
}

function safely<T>(task: () => T, fallback: T): T {
  try {
    return task();
  } catch {
    return fallback;
  }
}

export class WatchJudge {
  readonly #deps: WatchJudgeDeps;
  /** Why each account's lines could not be read, and when. */
  readonly #linesProblem = new Map<string, { message: string; at: number }>();
  /** The last message each dialog's transcript was asked at: asked once per message, so a refused one is not asked every cycle. */
  readonly #transcriptAsked = new Map<string, number>();

  constructor(deps: WatchJudgeDeps) {
    this.#deps = deps;
  }

  /** Why the account's lines could not be read when last asked; null when they could, or were not asked. */
  linesProblem(account: string): string | null {
    return this.#linesProblem.get(account)?.message ?? null;
  }

  /** Judges each dialog (of the watch list: its rules read with it), tells what fired, and answers what would tell the waits it could not. */
  judge(account: string, store: JudgeStore, refreshed: readonly Refreshed[]): FollowUp {
    const list = this.#deps.listRules();
    const now = this.#deps.now();
    const lines = this.#deps.lines.get(account);
    const followUp: FollowUp = { transcripts: [], lines: [] };
    const mayAskLines = lines === null && this.#mayAskLines(account, now);
    for (const { chatId, at, changes, dialog, ownRules } of refreshed) {
      const { rules } = effectiveRules(ownRules, list);
      const wait = this.#waitOf(account, store, chatId, dialog, rules);
      const lineId = safely(() => lineIdOf(decodeDialog(dialog, null)), null);
      const kpi = lineId !== null && lines ? (lines[String(lineId)]?.kpi ?? null) : null;
      this.#tell(account, store, chatId, firedRules({ changes, at, rules, now, wait, kpi }), at, now);
      if (rules.waitedLonger === null) continue;
      const last = Number(dialog['last_message_id']);
      const key = `${account}\n${chatId}`;
      if (!wait.known && wait.sessionId !== null && this.#transcriptAsked.get(key) !== last) {
        followUp.transcripts.push({ chatId, sessionId: wait.sessionId });
        this.#transcriptAsked.set(key, last);
      }
      // Only a client known to wait needs the target; an unknown wait is told by its transcript first.
      if (rules.waitedLonger === 'kpi' && mayAskLines && wait.known && wait.since !== null) followUp.lines.push(chatId);
    }
    return followUp;
  }

  /** Asks for the transcripts (50 to a `batch` request) and keeps them; answers the dialogs to judge again. A request that fails is left for the next message. */
  async readTranscripts<Options>(account: string, client: LookupClient<Options>, store: JudgeStore, asked: FollowUp['transcripts'], options?: Options): Promise<number[]> {
    const done: number[] = [];
    for (let next = 0; next < asked.length; next += MAX_BATCH_COMMANDS) {
      const chunk = asked.slice(next, next + MAX_BATCH_COMMANDS);
      const commands = Object.fromEntries(chunk.map(({ sessionId }, at) => [`t${at}`, [SESSION_HISTORY_GET, { SESSION_ID: sessionId }] as const]));
      let outcomes: Awaited<ReturnType<typeof callBatch>>;
      try {
        outcomes = await callBatch(client, commands, options);
      } catch {
        // Not refused, just not answered: asked again at the next refresh.
        for (const { chatId } of asked.slice(next)) this.#transcriptAsked.delete(`${account}\n${chatId}`);
        return done;
      }
      chunk.forEach(({ chatId, sessionId }, at) => {
        const outcome = outcomes[`t${at}`];
        if (!outcome?.ok) return;
        // Checked as any transcript is: its shape, and that it is the session asked for.
        const conversation = safely(() => conversationFrom(outcome.result, { chatId, sessionId, current: true }, null, new Date(this.#deps.now()).toISOString()), null);
        if (conversation && safely(() => (store.putConversation(account, conversation), true), false)) done.push(chatId);
      });
    }
    return done;
  }

  /** Reads the account's lines (one request); false when they cannot be read, the reason kept for the rows. */
  async readLines<Options>(account: string, client: LookupClient<Options>, options?: Options): Promise<boolean> {
    try {
      const lines = linesFrom((await client.call(CONFIG_LIST_GET, { PARAMS: { select: [...LINE_FIELDS] } }, options)).result);
      this.#deps.lines.set(account, lines);
      this.#linesProblem.delete(account);
      return true;
    } catch (error) {
      const envelope = toEnvelope(error);
      if (envelope.code !== 'CANCELLED') this.#linesProblem.set(account, { message: envelope.message, at: this.#deps.now() });
      return false;
    }
  }

  /** Judges these dialogs again on their kept copies, after a follow-up: nothing changed, only what is known of the wait. */
  again(account: string, store: JudgeStore, chatIds: readonly number[]): FollowUp {
    const refreshed: Refreshed[] = [];
    for (const chatId of new Set(chatIds)) {
      // Unwatched meanwhile: nothing said of it.
      const watched = safely(() => store.watchedDialog(account, chatId), null);
      const kept = watched && safely(() => store.findDialog(account, { param: 'CHAT_ID', value: chatId }), null);
      if (watched && kept) refreshed.push({ chatId, at: kept.fetchedAt, changes: [], dialog: kept.dialog, ownRules: watched.ownRules });
    }
    return this.judge(account, store, refreshed);
  }

  #mayAskLines(account: string, now: number): boolean {
    const problem = this.#linesProblem.get(account);
    return !problem || now - problem.at >= LINES_RETRY_MS;
  }

  /** The wait as far as the dialog and its kept transcript tell; not looked for when no rule asks. */
  #waitOf(account: string, store: JudgeStore, chatId: number, dialog: RawDialog, rules: WatchRules): ClientWait {
    const bare = safely(() => clientWaitOf(dialog, null), { known: false as const, sessionId: null });
    if (rules.waitedLonger === null || bare.known || bare.sessionId === null) return bare;
    const session = bare.sessionId;
    return clientWaitOf(dialog, safely(() => store.findConversation(account, chatId, session), null));
  }

  /** Keeps what fired, then tells what had not fired before; a store that fails tells nothing, rather than maybe twice. */
  #tell(account: string, store: JudgeStore, chatId: number, fired: ReturnType<typeof firedRules>, at: string, now: number): void {
    if (fired.length === 0) return;
    const fresh = new Set(safely(() => store.fireWatchEvents(account, chatId, fired.map((one) => one.key), new Date(now).toISOString()), []));
    const told = fired.filter((one) => fresh.has(one.key));
    if (told.length > 0) safely(() => this.#deps.onFired({ account, chatId, at, fired: told }), undefined);
  }
}

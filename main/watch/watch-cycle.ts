// One refresh of the watched dialogs: up to 50 imopenlines.dialog.get commands
// per `batch` request (one slot of the rate limit each, halt off, so each
// dialog is answered by itself or its own error), each answer checked as a
// lookup's is, and compared with the copy last seen. Knows nothing of a
// terminal or a window: the CLI's `watch` prints what it returns, and the
// app's background watcher can run the same cycle.
import { callBatch, MAX_BATCH_COMMANDS, type BatchCommands } from '../core/batch-call';
import { compareDialogs } from '../core/dialog-changes';
import type { DialogChanges, DialogQuery, RawDialog, TimeBlock } from '../core/dialog-types';
import { sameJson } from '../core/json-diff';
import { toEnvelope, type MainErrorEnvelope } from '../core/error-codes';
import type { LookupClient } from '../core/lookup-client';
import { dialogFromAnswer, DIALOG_GET } from '../core/lookup';
import { namesInDialog, userIdsIn, type UserNames } from '../core/user-names';

export interface WatchTarget {
  /** As the user gave it, to name it in what is said. */
  input: string;
  query: DialogQuery;
}

export interface SeenDialog {
  chatId: number;
  dialog: RawDialog;
  fetchedAt: string;
}

/** The part of the store a watch uses: the copies it keeps, the names it knows. */
export interface WatchStore {
  putDialog(account: string, dialog: RawDialog, time: TimeBlock | null, fetchedAt: string): void;
  namesFor(account: string, ids: readonly string[]): Readonly<Record<string, string>>;
}

export type DialogRefresh =
  | {
      input: string;
      ok: true;
      chatId: number;
      fetchedAt: string;
      /** Null the first time the dialog is seen: nothing to compare with yet. */
      changes: DialogChanges | null;
    }
  | { input: string; ok: false; error: MainErrorEnvelope };

export interface CycleResult {
  /** The dialogs answered (or refused one by one), in the order watched. */
  rows: DialogRefresh[];
  /** Set when a request as a whole failed (the portal out of reach, its limits…): the dialogs after it wait for the next cycle. */
  failure: MainErrorEnvelope | null;
}

export interface WatchCycleDeps<Options> {
  client: LookupClient<Options>;
  /** Whose copies and names (accountOf the portal). */
  account: string;
  /** Null: nothing kept, nobody named beyond the answers themselves. */
  store: WatchStore | null;
  /** Handed to every call (a signal that ends the watch mid-request). */
  options?: Options;
}

/** The store is a convenience here as everywhere: its failure never costs a refresh. */
function safely<T>(task: () => T): T | null {
  try {
    return task();
  } catch {
    return null;
  }
}

export class WatchCycle<Options> {
  readonly #targets: readonly WatchTarget[];
  readonly #deps: WatchCycleDeps<Options>;
  /** The copy last seen of each target, by input. */
  readonly #seen: Map<string, SeenDialog>;

  /** `seen`: copies to compare the first answers with (the store's last seen, after a restart); else the first answer is the start. */
  constructor(targets: readonly WatchTarget[], deps: WatchCycleDeps<Options>, seen: ReadonlyMap<string, SeenDialog> = new Map()) {
    this.#targets = targets;
    this.#deps = deps;
    this.#seen = new Map(seen);
  }

  /** The copy last seen of a target, by its input. */
  lastSeen(input: string): SeenDialog | undefined {
    return this.#seen.get(input);
  }

  async refresh(): Promise<CycleResult> {
    const rows: DialogRefresh[] = [];
    for (let next = 0; next < this.#targets.length; next += MAX_BATCH_COMMANDS) {
      const chunk = this.#targets.slice(next, next + MAX_BATCH_COMMANDS);
      const commands: Record<string, BatchCommands[string]> = {};
      chunk.forEach((target, at) => (commands[`d${at}`] = [DIALOG_GET, { [target.query.param]: target.query.value }]));
      let outcomes: Awaited<ReturnType<typeof callBatch>>;
      try {
        outcomes = await callBatch(this.#deps.client, commands, this.#deps.options);
      } catch (error) {
        const envelope = toEnvelope(error);
        if (envelope.code === 'CANCELLED') throw error;
        return { rows, failure: envelope };
      }
      chunk.forEach((target, at) => rows.push(this.#read(target, outcomes[`d${at}`]!)));
    }
    return { rows, failure: null };
  }

  #read(target: WatchTarget, outcome: Awaited<ReturnType<typeof callBatch>>[string]): DialogRefresh {
    if (!outcome.ok) return { input: target.input, ok: false, error: outcome.error };
    let presented: ReturnType<typeof dialogFromAnswer>;
    try {
      // Checked as a lookup's answer is: its shape, and that it is the dialog asked for.
      presented = dialogFromAnswer(this.#deps.client, target.query, outcome);
    } catch (error) {
      return { input: target.input, ok: false, error: toEnvelope(error) };
    }
    const { dialog, time, fetchedAt } = presented;
    const chatId = typeof dialog['id'] === 'number' ? dialog['id'] : Number(dialog['id']);
    const previous = this.#seen.get(target.input);
    const { store, account } = this.#deps;
    let changes: DialogChanges | null = null;
    if (previous) {
      // Both copies' users: an operator the dialog no longer names is still named as the one it had.
      const ids = [...new Set([...userIdsIn(previous.dialog), ...userIdsIn(dialog)])];
      const known: UserNames = safely(() => store?.namesFor(account, ids)) ?? {};
      changes = compareDialogs(previous.dialog, dialog, previous.fetchedAt, { names: { ...known, ...namesInDialog(previous.dialog), ...namesInDialog(dialog) } });
    }
    // Kept only when it differs at all: a timeline of copies that say the same is no timeline.
    if (!previous || !sameJson(previous.dialog, dialog)) safely(() => store?.putDialog(account, dialog, time, fetchedAt));
    this.#seen.set(target.input, { chatId, dialog, fetchedAt });
    return { input: target.input, ok: true, chatId, fetchedAt, changes };
  }
}

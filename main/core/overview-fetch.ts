// One refresh of the overview through any LookupClient:
// 1. one batch request (one slot of the rate limit) asks im.recent.get
//    (ONLY_OPENLINES), the first page of open session activities
//    (crm.activity.list, `>ID` with start=-1: no count, facts §2.7) and, when
//    not known, the lines; each answers or refuses on its own, so a missing
//    scope costs only its source, named with the scope that would enable it;
// 2. further activity pages, one request each, while a page is full;
// 3. the rows no fresh chat record came with (a session activity, a kept
//    copy) completed with imopenlines.dialog.get, 50 a batch request;
// 4. merged per chat, named, waiting first.
// Every answer is checked (zod, and against the question) before a row is
// made of it; a refresh is bounded (MAX_OVERVIEW_ROWS) and can be cancelled
// between and during requests.
import { callBatch, MAX_BATCH_COMMANDS, type BatchCommands, type BatchOutcome } from './batch-call';
import type { DialogQuery, RawDialog, TimeBlock } from './dialog-types';
import { errorEnvelope, inspectorError, toEnvelope, type MainErrorEnvelope } from './error-codes';
import { parseIdentifier } from './identifier';
import { CONFIG_LIST_GET, lineListParams, linesFrom, type LineDirectory } from './lines';
import type { LookupClient } from './lookup-client';
import { dialogFromAnswer, DIALOG_GET } from './lookup';
import { messages } from './messages/index';
import { activityListSchema, activitySchema, recentItemSchema, recentListSchema, type Activity } from './overview-schema';
import { compareRows, fromActivity, fromDialog, fromRecent, mergeContributions, nameRow, type Contribution } from './overview-rows';
import { OVERVIEW_SOURCES, type OverviewRow, type OverviewSource, type OverviewSourceState } from './overview-types';
import { namesInDialog, type UserNames } from './user-names';

export const RECENT_GET = 'im.recent.get';
export const ACTIVITY_LIST = 'crm.activity.list';
export const SESSION_PROVIDER = 'IMOPENLINES_SESSION';
/** The most rows one refresh makes (and completes): the table's 10,000 (issue 12), 200 batch requests at most. */
export const MAX_OVERVIEW_ROWS = 10_000;
const ACTIVITY_PAGE = 50;
const ACTIVITY_FIELDS = ['ID', 'PROVIDER_ID', 'PROVIDER_TYPE_ID', 'ASSOCIATED_ENTITY_ID', 'SUBJECT', 'START_TIME', 'COMPLETED', 'RESULT_STATUS', 'RESPONSIBLE_ID', 'OWNER_TYPE_ID', 'OWNER_ID', 'RESULT_SOURCE_ID', 'PROVIDER_PARAMS'];
/** The scope each portal source needs (facts §7.5). */
const SCOPES: Record<Exclude<OverviewSource, 'kept'>, string> = { recent: 'im', crm: 'crm' };

export interface KeptDialog {
  dialog: RawDialog;
  fetchedAt: string;
}

export interface OverviewFetchInput<Options> {
  /** Null: nothing can be asked (no portal connected), as offline. */
  client: LookupClient<Options> | null;
  sources: readonly OverviewSource[];
  /** The account's kept dialogs, newest first (already bounded by the caller). */
  kept: readonly KeptDialog[];
  /** The account's lines when known; asked for in the first request otherwise. */
  lines: LineDirectory | null;
  /** The names the account's earlier answers gave these user ids. */
  knownNames(ids: readonly string[]): UserNames;
  /** Handed to every call (cancel it, hear about its waits). */
  options?: Options;
  signal?: AbortSignal;
  /** Each dialog read fresh, to keep. */
  onDialog?(dialog: RawDialog, time: TimeBlock | null, fetchedAt: string): void;
  onLines?(lines: LineDirectory): void;
  /** Default MAX_OVERVIEW_ROWS. */
  maxRows?: number;
  /** Nothing is asked: the kept copies only, the portal's sources not asked. */
  offline?: boolean;
}

export interface OverviewFetched {
  rows: OverviewRow[];
  sources: OverviewSourceState[];
  truncated: boolean;
}

/** The first-page parameters of the open-session walk, flat for a batch command's query. */
export function activityPageParams(afterId: number): Record<string, string | number> {
  const params: Record<string, string | number> = {
    'filter[PROVIDER_ID]': SESSION_PROVIDER,
    'filter[COMPLETED]': 'N',
    'filter[>ID]': afterId,
    'order[ID]': 'ASC',
    start: -1,
  };
  ACTIVITY_FIELDS.forEach((field, index) => (params[`select[${index}]`] = field));
  return params;
}

function unexpected(where: string): MainErrorEnvelope {
  return errorEnvelope('UNEXPECTED_SHAPE', { message: messages().dialog.unexpectedShape(where) });
}

/** A source's refusal: its scope named when that is why. */
function refusal(source: Exclude<OverviewSource, 'kept'>, error: MainErrorEnvelope): OverviewSourceState {
  return error.code === 'insufficient_scope' ? { source, state: 'needsScope', scope: SCOPES[source] } : { source, state: 'failed', error };
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw inspectorError('CANCELLED');
}

/** The recent list's open-line chats, each item checked; an answer that is not a list fails the source. */
function readRecent(outcome: BatchOutcome): { contributions: Contribution[] } | { error: MainErrorEnvelope } {
  if (!outcome.ok) return { error: outcome.error };
  const list = recentListSchema.safeParse(outcome.result);
  if (!list.success) return { error: unexpected(`${RECENT_GET}: not a list`) };
  const contributions: Contribution[] = [];
  for (const raw of list.data) {
    const item = recentItemSchema.safeParse(raw);
    // Asked for open lines only: an item that is not one is not what was asked, and not shown.
    if (!item.success || (item.data.chat?.type !== 'lines' && item.data.chat?.entity_type !== 'LINES')) continue;
    const row = fromRecent(item.data);
    if (row.chatId !== null) contributions.push(row);
  }
  return { contributions };
}

/** One page of activities, each checked against the question: a session's, open, after `afterId`. */
function readActivities(result: unknown, afterId: number): { activities: Activity[] } | { error: MainErrorEnvelope } {
  const list = activityListSchema.safeParse(result);
  if (!list.success) return { error: unexpected(`${ACTIVITY_LIST}: not a list`) };
  const activities: Activity[] = [];
  for (const raw of list.data) {
    const parsed = activitySchema.safeParse(raw);
    if (!parsed.success) return { error: unexpected(`${ACTIVITY_LIST}: ${parsed.error.issues[0]?.path.join('.') ?? 'item'}`) };
    const activity = parsed.data;
    if (activity.PROVIDER_ID !== SESSION_PROVIDER || activity.ID <= afterId || activity.COMPLETED === 'Y') {
      return { error: unexpected(`${ACTIVITY_LIST}: activity ${activity.ID} is not an open session after ${afterId}`) };
    }
    activities.push(activity);
  }
  return { activities };
}

export async function fetchOverview<Options>(input: OverviewFetchInput<Options>): Promise<OverviewFetched> {
  const { options, signal } = input;
  const wanted = new Set(input.sources);
  const maxRows = input.maxRows ?? MAX_OVERVIEW_ROWS;
  const states = new Map<OverviewSource, OverviewSourceState>();
  for (const source of OVERVIEW_SOURCES) states.set(source, { source, state: 'notAsked' });
  let lines = input.lines;
  const recent: Contribution[] = [];
  const crm: Contribution[] = [];

  // 1. The recent list, the first page of sessions and the lines: one request.
  const first: Record<string, BatchCommands[string]> = {};
  const client = input.offline === true ? null : input.client;
  const online = client !== null;
  if (online && wanted.has('recent')) first['recent'] = [RECENT_GET, { ONLY_OPENLINES: 'Y' }];
  if (online && wanted.has('crm')) first['crm'] = [ACTIVITY_LIST, activityPageParams(0)];
  if (online && lines === null) first['lines'] = [CONFIG_LIST_GET, lineListParams()];
  let reachable = online;
  if (Object.keys(first).length > 0) {
    checkCancelled(signal);
    let outcomes: Record<string, BatchOutcome>;
    try {
      outcomes = await callBatch(client!, first, options);
    } catch (error) {
      const envelope = toEnvelope(error);
      if (envelope.code === 'CANCELLED') throw error;
      // Not reached at all: every portal source fails with the reason, the kept copies still stand.
      for (const source of ['recent', 'crm'] as const) if (wanted.has(source)) states.set(source, { source, state: 'failed', error: envelope });
      outcomes = {};
      reachable = false;
    }
    const readLines = outcomes['lines'];
    if (readLines?.ok) {
      lines = linesFrom(readLines.result);
      input.onLines?.(lines);
    }
    const recentOutcome = outcomes['recent'];
    if (recentOutcome) {
      const read = readRecent(recentOutcome);
      if ('error' in read) states.set('recent', refusal('recent', read.error));
      else {
        recent.push(...read.contributions.slice(0, maxRows));
        states.set('recent', { source: 'recent', state: 'used', rows: read.contributions.length });
      }
    }
    const crmOutcome = outcomes['crm'];
    if (crmOutcome) await walkActivities(client!, crmOutcome, input, crm, states, maxRows);
  }

  // Kept copies, for the chats no fresh source named (and to stand in when the portal is out of reach).
  const kept: Contribution[] = [];
  if (wanted.has('kept')) {
    for (const copy of input.kept.slice(0, maxRows)) {
      const row = fromDialog(copy.dialog, 'kept');
      if (row.chatId !== null) kept.push(row);
    }
    states.set('kept', { source: 'kept', state: 'used', rows: kept.length });
  }

  // Which chat each session is: what the chat records say of their current sessions.
  const chatOfSession = new Map<number, number>();
  for (const row of [...kept, ...recent]) if (row.sessionId !== null && row.chatId !== null) chatOfSession.set(row.sessionId, row.chatId);
  for (const row of crm) {
    const chatId = row.sessionId === null ? undefined : chatOfSession.get(row.sessionId);
    if (chatId !== undefined) row.chatId = chatId;
  }

  // 3. Completion: every chat without a fresh record, by chat id, or by session id when only its activity is known.
  const fresh = new Set(recent.map((row) => row.chatId));
  const pending = new Map<string, DialogQuery>();
  for (const row of [...crm, ...kept]) {
    if (row.chatId !== null && fresh.has(row.chatId)) continue;
    const key = row.chatId !== null ? `c${row.chatId}` : `s${row.sessionId}`;
    if (pending.has(key) || (row.chatId === null && row.sessionId === null)) continue;
    pending.set(key, row.chatId !== null ? parseIdentifier(String(row.chatId), 'chat') : parseIdentifier(String(row.sessionId), 'session'));
  }
  const totalKeys = new Set([...recent, ...crm, ...kept].map((row) => (row.chatId !== null ? `c${row.chatId}` : `s${row.sessionId}`)));
  const truncated = totalKeys.size > maxRows;
  const completedBy = reachable && client ? await complete(client, [...pending].slice(0, maxRows), input) : new Map<string, Completed>();

  // 4. Merge, freshest first: the recent list, a dialog read now, the session activity, the kept copy.
  const byChat = new Map<string, Contribution[]>();
  const add = (key: string, part: Contribution): void => {
    const parts = byChat.get(key);
    if (parts) parts.push(part);
    else byChat.set(key, [part]);
  };
  for (const row of recent) add(`c${row.chatId}`, row);
  for (const [key, row] of completedBy) add(row.chatId !== null ? `c${row.chatId}` : key, row);
  for (const row of crm) {
    const completedChat = row.chatId === null && row.sessionId !== null ? completedBy.get(`s${row.sessionId}`)?.chatId : null;
    add(row.chatId !== null ? `c${row.chatId}` : completedChat ? `c${completedChat}` : `s${row.sessionId}`, row);
  }
  for (const row of kept) add(`c${row.chatId}`, row);
  const order = (part: Contribution): number =>
    part.sources.includes('recent') ? 0 : part.completed ? 1 : part.sources.includes('crm') ? 2 : 3;
  const merged = [...byChat.values()].slice(0, maxRows).map((parts) => mergeContributions([...parts].sort((a, b) => order(a) - order(b))));

  // Names: what the dialogs themselves say, then the account's directory.
  const own: Record<string, string> = {};
  for (const copy of input.kept) Object.assign(own, namesInDialog(copy.dialog));
  for (const row of completedBy.values()) Object.assign(own, row.names);
  const ids = [...new Set(merged.flatMap((row) => [row.operatorId, row.clientUserId]).filter((id): id is number => id !== null && id > 0).map(String))];
  const known = { ...safeNames(input, ids.filter((id) => !Object.hasOwn(own, id))), ...own };
  const rows = merged.map((row) => nameRow(row, lines, known)).sort(compareRows);
  return { rows, sources: OVERVIEW_SOURCES.map((source) => states.get(source)!), truncated };
}

function safeNames(input: OverviewFetchInput<unknown>, ids: readonly string[]): UserNames {
  if (ids.length === 0) return {};
  try {
    return input.knownNames(ids);
  } catch {
    return {};
  }
}

/** The first page (from the batch) and the pages after it, one request each, while a page is full. */
async function walkActivities<Options>(
  client: LookupClient<Options>,
  firstPage: BatchOutcome,
  input: OverviewFetchInput<Options>,
  into: Contribution[],
  states: Map<OverviewSource, OverviewSourceState>,
  maxRows: number,
): Promise<void> {
  if (!firstPage.ok) {
    states.set('crm', refusal('crm', firstPage.error));
    return;
  }
  let result: unknown = firstPage.result;
  let afterId = 0;
  for (;;) {
    const read = readActivities(result, afterId);
    if ('error' in read) {
      states.set('crm', { source: 'crm', state: 'failed', error: read.error });
      return;
    }
    into.push(...read.activities.map(fromActivity));
    states.set('crm', { source: 'crm', state: 'used', rows: into.length });
    if (read.activities.length < ACTIVITY_PAGE || into.length >= maxRows) return;
    afterId = read.activities.at(-1)!.ID;
    checkCancelled(input.signal);
    try {
      result = (await client.call(ACTIVITY_LIST, nestedPageParams(afterId), input.options)).result;
    } catch (error) {
      const envelope = toEnvelope(error);
      if (envelope.code === 'CANCELLED') throw error;
      // The pages read so far stand; the source says why it stopped.
      states.set('crm', refusal('crm', envelope));
      return;
    }
  }
}

/** The same page as activityPageParams, as a JSON body. */
function nestedPageParams(afterId: number): Record<string, unknown> {
  return {
    filter: { PROVIDER_ID: SESSION_PROVIDER, COMPLETED: 'N', '>ID': afterId },
    order: { ID: 'ASC' },
    select: ACTIVITY_FIELDS,
    start: -1,
  };
}

type Completed = Contribution & { names: Record<string, string> };

/** imopenlines.dialog.get for each pending query, 50 a batch request; a failed row keeps what its sources said. */
async function complete<Options>(
  client: LookupClient<Options>,
  pending: Array<[string, DialogQuery]>,
  input: OverviewFetchInput<Options>,
): Promise<Map<string, Completed>> {
  const done = new Map<string, Completed>();
  for (let next = 0; next < pending.length; next += MAX_BATCH_COMMANDS) {
    checkCancelled(input.signal);
    const chunk = pending.slice(next, next + MAX_BATCH_COMMANDS);
    const commands: Record<string, BatchCommands[string]> = {};
    chunk.forEach(([, query], at) => (commands[`d${at}`] = [DIALOG_GET, { [query.param]: query.value }]));
    let outcomes: Record<string, BatchOutcome>;
    try {
      outcomes = await callBatch(client, commands, input.options);
    } catch (error) {
      if (toEnvelope(error).code === 'CANCELLED') throw error;
      // The portal stopped answering: the rest stand on what their sources said.
      return done;
    }
    chunk.forEach(([key, query], at) => {
      const outcome = outcomes[`d${at}`];
      if (!outcome?.ok) return;
      try {
        const presented = dialogFromAnswer(client, query, outcome);
        input.onDialog?.(presented.dialog, presented.time, presented.fetchedAt);
        done.set(key, { ...fromDialog(presented.dialog, null), completed: true, names: presented.names });
      } catch {
        // Not the dialog asked for, or not a dialog: its sources' facts stand.
      }
    });
  }
  return done;
}

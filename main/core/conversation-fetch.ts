// A lookup that brings the conversation with the dialog: the current session's
// transcript (or the session the user named) and the line's targets, in the
// same batch request as the dialog where the session is known beforehand —
// one slot of the rate limit — else right after it. A failed transcript never
// costs the dialog: it becomes the conversation's own error.
import { callBatch, type BatchCommands, type BatchOutcome } from './batch-call';
import { conversationFrom, type ConversationQuestion, type LineKpi } from './conversation';
import type { Conversation, ConversationOutcome } from './conversation-types';
import type { DialogQuery, LookupResult } from './dialog-types';
import { errorEnvelope, InspectorError, toEnvelope, type MainErrorEnvelope } from './error-codes';
import { CONFIG_LIST_GET, lineIdOf, lineListParams, linesFrom, type LineDirectory } from './lines';
import type { LookupClient } from './lookup-client';
import { dialogFromAnswer, DIALOG_GET, fetchDialog } from './lookup';
import { messages } from './messages/index';

export const SESSION_HISTORY_GET = 'imopenlines.session.history.get';

export interface ConversationPlan {
  /** The chat's current session as last seen (the store): lets the transcript ride in the dialog's batch. */
  sessionHint: number | null;
  /** The portal's lines as last read, or null to read them in the same batch. */
  lines: LineDirectory | null;
  /** Told the lines when they were read, to keep them for the next lookup. */
  onLines?(lines: LineDirectory): void;
}

/** The transcript's errors in its own words: ACCESS_DENIED here is about the history permission, not the plan. */
export function transcriptError(error: MainErrorEnvelope): MainErrorEnvelope {
  if (error.code !== 'ACCESS_DENIED') return error;
  const said = messages().errors.conversation;
  const extras = { title: said.deniedTitle, message: said.denied, action: said.deniedAction, status: error.status, portalDescription: error.portalDescription };
  return errorEnvelope('ACCESS_DENIED', extras);
}

/**
 * Whole-request failures after which the dialog alone may still come: those a
 * transcript's weight can cause (a long session past the answer cap or the
 * deadline, a portal or its proxy giving up on it) and those only the
 * transcript's method gives. Not the credentials, the dialog's access, the
 * limits or the network (a reset or an empty answer is the line, not the
 * weight): a lone call would meet the same answer one request later, and an
 * unreachable portal's kept copy would come a request later. Nor a cancel,
 * which stays a cancel.
 */
const DIALOG_ALONE_CODES: ReadonlySet<string> = new Set([
  'TIMEOUT',
  'ANSWER_TOO_LARGE',
  'ANSWER_TOO_DEEP',
  'TRUNCATED_RESPONSE',
  'NOT_BITRIX_JSON',
  'INTERNAL_SERVER_ERROR',
  'ERROR_UNEXPECTED_ANSWER',
  // Only the transcript's method answers these: the dialog's own question is not what was wrong.
  'INVALID_SESSION_ID',
  'MISSING_REQUIRED_PARAM',
]);

/** A whole request that failed with the transcript in it, in the transcript's words where they differ. */
function wholeRequestError(error: MainErrorEnvelope): MainErrorEnvelope {
  if (error.code !== 'ANSWER_TOO_LARGE') return error;
  return { ...error, action: messages().errors.conversation.tooLargeAction };
}

function isCancel(error: unknown): boolean {
  return error instanceof InspectorError && error.envelope.code === 'CANCELLED';
}

/** The dialog (as fetchDialog), with `conversation` and, when read, the lines. */
export async function fetchDialogAndConversation<Options>(
  client: LookupClient<Options>,
  query: DialogQuery,
  plan: ConversationPlan,
  options?: Options,
): Promise<Omit<LookupResult, 'elapsedMs'>> {
  const named = query.param === 'SESSION_ID' ? Number(query.value) : null;
  const early = named ?? plan.sessionHint;
  const historyCommand = (sessionId: number) => [SESSION_HISTORY_GET, { SESSION_ID: sessionId }] as const;
  const linesCommand: BatchCommands = plan.lines === null ? { lines: [CONFIG_LIST_GET, lineListParams()] } : {};

  let result: Omit<LookupResult, 'elapsedMs'>;
  let outcomes: Record<string, BatchOutcome> = {};
  if (early !== null) {
    const commands: BatchCommands = { dialog: [DIALOG_GET, { [query.param]: query.value }], history: historyCommand(early), ...linesCommand };
    try {
      outcomes = await callBatch(client, commands, options);
    } catch (error) {
      if (!(error instanceof InspectorError) || !DIALOG_ALONE_CODES.has(error.envelope.code)) throw error;
      // The transcript may be what sank the request: the dialog alone, the batch's error the conversation's.
      const alone = await fetchDialog(client, query, options);
      const asked = named ?? alone.decoded.session?.sessionId ?? null;
      return { ...alone, conversation: asked === null ? null : { ok: false, error: wholeRequestError(error.envelope) } };
    }
    const dialog = outcomes['dialog']!;
    if (!dialog.ok) throw new InspectorError(dialog.error);
    result = dialogFromAnswer(client, query, dialog);
  } else {
    result = await fetchDialog(client, query, options);
  }

  const current = result.decoded.session?.sessionId ?? null;
  const sessionId = named ?? current;
  const chatId = typeof result.dialog['id'] === 'number' ? result.dialog['id'] : Number(result.dialog['id']);
  if (sessionId === null || !Number.isSafeInteger(chatId)) return { ...result, conversation: null };

  let history = early === sessionId ? outcomes['history'] : undefined;
  let lines = outcomes['lines'];
  if (history === undefined) {
    // The hint was stale (a new session started) or there was none: ask again, the lines with it if still wanted.
    try {
      const second = await callBatch(client, { history: historyCommand(sessionId), ...(lines === undefined ? linesCommand : {}) }, options);
      history = second['history'];
      lines ??= second['lines'];
    } catch (error) {
      if (isCancel(error)) throw error;
      return { ...result, conversation: { ok: false, error: wholeRequestError(toEnvelope(error)) } };
    }
  }

  let directory = plan.lines;
  if (lines?.ok) {
    directory = linesFrom(lines.result);
    plan.onLines?.(directory);
  }
  const lineId = lineIdOf(result.decoded);
  const kpi = directory !== null && lineId !== null ? (directory[String(lineId)]?.kpi ?? null) : null;
  const conversation = transcriptOutcome(history!, { chatId, sessionId, current: sessionId === current }, kpi);
  const lineName = directory !== null && lineId !== null ? directory[String(lineId)]?.name || null : null;
  return { ...result, conversation, lineName };
}

function transcriptOutcome(history: BatchOutcome, asked: Parameters<typeof conversationFrom>[1], kpi: Parameters<typeof conversationFrom>[2]): ConversationOutcome {
  if (!history.ok) return { ok: false, error: transcriptError(history.error) };
  try {
    return { ok: true, value: conversationFrom(history.result, asked, kpi, new Date().toISOString()) };
  } catch (error) {
    return { ok: false, error: toEnvelope(error) };
  }
}

/**
 * One session's transcript on its own (a session the user picks, not the
 * lookup's): one call, its errors in the transcript's words, thrown.
 */
export async function fetchSessionConversation<Options>(
  client: LookupClient<Options>,
  asked: ConversationQuestion,
  kpi: LineKpi | null,
  options?: Options,
): Promise<Conversation> {
  let answer: Awaited<ReturnType<LookupClient<Options>['call']>>;
  try {
    answer = await client.call(SESSION_HISTORY_GET, { SESSION_ID: asked.sessionId }, options);
  } catch (error) {
    if (isCancel(error)) throw error;
    throw new InspectorError(transcriptError(toEnvelope(error)), { cause: error });
  }
  return conversationFrom(answer.result, asked, kpi, new Date().toISOString());
}

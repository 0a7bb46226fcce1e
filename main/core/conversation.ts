// imopenlines.session.history.get's answer → a Conversation: messages put in
// order (the portal keys them by id, in no order to rely on), every author
// named and classified, the rating read, and the timings a lead asks about
// derived, since no REST method gives them
// (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-session-history-get.html).
import type {
  AttachBlock,
  AttachCard,
  AuthorRole,
  Conversation,
  ConversationAuthor,
  ConversationFile,
  ConversationMessage,
  ConversationRating,
  ConversationStatus,
  ConversationTimings,
  Wait,
} from './conversation-types';
import { inspectorError } from './error-codes';
import { messages } from './messages/index';

type Item = Record<string, unknown>;

/** The line's answer-time targets, seconds; null where the line sets none. */
export interface LineKpi {
  firstAnswerSeconds: number | null;
  furtherAnswerSeconds: number | null;
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A PHP map: `{}` or `[]` when empty (json_encode cannot tell an empty map from a list). */
function mapValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return isItem(value) ? Object.values(value) : [];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function idOf(value: unknown): string | null {
  const id = text(value);
  return /^\d{1,16}$/.test(id) ? id : null;
}

function dateMs(iso: string): number {
  return Date.parse(iso);
}

function roleOf(user: Item | undefined, senderId: string): AuthorRole {
  if (senderId === '0') return 'system';
  if (user?.['connector'] === true) return 'client';
  if (user?.['bot'] === true) return 'bot';
  return 'operator';
}

function authorsFrom(raw: Item): Record<string, ConversationAuthor> {
  const authors: Record<string, ConversationAuthor> = {};
  for (const user of mapValues(raw['users'])) {
    if (!isItem(user)) continue;
    const id = idOf(user['id']);
    if (id === null) continue;
    const position = text(user['workPosition']).trim();
    authors[id] = { id, name: text(user['name']).trim(), role: roleOf(user, id), position: position === '' ? null : position };
  }
  return authors;
}

function filesFrom(raw: Item): Map<string, ConversationFile> {
  const files = new Map<string, ConversationFile>();
  for (const file of mapValues(raw['files'])) {
    if (!isItem(file)) continue;
    const id = idOf(file['id']);
    if (id === null) continue;
    const size = typeof file['size'] === 'number' && Number.isFinite(file['size']) ? file['size'] : null;
    // The URLs (urlshow, urldownload…) need a browser session on the portal: not kept.
    files.set(id, { id, name: text(file['name']), type: text(file['type']) || 'file', size });
  }
  return files;
}

function attachBlock(block: unknown): AttachBlock[] {
  if (!isItem(block)) return [{ kind: 'other', json: JSON.stringify(block) ?? 'null' }];
  const out: AttachBlock[] = [];
  for (const [key, value] of Object.entries(block)) {
    if (key === 'link' && Array.isArray(value)) {
      for (const link of value) if (isItem(link)) out.push({ kind: 'link', name: text(link['name']), link: text(link['link']) });
    } else if (key === 'grid' && Array.isArray(value)) {
      out.push({ kind: 'grid', items: value.filter(isItem).map((item) => ({ name: text(item['name']), value: text(item['value']) })) });
    } else if (key === 'message') {
      out.push({ kind: 'message', text: text(value) });
    } else {
      out.push({ kind: 'other', json: JSON.stringify({ [key]: value }) });
    }
  }
  return out;
}

function attachmentsOf(params: Item): AttachCard[] {
  const attach = params['attach'];
  const cards = Array.isArray(attach) ? attach : isItem(attach) ? [attach] : [];
  return cards.filter(isItem).map((card) => ({
    description: text(card['description']) || null,
    blocks: (Array.isArray(card['blocks']) ? card['blocks'] : []).flatMap(attachBlock),
  }));
}

function voteOf(params: Item): 'like' | 'dislike' | null {
  const vote = text(params['imolVote']).toLowerCase();
  return vote === 'like' || vote === 'dislike' ? vote : null;
}

/** The message, and its date in milliseconds to order it by; null when it has no id or no date. */
function messageFrom(item: Item, authors: Record<string, ConversationAuthor>, files: Map<string, ConversationFile>): { message: ConversationMessage; at: number } | null {
  const id = Number(idOf(item['id']));
  const date = text(item['date']);
  const at = dateMs(date);
  if (!Number.isSafeInteger(id) || id <= 0 || Number.isNaN(at)) return null;
  const authorId = idOf(item['senderid']) ?? '0';
  const params = isItem(item['params']) ? item['params'] : {};
  const fileIds = Array.isArray(params['fileId']) ? params['fileId'] : [];
  const message: ConversationMessage = {
    id,
    date,
    authorId,
    role: authorId === '0' ? 'system' : (authors[authorId]?.role ?? 'operator'),
    text: text(item['text']),
    files: fileIds.map((fileId) => files.get(text(fileId)) ?? { id: text(fileId), name: '', type: 'file', size: null }),
    attachments: attachmentsOf(params),
    vote: voteOf(params),
    sessionStart: text(params['componentId']) === 'StartDialogMessage',
    deleted: text(params['isDeleted']).toUpperCase() === 'Y',
  };
  return { message, at };
}

function ratingFrom(raw: Item, ordered: readonly ConversationMessage[]): ConversationRating {
  const head = Number(raw['sessionVoteHead']);
  const comment = text(raw['sessionCommentHead']).trim();
  const lastVote = [...ordered].reverse().find((message) => message.vote !== null);
  return {
    client: lastVote?.vote ?? null,
    supervisor: Number.isInteger(head) && head >= 1 && head <= 5 ? head : null,
    supervisorComment: comment === '' ? null : comment,
  };
}

function wait(from: ConversationMessage, to: ConversationMessage): Wait {
  return { seconds: Math.max(0, (dateMs(to.date) - dateMs(from.date)) / 1000), from: from.date, to: to.date };
}

/** Who speaks for whom: the client on one side, operators on the other; bots and the system are neither. */
const speaks = (message: ConversationMessage, role: 'client' | 'operator') => message.role === role;

/**
 * The timings. A client message waits until the next operator message (a
 * bot's greeting or a system notice answers nobody); the first response is the
 * first such wait; the client waits, since their first unanswered message,
 * while the session is open and no operator has answered it yet.
 */
export function timingsOf(ordered: readonly ConversationMessage[], closed: boolean, kpi: LineKpi | null): ConversationTimings {
  let firstResponse: Wait | null = null;
  let longest: Wait | null = null;
  let waitingFrom: ConversationMessage | null = null;
  for (const message of ordered) {
    if (speaks(message, 'client')) waitingFrom ??= message;
    else if (speaks(message, 'operator') && waitingFrom !== null) {
      const answered = wait(waitingFrom, message);
      firstResponse ??= answered;
      if (longest === null || answered.seconds > longest.seconds) longest = answered;
      waitingFrom = null;
    }
  }
  const spoken = ordered.filter((message) => message.role !== 'system');
  const last = spoken.at(-1) ?? null;
  const first = ordered[0] ?? null;
  const end = ordered.at(-1) ?? null;
  return {
    start: first?.date ?? null,
    firstResponse,
    longestClientWait: longest,
    lastAuthor: last === null ? null : { id: last.authorId, role: last.role },
    lastMessageAt: last?.date ?? null,
    clientWaitingSince: !closed && waitingFrom !== null ? waitingFrom.date : null,
    durationSeconds: first && end ? Math.max(0, (dateMs(end.date) - dateMs(first.date)) / 1000) : null,
    kpi,
  };
}

/** The system message the module posts when it closes a session ("Dialogue completed.", facts §1.4). */
const SESSION_END_CLASS = 'bx-messenger-content-item-ol-end';

/** The ids of the session's "closed" system messages. */
function endMarkersOf(items: readonly Item[]): Set<number> {
  const ids = new Set<number>();
  for (const item of items) {
    const params = isItem(item['params']) ? item['params'] : {};
    if (idOf(item['senderid']) === '0' && text(params['class']) === SESSION_END_CLASS) ids.add(Number(idOf(item['id'])));
  }
  return ids;
}

/**
 * Whether the session is over: an earlier session of the chat by definition;
 * a rating is asked for when a session closes; and the module's closing
 * message, unless the client or an operator wrote after it (the session was
 * taken up again).
 */
export function sessionClosed(ordered: readonly ConversationMessage[], endMarkers: ReadonlySet<number>, rating: ConversationRating, sessionIsCurrent: boolean): boolean {
  if (!sessionIsCurrent || rating.client !== null || rating.supervisor !== null) return true;
  const lastEnd = ordered.findLastIndex((message) => endMarkers.has(message.id));
  if (lastEnd < 0) return false;
  return !ordered.slice(lastEnd + 1).some((message) => message.role === 'client' || message.role === 'operator');
}

/** Only an operator answers the client: a bot's greeting and system notices leave the client waiting. */
function statusOf(ordered: readonly ConversationMessage[], closed: boolean): ConversationStatus {
  if (closed) return 'closed';
  const last = ordered.filter((message) => message.role === 'client' || message.role === 'operator').at(-1);
  return last?.role === 'client' ? 'clientWaiting' : 'operatorAnswered';
}

export interface ConversationQuestion {
  chatId: number;
  sessionId: number;
  /** Whether this is the dialog's current session (an earlier one is closed). */
  current: boolean;
}

/**
 * The transcript as a Conversation; FOREIGN_ANSWER when it is about another
 * chat or session than asked, UNEXPECTED_SHAPE when it is not a transcript.
 */
export function conversationFrom(result: unknown, asked: ConversationQuestion, kpi: LineKpi | null, fetchedAt: string): Conversation {
  if (!isItem(result) || !('message' in result)) {
    throw inspectorError('UNEXPECTED_SHAPE', { message: messages().dialog.unexpectedShape('result: not a transcript') });
  }
  const chatId = Number(text(result['chatId']));
  const sessionId = Number(text(result['sessionId']));
  if (chatId !== asked.chatId || sessionId !== asked.sessionId) {
    throw inspectorError('FOREIGN_ANSWER', {
      message: messages().errors.answers.foreignTranscript(String(asked.sessionId), String(asked.chatId), text(result['sessionId']), text(result['chatId'])),
    });
  }
  const authors = authorsFrom(result);
  const files = filesFrom(result);
  // Each date parsed once, not twice per comparison: a session can hold thousands of messages.
  const items = mapValues(result['message']).filter(isItem);
  const ordered = items
    .map((item) => messageFrom(item, authors, files))
    .filter((read): read is { message: ConversationMessage; at: number } => read !== null)
    .sort((a, b) => a.at - b.at || a.message.id - b.message.id)
    .map(({ message }) => message);
  const rating = ratingFrom(result, ordered);
  const closed = sessionClosed(ordered, endMarkersOf(items), rating, asked.current);
  const status = statusOf(ordered, closed);
  return {
    chatId,
    sessionId,
    messages: ordered,
    authors,
    rating,
    status,
    timings: timingsOf(ordered, closed, kpi),
    fetchedAt,
  };
}

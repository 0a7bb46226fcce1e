// The conversation of one open-line session, as it crosses IPC and is kept in
// the store: plain data, ordered, with every author named and classified, and
// the timings a lead asks about derived from it (no REST method gives them).
// Made from imopenlines.session.history.get by main/core/conversation.ts.
import type { MainErrorEnvelope } from './error-envelope';

/** Who wrote: the client (the connector's user), an operator, a bot, or the system (sender 0). */
export type AuthorRole = 'client' | 'operator' | 'bot' | 'system';

export interface ConversationAuthor {
  id: string;
  /** As Bitrix24 sent it; may be in any script. */
  name: string;
  role: AuthorRole;
  /** workPosition, when the portal sent one ("Support engineer"). */
  position: string | null;
}

/** A file's metadata. Its URLs are bound to a browser session on the portal, so they are neither kept nor fetched. */
export interface ConversationFile {
  id: string;
  name: string;
  /** image, file, audio, video… as sent. */
  type: string;
  /** Bytes; null when not sent. */
  size: number | null;
}

/** One block of a rich card (`params.attach`). Unknown blocks are kept as their JSON. */
export type AttachBlock =
  | { kind: 'link'; name: string; link: string }
  | { kind: 'grid'; items: Array<{ name: string; value: string }> }
  | { kind: 'message'; text: string }
  | { kind: 'other'; json: string };

export interface AttachCard {
  description: string | null;
  blocks: AttachBlock[];
}

export interface ConversationMessage {
  id: number;
  /** ISO 8601 with the portal's offset, as sent. */
  date: string;
  authorId: string;
  role: AuthorRole;
  /** BB-code as Bitrix24 sent it (`text`, never `textlegacy`): the page builds it as DOM text. */
  text: string;
  files: ConversationFile[];
  attachments: AttachCard[];
  /** A client's rating message (params.imolVote). */
  vote: 'like' | 'dislike' | null;
  /** The system's "session started" message (componentId StartDialogMessage). */
  sessionStart: boolean;
  /** The text was removed (params.isDeleted = Y). */
  deleted: boolean;
}

export interface ConversationRating {
  /** The client's vote, from the last rating message. */
  client: 'like' | 'dislike' | null;
  /** The supervisor's 1–5; null when not rated (0). */
  supervisor: number | null;
  supervisorComment: string | null;
}

/** A wait, in seconds, from one message to the next. */
export interface Wait {
  seconds: number;
  from: string;
  to: string;
}

export interface ConversationTimings {
  /** The first message's date (the system's "session started"), else null. */
  start: string | null;
  /** The first operator message after the client's first: how long the client waited for it. */
  firstResponse: Wait | null;
  /** The longest a client message waited for the next operator message. */
  longestClientWait: Wait | null;
  /** Who wrote the last message that was not the system's. */
  lastAuthor: { id: string; role: AuthorRole } | null;
  lastMessageAt: string | null;
  /** Set while the session is open and the client wrote last: since their first unanswered message. */
  clientWaitingSince: string | null;
  /** From the first to the last message, seconds. */
  durationSeconds: number | null;
  /** The line's thresholds, when the account can read them (imopenlines.config.list.get); null otherwise. */
  kpi: { firstAnswerSeconds: number | null; furtherAnswerSeconds: number | null } | null;
}

/** What a lead reads first: open and waiting, answered, or closed. */
export type ConversationStatus = 'clientWaiting' | 'operatorAnswered' | 'closed';

export interface Conversation {
  chatId: number;
  sessionId: number;
  /** Oldest first (by date, then id): the portal sends them keyed by id, in no order to rely on. */
  messages: ConversationMessage[];
  /** Every author of a message, by id. */
  authors: Record<string, ConversationAuthor>;
  rating: ConversationRating;
  status: ConversationStatus;
  timings: ConversationTimings;
  /** ISO 8601 when the transcript arrived. */
  fetchedAt: string;
}

/** The transcript that came with a lookup: a failed one never hides the dialog's fields. */
export type ConversationOutcome = { ok: true; value: Conversation } | { ok: false; error: MainErrorEnvelope };

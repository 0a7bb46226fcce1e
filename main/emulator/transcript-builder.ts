// Writing a session's messages the way the imopenlines module stores them:
// the system messages it posts itself (session started, operator joined, the
// rating request, dialogue completed, a CRM card) with their params, and the
// client's, bot's and operator's messages. Times are seconds after the session
// start; ids are given out in order and anchored at the end, so a script can
// say "this session ends at the chat's last_message_id" without counting.
import type { EmulatedFile, EmulatedMessage, EmulatedSession, EmulatedUser } from './emulator-types';
import { DEMO_BOT } from './demo-directory';
import { DAY, portalDate } from './portal-clock';

export interface TranscriptSetup {
  sessionId: number;
  chatId: number;
  configId: number;
  operatorId: number;
  clientId: number;
  /** Unix seconds. */
  start: number;
}

export interface VoteTexts {
  question: string;
  like: string;
  dislike: string;
}

export const ENGLISH_VOTE: VoteTexts = {
  question: 'Please rate the quality of service.',
  like: 'Thank you for your feedback!',
  dislike: "We are sorry we couldn't assist you, we will strive to improve.",
};

type Draft = Omit<EmulatedMessage, 'id'> & { slot: number };

export class TranscriptBuilder {
  private readonly drafts: Draft[] = [];
  private readonly files: EmulatedFile[] = [];
  private slot = 0;

  constructor(private readonly setup: TranscriptSetup) {}

  /** Ids other chats took meanwhile: the portal's message ids are shared by every chat. */
  gap(ids: number): this {
    this.slot += ids;
    return this;
  }

  system(at: number, text: string, params?: Record<string, unknown>): this {
    return this.add(0, at, text, params);
  }

  client(at: number, text: string, authorId = this.setup.clientId): this {
    return this.add(authorId, at, text, { CONNECTOR_MID: [this.connectorMid()], IMOL_SID: this.setup.sessionId });
  }

  bot(at: number, text: string): this {
    return this.add(DEMO_BOT.id, at, text, { CLASS: 'bx-messenger-content-item-ol-output', IMOL_SID: this.setup.sessionId });
  }

  operator(at: number, text: string, operatorId = this.setup.operatorId): this {
    return this.add(operatorId, at, text, { IMOL_SID: this.setup.sessionId });
  }

  /** The first message of every session (Session::createSession), linking to the session's history. */
  started(at = 0): this {
    const id = this.setup.sessionId;
    return this.system(at, `Start a new dialogue # [URL=/online/?IM_HISTORY=imol|${id}]${id}[/URL]`, {
      CLASS: 'bx-messenger-content-item-ol-start',
      COMPONENT_ID: 'StartDialogMessage',
      IMOL_SID: id,
    });
  }

  /** Chat::sendJoinMessage; like the documented sample, a system message without params. */
  joined(at: number, operatorId = this.setup.operatorId): this {
    return this.system(at, `[USER=${operatorId}][/USER] joined the conversation`);
  }

  /** Chat::transfer's notice; like the join notice, a system message without params. */
  transferred(at: number, from: number, to: number): this {
    return this.system(at, `[USER=${from}][/USER] transferred the conversation to [USER=${to}][/USER]`);
  }

  /**
   * A message its author removed: the portal keeps the message, flags it
   * IS_DELETED (facts §1.4) and keeps no text.
   */
  removed(at: number, authorId = this.setup.clientId): this {
    const params: Record<string, unknown> = { IS_DELETED: 'Y', IMOL_SID: this.setup.sessionId };
    if (authorId === this.setup.clientId) params['CONNECTOR_MID'] = [this.connectorMid()];
    return this.add(authorId, at, '', params);
  }

  /** The CRM card system message ("A new lead has been created" in the documented sample). */
  crmCard(at: number, text: string, entity: { title: string; link: string }, rows: Array<[string, string]>): this {
    return this.system(at, text, {
      ATTACH: [
        {
          ID: this.setup.start + at,
          BLOCKS: [
            { LINK: [{ NAME: entity.title, LINK: entity.link }] },
            { GRID: rows.map(([name, value]) => ({ DISPLAY: 'LINE', NAME: name, VALUE: value })) },
          ],
          DESCRIPTION: '',
          COLOR: '#df532d',
        },
      ],
      CLASS: 'bx-messenger-content-item-system',
    });
  }

  /** A message carrying a file; its metadata goes to the answer's `files`. */
  file(at: number, authorId: number, file: Omit<EmulatedFile, 'authorId' | 'date'>, text = ''): this {
    this.files.push({ ...file, authorId, date: this.setup.start + at });
    const params: Record<string, unknown> = { FILE_ID: [file.id], IMOL_SID: this.setup.sessionId };
    if (authorId === this.setup.clientId) params['CONNECTOR_MID'] = [this.connectorMid()];
    return this.add(authorId, at, text, params);
  }

  /** The rating request, as it stands after the client answered it (or did not: 'none'). */
  vote(at: number, vote: 'like' | 'dislike' | 'none', texts: VoteTexts = ENGLISH_VOTE): this {
    const date = this.setup.start + at;
    return this.system(at, texts.question, {
      CLASS: 'bx-messenger-content-item-vote',
      COMPONENT_ID: 'bx-imopenlines-message',
      IMOL_FORM: 'like',
      IMOL_VOTE: vote,
      IMOL_VOTE_SID: this.setup.sessionId,
      IMOL_VOTE_USER: this.setup.clientId,
      IMOL_VOTE_TEXT: texts.question,
      IMOL_VOTE_LIKE: texts.like,
      IMOL_VOTE_DISLIKE: texts.dislike,
      IMOL_DATE_CLOSE_VOTE: portalDate(date + DAY),
      IMOL_TIME_LIMIT_VOTE: String(DAY),
    });
  }

  /** The last message of a closed session, with the params of the documented sample. */
  finished(at: number, voteHead = 0, text = 'Dialogue completed.'): this {
    return this.system(at, text, {
      CLASS: 'bx-messenger-content-item-ol-end',
      COMPONENT_ID: 'bx-imopenlines-message',
      IMOL_VOTE_HEAD: voteHead,
      IMOL_VOTE_SID: this.setup.sessionId,
      IMOL_VOTE_USER: 0,
      TYPE: 'lines',
    });
  }

  /** The session, its ids counted so that the last message gets `anchor.lastId` (or the first `anchor.firstId`). */
  build(
    anchor: { lastId: number } | { firstId: number },
    extra: { users: EmulatedUser[]; voteHead?: number; commentHead?: string | null; deniedUserIds?: number[] },
  ): EmulatedSession {
    const lastSlot = this.drafts.at(-1)?.slot ?? 0;
    const firstId = 'firstId' in anchor ? anchor.firstId : anchor.lastId - lastSlot;
    const messages = this.drafts.map(({ slot, ...message }) => ({ ...message, id: firstId + slot }));
    return {
      sessionId: this.setup.sessionId,
      chatId: this.setup.chatId,
      configId: this.setup.configId,
      operatorId: this.setup.operatorId,
      messages,
      files: [...this.files],
      users: extra.users,
      voteHead: extra.voteHead ?? 0,
      commentHead: extra.commentHead ?? null,
      ...(extra.deniedUserIds ? { deniedUserIds: [...extra.deniedUserIds] } : {}),
    };
  }

  /** The message's id on the channel's side, which the connector reports back. */
  private connectorMid(): string {
    return String(this.setup.chatId * 100 + this.slot);
  }

  private add(authorId: number, at: number, text: string, params?: Record<string, unknown>): this {
    this.drafts.push({ slot: this.slot, authorId, date: this.setup.start + at, text, ...(params ? { params } : {}) });
    this.slot += 1;
    return this;
  }
}

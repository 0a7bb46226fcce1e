// imopenlines.session.history.get as Rest::sessionGetHistory and
// Operator::getSessionHistory answer it (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-session-history-get.html):
// - SESSION_ID, or else CHAT_ID (the chat's newest session, and only for a
//   member of the chat, as the method's page warns). Keys are read as sent:
//   the method does not change their case as dialog.get does.
// - Every message of the session in one answer, no paging, newest first as the
//   SQL orders them; `message` is a map keyed by id, so the JSON lists ids in
//   descending order and a client must sort.
// - Every key re-cased by Rest::objectEncode; empty maps written as [].
// - Errors all 400: MISSING_REQUIRED_PARAM, INVALID_SESSION_ID (cannot be
//   resolved), ACCESS_DENIED (no rights, or no such session).
import type { EmulatedDialog, EmulatedFile, EmulatedMessage, EmulatedSession, EmulatedUser } from './emulator-types';
import type { DialogIndex } from './dialog-get';
import type { SessionStore } from './session-store';
import { demoPersonName } from './demo-directory';
import { dialogFacts, type DialogFacts } from './dialog-facts';
import { parseBoth } from './message-text';
import { objectEncode } from './object-encode';
import { JsonText, phpAssoc, phpJson } from './php-json';
import { portalDate } from './portal-clock';
import { restError, type RestError } from './rest-errors';

export interface HistoryPortal {
  index: DialogIndex;
  sessions: SessionStore;
  /** The older module: SESSION_ID only, and ACCESS_DENIED for anything it cannot use. */
  legacy: boolean;
}

export type HistoryOutcome = { ok: true; result: unknown } | { ok: false; error: RestError };

const ERRORS = {
  missing: () => restError('MISSING_REQUIRED_PARAM', 400, 'Either SESSION_ID or CHAT_ID is required'),
  invalid: () => restError('INVALID_SESSION_ID', 400, 'Session not found'),
  denied: () =>
    restError('ACCESS_DENIED', 400, 'You cannot open this conversation because you do not have sufficient rights.'),
};

/**
 * What the answer says of a stored message besides its ids, which never
 * changes: its two renderings and its date, made once, the first time it is read.
 */
const SHOWN = new WeakMap<EmulatedMessage, { text: string; legacy: string; date: string }>();

function shown(message: EmulatedMessage, nameOf: (id: number) => string): { text: string; legacy: string; date: string } {
  let seen = SHOWN.get(message);
  if (seen === undefined) {
    seen = { ...parseBoth(message.text, nameOf), date: portalDate(message.date) };
    SHOWN.set(message, seen);
  }
  return seen;
}

/** A message record's keys as the module names them, and as objectEncode re-cases them (a test holds the two together). */
export const MESSAGE_RECORD_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['id', 'id'],
  ['chatId', 'chatid'],
  ['senderId', 'senderid'],
  ['recipientId', 'recipientid'],
  ['date', 'date'],
  ['text', 'text'],
  ['textLegacy', 'textlegacy'],
  ['params', 'params'],
];

const COLORS = ['#df532d', '#4ba984', '#29619b', '#e8a441', '#58cc47', '#ab7761', '#00a2e8', '#8474c8'];
const BLANK_AVATAR = '/bitrix/js/im/images/blank.gif';
/** The department every demo employee belongs to (userInGroup). */
const DEPARTMENT_ID = 1;

export function sessionHistoryGet(portal: HistoryPortal, params: Record<string, unknown>, userId: number): HistoryOutcome {
  const resolved = portal.legacy ? resolveLegacy(params) : resolve(portal, params, userId);
  if ('error' in resolved) return { ok: false, error: resolved.error };
  const session = portal.sessions.get(resolved.sessionId);
  const entry = session ? portal.index.get(session.chatId) : undefined;
  if (!session || !entry) return { ok: false, error: ERRORS.denied() };
  const mayRead = session.operatorId === userId || !(session.deniedUserIds ?? []).includes(userId);
  if (!mayRead) return { ok: false, error: ERRORS.denied() };
  return { ok: true, result: objectEncode(historyAnswer(session, entry, userId)) };
}

type Resolved = { sessionId: number } | { error: RestError };

function resolve(portal: HistoryPortal, params: Record<string, unknown>, userId: number): Resolved {
  if (present(params['SESSION_ID'])) {
    const sessionId = positiveInt(params['SESSION_ID']);
    return sessionId === null ? { error: ERRORS.invalid() } : { sessionId };
  }
  if (!present(params['CHAT_ID'])) return { error: ERRORS.missing() };
  const chatId = positiveInt(params['CHAT_ID']);
  const entry = chatId === null ? undefined : portal.index.get(chatId);
  const latest = chatId === null ? undefined : portal.sessions.latestForChat(chatId);
  if (!entry || latest === undefined) return { error: ERRORS.invalid() };
  if (!dialogFacts(entry).memberIds.includes(userId)) return { error: ERRORS.denied() };
  return { sessionId: latest };
}

/** Operator::getSessionHistory in the mirrored module: intval(SESSION_ID), and ACCESS_DENIED when it is not above 0. */
function resolveLegacy(params: Record<string, unknown>): Resolved {
  const sessionId = positiveInt(params['SESSION_ID']);
  return sessionId === null ? { error: ERRORS.denied() } : { sessionId };
}

/** The answer under the module's own keys, in its order; objectEncode re-cases them. */
function historyAnswer(session: EmulatedSession, entry: EmulatedDialog, userId: number): Record<string, unknown> {
  const facts = dialogFacts(entry);
  const chatId = facts.chatId;
  const people = new Map<number, EmulatedUser>((session.users ?? []).map((user) => [user.id, user]));
  const nameOf = (id: number): string => people.get(id)?.name ?? demoPersonName(id);
  // ORDER BY DATE_CREATE DESC; the id breaks ties the way the table's insertion order would.
  const messages = [...session.messages].sort((a, b) => b.date - a.date || b.id - a.id);

  const lastActivity = new Map<number, number>();
  for (const message of messages) {
    if (message.authorId > 0 && !lastActivity.has(message.authorId)) lastActivity.set(message.authorId, message.date);
  }
  const shownUsers = [...lastActivity.keys()];
  const clientIds = (session.users ?? []).filter((user) => user.kind === 'client').map((user) => user.id);
  for (const id of [facts.clientId, ...clientIds]) if (id > 0 && !shownUsers.includes(id)) shownUsers.push(id);
  const employees = shownUsers.filter((id) => (people.get(id)?.kind ?? 'employee') === 'employee');
  const canVoteHead = session.operatorId === userId ? 'N' : 'Y';

  return {
    CHAT_ID: chatId,
    CAN_JOIN: 'Y',
    CAN_VOTE_HEAD: canVoteHead,
    SESSION_ID: session.sessionId,
    SESSION_VOTE_HEAD: session.voteHead ?? 0,
    SESSION_COMMENT_HEAD: session.commentHead ?? null,
    USER_ID: `chat${chatId}`,
    // A session's thousands of messages are written to JSON text as they are built, under their keys as
    // objectEncode writes them (MESSAGE_RECORD_KEYS holds them to the rule), not kept as objects
    // to be copied, re-cased and walked again.
    MESSAGE: phpAssoc(
      messages.map((message) => {
        const { text, legacy, date } = shown(message, nameOf);
        const params = message.params && Object.keys(message.params).length > 0 ? objectEncode(message.params) : [];
        const record = { id: String(message.id), chatid: String(chatId), senderid: String(message.authorId), recipientid: `chat${chatId}`, date, text, textlegacy: legacy, params };
        return [message.id, new JsonText(phpJson(record))];
      }),
    ),
    USERS_MESSAGE: messages.length === 0 ? [] : { [`chat${chatId}`]: messages.map((message) => String(message.id)) },
    USERS: phpAssoc(
      shownUsers.map((id) => [id, userRecord(people.get(id) ?? fallbackUser(id, facts), lastActivity.get(id))]),
    ),
    OPENLINES: { canVoteAsHead: { [session.configId]: canVoteHead === 'Y' } },
    USER_IN_GROUP: employees.length === 0 ? [] : { [DEPARTMENT_ID]: { ID: DEPARTMENT_ID, USERS: employees } },
    WO_USER_IN_GROUP: [],
    CHAT: { [chatId]: chatRecord(entry, facts) },
    USER_BLOCK_CHAT: { [chatId]: Object.fromEntries(facts.memberIds.map((id) => [id, false])) },
    USER_IN_CHAT: { [chatId]: facts.memberIds },
    FILES: phpAssoc(
      [...(session.files ?? [])]
        .sort((a, b) => b.id - a.id)
        .map((file) => [file.id, fileRecord(file, chatId, nameOf(file.authorId))]),
    ),
  };
}

function userRecord(user: EmulatedUser, lastActivity: number | undefined): Record<string, unknown> {
  const client = user.kind === 'client';
  const bot = user.kind === 'bot';
  const space = user.name.indexOf(' ');
  const split = !client && space > 0;
  return {
    ID: String(user.id),
    NAME: user.name,
    ACTIVE: true,
    FIRST_NAME: split ? user.name.slice(0, space) : user.name,
    LAST_NAME: split ? user.name.slice(space + 1) : '',
    WORK_POSITION: user.workPosition ?? null,
    COLOR: user.color ?? COLORS[user.id % COLORS.length],
    AVATAR: user.avatar ?? BLANK_AVATAR,
    AVATAR_ID: null,
    BIRTHDAY: false,
    GENDER: user.gender ?? 'M',
    PHONE_DEVICE: false,
    PHONES: false,
    EXTRANET: client,
    TZ_OFFSET: 0,
    NETWORK: false,
    BOT: bot,
    CONNECTOR: client,
    PROFILE: `/company/personal/user/${user.id}/`,
    EXTERNAL_AUTH_ID: client ? 'imconnector' : bot ? 'bot' : 'default',
    STATUS: client ? null : 'online',
    IDLE: false,
    LAST_ACTIVITY_DATE: lastActivity === undefined ? false : portalDate(lastActivity),
    MOBILE_LAST_DATE: false,
    DESKTOP_LAST_DATE: false,
    DEPARTMENTS: user.kind === 'employee' ? [DEPARTMENT_ID] : [],
    ABSENT: false,
    TYPE: bot ? 'bot' : client ? 'extranet' : 'user',
    SERVICES: null,
    BOT_DATA: bot ? { CODE: 'helpdesk', TYPE: 'openline', APP_ID: '', IS_HIDDEN: false, IS_SUPPORT_OPENLINE: true } : null,
  };
}

function fallbackUser(id: number, facts: DialogFacts): EmulatedUser {
  return id === facts.clientId
    ? { id, name: facts.clientName, kind: 'client' }
    : { id, name: demoPersonName(id), kind: 'employee' };
}

/** The chat as the history answer shows it: dialog.get's record under the im module's own keys. */
function chatRecord(entry: EmulatedDialog, facts: DialogFacts): Record<string, unknown> {
  const dialog = entry.dialog;
  const muted = Array.isArray(dialog['mute_list']) ? (dialog['mute_list'] as unknown[]) : [];
  return {
    ID: String(facts.chatId),
    NAME: dialog['name'] ?? '',
    OWNER: String(facts.ownerId),
    COLOR: dialog['color'] ?? COLORS[0],
    EXTRANET: false,
    AVATAR: dialog['avatar'] || BLANK_AVATAR,
    CALL: '0',
    CALL_NUMBER: '',
    ENTITY_TYPE: dialog['entity_type'] ?? 'LINES',
    ENTITY_ID: dialog['entity_id'] ?? '',
    ENTITY_DATA_1: dialog['entity_data_1'] ?? '',
    ENTITY_DATA_2: dialog['entity_data_2'] ?? '',
    ENTITY_DATA_3: dialog['entity_data_3'] ?? '',
    PUBLIC: '',
    MUTE_LIST: Object.fromEntries(facts.memberIds.map((id) => [id, muted.includes(id)])),
    MANAGER_LIST: dialog['manager_list'] ?? null,
    DATE_CREATE: dialog['date_create'] ?? portalDate(facts.created),
    TYPE: 'lines',
    MESSAGE_TYPE: 'L',
    MESSAGE_COUNT: dialog['message_count'] ?? 0,
    ENTITY_LINK: dialog['entity_link'] ?? { type: 'LINES', url: '', id: dialog['entity_id'] ?? '' },
    PERMISSIONS: dialog['permissions'] ?? [],
  };
}

/** CIMDisk's file params: camelCase source keys, so objectEncode writes them all lower-case. */
function fileRecord(file: EmulatedFile, chatId: number, authorName: string): Record<string, unknown> {
  const dot = file.name.lastIndexOf('.');
  // The real links carry a session-bound signature; a stable stand-in keeps answers deterministic.
  const signature = (file.id * 2654435761) % 4294967296;
  const url = (action: string): string =>
    `/bitrix/services/main/ajax.php?action=disk.api.file.${action}&fileId=${file.id}&_esd=${signature}`;
  const preview = `${url('showImage')}&width=250&height=250`;
  return {
    id: file.id,
    chatId,
    date: portalDate(file.date),
    type: file.type,
    name: file.name,
    extension: dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '',
    size: file.size,
    image: file.image ?? false,
    status: 'done',
    progress: 100,
    authorId: file.authorId,
    authorName,
    urlPreview: file.image ? preview : '',
    urlShow: url('showImage'),
    urlDownload: url('download'),
    viewerAttrs: {
      viewer: null,
      viewerType: file.type === 'image' ? 'image' : 'document',
      src: url('download'),
      objectId: `f${file.id}`,
      imChatId: chatId,
      title: file.name,
    },
    mediaUrl: file.image ? { preview: { 250: preview } } : [],
    isTranscribable: false,
    isVideoNote: false,
    isVoiceNote: false,
  };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function positiveInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return null;
  const parsed = Number(value.trim());
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : null;
}

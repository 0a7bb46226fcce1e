// The overview's rows, made from each source's own answer and merged per
// chat. Each source knows part of the story (facts §2, §4, §7.3):
// - im.recent.get: the chat (dialog.get's twin), its last message and the
//   caller's unread count, and for a queue member the session's raw status;
// - crm.activity.list: the session, its line and operator, open or completed,
//   answered or not, but no chat id, no status code and no wait;
// - a dialog (imopenlines.dialog.get, fresh or kept): line, channel, client,
//   operator, CRM, session, pinned/silent/blocked, but no status.
// A field is taken from the freshest source that knows it.
import { connectorLabel } from './connectors';
import { decodeDialog } from './decode/index';
import { crmTypeName } from './decode/crm-bindings';
import type { RawDialog } from './dialog-types';
import { lineIdOf, type LineDirectory } from './lines';
import type { Activity, RecentItem } from './overview-schema';
import { OVERVIEW_SOURCES, type OverviewRow, type OverviewSource, type OverviewStatus } from './overview-types';
import type { UserNames } from './user-names';

/** What one source says of a chat; null where it does not know. */
/** What one source says of a row; the answer target is the line's, set when the row is named (nameRow). */
export type Contribution = { [K in keyof Omit<OverviewRow, 'answerTargetSeconds'>]: K extends 'sources' ? OverviewSource[] : OverviewRow[K] | null };

/** Facts §4, as the portal's own dialog list shows them: <40 waiting, 40–59 answered, ≥60 closed. */
export function statusOfCode(code: number): OverviewStatus {
  if (code < 40) return 'clientWaiting';
  if (code < 60) return 'operatorAnswered';
  return 'closed';
}

const CRM_OWNER_TYPES: Record<number, string> = { 1: 'LEAD', 2: 'DEAL', 3: 'CONTACT', 4: 'COMPANY' };

/** An ISO 8601 date in UTC, or null when it is not a date. */
function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

function empty(source: OverviewSource | null): Contribution {
  return {
    chatId: null,
    dialogId: null,
    name: null,
    status: null,
    statusCode: null,
    waitingSince: null,
    channel: null,
    channelName: null,
    lineId: null,
    lineName: null,
    operatorId: null,
    operatorName: null,
    clientUserId: null,
    clientName: null,
    crm: null,
    sessionId: null,
    sessionStart: null,
    lastMessageAt: null,
    unread: null,
    pinned: null,
    silent: null,
    blocked: null,
    sources: source ? [source] : [],
    completed: null,
  };
}

/** What a dialog record says: dialog.get's answer, a kept copy, or im.recent.get's `chat` (its twin). */
export function fromDialog(raw: RawDialog, source: OverviewSource | null): Contribution {
  const decoded = decodeDialog(raw, null);
  const entity = decoded.entity;
  const session = decoded.session;
  const chatId = positive(typeof raw['id'] === 'string' ? Number(raw['id']) : raw['id']);
  const channel = entity?.connectorId ?? null;
  const owner = typeof raw['owner'] === 'string' ? Number(raw['owner']) : raw['owner'];
  const row = empty(source);
  return {
    ...row,
    chatId,
    dialogId: chatId === null ? null : `chat${chatId}`,
    name: typeof raw['name'] === 'string' ? raw['name'] : null,
    channel,
    channelName: channel ? connectorLabel(channel) : null,
    lineId: lineIdOf(decoded),
    operatorId: positive(owner),
    clientUserId: entity?.clientUserId ?? null,
    crm: decoded.primaryCrm?.label ?? null,
    sessionId: session?.sessionId ?? null,
    sessionStart: session?.sessionStart ?? null,
    unread: typeof raw['counter'] === 'number' && raw['counter'] >= 0 ? raw['counter'] : null,
    pinned: session ? session.pinned : null,
    silent: decoded.silentMode ? decoded.silentMode.enabled === true : null,
    blocked: session ? Boolean(session.blockDate || session.blockReason) : null,
  };
}

/** One im.recent.get item (already checked with recentItemSchema). */
export function fromRecent(item: RecentItem): Contribution {
  const chat = item.chat ? fromDialog(item.chat as RawDialog, 'recent') : empty('recent');
  const chatId = chat.chatId ?? positive(item.chat_id) ?? positive(Number(/^chat(\d+)$/.exec(item.id)?.[1]));
  const lastAt = isoDate(item.message?.date);
  const authorIsClient = item.user?.connector === true && positive(item.user.id) === positive(item.message?.author_id);
  const code = item.lines?.status ?? null;
  // Without `lines` (a caller in no queue) only the last author tells: a client who wrote last is waiting.
  const status: OverviewStatus | null = code !== null ? statusOfCode(code) : item.message ? (authorIsClient ? 'clientWaiting' : 'operatorAnswered') : null;
  const sessionStart = isoDate(item.lines?.date_create) ?? chat.sessionStart;
  const waitingSince = status === 'clientWaiting' ? (authorIsClient ? lastAt : sessionStart) : null;
  return {
    ...chat,
    chatId,
    dialogId: chatId === null ? null : `chat${chatId}`,
    name: chat.name ?? item.title ?? null,
    status,
    statusCode: code,
    waitingSince,
    clientName: authorIsClient && item.user?.name ? item.user.name : null,
    // The last author's name, when that is the chat's operator.
    operatorName: !authorIsClient && item.user?.name && positive(item.user.id) === chat.operatorId ? item.user.name : null,
    sessionId: positive(item.lines?.id) ?? chat.sessionId,
    sessionStart,
    lastMessageAt: lastAt,
    unread: item.counter ?? chat.unread,
  };
}

/** One crm.activity.list activity (already checked with activitySchema): a session, without its chat. */
export function fromActivity(activity: Activity): Contribution {
  const userCode = activity.PROVIDER_PARAMS && !Array.isArray(activity.PROVIDER_PARAMS) ? (activity.PROVIDER_PARAMS.USER_CODE ?? '') : '';
  const parts = userCode.split('|');
  const channel = parts.length === 4 && parts[0] ? parts[0] : (activity.RESULT_SOURCE_ID ?? null);
  const lineId = positive(activity.PROVIDER_TYPE_ID) ?? positive(Number(parts[1]));
  const completed = activity.COMPLETED === 'Y';
  const answered = activity.RESULT_STATUS === 2;
  const start = isoDate(activity.START_TIME);
  const ownerType = CRM_OWNER_TYPES[activity.OWNER_TYPE_ID ?? 0];
  const ownerId = positive(activity.OWNER_ID);
  const client = parts.length === 4 && /^\d+$/.test(parts[3] ?? '') ? Number(parts[3]) : null;
  return {
    ...empty('crm'),
    name: activity.SUBJECT ?? null,
    // No status code here: open and unanswered is a client waiting since the session began.
    status: completed ? 'closed' : answered ? 'operatorAnswered' : 'clientWaiting',
    waitingSince: !completed && !answered ? start : null,
    channel,
    channelName: channel ? connectorLabel(channel) : null,
    lineId,
    operatorId: positive(activity.RESPONSIBLE_ID),
    clientUserId: client,
    crm: ownerType && ownerId ? `${crmTypeName(ownerType)} ${ownerId}` : null,
    sessionId: activity.ASSOCIATED_ENTITY_ID > 0 ? activity.ASSOCIATED_ENTITY_ID : null,
    sessionStart: start,
  };
}

/**
 * Contributions of the same chat as one row, each field from the first
 * contribution that knows it: pass them freshest first. Status and its wait
 * come together from one contribution, so a stale copy never pairs one
 * source's status with another's wait.
 */
export function mergeContributions(parts: readonly Contribution[]): OverviewRow {
  const first = <K extends keyof Contribution>(key: K): Contribution[K] | null => {
    for (const part of parts) if (part[key] !== null) return part[key];
    return null;
  };
  const withStatus = parts.find((part) => part.status !== null);
  const seen = new Set(parts.flatMap((part) => part.sources));
  return {
    chatId: first('chatId'),
    dialogId: first('dialogId'),
    name: first('name') ?? '',
    status: withStatus?.status ?? null,
    statusCode: withStatus?.statusCode ?? null,
    waitingSince: withStatus?.waitingSince ?? null,
    answerTargetSeconds: null,
    channel: first('channel'),
    channelName: first('channelName'),
    lineId: first('lineId'),
    lineName: first('lineName'),
    operatorId: first('operatorId'),
    operatorName: first('operatorName'),
    clientUserId: first('clientUserId'),
    clientName: first('clientName'),
    crm: first('crm'),
    sessionId: first('sessionId'),
    sessionStart: first('sessionStart'),
    lastMessageAt: first('lastMessageAt'),
    unread: first('unread'),
    pinned: first('pinned') ?? false,
    silent: first('silent') ?? false,
    blocked: first('blocked') ?? false,
    sources: OVERVIEW_SOURCES.filter((source) => seen.has(source)),
    completed: first('completed') ?? false,
  };
}

/** Facts §4: the client asks again after an operator's answer. */
const CLIENT_AFTER_OPERATOR = 25;

/**
 * The seconds the row's line allows for its client's wait: the further
 * answer's target once an operator has answered in the session (status 25),
 * else the first answer's. Null when nobody waits or the line sets none.
 */
export function answerTargetOf(row: Pick<OverviewRow, 'status' | 'statusCode' | 'lineId'>, lines: LineDirectory | null): number | null {
  if (row.status !== 'clientWaiting' || row.lineId === null || !lines) return null;
  const kpi = lines[String(row.lineId)]?.kpi;
  if (!kpi) return null;
  return (row.statusCode === CLIENT_AFTER_OPERATOR ? kpi.furtherAnswerSeconds : kpi.firstAnswerSeconds) ?? null;
}

/** The row's line and people named, and its wait's target: lines from config.list.get, users from what the account's answers called them. */
export function nameRow(row: OverviewRow, lines: LineDirectory | null, names: UserNames): OverviewRow {
  const named = (id: number | null): string | null => (id !== null && Object.hasOwn(names, String(id)) ? names[String(id)]! : null);
  return {
    ...row,
    answerTargetSeconds: answerTargetOf(row, lines),
    lineName: row.lineId !== null && lines ? lines[String(row.lineId)]?.name || row.lineName : row.lineName,
    operatorName: row.operatorName ?? named(row.operatorId),
    clientName: row.clientName ?? (row.clientUserId ? named(row.clientUserId) : null) ?? clientFromName(row.name),
  };
}

/** "Anna Smirnova - Support" → "Anna Smirnova": the module names a chat after its client and line. */
export function clientFromName(name: string): string | null {
  const cut = name.lastIndexOf(' - ');
  return cut > 0 ? name.slice(0, cut) : null;
}

/** Waiting first, the longest wait first; then answered, then closed, the newest first. */
export function compareRows(a: OverviewRow, b: OverviewRow): number {
  const rank = (row: OverviewRow): number => (row.status === 'clientWaiting' ? 0 : row.status === 'operatorAnswered' ? 1 : row.status === 'closed' ? 2 : 3);
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference;
  // An unknown start sorts after every known one.
  if (a.status === 'clientWaiting') return (a.waitingSince ?? '\uffff').localeCompare(b.waitingSince ?? '\uffff');
  return (b.lastMessageAt ?? b.sessionStart ?? '').localeCompare(a.lastMessageAt ?? a.sessionStart ?? '');
}

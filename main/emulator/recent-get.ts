// im.recent.get (and im.recent.list, below) as im_rest.php::recentGet and Im\Recent::get answer it
// (https://apidocs.bitrix24.com/api-reference/chats/im-recent-get.html; facts §2.1, §2.3):
// - the caller's own recent list: the open-line chats they are a member of;
//   keys read in any case, as the im module upper-cases them;
// - ONLY_OPENLINES=Y keeps open-line chats only and drops the 30-day window;
//   without it SKIP_OPENLINES=Y drops them (SKIP_CHAT, SKIP_DIALOG skip kinds
//   of chat this portal does not have);
// - LAST_SYNC_DATE (alias LAST_UPDATE): what changed since then, never older
//   than 7 days; no paging, every matching row in one plain array, pinned
//   first, then the newest message first;
// - `lines` {id: the SESSION id, status: its raw STATUS, date_create} only for
//   a caller in at least one line's queue.
import type { EmulatedDialog, EmulatedLine, EmulatedLiveState } from './emulator-types';
import type { DialogIndex } from './dialog-get';
import { demoPersonName } from './demo-directory';
import { dialogFacts } from './dialog-facts';
import { portalDate } from './portal-clock';
import type { RestError } from './rest-errors';

export type RecentOutcome = { ok: true; result: unknown } | { ok: false; error: RestError };

const DAY = 86400;

export function recentGet(
  portal: { index: DialogIndex; lines: readonly EmulatedLine[] },
  params: Record<string, unknown>,
  userId: number,
  nowSeconds: number,
): RecentOutcome {
  const upper = Object.fromEntries(Object.entries(params).map(([key, value]) => [key.toUpperCase(), value]));
  const onlyLines = upper['ONLY_OPENLINES'] === 'Y';
  if (!onlyLines && upper['SKIP_OPENLINES'] === 'Y') return { ok: true, result: [] };
  // Without ONLY_OPENLINES the list is the last 30 days; a sync date narrows it, never past 7 days back.
  let since = onlyLines ? null : nowSeconds - 30 * DAY;
  const sync = atomDate(upper['LAST_SYNC_DATE'] ?? upper['LAST_UPDATE']);
  if (sync !== null) since = Math.max(sync, nowSeconds - 7 * DAY, since ?? 0);
  const rows = recentRows(portal, userId).filter((row) => since === null || row.updated >= since);
  return { ok: true, result: rows.map(({ entry, live, updated }) => recentItem(entry, live, updated, isOperator(portal, userId))) };
}

/**
 * im.recent.list as im_rest.php::recentList and Recent::getList answer it (facts §2.2): pages of
 * LIMIT (default 50, at most 200) from OFFSET, or, with LAST_MESSAGE_DATE, the rows whose last
 * message is at or before it (inclusive, and OFFSET is then ignored); ONLY_OPENLINES is not read;
 * SKIP_OPENLINES=Y drops open-line chats and the `lines` object. `{items, hasMore, hasMorePages}`,
 * with `total: -1` and `next` (OFFSET + the items) beside the result.
 */
export function recentList(
  portal: { index: DialogIndex; lines: readonly EmulatedLine[] },
  params: Record<string, unknown>,
  userId: number,
): RecentOutcome & { total?: number; next?: number } {
  const upper = Object.fromEntries(Object.entries(params).map(([key, value]) => [key.toUpperCase(), value]));
  const limit = Math.min(200, wholeNumber(upper['LIMIT']) || 50);
  const cursor = atomDate(upper['LAST_MESSAGE_DATE']);
  const offset = cursor === null ? wholeNumber(upper['OFFSET']) : 0;
  const skipLines = upper['SKIP_OPENLINES'] === 'Y';
  const rows = skipLines ? [] : recentRows(portal, userId).filter((row) => cursor === null || row.live.lastMessageDate <= cursor);
  const page = rows.slice(offset, offset + limit);
  const operator = !skipLines && isOperator(portal, userId);
  const items = page.map(({ entry, live, updated }) => recentItem(entry, live, updated, operator));
  const hasMore = page.length === limit;
  return { ok: true, result: { items, hasMore, hasMorePages: hasMore }, total: -1, next: offset + items.length };
}

type RecentRow = { entry: EmulatedDialog; live: EmulatedLiveState; updated: number };

/** The caller's open-line chats, the newest message first. */
function recentRows(portal: { index: DialogIndex }, userId: number): RecentRow[] {
  const rows: RecentRow[] = [];
  for (const entry of portal.index.all()) {
    const live = entry.live;
    if (!live || entry.deniedUserIds?.includes(userId)) continue;
    if (!dialogFacts(entry).memberIds.includes(userId)) continue;
    rows.push({ entry, live, updated: Math.max(live.lastMessageDate, live.closedAt ?? 0) });
  }
  return rows.sort((a, b) => b.live.lastMessageDate - a.live.lastMessageDate || Number(b.entry.dialog['id']) - Number(a.entry.dialog['id']));
}

/** In at least one line's queue: only then do items carry `lines` (facts §2.3). */
function isOperator(portal: { lines: readonly EmulatedLine[] }, userId: number): boolean {
  return portal.lines.some((line) => line.queue.some((member) => member.userId === userId));
}

function wholeNumber(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : 0;
  return Number.isSafeInteger(number) && number > 0 ? number : 0;
}

function recentItem(entry: EmulatedDialog, live: EmulatedLiveState, updated: number, operator: boolean): Record<string, unknown> {
  const dialog = entry.dialog;
  const facts = dialogFacts(entry);
  const chatId = facts.chatId;
  const counter = typeof dialog['counter'] === 'number' ? dialog['counter'] : 0;
  const session = String(dialog['entity_data_1'] ?? '').split('|');
  const sessionStart = Number(session[6]) > 0 ? Number(session[6]) : live.lastMessageDate;
  const item: Record<string, unknown> = {
    id: `chat${chatId}`,
    chat_id: chatId,
    type: 'chat',
    avatar: { url: dialog['avatar'] ?? '', color: dialog['color'] ?? '#58cc47' },
    title: dialog['name'] ?? '',
    message: {
      id: facts.lastMessageId,
      text: live.lastMessageText,
      file: false,
      author_id: live.lastMessageAuthorId,
      attach: false,
      date: portalDate(live.lastMessageDate),
      status: 'delivered',
      uuid: null,
    },
    counter,
    last_id: facts.lastMessageId - counter,
    pinned: false,
    unread: false,
    has_reminder: false,
    date_update: portalDate(updated),
    date_last_activity: portalDate(live.lastMessageDate),
    chat: {
      id: chatId,
      parent_chat_id: dialog['parent_chat_id'] ?? 0,
      parent_message_id: dialog['parent_message_id'] ?? 0,
      name: dialog['name'] ?? '',
      owner: dialog['owner'] ?? 0,
      extranet: dialog['extranet'] ?? false,
      contains_collaber: false,
      avatar: dialog['avatar'] ?? '',
      color: dialog['color'] ?? '#58cc47',
      type: 'lines',
      entity_type: 'LINES',
      entity_id: dialog['entity_id'] ?? '',
      entity_data_1: dialog['entity_data_1'] ?? '',
      entity_data_2: dialog['entity_data_2'] ?? '',
      entity_data_3: dialog['entity_data_3'] ?? '',
      mute_list: dialog['mute_list'] ?? [],
      manager_list: dialog['manager_list'] ?? [],
      date_create: dialog['date_create'] ?? null,
      message_type: 'L',
      user_counter: dialog['user_counter'] ?? 0,
      restrictions: dialog['restrictions'] ?? [],
      role: dialog['role'] ?? 'member',
      text_field_enabled: dialog['text_field_enabled'] ?? true,
      background_id: dialog['background_id'] ?? null,
      entity_link: dialog['entity_link'] ?? [],
      permissions: dialog['permissions'] ?? [],
      public: dialog['public'] ?? '',
    },
    user: author(live.lastMessageAuthorId, facts.clientId, facts.clientName),
  };
  if (operator) {
    const sessionId = facts.currentSessionId ?? 0;
    item['lines'] = { id: sessionId, status: live.status, date_create: portalDate(sessionStart) };
  }
  item['options'] = [];
  return item;
}

/** The last message's author as the recent list describes them: the client is the channel's connector user. */
function author(userId: number, clientId: number, clientName: string): Record<string, unknown> {
  if (userId === 0) return { id: 0 };
  const client = userId === clientId;
  const name = client ? clientName : demoPersonName(userId);
  const [first, ...last] = name.split(' ');
  return {
    id: userId,
    active: true,
    name,
    first_name: first ?? name,
    last_name: last.join(' '),
    work_position: '',
    color: '#df532d',
    avatar: '',
    gender: 'M',
    birthday: '',
    extranet: client,
    network: false,
    bot: false,
    connector: client,
    external_auth_id: client ? 'imconnector' : 'default',
    status: 'online',
    idle: false,
    last_activity_date: false,
    absent: false,
    departments: client ? [] : [1],
    type: client ? 'extranet' : 'user',
  };
}

/** An ATOM date (2019-07-11T10:45:31+02:00) as unix seconds; anything else is no date. */
function atomDate(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:?\d{2}|Z)$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

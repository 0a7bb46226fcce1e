// Who a user id is. A dialog answer names some of its users (readers, first
// viewers) and only numbers others (the responsible operator, managers, muted
// users); the store remembers every name seen per account, so the same
// operator reads the same in every dialog, online or off.
import type { Conversation } from './conversation-types';
import type { RawDialog } from './dialog-types';

/** User id (as text) → name. */
export type UserNames = Readonly<Record<string, string>>;

function isItem(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A user id as the answer holds it (number or digits), as text; null for anything else or 0. */
export function userIdText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)) return value;
  return null;
}

/** The lists of {user_id, user_name} the answer carries. */
function namedLists(raw: RawDialog): unknown[][] {
  const lists: unknown[][] = [];
  if (Array.isArray(raw['readed_list'])) lists.push(raw['readed_list']);
  const views = raw['last_message_views'];
  if (isItem(views) && Array.isArray(views['first_viewers'])) lists.push(views['first_viewers']);
  return lists;
}

/** Every name the answer itself gives a user id. */
export function namesInDialog(raw: RawDialog): Record<string, string> {
  const names: Record<string, string> = {};
  for (const list of namedLists(raw)) {
    for (const item of list) {
      if (!isItem(item)) continue;
      const id = userIdText(item['user_id']);
      const name = typeof item['user_name'] === 'string' ? item['user_name'].trim() : '';
      if (id !== null && name !== '') names[id] = name;
    }
  }
  return names;
}

/** Every user id the answer mentions, named or not. */
export function userIdsIn(raw: RawDialog): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    const id = userIdText(value);
    if (id !== null) ids.add(id);
  };
  add(raw['owner']);
  for (const key of ['manager_list', 'mute_list']) {
    const list = raw[key];
    if (Array.isArray(list)) list.forEach(add);
  }
  for (const list of namedLists(raw)) for (const item of list) if (isItem(item)) add(item['user_id']);
  return [...ids].sort((a, b) => Number(a) - Number(b));
}

/**
 * The names for the ids `raw` mentions: the answer's own, else what the
 * account's directory remembers (`known`). The answer wins: it is the newest.
 */
export function namesForDialog(raw: RawDialog, known: UserNames = {}): Record<string, string> {
  const own = namesInDialog(raw);
  const names: Record<string, string> = {};
  for (const id of userIdsIn(raw)) {
    const name = own[id] ?? (Object.hasOwn(known, id) ? known[id] : undefined);
    if (name !== undefined) names[id] = name;
  }
  return names;
}

/** The names a transcript gives its authors (operators, bots, the client). */
export function authorNames(conversation: Pick<Conversation, 'authors'>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const author of Object.values(conversation.authors)) if (author.name !== '') names[author.id] = author.name;
  return names;
}

// crm.activity.list for the open-line sessions imopenlines writes as CRM
// activities (https://apidocs.bitrix24.com/api-reference/crm/timeline/activities/activity-base/crm-activity-list.html;
// facts §2.7): one activity per session of a chat on a line with CRM on and a
// CRM binding, PROVIDER_ID IMOPENLINES_SESSION, PROVIDER_TYPE_ID the line,
// ASSOCIATED_ENTITY_ID the session, COMPLETED N while open, RESULT_STATUS 1
// unanswered / 2 answered. select/filter/order/start as the CRM list methods
// read them (either case): pages of 50 with `next` and `total`, or start=-1
// for no count (the `>ID` fast paging). Values are strings, as the CRM
// hands them over. The caller's CRM rights: the portal's administrator
// (user 1) sees every activity, anyone else the ones they are responsible for.
import type { EmulatedDialog, EmulatedLine } from './emulator-types';
import type { DialogIndex } from './dialog-get';
import { dialogFacts } from './dialog-facts';
import { portalDate } from './portal-clock';
import { isPlainObject } from './request-params';
import type { RestError } from './rest-errors';

export type ActivityListOutcome = { ok: true; result: unknown; total?: number; next?: number } | { ok: false; error: RestError };

export const ACTIVITY_PAGE_SIZE = 50;
const CRM_ADMINISTRATORS = new Set([1]);
const OWNER_TYPES: Record<string, number> = { LEAD: 1, DEAL: 2, CONTACT: 3, COMPANY: 4 };
/** Added only when `select` names them, as the CRM does. */
const ON_REQUEST = ['COMMUNICATIONS', 'FILES'];

type Activity = Record<string, unknown>;

export function activityList(
  portal: { index: DialogIndex; lines: readonly EmulatedLine[] },
  params: Record<string, unknown>,
  userId: number,
): ActivityListOutcome {
  const read = (name: string): unknown => params[name] ?? params[name.toUpperCase()];
  const all = activitiesOf(portal).filter((activity) => CRM_ADMINISTRATORS.has(userId) || activity['RESPONSIBLE_ID'] === String(userId));
  const filter = isPlainObject(read('filter')) ? (read('filter') as Record<string, unknown>) : {};
  const matching = all.filter((activity) => Object.entries(filter).every(([key, wanted]) => matches(activity, key, wanted)));
  const order = isPlainObject(read('order')) ? (read('order') as Record<string, unknown>) : { START_TIME: 'ASC' };
  const sorted = sortBy(matching, order);
  const select = selection(read('select'));
  const start = Number(read('start') ?? 0);
  // -1: the first page without counting (the fast way through big lists).
  if (start === -1) return { ok: true, result: sorted.slice(0, ACTIVITY_PAGE_SIZE).map((activity) => pick(activity, select)) };
  const from = Number.isSafeInteger(start) && start > 0 ? start : 0;
  const page = sorted.slice(from, from + ACTIVITY_PAGE_SIZE).map((activity) => pick(activity, select));
  const more = from + ACTIVITY_PAGE_SIZE < sorted.length;
  return { ok: true, result: page, total: sorted.length, ...(more ? { next: from + ACTIVITY_PAGE_SIZE } : {}) };
}

/** Every session activity of the portal, built from its dialogs as they are now. */
function activitiesOf(portal: { index: DialogIndex; lines: readonly EmulatedLine[] }): Activity[] {
  const crmOff = new Set(portal.lines.filter((line) => line.settings['CRM'] === 'N').map((line) => Number(line.settings['ID'])));
  const activities: Activity[] = [];
  for (const entry of portal.index.all()) {
    if (!entry.live) continue;
    const facts = dialogFacts(entry);
    const session = String(entry.dialog['entity_data_1'] ?? '').split('|');
    const ownerType = OWNER_TYPES[session[1] ?? ''];
    const ownerId = Number(session[2]);
    if (crmOff.has(facts.lineId) || session[0] !== 'Y' || ownerType === undefined || !(ownerId > 0)) continue;
    const sessions = facts.sessionIds;
    const currentStart = facts.currentSessionStart ?? entry.live.lastMessageDate;
    sessions.forEach((sessionId, n) => {
      const current = sessionId === facts.currentSessionId;
      // Older sessions sit between the chat's creation and the current one, each closed after an hour.
      const start = current ? currentStart : facts.created + Math.floor(((currentStart - facts.created) * n) / sessions.length);
      const closedAt = current ? entry.live!.closedAt : start + 3600;
      activities.push(activity(entry, facts, sessionId, start, closedAt, current ? entry.live!.answered : true, ownerType, ownerId));
    });
  }
  return activities.sort((a, b) => Number(a['ID']) - Number(b['ID']));
}

function activity(
  entry: EmulatedDialog,
  facts: ReturnType<typeof dialogFacts>,
  sessionId: number,
  start: number,
  closedAt: number | null,
  answered: boolean,
  ownerType: number,
  ownerId: number,
): Activity {
  const userCode = String(entry.dialog['entity_id'] ?? '');
  const responsible = String(facts.ownerId);
  const completed = closedAt !== null;
  const updated = completed ? closedAt : Math.max(start, entry.live?.lastMessageDate ?? start);
  return {
    ID: String(sessionId + 20000),
    OWNER_ID: String(ownerId),
    OWNER_TYPE_ID: String(ownerType),
    TYPE_ID: '6',
    PROVIDER_ID: 'IMOPENLINES_SESSION',
    PROVIDER_TYPE_ID: String(facts.lineId),
    PROVIDER_GROUP_ID: null,
    ASSOCIATED_ENTITY_ID: String(sessionId),
    SUBJECT: String(entry.dialog['name'] ?? ''),
    CREATED: portalDate(start),
    LAST_UPDATED: portalDate(updated),
    START_TIME: portalDate(start),
    END_TIME: portalDate(closedAt ?? start + 86400),
    DEADLINE: portalDate(closedAt ?? start + 86400),
    COMPLETED: completed ? 'Y' : 'N',
    STATUS: completed ? '2' : '1',
    RESPONSIBLE_ID: responsible,
    PRIORITY: '2',
    NOTIFY_TYPE: '0',
    NOTIFY_VALUE: '0',
    DESCRIPTION: '',
    DESCRIPTION_TYPE: '1',
    DIRECTION: '1',
    LOCATION: '',
    SETTINGS: [],
    ORIGINATOR_ID: facts.connector,
    ORIGIN_ID: `IMOL_${sessionId}`,
    AUTHOR_ID: responsible,
    EDITOR_ID: responsible,
    PROVIDER_PARAMS: { USER_CODE: userCode },
    PROVIDER_DATA: null,
    RESULT_MARK: '0',
    RESULT_VALUE: null,
    RESULT_SUM: null,
    RESULT_CURRENCY_ID: null,
    RESULT_STATUS: answered ? '2' : '1',
    RESULT_STREAM: '1',
    RESULT_SOURCE_ID: facts.connector,
    AUTOCOMPLETE_RULE: '0',
    COMMUNICATIONS: [
      { ID: String(sessionId + 90000), TYPE: 'IM', VALUE: `imol|${userCode}`, ENTITY_ID: String(ownerId), ENTITY_TYPE_ID: String(ownerType) },
    ],
    FILES: [],
  };
}

function selection(value: unknown): Set<string> | null {
  const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [];
  const fields = list.filter((field): field is string => typeof field === 'string').map((field) => field.toUpperCase());
  return fields.length === 0 ? null : new Set(fields);
}

function pick(activity: Activity, select: Set<string> | null): Activity {
  const out: Activity = {};
  for (const [key, value] of Object.entries(activity)) {
    const asked = select?.has(key) ?? false;
    if (ON_REQUEST.includes(key) ? asked : select === null || select.has('*') || asked) out[key] = value;
  }
  return out;
}

const PREFIXES = ['>=', '<=', '!=', '!@', '>', '<', '!', '=', '@', '%'] as const;

function matches(activity: Activity, key: string, wanted: unknown): boolean {
  const prefix = PREFIXES.find((p) => key.startsWith(p)) ?? '';
  const field = key.slice(prefix.length).toUpperCase();
  const have = activity[field];
  const list = Array.isArray(wanted) ? wanted : isPlainObject(wanted) ? Object.values(wanted) : [wanted];
  switch (prefix) {
    case '>':
      return compare(have, wanted) > 0;
    case '>=':
      return compare(have, wanted) >= 0;
    case '<':
      return compare(have, wanted) < 0;
    case '<=':
      return compare(have, wanted) <= 0;
    case '!':
    case '!=':
    case '!@':
      return !list.some((value) => compare(have, value) === 0);
    case '%':
      return String(have ?? '').toLowerCase().includes(String(wanted).toLowerCase());
    default:
      return list.some((value) => compare(have, value) === 0);
  }
}

/** Numbers as numbers, dates as dates, anything else as text. */
function compare(have: unknown, wanted: unknown): number {
  const a = String(have ?? '');
  const b = String(wanted ?? '');
  if (/^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) return Number(a) - Number(b);
  const dateA = /^\d{4}-\d{2}-\d{2}/.test(a) ? Date.parse(a) : NaN;
  const dateB = /^\d{4}-\d{2}-\d{2}/.test(b) ? Date.parse(b) : NaN;
  if (Number.isFinite(dateA) && Number.isFinite(dateB)) return dateA - dateB;
  return a === b ? 0 : a < b ? -1 : 1;
}

function sortBy(activities: Activity[], order: Record<string, unknown>): Activity[] {
  const keys = Object.entries(order).map(([field, direction]) => ({
    field: field.toUpperCase(),
    sign: String(direction).toUpperCase() === 'DESC' ? -1 : 1,
  }));
  return [...activities].sort((a, b) => {
    for (const { field, sign } of keys) {
      const difference = compare(a[field], b[field]);
      if (difference !== 0) return sign * difference;
    }
    return Number(a['ID']) - Number(b['ID']);
  });
}

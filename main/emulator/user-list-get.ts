// im.user.list.get (scope im; https://apidocs.bitrix24.com/api-reference/chats/users/im-user-list-get.html):
// ID as an array or a JSON string of ids; a map id → user, employees, bots and
// connector (client) users alike, null for an id the portal has no user for.
// An empty or unreadable ID is INVALID_FORMAT.
import type { DialogIndex } from './dialog-get';
import { DEMO_BOT, DEMO_OPERATORS, demoOperator, demoPersonName } from './demo-directory';
import { restError, type RestError } from './rest-errors';

/** The most ids one call is asked for here; the portal documents none, and we never send more. */
const MAX_IDS = 500;

function readIds(value: unknown): number[] | null {
  let list = value;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list);
    } catch {
      return null;
    }
  }
  if (list !== null && typeof list === 'object' && !Array.isArray(list)) list = Object.values(list);
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_IDS) return null;
  const ids = list.map((item) => Number(item));
  return ids.every((id) => Number.isInteger(id) && id > 0) ? ids : null;
}

function user(id: number, name: string, kind: 'employee' | 'bot' | 'client', workPosition: string | null, gender: 'M' | 'F') {
  const [first = '', ...rest] = name.split(' ');
  return {
    id,
    active: true,
    name,
    first_name: first,
    last_name: rest.join(' '),
    work_position: workPosition ?? '',
    color: '#df532d',
    avatar: '',
    avatar_hr: '',
    gender,
    birthday: '',
    extranet: kind === 'client',
    network: false,
    bot: kind === 'bot',
    connector: kind === 'client',
    external_auth_id: kind === 'client' ? 'imconnector' : kind === 'bot' ? 'bot' : 'default',
    status: 'online',
    idle: false,
    last_activity_date: '2026-03-16T18:47:03+01:00',
    mobile_last_date: false,
    absent: false,
    departments: kind === 'employee' ? [1] : [],
    phones: false,
    type: kind === 'bot' ? 'bot' : kind === 'client' ? 'extranet' : 'user',
  };
}

export function userListGet(index: DialogIndex, params: Record<string, unknown>): { ok: true; result: unknown } | { ok: false; error: RestError } {
  const upper: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) upper[key.toUpperCase()] = value;
  const ids = readIds(upper['ID']);
  if (ids === null) return { ok: false, error: restError('INVALID_FORMAT', 400, 'A wrong format for the ID field is passed') };
  const result: Record<string, unknown> = {};
  for (const id of ids) {
    if (Object.hasOwn(DEMO_OPERATORS, id)) {
      const operator = demoOperator(id);
      result[id] = user(id, operator.name, 'employee', operator.workPosition ?? null, operator.gender ?? 'M');
    } else if (id === DEMO_BOT.id) {
      result[id] = user(id, DEMO_BOT.name, 'bot', DEMO_BOT.workPosition ?? null, 'M');
    } else if (demoPersonName(id) !== `User ${id}`) {
      result[id] = user(id, demoPersonName(id), 'employee', 'Administrator', 'M');
    } else {
      const client = index.clientNamed(id);
      result[id] = client === undefined ? null : user(id, client, 'client', null, 'M');
    }
  }
  return { ok: true, result };
}

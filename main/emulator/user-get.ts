// user.get (scopes user, user_brief or user_basic;
// https://apidocs.bitrix24.com/api-reference/user/user-get.html): the
// portal's employees by FILTER (here ID, with the documented `@` prefix for
// an array: IN), 50 a page from `start`, with `total` and `next`. It leaves
// out bots and Open Channels users (the clients), as the method's page says,
// so it names operators but never a client. Keys are upper case, ids text.
import { DEMO_OPERATORS, demoOperator, demoPersonName } from './demo-directory';

const PAGE = 50;
/** The administrator, who owns the demo webhook (user 1). */
const ADMIN_ID = 1;

interface Employee {
  id: number;
  name: string;
  workPosition: string;
}

function employees(): Employee[] {
  const ids = [ADMIN_ID, ...Object.keys(DEMO_OPERATORS).map(Number)];
  return ids.map((id) => ({ id, name: demoPersonName(id), workPosition: id === ADMIN_ID ? 'Administrator' : (demoOperator(id).workPosition ?? '') }));
}

/** The filter's ids: ID or @ID, a number, digits, or an array of them; null when no id filter was given. */
function filteredIds(filter: Record<string, unknown>): Set<number> | null {
  const value = filter['@ID'] ?? filter['ID'];
  if (value === undefined) return null;
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [value];
  return new Set(list.map((item) => Number(item)).filter((id) => Number.isInteger(id) && id > 0));
}

function record(employee: Employee) {
  const [first = '', ...rest] = employee.name.split(' ');
  return {
    ID: String(employee.id),
    ACTIVE: true,
    NAME: first,
    LAST_NAME: rest.join(' '),
    SECOND_NAME: '',
    EMAIL: `user${employee.id}@example.com`,
    LAST_LOGIN: '2026-03-16T18:47:03+01:00',
    DATE_REGISTER: '2025-01-15T00:00:00+01:00',
    TIME_ZONE: '',
    IS_ONLINE: 'Y',
    TIMESTAMP_X: {},
    LAST_ACTIVITY_DATE: {},
    PERSONAL_GENDER: '',
    PERSONAL_BIRTHDAY: '',
    WORK_POSITION: employee.workPosition,
    UF_EMPLOYMENT_DATE: '',
    UF_DEPARTMENT: [1],
    USER_TYPE: 'employee',
  };
}

export function userGet(params: Record<string, unknown>): { ok: true; result: unknown; total: number; next?: number } {
  const upper: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) upper[key.toUpperCase()] = value;
  const filter = typeof upper['FILTER'] === 'object' && upper['FILTER'] !== null ? (upper['FILTER'] as Record<string, unknown>) : {};
  const ids = filteredIds(Object.fromEntries(Object.entries(filter).map(([key, value]) => [key.toUpperCase(), value])));
  const found = employees().filter((employee) => ids === null || ids.has(employee.id));
  const start = Math.max(0, Math.trunc(Number(upper['START'] ?? 0)) || 0);
  const page = found.slice(start, start + PAGE);
  const next = start + PAGE < found.length ? start + PAGE : undefined;
  return { ok: true, result: page.map(record), total: found.length, ...(next !== undefined ? { next } : {}) };
}

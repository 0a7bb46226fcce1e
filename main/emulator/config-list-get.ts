// imopenlines.config.list.get as Rest::configListGet and Config::getList
// answer it (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/imopenlines-config-list-get.html): PARAMS{select, order, filter, limit,
// offset} go to the lines table, OPTIONS add the queue (QUEUE=Y), what it is
// made of (CONFIG_QUEUE=Y), or drop the lines the caller may not see
// (CHECK_PERMISSION, applied after the page is cut, as the module does).
// Keys stay as the table names them (no re-casing here) and values are
// strings, as the ORM hands them over. A select/order/filter that is not an
// array is INVALID_FORMAT (400); anything else about them is lenient.
import type { EmulatedLine } from './emulator-types';
import { phpAssoc } from './php-json';
import { isPlainObject } from './request-params';
import { restError, type RestError } from './rest-errors';

export type ConfigListOutcome = { ok: true; result: unknown } | { ok: false; error: RestError };

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** Settings the module turns from "A,B" into a list after reading the row. */
const LIST_FIELDS = ['WORKTIME_DAYOFF', 'WORKTIME_HOLIDAYS'];

type PhpArray = Record<string, unknown> | unknown[];

export function configListGet(
  lines: readonly EmulatedLine[],
  params: Record<string, unknown>,
  userId: number,
): ConfigListOutcome {
  const query = nonEmptyArray(params['PARAMS']) ?? {};
  const options = nonEmptyArray(params['OPTIONS']) ?? {};
  for (const part of ['select', 'order', 'filter']) {
    const value = member(query, part);
    if (value !== undefined && value !== null && !isPhpArray(value)) {
      return {
        ok: false,
        error: restError('INVALID_FORMAT', 400, `A wrong format for the PARAMS field '${part}' is passed`),
      };
    }
  }
  const select = selection(member(query, 'select') as PhpArray | undefined);
  const matching = lines.filter((line) => matches(line.settings, member(query, 'filter') as PhpArray | undefined));
  const ordered = sortLines(matching, member(query, 'order') as PhpArray | undefined);
  const offset = wholeNumber(member(query, 'offset')) ?? 0;
  const limit = Math.min(MAX_LIMIT, wholeNumber(member(query, 'limit')) || DEFAULT_LIMIT);
  const page = ordered.slice(offset, offset + limit);

  const checkPermission = member(options, 'CHECK_PERMISSION');
  const visible =
    checkPermission === undefined || checkPermission === null
      ? page
      : page.filter((line) => line.visibleTo === undefined || line.visibleTo.includes(userId));
  return {
    ok: true,
    result: visible.map((line) =>
      row(line, select, String(member(options, 'QUEUE')) === 'Y', String(member(options, 'CONFIG_QUEUE')) === 'Y'),
    ),
  };
}

/** The selected fields as [name in the answer, field]; null selects every field. */
function selection(select: PhpArray | undefined): Array<[string, string]> | null {
  if (select === undefined) return null;
  // ORM select: a list of fields, or ALIAS => FIELD pairs among them.
  const entries: Array<[unknown, unknown]> = Array.isArray(select)
    ? select.map((field) => [field, field])
    : Object.entries(select).map(([alias, field]) => [/^\d+$/.test(alias) ? field : alias, field]);
  if (entries.length === 0 || entries.some(([, field]) => field === '*')) return null;
  return entries.filter((pair): pair is [string, string] => typeof pair[0] === 'string' && typeof pair[1] === 'string');
}

function row(
  line: EmulatedLine,
  select: Array<[string, string]> | null,
  withQueue: boolean,
  withConfigQueue: boolean,
): Record<string, unknown> {
  const fields: Array<[string, string]> = select ?? Object.keys(line.settings).map((field) => [field, field]);
  const result: Record<string, unknown> = {};
  for (const [name, field] of fields) {
    if (!Object.hasOwn(line.settings, field)) continue;
    const value = line.settings[field];
    result[name] = LIST_FIELDS.includes(name) && typeof value === 'string' ? value.split(',') : value;
  }
  // The queue is looked up by the row's ID: without ID in the select there is none to find.
  const found = Object.hasOwn(result, 'ID');
  if (withQueue) {
    const queue = found ? line.queue : [];
    result['QUEUE'] = queue.map((member) => String(member.userId));
    result['QUEUE_USERS_FIELDS'] = phpAssoc(
      queue.map((member) => [
        member.userId,
        {
          USER_NAME: member.name,
          USER_WORK_POSITION: member.workPosition,
          USER_AVATAR: member.avatar,
          USER_AVATAR_ID: String(member.avatarId),
        },
      ]),
    );
  }
  if (withConfigQueue) {
    result['CONFIG_QUEUE'] = (found ? (line.configQueue ?? []) : []).map((item) => ({
      ENTITY_ID: String(item.entityId),
      ENTITY_TYPE: item.entityType,
    }));
  }
  return result;
}

/** ORM filter keys: FIELD or =FIELD (equal, or in a list), !FIELD, >, >=, <, <=, %FIELD (contains), @FIELD (in), !@FIELD. */
function matches(settings: Record<string, unknown>, filter: PhpArray | undefined): boolean {
  if (filter === undefined) return true;
  return Object.entries(filter).every(([key, wanted]) => {
    const match = /^(!@|!=|!%|>=|<=|!|=|>|<|%|@)?(.+)$/.exec(key);
    const operator = match?.[1] ?? '=';
    const field = match?.[2] ?? key;
    // A field the table does not have matches nothing.
    if (!Object.hasOwn(settings, field)) return false;
    const actual = settings[field];
    const list = Array.isArray(wanted) ? wanted : isPlainObject(wanted) ? Object.values(wanted) : [wanted];
    switch (operator) {
      case '=':
      case '@':
        return list.some((item) => same(actual, item));
      case '!':
      case '!=':
      case '!@':
        return !list.some((item) => same(actual, item));
      case '%':
        return String(actual).toLowerCase().includes(String(wanted).toLowerCase());
      case '!%':
        return !String(actual).toLowerCase().includes(String(wanted).toLowerCase());
      case '>':
        return compare(actual, wanted) > 0;
      case '>=':
        return compare(actual, wanted) >= 0;
      case '<':
        return compare(actual, wanted) < 0;
      case '<=':
        return compare(actual, wanted) <= 0;
      default:
        return false;
    }
  });
}

function sortLines(lines: EmulatedLine[], order: PhpArray | undefined): EmulatedLine[] {
  const keys: Array<[string, number]> =
    order === undefined
      ? []
      : Array.isArray(order)
        ? order.filter((field): field is string => typeof field === 'string').map((field) => [field, 1])
        : Object.entries(order).map(([field, direction]) => [field, String(direction).toUpperCase() === 'DESC' ? -1 : 1]);
  // The table's own order (by ID) settles whatever the given order leaves equal.
  keys.push(['ID', 1]);
  return [...lines].sort((a, b) => {
    for (const [field, direction] of keys) {
      const result = compare(a.settings[field], b.settings[field]);
      if (result !== 0) return result * direction;
    }
    return 0;
  });
}

function same(actual: unknown, wanted: unknown): boolean {
  return compare(actual, wanted) === 0;
}

function compare(a: unknown, b: unknown): number {
  const left = scalar(a);
  const right = scalar(b);
  if (/^-?\d+(\.\d+)?$/.test(left) && /^-?\d+(\.\d+)?$/.test(right)) return Math.sign(Number(left) - Number(right));
  return left < right ? -1 : left > right ? 1 : 0;
}

function scalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** PHP's `!empty($x) && is_array($x)`. */
function nonEmptyArray(value: unknown): PhpArray | undefined {
  if (Array.isArray(value)) return value.length > 0 ? value : undefined;
  if (isPlainObject(value)) return Object.keys(value).length > 0 ? value : undefined;
  return undefined;
}

function isPhpArray(value: unknown): value is PhpArray {
  return Array.isArray(value) || isPlainObject(value);
}

function member(array: PhpArray, key: string): unknown {
  return Array.isArray(array) ? undefined : array[key];
}

function wholeNumber(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

// The `batch` method (https://apidocs.bitrix24.com/settings/performance/limits.html): up to 50 "method?query" commands, run in
// order, each answered under its key. Like the real server it answers 200 even
// when commands fail, and writes every empty map as [] (PHP's empty array).
import type { TimeBlock } from '../core/dialog-types';
import { PhpMap } from './php-json';
import { parsePhpQuery, isPlainObject, normaliseMethod } from './request-params';
import { restError, type RestError } from './rest-errors';

export const MAX_BATCH_COMMANDS = 50;

export type CallOutcome = { ok: true; result: unknown; total?: number; next?: number; time: TimeBlock } | { ok: false; error: RestError };
export type Invoke = (method: string, params: Record<string, unknown>) => CallOutcome;

export interface BatchResult {
  result: unknown;
  result_error: unknown;
  result_total: unknown;
  result_next: unknown;
  result_time: unknown;
}

export function runBatch(
  params: Record<string, unknown>,
  invoke: Invoke,
): { ok: true; result: BatchResult } | { ok: false; error: RestError } {
  const commands = commandEntries(params['cmd']);
  if (commands.length > MAX_BATCH_COMMANDS) return { ok: false, error: restError('ERROR_BATCH_LENGTH_EXCEEDED') };
  const halt = isTruthyFlag(params['halt']);

  const results = new Map<string, unknown>();
  const errors = new Map<string, unknown>();
  const times = new Map<string, unknown>();
  const totals = new Map<string, unknown>();
  const nexts = new Map<string, unknown>();

  for (const [key, command] of commands) {
    const outcome = runCommand(command, results, invoke);
    if (outcome.ok) {
      results.set(key, outcome.result);
      times.set(key, outcome.time);
      if (outcome.total !== undefined) totals.set(key, outcome.total);
      if (outcome.next !== undefined) nexts.set(key, outcome.next);
    } else {
      errors.set(key, { error: outcome.error.code, error_description: outcome.error.description });
      if (halt) break;
    }
  }

  return {
    ok: true,
    result: {
      result: phpMap(results),
      result_error: phpMap(errors),
      // Only list methods report totals and next pages (crm.activity.list; config.list.get pages by
      // PARAMS.limit/offset but, like the module, answers a bare array).
      result_total: phpMap(totals),
      result_next: phpMap(nexts),
      result_time: phpMap(times),
    },
  };
}

function runCommand(command: unknown, results: Map<string, unknown>, invoke: Invoke): CallOutcome {
  const text = typeof command === 'string' ? command : '';
  const mark = text.indexOf('?');
  const method = normaliseMethod(mark === -1 ? text : text.slice(0, mark));
  if (method === 'batch') return { ok: false, error: restError('ERROR_BATCH_METHOD_NOT_ALLOWED') };
  const params = substitute(parsePhpQuery(mark === -1 ? '' : text.slice(mark + 1)), results);
  return invoke(method, isPlainObject(params) ? params : {});
}

function commandEntries(cmd: unknown): Array<[string, unknown]> {
  if (Array.isArray(cmd)) return cmd.map((value, i) => [String(i), value]);
  if (isPlainObject(cmd)) return Object.entries(cmd);
  return [];
}

function isTruthyFlag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'Y' || value === 'true';
}

const REFERENCE = /\$result((?:\[[^\]]*\])+)/g;

/** Replaces `$result[key][field]…` in every string value with what an earlier command returned. */
function substitute(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = new RegExp(`^${REFERENCE.source}$`).exec(value);
    if (whole?.[1] !== undefined) {
      // A lone reference keeps the referenced value's type (an array stays an array).
      const resolved = resolve(whole[1], results);
      return resolved === undefined ? '' : resolved;
    }
    return value.replace(REFERENCE, (_match, path: string) => scalarText(resolve(path, results)));
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, results));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  }
  return value;
}

function resolve(path: string, results: Map<string, unknown>): unknown {
  const segments = [...path.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '');
  const [key, ...fields] = segments;
  if (key === undefined || !results.has(key)) return undefined;
  let node: unknown = results.get(key);
  for (const field of fields) {
    if (Array.isArray(node)) node = node[Number(field)];
    else if (node instanceof PhpMap) node = node.get(field);
    else if (isPlainObject(node) && Object.hasOwn(node, field)) node = node[field];
    else return undefined;
  }
  return node;
}

function scalarText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A PHP array as json_encode writes it: [] when empty, a list when keyed 0..n-1, else an object. */
export function phpMap(map: Map<string, unknown>): unknown {
  const keys = [...map.keys()];
  if (keys.every((key, i) => key === String(i))) return [...map.values()];
  return Object.fromEntries(map);
}

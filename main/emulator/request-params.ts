// Reading REST parameters the way PHP does: from the query string and from a
// JSON or form body, with `a[b]=c` / `a[]=c` nesting. Lenient on purpose: a
// body PHP cannot decode simply yields no parameters, so the method itself
// decides what to answer.

type Params = Record<string, unknown>;

// Keys that would reach Object.prototype through plain-object assignment.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** REST method names are case-insensitive and may carry a `.json` suffix. */
export function normaliseMethod(method: string): string {
  return method.trim().toLowerCase().replace(/\.json$/, '');
}

/** Parses `a=1&b[c]=2&d[]=3` into nested objects; objects keyed 0..n-1 become arrays. */
export function parsePhpQuery(query: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(query)) {
    const path = splitKey(rawKey);
    if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
    assign(root, path, value);
  }
  return listify(root) as Params;
}

/** Params of one request: query string first, body values win (PHP's request order). */
export function requestParams(query: string, body: string, contentType: string | undefined): Params {
  const params: Params = { ...parsePhpQuery(query), ...bodyParams(body, contentType) };
  // The SDK's tracing fields ride along on every call; they are not method parameters.
  for (const key of Object.keys(params)) {
    if (key.toLowerCase().startsWith('bx24_')) delete params[key];
  }
  return params;
}

function bodyParams(body: string, contentType: string | undefined): Params {
  if (body.trim() === '') return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') return parsePhpQuery(body);
  // JSON is the default the portal assumes when the content type is missing or odd.
  try {
    const parsed: unknown = JSON.parse(body);
    return isPlainObject(parsed) ? stripForbidden(parsed) : {};
  } catch {
    return type === 'application/json' ? {} : parsePhpQuery(body);
  }
}

function splitKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^\]]*\])+)$/.exec(key);
  if (!match || match[1] === undefined || match[2] === undefined) return [key];
  const segments = [match[1]];
  for (const part of match[2].matchAll(/\[([^\]]*)\]/g)) segments.push(part[1] ?? '');
  return segments;
}

function assign(target: Params, path: string[], value: string): void {
  let node = target;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i] === '' ? String(nextIndex(node)) : (path[i] ?? '');
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const child = node[segment];
    if (isPlainObject(child)) {
      node = child;
    } else {
      const fresh: Params = {};
      node[segment] = fresh;
      node = fresh;
    }
  }
}

function nextIndex(node: Params): number {
  let next = 0;
  for (const key of Object.keys(node)) {
    if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
  }
  return next;
}

function listify(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, listify(value[key])] as const);
  const sequential = keys.length > 0 && keys.every((key, i) => key === String(i));
  return sequential ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

function stripForbidden(value: Params): Params {
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) delete value[key];
  }
  return value;
}

export function isPlainObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

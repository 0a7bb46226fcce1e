// Where two JSON values differ, key by key: objects are walked into (key order
// aside, as a PHP map's order says nothing), anything else is compared whole,
// lists included (a list of ids or of readers changes as one value).
import { childPath } from './field-rows';

export interface JsonDifference {
  /** `owner`, `restrictions.send`, `entity_link.url`… */
  key: string;
  /** undefined: the key is not in that copy. */
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether two JSON values are the same, objects whatever their keys' order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, at) => sameJson(item, b[at]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  // NaN never comes out of JSON; numbers, strings, booleans and null compare by value above.
  return false;
}

/** Every key whose value differs, nested keys by their path, in the order the keys first appear. */
export function diffJson(before: unknown, after: unknown, parent = ''): JsonDifference[] {
  if (!isPlainObject(before) || !isPlainObject(after)) {
    return sameJson(before, after) ? [] : [{ key: parent, before, after }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    const path = childPath(parent, key);
    const was = Object.hasOwn(before, key) ? before[key] : undefined;
    const now = Object.hasOwn(after, key) ? after[key] : undefined;
    // A whole object appearing or vanishing is one change, not one per key.
    if (was === undefined || now === undefined) return sameJson(was, now) ? [] : [{ key: path, before: was, after: now }];
    return diffJson(was, now, path);
  });
}

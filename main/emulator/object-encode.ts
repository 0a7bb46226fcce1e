// Rest::objectEncode of the imopenlines module, which shapes every answer of
// session.history.get: each key, at every depth, becomes
// str_replace('_', '', lcfirst(ucwords(strtolower($key), '_'))).
// It lower-cases first, so FILE_ID becomes fileId but a camelCase source key
// such as senderId comes out as senderid: the mixed casing clients see is
// this rule at work, and the emulator applies the rule rather than spelling
// out its results.
import { JsonText, PhpMap } from './php-json';
import { isPlainObject } from './request-params';

/** Keys seen, re-cased: an answer repeats a few dozen keys thousands of times (a 5,000-message session). */
const RECASED = new Map<string, string>();
const MAX_RECASED = 1_000;

export function restKey(key: string): string {
  // An id as a map key (the messages by id) has nothing to re-case.
  if (/^\d+$/.test(key)) return key;
  const known = RECASED.get(key);
  if (known !== undefined) return known;
  const words = key.toLowerCase().split('_');
  const joined = words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  const recased = joined.charAt(0).toLowerCase() + joined.slice(1);
  if (RECASED.size < MAX_RECASED) RECASED.set(key, recased);
  return recased;
}

export function objectEncode(value: unknown): unknown {
  // JSON text made under the keys this rule gives (a transcript's messages) is final.
  if (value instanceof JsonText) return value;
  // Plain loops, not entries()/fromEntries(): this copies every key of a 5,000-message answer, and
  // the pairs those build were most of its time.
  if (value instanceof PhpMap) {
    const entries: Array<[string, unknown]> = [];
    for (const [key, item] of value.entries) entries.push([restKey(key), objectEncode(item)]);
    return new PhpMap(entries);
  }
  if (Array.isArray(value)) return value.map(objectEncode);
  if (isPlainObject(value)) {
    const encoded: Record<string, unknown> = {};
    for (const key of Object.keys(value)) encoded[restKey(key)] = objectEncode(value[key]);
    return encoded;
  }
  return value;
}

// JSON as PHP's json_encode writes it, for the one thing JavaScript objects
// cannot hold: an associative array keyed by integers in an order of its own.
// A JS object always lists integer-like keys in ascending order, so a map of
// messages keyed by id would come out sorted however the portal sent it;
// PhpMap keeps the portal's order, and phpJson writes it as given.
import { isPlainObject } from './request-params';

export class PhpMap {
  readonly entries: ReadonlyArray<readonly [string, unknown]>;

  constructor(entries: Iterable<readonly [string | number, unknown]>) {
    this.entries = [...entries].map(([key, value]) => [String(key), value] as const);
  }

  get(key: string): unknown {
    return this.entries.find(([k]) => k === key)?.[1];
  }

  has(key: string): boolean {
    return this.entries.some(([k]) => k === key);
  }

  /** For plain JSON.stringify callers: the same data, in JavaScript's key order. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.entries);
  }
}

/**
 * A value written to JSON text as it was built (each of a transcript's
 * thousands of messages): phpJson writes the text as it is, so the answer
 * holds one string per message rather than a tree of objects to be walked
 * and written later.
 */
export class JsonText {
  constructor(readonly text: string) {}

  /** For plain JSON.stringify callers: the value the text writes. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** A PHP array with these entries: `[]` when empty (json_encode cannot tell an empty map from a list). */
export function phpAssoc(entries: Iterable<readonly [string | number, unknown]>): PhpMap | [] {
  const map = new PhpMap(entries);
  return map.entries.length === 0 ? [] : map;
}

/** JSON.stringify, except that a PhpMap's entries are written in their own order. */
export function phpJson(value: unknown): string {
  return write(value) ?? 'null';
}

/**
 * Whether `value` holds no PhpMap and nothing with a toJSON of its own:
 * JSON.stringify then writes it exactly as write() would, many times faster
 * (a 5,000-message transcript is 5,000 such objects).
 */
function plainThrough(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainThrough);
  if (typeof value !== 'object' || value === null) return true;
  if (value instanceof PhpMap || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const item of Object.values(value)) if (!plainThrough(item)) return false;
  return true;
}

function write(value: unknown): string | undefined {
  if (value instanceof JsonText) return value.text;
  if (value instanceof PhpMap) return writeEntries(value.entries);
  if ((Array.isArray(value) || isPlainObject(value)) && plainThrough(value)) return JSON.stringify(value);
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  if (isPlainObject(value)) return writeEntries(Object.entries(value));
  return JSON.stringify(value) as string | undefined;
}

function writeEntries(entries: ReadonlyArray<readonly [string, unknown]>): string {
  const parts: string[] = [];
  for (const [key, item] of entries) {
    const written = write(item);
    // As JSON.stringify does: a member whose value cannot be written is left out.
    if (written !== undefined) parts.push(`${JSON.stringify(key)}:${written}`);
  }
  return `{${parts.join(',')}}`;
}

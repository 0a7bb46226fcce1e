// Turns raw JSON values into presentation rows. Strings pass through untouched:
// names and texts are written by strangers and the edges render them as text,
// so nothing here escapes, trims or interprets them.
import type { FieldKind, FieldRow } from './dialog-types';
import { unixToIso } from './decode/pipe-values';
import { messages } from './messages/index';

/** Display text of a JSON null (kind 'null'): a dash in every language. */
export const NULL_TEXT = '—';

/** A boolean in words, in the language of the call. */
export function yesNo(value: boolean): string {
  const { yes, no } = messages().dialog.values;
  return value ? yes : no;
}

/** Deeper than this, a value becomes one 'json' row instead of more path rows. */
export const MAX_FLATTEN_DEPTH = 6;

export interface RowOptions {
  hint?: string;
  callerDependent?: boolean;
  /** How to read a date: an ISO string as sent, or unix seconds. */
  date?: 'iso' | 'unix';
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `parent.key`, `parent[3]`, or `parent["odd key"]` so every path reads back unambiguously. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function makeRow(
  path: string,
  label: string,
  value: string,
  kind: FieldKind,
  options: RowOptions & { href?: string } = {},
): FieldRow {
  const row: FieldRow = { path, label, value, kind };
  if (options.href !== undefined) row.href = options.href;
  if (options.hint !== undefined) row.hint = options.hint;
  if (options.callerDependent) row.callerDependent = true;
  return row;
}

/** JSON text for deep or odd values; never throws (bigint, cycles). */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A value as inline text for sentences ("Guest (#599) read up to …"). */
export function inlineText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return yesNo(value);
  if (value === null || value === undefined) return NULL_TEXT;
  return jsonText(value);
}

function isIsoDate(text: string): boolean {
  return text !== '' && !Number.isNaN(Date.parse(text));
}

/** One row for a scalar (string, number, boolean, null). */
export function scalarRow(path: string, label: string, value: unknown, options: RowOptions = {}): FieldRow {
  if (value === null || value === undefined) return makeRow(path, label, NULL_TEXT, 'null', options);
  if (typeof value === 'boolean') return makeRow(path, label, yesNo(value), 'boolean', options);
  if (typeof value === 'number') {
    if (options.date === 'unix') {
      const iso = unixToIso(value);
      if (iso !== null) return makeRow(path, label, iso, 'date', options);
    }
    return makeRow(path, label, String(value), 'number', options);
  }
  if (typeof value === 'string') {
    // The portal's offset form is kept: the edge formats dates for the reader.
    if (options.date === 'iso' && isIsoDate(value)) return makeRow(path, label, value, 'date', options);
    return makeRow(path, label, value, 'text', options);
  }
  return makeRow(path, label, inlineText(value), 'text', options);
}

/**
 * Rows for any value: scalars give one row, objects and arrays one row per
 * leaf (empty ones one 'json' row), past MAX_FLATTEN_DEPTH one 'json' row.
 * Nothing is dropped, so unknown fields stay visible and searchable.
 */
export function valueRows(path: string, label: string, value: unknown, options: RowOptions = {}, depth = 0): FieldRow[] {
  if (!Array.isArray(value) && !isPlainObject(value)) return [scalarRow(path, label, value, options)];

  const { date: _ignored, ...inherited } = options;
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);

  if (entries.length === 0 || depth >= MAX_FLATTEN_DEPTH) {
    return [makeRow(path, label, jsonText(value), 'json', inherited)];
  }
  return entries.flatMap(([key, item]) =>
    valueRows(
      childPath(path, key),
      typeof key === 'number' ? messages().dialog.numbered(label, key + 1) : messages().dialog.nested(label, key),
      item,
      inherited,
      depth + 1,
    ),
  );
}

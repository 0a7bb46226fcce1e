// The field filter: pure functions, no Svelte, so they can be tested alone.
import type { FieldRow, FieldSection } from '../../../preload/api-contract';

export interface TextPart {
  text: string;
  match: boolean;
}

export interface FilteredSection {
  section: FieldSection;
  rows: FieldRow[];
}

export interface FilterOutcome {
  sections: FilteredSection[];
  /** Rows left after filtering. */
  shown: number;
  /** Rows in all sections. */
  total: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The needle: the query without surrounding whitespace ("" = no filter). */
export function normaliseQuery(query: string): string {
  return query.trim();
}

function pattern(query: string, flags: string): RegExp | null {
  const needle = normaliseQuery(query);
  return needle === '' ? null : new RegExp(escapeRegExp(needle), flags);
}

/** Splits `text` into matched and unmatched parts, case-insensitively, keeping every character. */
export function splitMatches(text: string, query: string): TextPart[] {
  const re = pattern(query, 'giu');
  if (!re || text === '') return [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(re)) {
    const start = found.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

export function textMatches(text: string, query: string): boolean {
  const re = pattern(query, 'iu');
  return re === null || re.test(text);
}

/**
 * Keeps the rows whose label, path or value (or the extra display text, such
 * as a date in local time) contains the query; drops sections left empty.
 */
export function filterSections(
  sections: readonly FieldSection[],
  query: string,
  displayText?: (row: FieldRow) => string,
): FilterOutcome {
  const re = pattern(query, 'iu');
  let total = 0;
  let shown = 0;
  const kept: FilteredSection[] = [];
  for (const section of sections) {
    total += section.rows.length;
    const rows = re
      ? section.rows.filter(
          (row) => re.test(row.label) || re.test(row.path) || re.test(row.value) || (displayText ? re.test(displayText(row)) : false),
        )
      : section.rows;
    shown += rows.length;
    if (rows.length > 0) kept.push({ section, rows });
  }
  return { sections: kept, shown, total };
}

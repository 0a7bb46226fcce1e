// Human-readable output of a lookup for a terminal: the same sections and
// labels the app shows, dates in the local time zone with their offset, all
// in the language of the call (the terminal's).
// Names and texts come from strangers: control characters are made visible,
// so a dialog name cannot move the cursor, retitle the terminal or forge rows.
import type { FieldRow, LookupResult } from '../core/dialog-types';
import type { ErrorEnvelope } from '../core/errors';
import { localeOf } from '../core/i18n';
import { messages } from '../core/messages/index';

// C0 and C1 controls (newlines and ESC included), DEL, and the bidi overrides that can reorder what is shown.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the portal, safe to write to a terminal: controls become visible \uXXXX escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function localDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // The language's conventions, the machine's time zone.
  const text = new Intl.DateTimeFormat(localeOf(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'shortOffset',
  }).format(date);
  return `${text}  (${iso})`;
}

function rowValue(row: FieldRow): string {
  if (row.kind === 'date' && row.value) return localDate(row.value);
  if (row.kind === 'link' && row.href) return `${row.value}  ${row.href}`;
  return row.value === '' ? messages().cli.lookup.empty : printable(row.value);
}

/** A count of milliseconds, with the language's decimal sign ("12.5" / "12,5"). */
export function formatMilliseconds(ms: number): string {
  return new Intl.NumberFormat(localeOf(), { maximumFractionDigits: 1 }).format(ms);
}

export function formatLookup(result: LookupResult): string {
  const says = messages().cli.lookup;
  const name = typeof result.dialog.name === 'string' ? result.dialog.name : '';
  const lines = [
    printable(`${String(result.dialog.dialog_id)}  ${name}`.trimEnd()),
    `  ${says.lookedUp(result.query.label, result.portal.host, result.portal.demo, formatMilliseconds(result.elapsedMs))}`,
  ];
  if (result.changes) {
    if (result.changes.fields.length === 0) lines.push(`  ${says.noChanges(localDate(result.changes.since))}`);
    else {
      lines.push(`  ${says.changedSince(localDate(result.changes.since))}`);
      for (const change of result.changes.fields) lines.push(`    ${change.label}: ${printable(change.before)} → ${printable(change.after)}`);
    }
  }
  if (result.offline) {
    lines.push(
      `  ${says.offlineCopy(localDate(result.fetchedAt))}`,
      `  (${printable(result.offline.reason.title)}: ${printable(result.offline.reason.message)})`,
    );
  }
  for (const section of result.sections) {
    if (section.rows.length === 0) continue;
    lines.push('', section.title);
    const width = Math.min(34, Math.max(...section.rows.map((row) => row.label.length)));
    for (const row of section.rows) {
      const mark = row.callerDependent ? ' *' : '';
      lines.push(`  ${printable(row.label + mark).padEnd(width + 2)}  ${rowValue(row)}`);
    }
  }
  if (result.sections.some((section) => section.rows.some((row) => row.callerDependent))) {
    lines.push('', `  ${says.callerNote}`);
  }
  return lines.join('\n');
}

export function formatError(input: string | null, error: ErrorEnvelope): string {
  const says = messages().cli.errors;
  const lines = [
    printable(`${input ? `${input}: ` : ''}${error.title} [${error.code}]`),
    `  ${printable(error.message)}`,
    `  ${says.whatToDo} ${error.action}`,
  ];
  if (error.portalDescription) lines.push(`  ${says.portalSaid} ${printable(error.portalDescription)}`);
  return lines.join('\n');
}

/** A lookup that succeeded but was not remembered: what was not saved, and why. */
export function formatWarning(input: string, warning: ErrorEnvelope): string {
  const says = messages().cli.errors;
  return [
    printable(`${says.warning} ${input}: ${warning.title} [${warning.code}]`),
    `  ${printable(warning.message)}`,
    `  ${says.whatToDo} ${printable(warning.action)}`,
  ].join('\n');
}

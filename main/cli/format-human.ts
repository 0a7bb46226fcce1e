// Human-readable output of a lookup for a terminal: the same sections and
// labels the app shows, dates in the local time zone with their offset, all
// in the language of the call (the terminal's). Every command writes its
// dates with humanDate, so the CLI has one date format.
// Names and texts come from strangers: control characters are made visible,
// so a dialog name cannot move the cursor, retitle the terminal or forge rows.
import type { FieldRow, LookupResult } from '../core/dialog-types';
import { errorEnvelope, type ErrorCode, type MainErrorEnvelope } from '../core/error-codes';
import { shownCode } from '../core/error-envelope';
import { localeOf } from '../core/i18n';
import { messages } from '../core/messages/index';
import { humanDate, printable } from '../core/plain-text';
import { dialogUrl } from '../core/portal-links';

export { humanDate, printable } from '../core/plain-text';

/** A date field's value: the human date, then the portal's own text beside it (not around it). */
function dateValue(value: string): string {
  const human = humanDate(value);
  return human === value ? printable(value) : `${human}  (${printable(value)})`;
}

// Marks that join the letter before them, and invisible format characters: no column of their own.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
// What terminals draw two columns wide: East Asian wide and full-width letters, emoji.
const DOUBLE_WIDTH =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]$|^\p{Emoji_Presentation}$/u;

/** How many terminal columns `text` takes: one a letter (Latin, Cyrillic, Arabic…), two a CJK letter or emoji. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : DOUBLE_WIDTH.test(char) ? 2 : 1;
  return width;
}

/** A label column never grows past this; a longer label has its value on the next line, in the column. */
const MAX_LABEL_COLUMNS = 48;

function padColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/** The time block's elapsed seconds: their labels carry no unit, each surface says it (the window in ms or s). */
const SECONDS_PATHS: ReadonlySet<string> = new Set(['time.duration', 'time.processing']);

function rowValue(row: FieldRow): string {
  if (row.kind === 'date' && row.value) return dateValue(row.value);
  if (row.kind === 'number' && SECONDS_PATHS.has(row.path)) return messages().cli.lookup.seconds(printable(row.value));
  if (row.kind === 'link' && row.href) return `${row.value}  ${row.href}`;
  return row.value === '' ? messages().cli.lookup.empty : printable(row.value);
}

/** A file's size as a person reads it: "812 B", "3.2 KB", "1.4 MB", in the language's numbers. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(localeOf(), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** A count of milliseconds, with the language's decimal sign ("12.5" / "12,5"). */
export function formatMilliseconds(ms: number): string {
  return new Intl.NumberFormat(localeOf(), { maximumFractionDigits: 1 }).format(ms);
}

export function formatLookup(result: LookupResult): string {
  const says = messages().cli.lookup;
  const name = typeof result.dialog.name === 'string' ? result.dialog.name : '';
  const { query, portal } = result;
  const lines = [printable(`${String(result.dialog.dialog_id)}  ${name}`.trimEnd())];
  if (result.offline) {
    // One line for a kept copy: from when, and why it is shown instead of the portal's answer.
    const asOf = humanDate(result.fetchedAt);
    const { reason } = result.offline;
    const line =
      reason.code === 'OFFLINE_BY_CHOICE'
        ? says.keptCopyAsked(asOf, query.label, portal.host, portal.demo)
        : says.keptCopyFallback(asOf, query.label, portal.host, portal.demo, `${reason.title} [${shownCode(reason)}]`);
    lines.push(`  ${printable(line)}`);
  } else {
    lines.push(`  ${printable(says.lookedUp(query.label, portal.host, portal.demo, formatMilliseconds(result.elapsedMs)))}`);
  }
  // The demo portal has no pages to open.
  const page = portal.demo ? null : dialogUrl(portal.origin, String(result.dialog.id));
  if (page) lines.push(`  ${printable(says.openInBitrix(page))}`);
  if (result.changes) {
    const { changes, viewerDependent, since } = result.changes;
    if (changes.length === 0) lines.push(`  ${says.noChanges(humanDate(since))}`);
    else {
      lines.push(`  ${says.changedSince(humanDate(since))}`);
      for (const change of changes) lines.push(`    ${printable(change.text)}`);
    }
    if (viewerDependent.length > 0) lines.push(`  ${printable(messages().changes.viewerDiffers(viewerDependent.map((change) => change.key).join(', ')))}`);
  }
  for (const section of result.sections) {
    if (section.rows.length === 0) continue;
    lines.push('', section.title);
    const labels = section.rows.map((row) => printable(row.label + (row.callerDependent ? ' *' : '')));
    // Terminal columns, not string length: a Cyrillic letter takes one, a CJK letter two, an accent none.
    const width = Math.min(MAX_LABEL_COLUMNS, Math.max(...labels.map(displayWidth)));
    section.rows.forEach((row, index) => {
      const label = labels[index]!;
      if (displayWidth(label) > width) lines.push(`  ${label}`, `  ${padColumns('', width + 2)}  ${rowValue(row)}`);
      else lines.push(`  ${padColumns(label, width + 2)}  ${rowValue(row)}`);
    });
  }
  if (result.sections.some((section) => section.rows.some((row) => row.callerDependent))) {
    lines.push('', `  ${says.callerNote}`);
  }
  return lines.join('\n');
}

/**
 * "What to do", as the terminal says it. The catalogue's general advice for
 * a few codes names the window's controls ("choose session", the portal
 * menu); printed here, it names the command line's options instead
 * (messages cli.actions). Advice made for the case at hand is kept as it is.
 */
export function terminalAction(error: MainErrorEnvelope): string {
  const actions: Readonly<Partial<Record<ErrorCode, string>>> = messages().cli.actions;
  const forTerminal = actions[error.code];
  if (forTerminal === undefined) return error.action;
  return error.action === errorEnvelope(error.code).action ? forTerminal : error.action;
}

export function formatError(input: string | null, error: MainErrorEnvelope): string {
  const says = messages().cli.errors;
  const lines = [
    printable(`${input ? `${input}: ` : ''}${error.title} [${shownCode(error)}]`),
    `  ${printable(error.message)}`,
    `  ${says.whatToDo} ${terminalAction(error)}`,
  ];
  if (error.portalDescription) lines.push(`  ${says.portalSaid} ${printable(error.portalDescription)}`);
  return lines.join('\n');
}

/** A lookup that succeeded but was not remembered: what was not saved, and why. */
export function formatWarning(input: string, warning: MainErrorEnvelope): string {
  const says = messages().cli.errors;
  return [
    printable(`${says.warning} ${input}: ${warning.title} [${shownCode(warning)}]`),
    `  ${printable(warning.message)}`,
    `  ${says.whatToDo} ${printable(terminalAction(warning))}`,
  ].join('\n');
}

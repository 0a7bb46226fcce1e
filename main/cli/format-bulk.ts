// lookup --format table: a bulk run's rows as a terminal table (columns that
// fit the widest value, portal text made printable). CSV and JSON are the
// files the window saves too (main/export/bulk-file.ts).
import type { BulkRow } from '../core/bulk-types';
import { messages } from '../core/messages/index';
import { clientFromName } from '../core/overview-rows';
import { displayWidth, humanDate, printable } from './format-human';

/** No column grows past this; a longer value is cut with an ellipsis (the CSV and JSON keep it whole). */
const MAX_COLUMN = 40;

function cut(text: string): string {
  if (displayWidth(text) <= MAX_COLUMN) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(`${out}${char}…`) > MAX_COLUMN) break;
    out += char;
  }
  return `${out}…`;
}

function problemOf(row: BulkRow): string {
  return row.error && row.outcome !== 'found' ? `${row.error.title} [${row.error.portalCode ?? row.error.code}]` : '';
}

function marks(row: BulkRow): string {
  const says = messages().cli.bulk.marks;
  const dialog = row.dialog;
  if (!dialog) return '';
  return [dialog.pinned && says.pinned, dialog.silent && says.silent, dialog.blocked && says.blocked].filter(Boolean).join(', ');
}

/** The values a person reads, in the table's column order. */
function tableCells(row: BulkRow): string[] {
  const says = messages().cli.bulk;
  const dialog = row.dialog;
  const operator = dialog?.operatorId ? (dialog.operatorName ?? says.user(dialog.operatorId)) : '';
  return [
    row.input,
    says.outcomes[row.outcome],
    dialog ? String(dialog.chatId) : '',
    // The chat is named "Client - Line", and the line has its own column.
    dialog ? (clientFromName(dialog.name) ?? dialog.name) : '',
    dialog?.channel ?? '',
    dialog?.lineId !== null && dialog?.lineId !== undefined ? (dialog.lineName ?? says.line(dialog.lineId)) : '',
    operator,
    dialog?.crm ?? '',
    dialog?.sessionStart ? humanDate(dialog.sessionStart) : '',
    marks(row),
    problemOf(row),
  ].map(printable);
}

export function formatBulkTable(rows: readonly BulkRow[]): string {
  const c = messages().cli.bulk.columns;
  return drawTable([c.input, c.outcome, c.chat, c.name, c.channel, c.line, c.operator, c.crm, c.sessionStart, c.marks, c.problem], rows.map(tableCells));
}

/**
 * A terminal table: the header, then one line per row of printable cells,
 * each column as wide as its widest cell (cut at MAX_COLUMN). The overview draws its table the same way.
 */
export function drawTable(header: readonly string[], rows: readonly string[][]): string {
  const lines = [[...header], ...rows.map((cells) => [...cells])];
  // A column nobody filled (no problems, no marks) is left out.
  const used = header.map((_, column) => lines.slice(1).some((cells) => cells[column] !== ''));
  // The last column shown is not padded, so it is not cut either: a problem is read whole.
  const last = used.lastIndexOf(true);
  for (const cells of lines) cells.forEach((cell, column) => (cells[column] = column === last ? cell : cut(cell)));
  const widths = header.map((_, column) => Math.max(...lines.map((cells) => displayWidth(cells[column]!))));
  return lines
    .map((cells) =>
      cells
        .map((cell, column) => ({ cell, column }))
        .filter(({ column }) => used[column])
        .map(({ cell, column }) => cell + ' '.repeat(Math.max(0, widths[column]! - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

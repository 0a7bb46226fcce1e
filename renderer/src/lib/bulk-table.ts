// What a bulk run's row says in each column, and the table as CSV: pure, so
// the window and the copied text cannot say different things.
import { csvField, shownCode, type BulkDialogSummary, type BulkRow } from '../../../preload/api-contract';

export { csvField };
import type { BulkMessages } from './messages/bulk-en';
import { dialogMarks, type Mark } from './row-marks';

/** The line's name when the portal's lines were read, else its number. */
export function lineText(dialog: BulkDialogSummary, m: BulkMessages): string {
  if (dialog.lineName) return dialog.lineName;
  return dialog.lineId === null ? '' : m.line(dialog.lineId);
}

/** The operator's name when one is known, else their user id. */
export function operatorText(dialog: BulkDialogSummary, m: BulkMessages): string {
  if (dialog.operatorName) return dialog.operatorName;
  return dialog.operatorId === null ? '' : m.user(dialog.operatorId);
}

/** Records joined by CRLF, as RFC 4180 has them, with a header record. */
export function toCsv(header: readonly string[], records: ReadonlyArray<readonly string[]>): string {
  return [header, ...records].map((record) => record.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The rows as a lead pastes them into a spreadsheet: the columns of the window, plus the ids and the error's code; `marks` in the window's words (row-marks.ts). */
export function rowsAsCsv(rows: readonly BulkRow[], m: BulkMessages, marks: Record<Mark, string>): string {
  const c = m.csv;
  const header = [c.input, c.outcome, c.name, c.chatId, c.dialogId, c.channel, c.line, c.operator, c.crm, c.sessionId, c.sessionStart, c.marks, c.errorCode, c.error];
  const records = rows.map((row) => {
    const d = row.dialog;
    return [
      row.input,
      m.outcome[row.outcome],
      d?.name ?? '',
      d ? String(d.chatId) : '',
      d?.dialogId ?? '',
      d?.channel ?? '',
      d ? lineText(d, m) : '',
      d ? operatorText(d, m) : '',
      d?.crm ?? '',
      d?.sessionId != null ? String(d.sessionId) : '',
      // As main sent it (ISO 8601): a spreadsheet reads it whatever its locale.
      d?.sessionStart ?? '',
      d ? dialogMarks(d).map((mark) => marks[mark]).join('; ') : '',
      row.error ? shownCode(row.error) : '',
      row.error ? `${row.error.title}: ${row.error.message}` : '',
    ];
  });
  return toCsv(header, records);
}

// A bulk run's table as a file: CSV for spreadsheets, JSON for other tools.
// The window's export and the CLI's --format write the same bytes.
import type { BulkRow, BulkRunResult } from '../core/bulk-types';
import { csvDocument } from './csv-document';

const CSV_COLUMNS = [
  'input',
  'outcome',
  'chat_id',
  'dialog_id',
  'name',
  'channel',
  'line_id',
  'line_name',
  'operator_id',
  'operator_name',
  'client_user_id',
  'crm',
  'session_id',
  'session_start',
  'pinned',
  'silent',
  'blocked',
  'error_code',
  'error',
] as const;

/** One record per row, raw values: ISO dates, ids apart from names. */
export function bulkCsv(rows: readonly BulkRow[]): string {
  const records = rows.map((row) => {
    const d = row.dialog;
    return [
      row.input,
      row.outcome,
      d?.chatId ?? null,
      d?.dialogId ?? null,
      d?.name ?? null,
      d?.channel ?? null,
      d?.lineId ?? null,
      d?.lineName ?? null,
      d?.operatorId ?? null,
      d?.operatorName ?? null,
      d?.clientUserId ?? null,
      d?.crm ?? null,
      d?.sessionId ?? null,
      d?.sessionStart ?? null,
      d ? d.pinned : null,
      d ? d.silent : null,
      d ? d.blocked : null,
      row.error ? (row.error.portalCode ?? row.error.code) : null,
      row.error ? row.error.title : null,
    ];
  });
  return csvDocument(CSV_COLUMNS, records);
}

/** The run as the CLI's --format json prints it: every row with its dialog's summary or its error, and the tally. */
export function bulkJson(result: BulkRunResult): string {
  return JSON.stringify(result, null, 2);
}

// A whole CSV file: a header of English column names, one record per line
// (CRLF, RFC 4180), after a UTF-8 byte order mark so that spreadsheets read
// Cyrillic and Arabic; each field quoted and neutralised by csvField.
import { csvField } from '../core/csv';

export type CsvValue = string | number | boolean | null;

export function csvDocument(columns: readonly string[], records: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = records.map((record) => record.map(csvField).join(','));
  return `\uFEFF${[columns.join(','), ...lines].join('\r\n')}`;
}

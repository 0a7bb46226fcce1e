// The history of lookups as a file: CSV for a spreadsheet, JSON for tools.
import type { HistoryEntry } from '../store/store-types';
import { csvDocument } from './csv-document';

const CSV_COLUMNS = ['at', 'account', 'input', 'param', 'value', 'outcome', 'chat_id', 'name', 'source', 'elapsed_ms', 'pinned'] as const;

/** One record per lookup, newest first as listed; raw values (ISO dates, codes) that other tools read. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  return csvDocument(
    CSV_COLUMNS,
    entries.map((entry) => [
      entry.at,
      entry.account,
      entry.input,
      entry.param,
      entry.value,
      entry.outcome,
      entry.chatId,
      entry.name ?? null,
      entry.source,
      Math.round(entry.elapsedMs),
      entry.pinned,
    ]),
  );
}

export function historyJson(entries: readonly HistoryEntry[]): string {
  return JSON.stringify(entries, null, 2);
}

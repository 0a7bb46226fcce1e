// The overview as a file: CSV for a spreadsheet, JSON with the sources' state
// and when it was refreshed. The window's save and the CLI's --format write the same bytes.
import type { OverviewResult, OverviewRow } from '../core/overview-types';
import { csvDocument } from './csv-document';

const CSV_COLUMNS = [
  'chat_id',
  'dialog_id',
  'name',
  'status',
  'status_code',
  'waiting_since',
  'answer_target_seconds',
  'channel',
  'line_id',
  'line_name',
  'operator_id',
  'operator_name',
  'client_user_id',
  'client_name',
  'crm',
  'session_id',
  'session_start',
  'last_message_at',
  'unread',
  'pinned',
  'silent',
  'blocked',
  'sources',
] as const;

/** One record per dialog, raw values, as the bulk's CSV. */
export function overviewCsv(rows: readonly OverviewRow[]): string {
  const records = rows.map((row) =>
    [
      row.chatId,
      row.dialogId,
      row.name,
      row.status,
      row.statusCode,
      row.waitingSince,
      row.answerTargetSeconds,
      row.channel,
      row.lineId,
      row.lineName,
      row.operatorId,
      row.operatorName,
      row.clientUserId,
      row.clientName,
      row.crm,
      row.sessionId,
      row.sessionStart,
      row.lastMessageAt,
      row.unread,
      row.pinned,
      row.silent,
      row.blocked,
      row.sources.join(' '),
    ],
  );
  return csvDocument(CSV_COLUMNS, records);
}

export function overviewJson(result: OverviewResult): string {
  return JSON.stringify(result, null, 2);
}

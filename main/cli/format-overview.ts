// overview --format: the dialogs as a terminal table (one line each, portal
// text made printable, the wait spoken as a duration), as CSV (RFC 4180, raw
// values and English column names, as the bulk's) or as JSON (the result as
// the window gets it).
import { csvField } from '../core/csv';
import { messages } from '../core/messages/index';
import type { OverviewResult, OverviewRow } from '../core/overview-types';
import { spokenSeconds } from '../export/transcript-file';
import { drawTable } from './format-bulk';
import { humanDate, printable } from './format-human';

function marks(row: OverviewRow): string {
  const says = messages().cli.bulk.marks;
  return [row.pinned && says.pinned, row.silent && says.silent, row.blocked && says.blocked].filter(Boolean).join(', ');
}

/** How long the client has waited, as of the refresh. */
function waited(row: OverviewRow, asOf: string): string {
  if (row.status !== 'clientWaiting' || row.waitingSince === null) return '';
  const seconds = (Date.parse(asOf) - Date.parse(row.waitingSince)) / 1000;
  return Number.isFinite(seconds) ? spokenSeconds(Math.max(0, seconds)) : '';
}

function tableCells(row: OverviewRow, asOf: string): string[] {
  const says = messages().cli;
  const status = row.status ? says.overview.statuses[row.status] : says.overview.unknownStatus;
  return [
    status,
    waited(row, asOf),
    row.dialogId ?? (row.sessionId !== null ? `#${row.sessionId}` : ''),
    row.clientName ?? row.name,
    row.channelName ?? row.channel ?? '',
    row.lineId !== null ? (row.lineName ?? says.bulk.line(row.lineId)) : '',
    row.operatorId !== null ? (row.operatorName ?? says.bulk.user(String(row.operatorId))) : '',
    row.crm ?? '',
    row.sessionStart ? humanDate(row.sessionStart) : '',
    row.unread ? String(row.unread) : '',
    marks(row),
  ].map(printable);
}

export function formatOverviewTable(result: Pick<OverviewResult, 'rows' | 'fetchedAt'>): string {
  if (result.rows.length === 0) return messages().cli.overview.none;
  const c = messages().cli.overview.columns;
  const header = [c.status, c.waiting, c.chat, c.client, c.channel, c.line, c.operator, c.crm, c.sessionStart, c.unread, c.marks];
  return drawTable(header, result.rows.map((row) => tableCells(row, result.fetchedAt)));
}

const CSV_COLUMNS = [
  'chat_id',
  'dialog_id',
  'name',
  'status',
  'status_code',
  'waiting_since',
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

/** One record per dialog after a UTF-8 byte order mark, as the bulk's CSV (spreadsheets then read Cyrillic and Arabic). */
export function formatOverviewCsv(rows: readonly OverviewRow[]): string {
  const records = rows.map((row) =>
    [
      row.chatId,
      row.dialogId,
      row.name,
      row.status,
      row.statusCode,
      row.waitingSince,
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
    ]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...records].join('\r\n')}`;
}

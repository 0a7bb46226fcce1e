// overview --format table: the dialogs as a terminal table (one line each,
// portal text made printable, the wait spoken as a duration). CSV and JSON are
// the files the window saves too (main/export/overview-file.ts).
import { messages } from '../core/messages/index';
import type { OverviewResult, OverviewRow } from '../core/overview-types';
import { spokenSeconds } from '../export/transcript-file';
import { drawTable } from './format-bulk';
import { humanDate, printable } from './format-human';

function marks(row: OverviewRow): string {
  const says = messages().cli.bulk.marks;
  return [row.pinned && says.pinned, row.silent && says.silent, row.blocked && says.blocked].filter(Boolean).join(', ');
}

/** How long the client has waited, as of the refresh, and whether that is past the line's answer target. */
function waited(row: OverviewRow, asOf: string): string {
  if (row.status !== 'clientWaiting' || row.waitingSince === null) return '';
  const seconds = (Date.parse(asOf) - Date.parse(row.waitingSince)) / 1000;
  if (!Number.isFinite(seconds)) return '';
  const spoken = spokenSeconds(Math.max(0, seconds));
  const target = row.answerTargetSeconds;
  return target !== null && seconds > target ? `${spoken}, ${messages().cli.overview.pastTarget(spokenSeconds(target))}` : spoken;
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

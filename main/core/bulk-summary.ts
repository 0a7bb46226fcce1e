// A dialog as one row of a bulk run: the facts a lead scans a table for.
import type { BulkDialogSummary } from './bulk-types';
import type { LookupResult } from './dialog-types';
import { lineIdOf, type LineDirectory } from './lines';
import { userIdText } from './user-names';

export function bulkSummary(result: Pick<LookupResult, 'dialog' | 'decoded' | 'names'>, lines: LineDirectory | null): BulkDialogSummary {
  const { dialog, decoded, names } = result;
  const chatId = Number(dialog['id']);
  const lineId = lineIdOf(decoded);
  const operatorId = userIdText(dialog['owner']);
  const entity = decoded.entity;
  const session = decoded.session;
  return {
    chatId,
    dialogId: typeof dialog['dialog_id'] === 'string' ? dialog['dialog_id'] : null,
    name: typeof dialog['name'] === 'string' ? dialog['name'] : '',
    channel: entity?.connectorId ? (entity.connectorName ?? entity.connectorId) : null,
    lineId,
    lineName: lineId !== null && lines ? (lines[String(lineId)]?.name || null) : null,
    operatorId,
    operatorName: operatorId !== null && Object.hasOwn(names, operatorId) ? names[operatorId]! : null,
    clientUserId: entity?.clientUserId ?? null,
    crm: decoded.primaryCrm?.label ?? null,
    sessionId: session?.sessionId ?? null,
    sessionStart: session?.sessionStart ?? null,
    pinned: session?.pinned ?? false,
    silent: decoded.silentMode?.enabled === true,
    blocked: Boolean(session?.blockDate || session?.blockReason),
  };
}

// The header card's facts, taken from the decoded dialog and the raw answer.
import type { LookupResult } from '../../../preload/api-contract';
import { i18n } from './i18n.svelte';

export interface SummaryCrm {
  /** "Lead 1209" */
  label: string;
  url: string | null;
}

export interface SummaryChannel {
  /** "Live chat (website widget)"; the id itself when the connector is unknown. */
  name: string;
  /** The connector id as sent ("livechat"); null when it equals the name. */
  id: string | null;
}

export interface DialogSummary {
  name: string;
  dialogId: string | null;
  channel: SummaryChannel | null;
  line: string | null;
  operator: string | null;
  sessionId: number | null;
  /** null = the dialog is not bound to CRM. */
  crm: SummaryCrm | null;
}

function asString(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A user's name from the people lists the answer carries, if the user appears there. */
function userName(dialog: Record<string, unknown>, userId: string): string | null {
  const lists: unknown[] = [dialog['readed_list']];
  const views = dialog['last_message_views'];
  if (isRecord(views)) lists.push(views['first_viewers']);
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (isRecord(entry) && asString(entry['user_id']) === userId) {
        const name = asString(entry['user_name']);
        if (name) return name;
      }
    }
  }
  return null;
}

export function summarise(result: LookupResult): DialogSummary {
  const { dialog, decoded } = result;
  const entity = decoded.entity;
  const session = decoded.session;

  let channel: SummaryChannel | null = null;
  if (entity?.connectorId) {
    channel =
      entity.connectorName && entity.connectorName !== entity.connectorId
        ? { name: entity.connectorName, id: entity.connectorId }
        : { name: entity.connectorId, id: null };
  }

  const lineId = session?.lineId && session.lineId > 0 ? session.lineId : (entity?.lineId ?? null);

  const ownerId = asString(dialog['owner']);
  let operator: string | null = null;
  if (ownerId && ownerId !== '0') {
    const name = userName(dialog, ownerId);
    operator = name ? i18n.messages.summary.userNamed(name, ownerId) : i18n.messages.summary.user(ownerId);
  }

  const crm: SummaryCrm | null = decoded.primaryCrm ? { label: decoded.primaryCrm.label, url: decoded.primaryCrm.url } : null;

  return {
    name: asString(dialog['name']) ?? i18n.messages.summary.noName,
    dialogId: asString(dialog['dialog_id']),
    channel,
    line: lineId !== null ? i18n.messages.summary.lineNumber(lineId) : null,
    operator,
    sessionId: session?.sessionId ?? null,
    crm,
  };
}

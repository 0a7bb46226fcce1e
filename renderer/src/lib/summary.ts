// The header card's facts, taken from the decoded dialog and the raw answer.
import type { ConversationStatus, LookupResult } from '../../../preload/api-contract';
import { dialogUrl, userProfileUrl } from '../../../main/core/portal-links';
import { formatShortDate } from './format';
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

/** A state a lead checks first, drawn as a badge on the card. */
export interface SummaryBadge {
  kind: 'blocked' | ConversationStatus | 'waitingAction' | 'pinned' | 'silent';
  label: string;
  /** What the state means, in words. */
  detail: string;
}

export interface DialogSummary {
  name: string;
  dialogId: string | null;
  channel: SummaryChannel | null;
  line: string | null;
  operator: string | null;
  sessionId: number | null;
  /** ISO 8601: when the current session started. */
  sessionStart: string | null;
  /** Most urgent first. */
  badges: SummaryBadge[];
  /** null = the dialog is not bound to CRM. */
  crm: SummaryCrm | null;
  /** The dialog and its operator on their portal; null for the demo portal, which has no pages. */
  links: { dialog: string | null; operator: string | null };
}

function asString(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function badgesOf(result: LookupResult): SummaryBadge[] {
  const m = i18n.messages.summary;
  const decoded = result.decoded;
  const session = decoded.session;
  const badges: SummaryBadge[] = [];
  if (session?.blockDate || session?.blockReason) {
    const reason = session.blockReason ? ` ${m.blockedReason(session.blockReason)}` : '';
    badges.push({
      kind: 'blocked',
      label: session.blockDate ? m.blocked(formatShortDate(session.blockDate)) : m.blockedNoDate,
      detail: `${m.blockedDetail}${reason}`,
    });
  }
  // The transcript's state, when it came: the question a lead opens the dialog with.
  if (result.conversation?.ok) {
    const status = result.conversation.value.status;
    badges.push({ kind: status, label: m[status], detail: m[`${status}Detail`] });
  }
  if (session?.waitingAction) badges.push({ kind: 'waitingAction', label: m.waitingAction, detail: m.waitingActionDetail });
  if (session?.pinned) badges.push({ kind: 'pinned', label: m.pinned, detail: m.pinnedDetail });
  if (decoded.silentMode?.enabled) badges.push({ kind: 'silent', label: m.silent, detail: m.silentDetail });
  return badges;
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
    // Named by this answer or, where it only numbers them, by an earlier one on this account (main's directory).
    const name = Object.hasOwn(result.names, ownerId) ? result.names[ownerId] : undefined;
    operator = name ? i18n.messages.summary.userNamed(name, ownerId) : i18n.messages.summary.user(ownerId);
  }

  const crm: SummaryCrm | null = decoded.primaryCrm ? { label: decoded.primaryCrm.label, url: decoded.primaryCrm.url } : null;

  return {
    name: asString(dialog['name']) ?? i18n.messages.summary.noName,
    dialogId: asString(dialog['dialog_id']),
    channel,
    line: lineId !== null ? (result.lineName ? i18n.messages.summary.lineNamed(result.lineName, lineId) : i18n.messages.summary.lineNumber(lineId)) : null,
    operator,
    sessionId: session?.sessionId ?? null,
    sessionStart: session?.sessionStart ?? null,
    badges: badgesOf(result),
    crm,
    links: linksOf(result, ownerId),
  };
}

function linksOf(result: LookupResult, ownerId: string | null): DialogSummary['links'] {
  if (result.portal.demo) return { dialog: null, operator: null };
  const chatId = result.dialog['id'];
  return {
    dialog: typeof chatId === 'number' || typeof chatId === 'string' ? dialogUrl(result.portal.origin, chatId) : null,
    operator: ownerId ? userProfileUrl(result.portal.origin, ownerId) : null,
  };
}

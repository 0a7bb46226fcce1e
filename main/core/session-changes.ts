// The packed fields' changes, read position by position rather than as one
// string: entity_data_1 (the session: CRM binding, pinned, waiting, session id,
// line, block), entity_data_2 (every CRM binding) and entity_data_3 (silent mode).
import { crmTypeName, decodeCrmBindings } from './decode/crm-bindings';
import { splitPipes } from './decode/pipe-values';
import { decodeSessionData, SESSION_FIELD_COUNT, SESSION_POSITIONS as AT } from './decode/session-data';
import { decodeSilentMode } from './decode/silent-mode';
import type { DecodedSessionData, DialogChange } from './dialog-types';
import { sameJson } from './json-diff';
import { messages } from './messages/index';
import { valueText } from './change-values';

const position = (at: number) => `entity_data_1[${at}]`;

/** A CRM binding as "lead 1209". */
function bindingText(binding: { type: string; id: number } | null): string {
  const says = messages().changes;
  if (binding === null) return says.noBinding;
  return says.crmEntity(crmTypeName(binding.type), Number.isNaN(binding.id) ? '?' : String(binding.id));
}

function primaryBinding(session: DecodedSessionData): { type: string; id: number } | null {
  return session.crmBound && session.crmEntityId > 0 ? { type: session.crmEntityType, id: session.crmEntityId } : null;
}

function blockOf(session: DecodedSessionData): { since: string | null; reason: string | null } | null {
  return session.blockDate === null && session.blockReason === null ? null : { since: session.blockDate, reason: session.blockReason };
}

/** entity_data_1 as two decoded sessions: each position that moved, in words. */
export function sessionChanges(before: string, after: string): DialogChange[] {
  const says = messages().changes;
  const was = decodeSessionData(before);
  const now = decodeSessionData(after);
  const found: DialogChange[] = [];
  const add = (key: string, kind: DialogChange['kind'], beforeValue: unknown, afterValue: unknown, text: string) =>
    found.push({ key, kind, before: beforeValue, after: afterValue, text });

  if (was.sessionId !== now.sessionId) {
    if (now.sessionId === null) add(position(AT.ID), 'closed', was.sessionId, null, says.sessionEnded(String(was.sessionId)));
    else add(position(AT.ID), 'session', was.sessionId, now.sessionId, says.sessionStarted(String(now.sessionId), was.sessionId === null ? null : String(was.sessionId)));
  } else if (was.sessionStart !== now.sessionStart) {
    add(position(AT.DATE_CREATE), 'field', was.sessionStart, now.sessionStart, says.field(messages().dialog.session.started, valueText(was.sessionStart), valueText(now.sessionStart)));
  }
  const bindingBefore = primaryBinding(was);
  const bindingAfter = primaryBinding(now);
  if (!sameJson(bindingBefore, bindingAfter)) {
    add(position(AT.CRM_ENTITY_TYPE), 'crm', bindingBefore, bindingAfter, says.crmMoved(bindingText(bindingBefore), bindingText(bindingAfter)));
  }
  if (was.pinned !== now.pinned) add(position(AT.PAUSE), 'pinned', was.pinned, now.pinned, now.pinned ? says.pinned : says.unpinned);
  if (was.waitingAction !== now.waitingAction) {
    add(position(AT.WAIT_ACTION), 'waiting', was.waitingAction, now.waitingAction, now.waitingAction ? says.waitingOn : says.waitingOff);
  }
  if (was.lineId !== now.lineId) add(position(AT.LINE_ID), 'line', was.lineId, now.lineId, says.line(valueText(was.lineId), valueText(now.lineId)));
  const blockBefore = blockOf(was);
  const blockAfter = blockOf(now);
  if (!sameJson(blockBefore, blockAfter)) {
    add(position(AT.BLOCK_DATE), 'blocked', blockBefore, blockAfter, blockAfter === null ? says.unblocked : says.blocked(blockAfter.reason, blockAfter.since));
  }
  // Positions past the ten documented ones: kept as sent.
  const extra = Math.max(was.extra.length, now.extra.length);
  for (let at = 0; at < extra; at += 1) {
    const a = was.extra[at];
    const b = now.extra[at];
    if (a !== b) add(position(SESSION_FIELD_COUNT + at), 'field', a ?? null, b ?? null, says.field(says.sessionField(SESSION_FIELD_COUNT + at), valueText(a), valueText(b)));
  }
  return found;
}

/** The bindings that name a record, as "lead 1209, deal 77". */
function bindingsText(raw: string): string {
  const named = decodeCrmBindings(raw, null).bindings.filter((binding) => binding.id !== 0);
  return named.length === 0 ? messages().changes.noBinding : named.map((binding) => bindingText(binding)).join(', ');
}

/** entity_data_2: one change when the records it names differ (the order of its pairs aside). */
export function bindingChanges(before: string, after: string): DialogChange[] {
  const textBefore = bindingsText(before);
  const textAfter = bindingsText(after);
  if (textBefore === textAfter && splitPipes(before).length === splitPipes(after).length) return [];
  return [{ key: 'entity_data_2', kind: 'crm', before, after, text: messages().changes.crmBindings(textBefore, textAfter) }];
}

/** entity_data_3: silent mode on or off; a value that is neither Y nor N is said as sent. */
export function silentChanges(before: string, after: string): DialogChange[] {
  const says = messages().changes;
  const was = decodeSilentMode(before).enabled;
  const now = decodeSilentMode(after).enabled;
  if (was === now && (now !== null || before === after)) return [];
  const text = now === true ? says.silentOn : now === false && was !== null ? says.silentOff : says.silentOther(valueText(before), valueText(after));
  return [{ key: 'entity_data_3', kind: 'silent', before, after, text }];
}

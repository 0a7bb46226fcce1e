// entity_data_1 on the operator side of an open line (LINES_SESSION, https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html):
// CRM|CRM_ENTITY_TYPE|CRM_ENTITY_ID|PAUSE|WAIT_ACTION|ID|DATE_CREATE|LINE_ID|BLOCK_DATE|BLOCK_REASON.
// The writer always emits ten fields, but older chats hold six and other chats
// hold "", so the reader is lenient and fills the module's own defaults.
import type { DecodedSessionData } from '../dialog-types';
import { parseNonNegativeInt, parsePositiveInt, splitPipes, unixTextToIso } from './pipe-values';

/** Zero-based positions of the documented fields. */
export const SESSION_POSITIONS = {
  CRM: 0,
  CRM_ENTITY_TYPE: 1,
  CRM_ENTITY_ID: 2,
  PAUSE: 3,
  WAIT_ACTION: 4,
  ID: 5,
  DATE_CREATE: 6,
  LINE_ID: 7,
  BLOCK_DATE: 8,
  BLOCK_REASON: 9,
} as const;

export const SESSION_FIELD_COUNT = 10;
/** The older form documented on the iframe page: `Y|LEAD|56|N|N|1765`. */
export const LEGACY_SESSION_FIELD_COUNT = 6;

function formOf(count: number): DecodedSessionData['form'] {
  if (count === 0) return 'empty';
  if (count === SESSION_FIELD_COUNT) return 'full';
  if (count === LEGACY_SESSION_FIELD_COUNT) return 'legacy';
  return 'partial';
}

export function decodeSessionData(raw: string): DecodedSessionData {
  const parts = splitPipes(raw);
  const at = (position: number): string => parts[position] ?? '';
  const reasonText = at(SESSION_POSITIONS.BLOCK_REASON);

  return {
    raw,
    form: formOf(parts.length),
    crmBound: at(SESSION_POSITIONS.CRM) === 'Y',
    crmEntityType: at(SESSION_POSITIONS.CRM_ENTITY_TYPE) || 'NONE',
    crmEntityId: parseNonNegativeInt(at(SESSION_POSITIONS.CRM_ENTITY_ID)) ?? 0,
    pinned: at(SESSION_POSITIONS.PAUSE) === 'Y',
    waitingAction: at(SESSION_POSITIONS.WAIT_ACTION) === 'Y',
    // No session has id 0; and the server's own fallback (time()) must never be trusted.
    sessionId: parsePositiveInt(at(SESSION_POSITIONS.ID)),
    sessionStart: unixTextToIso(at(SESSION_POSITIONS.DATE_CREATE)),
    lineId: parsePositiveInt(at(SESSION_POSITIONS.LINE_ID)),
    blockDate: unixTextToIso(at(SESSION_POSITIONS.BLOCK_DATE)),
    blockReason: reasonText === '' || reasonText === '0' ? null : reasonText,
    extra: parts.slice(SESSION_FIELD_COUNT),
  };
}

// The lookup keys of a cached dialog, read from the answer itself so that any
// identifier a lead pastes later finds it: chat id (dialog id is "chat" + it),
// the user code (entity_id) and the session id (entity_data_1 position 5).
import type { RawDialog } from '../core/dialog-types';
import { WIDGET_ENTITY_TYPE } from '../core/decode/index';
import { USER_CODE_PREFIX } from '../core/decode/entity-id';
import { decodeSessionData } from '../core/decode/session-data';

const DIGITS = /^\d+$/;

function positiveId(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && DIGITS.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** `id`, else the digits of `dialog_id` ("chat1777"). */
export function chatIdOf(dialog: RawDialog): number | null {
  const id = positiveId(dialog['id']);
  if (id !== null) return id;
  const dialogId = dialog['dialog_id'];
  const match = typeof dialogId === 'string' ? /^chat(\d+)$/i.exec(dialogId) : null;
  return match ? positiveId(match[1]) : null;
}

/** The server strips a leading `imol|` (any case, as identifier.ts does); compare without it. */
export function normaliseUserCode(code: string): string {
  return code.toLowerCase().startsWith(USER_CODE_PREFIX) ? code.slice(USER_CODE_PREFIX.length) : code;
}

export function userCodeOf(dialog: RawDialog): string | null {
  const entityId = dialog['entity_id'];
  if (typeof entityId !== 'string' || entityId === '') return null;
  const code = normaliseUserCode(entityId);
  return code === '' ? null : code;
}

/** The widget-side chat's entity_data_1 has another layout: no session id there. */
export function sessionIdOf(dialog: RawDialog): number | null {
  const sessionText = dialog['entity_data_1'];
  if (dialog['entity_type'] === WIDGET_ENTITY_TYPE || typeof sessionText !== 'string') return null;
  return decodeSessionData(sessionText).sessionId;
}

/** A CHAT_ID or SESSION_ID value as sent (number or digits); anything else finds nothing. */
export function idFromValue(value: string | number): number | null {
  return positiveId(typeof value === 'string' ? value.trim() : value);
}

/** A DIALOG_ID value: "chat1777" → 1777; a user's private dialog ("27") is never an open line. */
export function chatIdFromDialogId(value: string | number): number | null {
  const match = /^chat(\d+)$/i.exec(String(value).trim());
  return match ? positiveId(match[1]) : null;
}

/** The dialog's name (the client, as the portal names the chat), or null when it has none. */
export function nameOf(dialog: RawDialog): string | null {
  const name = dialog['name'];
  return typeof name === 'string' && name !== '' ? name : null;
}

// imopenlines.dialog.get as Rest::dialogGet + Rest::getChatId do it (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html):
// keys upper-cased, CHAT_ID > DIALOG_ID > SESSION_ID > USER_CODE, and one
// ACCESS_ERROR for "not found", "bad format" and "no permission" alike.
import type { RawDialog } from '../core/dialog-types';
import type { EmulatedDialog } from './emulator-types';
import { restError, type RestError } from './rest-errors';

export type DialogGetOutcome = { ok: true; result: RawDialog } | { ok: false; error: RestError };

export class DialogIndex {
  private readonly byChatId = new Map<number, EmulatedDialog>();
  private readonly bySessionId = new Map<number, number>();
  private readonly byUserCode = new Map<string, number>();

  constructor(dialogs: readonly EmulatedDialog[]) {
    for (const entry of dialogs) {
      const chatId = Number(entry.dialog['id']);
      if (!Number.isInteger(chatId)) continue;
      this.byChatId.set(chatId, entry);
      for (const sessionId of entry.sessionIds) this.bySessionId.set(sessionId, chatId);
      const userCode = entry.dialog['entity_id'];
      if (typeof userCode === 'string' && userCode !== '') this.byUserCode.set(userCode, chatId);
    }
  }

  get(chatId: number): EmulatedDialog | undefined {
    return this.byChatId.get(chatId);
  }

  /** Every dialog of the portal, in the order given. */
  all(): IterableIterator<EmulatedDialog> {
    return this.byChatId.values();
  }

  /** Changes a dialog as the portal would as it lives on (a transfer, a new session…); false when unknown. */
  update(chatId: number, patch: Record<string, unknown>, newSessionId?: number): boolean {
    const entry = this.byChatId.get(chatId);
    if (!entry) return false;
    entry.dialog = { ...entry.dialog, ...patch };
    if (newSessionId !== undefined) {
      entry.sessionIds = [...entry.sessionIds, newSessionId];
      this.bySessionId.set(newSessionId, chatId);
    }
    return true;
  }

  chatIdForSession(sessionId: number): number | undefined {
    return this.bySessionId.get(sessionId);
  }

  chatIdForUserCode(userCode: string): number | undefined {
    return this.byUserCode.get(userCode);
  }

  /** The client (the channel's connector user) of a dialog, by user id: the name its dialog carries. */
  clientNamed(userId: number): string | undefined {
    for (const [userCode, chatId] of this.byUserCode) {
      if (userCode.split('|')[3] !== String(userId)) continue;
      const name = this.byChatId.get(chatId)?.dialog['name'];
      // The dialog is named "<client> - <line>".
      if (typeof name === 'string') return name.split(' - ')[0];
    }
    return undefined;
  }
}

export function dialogGet(
  index: DialogIndex,
  params: Record<string, unknown>,
  userId: number,
  imInstalled: boolean,
): DialogGetOutcome {
  if (!imInstalled) return { ok: false, error: restError('IM_NOT_INSTALLED') };
  const denied = { ok: false, error: restError('ACCESS_ERROR') } as const;

  const chatId = resolveChatId(index, upperKeys(params));
  if (chatId === null) return denied;
  const entry = index.get(chatId);
  if (!entry || entry.deniedUserIds?.includes(userId)) return denied;
  // A copy, so a client (or a test) that mutates the answer cannot change the portal.
  return { ok: true, result: structuredClone(entry.dialog) };
}

function resolveChatId(index: DialogIndex, params: Record<string, unknown>): number | null {
  if (present(params['CHAT_ID'])) return positiveInt(params['CHAT_ID']);
  if (present(params['DIALOG_ID'])) {
    const match = typeof params['DIALOG_ID'] === 'string' ? /^chat(\d+)$/.exec(params['DIALOG_ID']) : null;
    return match?.[1] !== undefined ? positiveInt(match[1]) : null;
  }
  if (present(params['SESSION_ID'])) {
    const sessionId = positiveInt(params['SESSION_ID']);
    return sessionId === null ? null : (index.chatIdForSession(sessionId) ?? null);
  }
  if (present(params['USER_CODE'])) {
    const raw = params['USER_CODE'];
    if (typeof raw !== 'string') return null;
    const userCode = raw.startsWith('imol|') ? raw.slice('imol|'.length) : raw;
    return index.chatIdForUserCode(userCode) ?? null;
  }
  return null;
}

function upperKeys(params: Record<string, unknown>): Record<string, unknown> {
  const upper: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) upper[key.toUpperCase()] = value;
  return upper;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function positiveInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return null;
  const parsed = Number(value.trim());
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : null;
}

// What the portal's own tables know about a dialog, read back from its
// imopenlines.dialog.get record: the line, the client, the sessions and when
// they started. Transcripts and the history answer are built from these, so
// they agree with what dialog.get says. Lenient: a test's minimal dialog
// ({id, entity_id}) still yields usable facts.
import type { EmulatedDialog } from './emulator-types';
import { DEMO_LINE_NAMES } from './demo-directory';
import { DAY, DEMO_EPOCH, unixFromPortalDate } from './portal-clock';

export interface DialogFacts {
  chatId: number;
  connector: string;
  /** CONFIG_ID: entity_data_1[7] when written, else entity_id's second part. */
  lineId: number;
  lineName: string;
  /** The connector user; 0 when the connector groups by chat. */
  clientId: number;
  clientName: string;
  ownerId: number;
  /** Unix seconds. */
  created: number;
  /** Ascending. */
  sessionIds: number[];
  /** entity_data_1[5] when it names one of sessionIds, else the newest. */
  currentSessionId: number | null;
  /** entity_data_1[6], unix seconds; null when not written. */
  currentSessionStart: number | null;
  lastMessageId: number;
  /** Everyone dialog.get shows in the chat: owner, managers, readers, and the client. */
  memberIds: number[];
}

export function dialogFacts(entry: EmulatedDialog): DialogFacts {
  const dialog = entry.dialog;
  const chatId = Number(dialog['id']);
  const userCode = String(dialog['entity_id'] ?? '').split('|');
  const session = String(dialog['entity_data_1'] ?? '').split('|');
  const sessionLine = wholeNumber(session[7]);
  const lineId = sessionLine > 0 ? sessionLine : wholeNumber(userCode[1]);
  const clientId = wholeNumber(userCode[3]);
  const sessionIds = [...new Set(entry.sessionIds)].sort((a, b) => a - b);
  const named = wholeNumber(session[5]);
  const currentSessionId = sessionIds.includes(named) ? named : (sessionIds.at(-1) ?? null);
  const start = wholeNumber(session[6]);
  const currentSessionStart = currentSessionId === named && start > 0 ? start : null;
  const name = typeof dialog['name'] === 'string' ? dialog['name'] : '';
  const readers = Array.isArray(dialog['readed_list']) ? (dialog['readed_list'] as unknown[]) : [];
  const readerNames = new Map<number, string>();
  for (const reader of readers) {
    if (typeof reader !== 'object' || reader === null) continue;
    const { user_id: userId, user_name: userName } = reader as Record<string, unknown>;
    if (typeof userId === 'number' && typeof userName === 'string') readerNames.set(userId, userName);
  }
  const ownerId = wholeNumber(dialog['owner']);
  const managers = Array.isArray(dialog['manager_list']) ? (dialog['manager_list'] as unknown[]).map(wholeNumber) : [];
  const created =
    unixFromPortalDate(dialog['date_create']) ?? (currentSessionStart !== null ? currentSessionStart - 2 * DAY : DEMO_EPOCH);
  const lastMessageId = wholeNumber(dialog['last_message_id']);
  return {
    chatId,
    connector: userCode[0] ?? '',
    lineId,
    lineName: DEMO_LINE_NAMES[lineId] ?? (name.includes(' - ') ? name.slice(name.lastIndexOf(' - ') + 3) : 'Open line'),
    clientId,
    clientName: readerNames.get(clientId) ?? (name.includes(' - ') ? name.slice(0, name.indexOf(' - ')) : 'Guest'),
    ownerId,
    created,
    sessionIds,
    currentSessionId,
    currentSessionStart,
    lastMessageId: lastMessageId > 0 ? lastMessageId : chatId * 1000 + 999,
    memberIds: [...new Set([ownerId, ...managers, ...readerNames.keys(), clientId].filter((id) => id > 0))],
  };
}

function wholeNumber(value: unknown): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0;
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : 0;
}

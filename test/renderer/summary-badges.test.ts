// The card's states a lead checks first: blocked (with what it means), waiting
// for an automatic action, pinned, silent; and when the session started.
import { expect, it as test } from 'vitest';
import { decodeSessionData } from '../../main/core/decode/session-data';
import { decodeSilentMode } from '../../main/core/decode/silent-mode';
import type { LookupResult } from '../../preload/api-contract';
import { freshStores } from './support/fresh-stores';

const PORTAL = { origin: 'https://example.bitrix24.com', host: 'example.bitrix24.com', demo: false };
const QUERY = { param: 'CHAT_ID', value: 2009, input: '2009', label: 'Chat id 2009' } as const;
const BLOCKED_AT = 1774000000; // 2026-03-20T09:46:40Z
const STARTED_AT = 1773682918; // 2026-03-16T17:41:58Z

/** What main would send for a dialog with these session and silent-mode strings (the decoders are main's own). */
function resultWith(entityData1: string, entityData3 = 'N'): LookupResult {
  const dialog = { id: '2009', dialog_id: 'chat2009', name: 'Jordan Reyes', entity_data_1: entityData1, entity_data_3: entityData3 };
  const decoded = { entity: null, session: decodeSessionData(entityData1), crm: null, silentMode: decodeSilentMode(entityData3), primaryCrm: null };
  return { query: QUERY, portal: PORTAL, dialog, decoded, time: null, sections: [], fetchedAt: '2026-03-21T10:00:00Z', source: 'network', offline: null, changes: null, names: {}, elapsedMs: 1 };
}

async function summariser() {
  const { messages } = await freshStores();
  const { summarise } = await import('../../renderer/src/lib/summary');
  return { summarise, messages };
}

test('a blocked, pinned, silent dialog waiting for an action shows every state, the block first, in words', async () => {
  const { summarise } = await summariser();
  const summary = summarise(resultWith(`Y|CONTACT|902|Y|Y|77|${STARTED_AT}|8|${BLOCKED_AT}|1`, 'Y'));
  expect(summary.badges.map((badge) => badge.kind)).toEqual(['blocked', 'waitingAction', 'pinned', 'silent']);
  const blocked = summary.badges[0]!;
  expect(blocked.label).toMatch(/^Replies blocked since 20 Mar 2026, \d\d:46$/);
  expect(blocked.detail).toContain("the client's reply window has closed");
  expect(blocked.detail).toContain('Reason code 1: Bitrix24 does not publish what its codes mean.');
  expect(summary.sessionStart).toBe('2026-03-16T17:41:58.000Z');
});

test('an ordinary dialog has no badges; a block without a reason code says no code', async () => {
  const { summarise } = await summariser();
  expect(summarise(resultWith(`Y|LEAD|1209|N|N|343|${STARTED_AT}|0|0|0`)).badges).toEqual([]);
  const [blocked] = summarise(resultWith(`Y|LEAD|1209|N|N|343|${STARTED_AT}|0|${BLOCKED_AT}|0`)).badges;
  expect(blocked?.kind).toBe('blocked');
  expect(blocked?.detail).not.toContain('Reason code');
});

test('an older session string without a start gives no "since"', async () => {
  const { summarise } = await summariser();
  const summary = summarise(resultWith('Y|LEAD|56|N|N|1765'));
  expect(summary.sessionStart).toBeNull();
  expect(summary.badges).toEqual([]);
});

test("the conversation's state joins the badges, after a block and before the rest", async () => {
  const { summarise } = await summariser();
  const conversation = {
    chatId: 2009,
    sessionId: 77,
    messages: [],
    authors: {},
    rating: { client: null, supervisor: null, supervisorComment: null },
    status: 'clientWaiting' as const,
    timings: { start: null, firstResponse: null, longestClientWait: null, lastAuthor: null, lastMessageAt: null, clientWaitingSince: null, durationSeconds: null, kpi: null },
    fetchedAt: '2026-03-21T10:00:00Z',
  };
  const result = { ...resultWith(`Y|CONTACT|902|Y|Y|77|${STARTED_AT}|8|${BLOCKED_AT}|1`), conversation: { ok: true as const, value: conversation } };
  const badges = summarise(result).badges;
  expect(badges.map((badge) => badge.kind)).toEqual(['blocked', 'clientWaiting', 'waitingAction', 'pinned']);
  expect(badges[1]).toMatchObject({ label: 'Client waiting', detail: expect.stringContaining('client wrote last') });
  const failed = { ...resultWith(''), conversation: { ok: false as const, error: { code: 'ACCESS_DENIED', title: 't', message: 'm', action: 'a', retryable: false } } };
  expect(summarise(failed as LookupResult).badges).toEqual([]);
});

test("the card links the dialog and its operator to their own portal, and nothing on the demo portal", async () => {
  const { summarise } = await summariser();
  const dialog = { ...resultWith(`Y|LEAD|1209|N|N|343|${STARTED_AT}|0|0|0`).dialog, owner: '27' };
  const result = { ...resultWith(''), dialog };
  expect(summarise(result).links).toEqual({
    dialog: 'https://example.bitrix24.com/online/?IM_DIALOG=chat2009',
    operator: 'https://example.bitrix24.com/company/personal/user/27/',
  });
  expect(summarise({ ...result, dialog: { ...dialog, owner: '0' } }).links.operator).toBeNull();
  expect(summarise({ ...result, portal: { ...PORTAL, demo: true } }).links).toEqual({ dialog: null, operator: null });
});

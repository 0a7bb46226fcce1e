// The overview's rows from each source's own answer (facts §2, §4), checked
// at the boundary with zod, and merged per chat freshest first.
import { describe, expect, it } from 'vitest';
import { answerTargetOf, compareRows, fromActivity, fromDialog, fromRecent, mergeContributions, nameRow, statusOfCode } from '../../main/core/overview-rows';
import { activitySchema, recentItemSchema } from '../../main/core/overview-schema';

const chat = {
  id: '3005',
  name: 'Priya Sharma - Website chat',
  owner: '27',
  type: 'lines',
  entity_type: 'LINES',
  entity_id: 'livechat|1|2805|7004',
  entity_data_1: 'Y|DEAL|2004|Y|N|40021|1796640000|1|0|0',
  entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|2004',
  entity_data_3: 'N',
};

/** An item as the docs' sample writes one: ids as digit strings, no `lines` (the caller is in no queue). */
const docsItem = {
  id: 'chat3005',
  type: 'chat',
  title: 'Priya Sharma - Website chat',
  message: { id: '501010', text: 'Hello?', file: false, attach: false, author_id: '7004', date: '2026-12-07T12:50:00+01:00' },
  counter: '2',
  chat,
  user: { id: '7004', name: 'Priya Sharma', connector: true, bot: false },
};

describe('session status codes', () => {
  it('reads the three states of the portal dialog list at its boundaries (facts §4)', () => {
    expect([0, 5, 10, 20, 25, 39].map(statusOfCode)).toEqual(Array(6).fill('clientWaiting'));
    expect([40, 50, 59].map(statusOfCode)).toEqual(Array(3).fill('operatorAnswered'));
    expect([60, 65, 69, 75].map(statusOfCode)).toEqual(Array(4).fill('closed'));
  });
});

describe('a recent-list item', () => {
  it('takes ids sent as digits, and without lines reads a client who wrote last as waiting since that message', () => {
    const item = recentItemSchema.parse(docsItem);
    const row = fromRecent(item);
    expect(row).toMatchObject({
      chatId: 3005,
      status: 'clientWaiting',
      statusCode: null,
      waitingSince: '2026-12-07T11:50:00.000Z',
      unread: 2,
      operatorId: 27,
      sessionId: 40021,
      crm: 'Deal 2004',
      pinned: true,
      channel: 'livechat',
      lineId: 1,
      clientName: 'Priya Sharma',
      sources: ['recent'],
    });
  });

  it('takes the session and its raw status from lines, which beat the last author', () => {
    const row = fromRecent(recentItemSchema.parse({ ...docsItem, lines: { id: 40021, status: 60, date_create: '2026-12-07T12:00:00+01:00' } }));
    expect(row).toMatchObject({ status: 'closed', statusCode: 60, waitingSince: null, sessionId: 40021, sessionStart: '2026-12-07T11:00:00.000Z' });
  });

  it('refuses an item whose fields have the wrong types', () => {
    expect(recentItemSchema.safeParse({ ...docsItem, counter: 'many' }).success).toBe(false);
    expect(recentItemSchema.safeParse({ ...docsItem, chat: { ...chat, id: { nested: 1 } } }).success).toBe(false);
  });
});

describe('a session activity', () => {
  const activity = {
    ID: '60021',
    PROVIDER_ID: 'IMOPENLINES_SESSION',
    PROVIDER_TYPE_ID: '1',
    ASSOCIATED_ENTITY_ID: '40021',
    SUBJECT: 'Priya Sharma - Website chat',
    START_TIME: '2026-12-07T12:00:00+01:00',
    COMPLETED: 'N',
    RESULT_STATUS: '1',
    RESPONSIBLE_ID: '27',
    OWNER_TYPE_ID: '2',
    OWNER_ID: '2004',
    RESULT_SOURCE_ID: 'livechat',
    PROVIDER_PARAMS: { USER_CODE: 'livechat|1|2805|7004' },
  };

  it('is a session without its chat: open and unanswered, the client has waited since it began', () => {
    const row = fromActivity(activitySchema.parse(activity));
    expect(row).toMatchObject({ chatId: null, sessionId: 40021, status: 'clientWaiting', waitingSince: '2026-12-07T11:00:00.000Z', lineId: 1, operatorId: 27, clientUserId: 7004, crm: 'Deal 2004', channel: 'livechat' });
    expect(fromActivity(activitySchema.parse({ ...activity, RESULT_STATUS: '2' }))).toMatchObject({ status: 'operatorAnswered', waitingSince: null });
    expect(fromActivity(activitySchema.parse({ ...activity, COMPLETED: 'Y' }))).toMatchObject({ status: 'closed' });
  });

  it('is refused when it is not shaped as one', () => {
    expect(activitySchema.safeParse({ ...activity, ASSOCIATED_ENTITY_ID: 'forty' }).success).toBe(false);
    expect(activitySchema.safeParse({ ...activity, COMPLETED: 'maybe' }).success).toBe(false);
  });
});

describe('merging a chat', () => {
  it('takes each field from the freshest source that knows it, and status with its wait from one source', () => {
    const recent = fromRecent(recentItemSchema.parse({ ...docsItem, lines: { id: 40021, status: 40, date_create: '2026-12-07T12:00:00+01:00' } }));
    const kept = fromDialog({ ...chat, id: 3005, name: 'Old name - Website chat', counter: 9 }, 'kept');
    const session = fromActivity(activitySchema.parse({ ID: 1, PROVIDER_ID: 'IMOPENLINES_SESSION', ASSOCIATED_ENTITY_ID: 40021, COMPLETED: 'N', RESULT_STATUS: 1, START_TIME: '2026-12-07T10:00:00Z' }));
    const row = mergeContributions([recent, session, kept]);
    expect(row).toMatchObject({ chatId: 3005, name: 'Priya Sharma - Website chat', status: 'operatorAnswered', waitingSince: null, unread: 2, sources: ['recent', 'crm', 'kept'] });
    const named = nameRow(row, { 1: { name: 'Website chat', kpi: { firstAnswerSeconds: null, furtherAnswerSeconds: null } } }, { 27: 'Samantha Johnson' });
    expect(named).toMatchObject({ lineName: 'Website chat', operatorName: 'Samantha Johnson', clientName: 'Priya Sharma' });
  });

  it('orders waiting first, the longest wait first, then answered and closed, newest first', () => {
    const base = mergeContributions([fromDialog(chat, 'kept')]);
    const rows = [
      { ...base, chatId: 1, status: 'closed' as const, lastMessageAt: '2026-12-07T09:00:00Z' },
      { ...base, chatId: 2, status: 'clientWaiting' as const, waitingSince: '2026-12-07T11:00:00Z' },
      { ...base, chatId: 3, status: 'operatorAnswered' as const, lastMessageAt: '2026-12-07T10:00:00Z' },
      { ...base, chatId: 4, status: 'clientWaiting' as const, waitingSince: '2026-12-07T08:00:00Z' },
      { ...base, chatId: 5, status: null },
    ];
    expect(rows.sort(compareRows).map((row) => row.chatId)).toEqual([4, 2, 3, 1, 5]);
  });
});

describe("a row's answer target", () => {
  const lines = { '1': { name: 'Support', kpi: { firstAnswerSeconds: 180, furtherAnswerSeconds: 600 } }, '2': { name: 'Sales', kpi: { firstAnswerSeconds: null, furtherAnswerSeconds: null } } };
  it("is the line's first-answer target for a new question, and its further-answer target once an operator has answered (status 25)", () => {
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: 20, lineId: 1 }, lines)).toBe(180);
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: null, lineId: 1 }, lines)).toBe(180);
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: 25, lineId: 1 }, lines)).toBe(600);
  });

  it('is none when nobody waits, the line sets no target, the line is unknown or the lines could not be read', () => {
    expect(answerTargetOf({ status: 'operatorAnswered', statusCode: 40, lineId: 1 }, lines)).toBeNull();
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: 20, lineId: 2 }, lines)).toBeNull();
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: 20, lineId: 9 }, lines)).toBeNull();
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: 20, lineId: null }, lines)).toBeNull();
    expect(answerTargetOf({ status: 'clientWaiting', statusCode: 20, lineId: 1 }, null)).toBeNull();
  });

  it('is set when the row is named', () => {
    const row = mergeContributions([fromRecent(recentItemSchema.parse({ ...docsItem, lines: { id: 40021, status: 25, date_create: '2026-12-07T12:00:00+01:00' } }))]);
    expect(nameRow(row, lines, {}).answerTargetSeconds).toBe(600);
  });
});

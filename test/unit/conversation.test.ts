// A transcript as Bitrix24 sends it → the conversation a lead reads: order,
// roles, rating, status and timings; and the batch that brings it.
import { describe, expect, it } from 'vitest';
import { callBatch, commandText } from '../../main/core/batch-call';
import { conversationFrom, timingsOf } from '../../main/core/conversation';
import type { ConversationMessage } from '../../main/core/conversation-types';
import type { LookupClient } from '../../main/core/lookup-client';

const users = {
  '27': { id: '27', name: 'Samantha Johnson', bot: false, connector: false, workPosition: 'Support lead' },
  '597': { id: '597', name: 'Help Desk Bot', bot: true, connector: false },
  '599': { id: '599', name: 'Guest', bot: false, connector: true },
};

function message(id: number, senderid: string, minute: number, text = `m${id}`, params: unknown = []) {
  return { id: String(id), chatid: '1777', senderid, recipientid: 'chat1777', date: `2026-03-16T18:${String(minute).padStart(2, '0')}:00+01:00`, text, textlegacy: 'IGNORED <b>', params };
}

function transcript(messages: ReturnType<typeof message>[], extra: Record<string, unknown> = {}) {
  // Keyed by id, newest first, as the portal writes them.
  const map = Object.fromEntries([...messages].reverse().map((item) => [item.id, item]));
  return { chatId: 1777, sessionId: 343, sessionVoteHead: 0, sessionCommentHead: null, message: map, users, files: [], ...extra };
}

const asked = { chatId: 1777, sessionId: 343, current: true };

describe('conversationFrom', () => {
  it('orders the messages by time, then id, whatever order they came in, and classifies each author', () => {
    const conversation = conversationFrom(
      transcript([message(10, '0', 1, 'start', { componentId: 'StartDialogMessage' }), message(12, '599', 2), message(11, '597', 2), message(13, '27', 5)]),
      asked,
      null,
      'T',
    );
    expect(conversation.messages.map((each) => [each.id, each.role])).toEqual([
      [10, 'system'],
      [11, 'bot'],
      [12, 'client'],
      [13, 'operator'],
    ]);
    expect(conversation.messages[0]!.sessionStart).toBe(true);
    expect(conversation.messages[0]!.text).toBe('start');
    expect(conversation.authors['27']).toEqual({ id: '27', name: 'Samantha Johnson', role: 'operator', position: 'Support lead' });
    expect(conversation.status).toBe('operatorAnswered');
  });

  it('reads [] for empty maps, a vote, a supervisor rating and a deleted text', () => {
    const conversation = conversationFrom(
      transcript([message(1, '599', 1, '', { imolVote: 'dislike', isDeleted: 'Y' })], { sessionVoteHead: '4', sessionCommentHead: ' Slow first answer ', files: [], users: [] }),
      asked,
      null,
      'T',
    );
    expect(conversation.rating).toEqual({ client: 'dislike', supervisor: 4, supervisorComment: 'Slow first answer' });
    expect(conversation.messages[0]).toMatchObject({ vote: 'dislike', deleted: true, role: 'operator' });
    expect(conversation.status).toBe('closed');
  });

  it('refuses a transcript of another session or chat as FOREIGN_ANSWER, and a non-transcript as UNEXPECTED_SHAPE', () => {
    expect(() => conversationFrom(transcript([], { sessionId: 344 }), asked, null, 'T')).toThrow(expect.objectContaining({ envelope: expect.objectContaining({ code: 'FOREIGN_ANSWER' }) }));
    expect(() => conversationFrom(transcript([], { chatId: 1778 }), asked, null, 'T')).toThrow(expect.objectContaining({ envelope: expect.objectContaining({ code: 'FOREIGN_ANSWER' }) }));
    expect(() => conversationFrom([], asked, null, 'T')).toThrow(expect.objectContaining({ envelope: expect.objectContaining({ code: 'UNEXPECTED_SHAPE' }) }));
  });

  it('keeps files as metadata only, never their session-bound addresses', () => {
    const files = { '5': { id: 5, name: 'log.txt', type: 'file', size: 2048, urldownload: '/bitrix/services/main/ajax.php?fileId=5&_esd=x' } };
    const conversation = conversationFrom(transcript([message(1, '599', 1, '', { fileId: [5] })], { files }), asked, null, 'T');
    expect(conversation.messages[0]!.files).toEqual([{ id: '5', name: 'log.txt', type: 'file', size: 2048 }]);
    expect(JSON.stringify(conversation)).not.toContain('_esd');
  });
});

describe('conversationFrom: who answered and whether the session is over', () => {
  const end = { class: 'bx-messenger-content-item-ol-end', componentId: 'bx-imopenlines-message', imolVoteHead: 0, type: 'lines' };

  it("leaves the client waiting, since their first message, when only the bot's greeting and system notices followed", () => {
    const conversation = conversationFrom(
      transcript([message(1, '0', 0, 'start', { componentId: 'StartDialogMessage' }), message(2, '599', 1), message(3, '599', 1), message(4, '597', 1, 'Hello! An operator will answer you shortly.'), message(5, '0', 4, 'joined')]),
      asked,
      null,
      'T',
    );
    expect(conversation.status).toBe('clientWaiting');
    expect(conversation.timings.clientWaitingSince).toBe(conversation.messages[1]!.date);
    expect(conversation.timings.firstResponse).toBeNull();
    expect(conversation.timings.lastAuthor).toEqual({ id: '597', role: 'bot' });
  });

  it('answers the client once an operator writes after the bot', () => {
    const conversation = conversationFrom(transcript([message(2, '599', 1), message(3, '597', 1), message(4, '27', 5)]), asked, null, 'T');
    expect(conversation.status).toBe('operatorAnswered');
    expect(conversation.timings.clientWaitingSince).toBeNull();
    expect(conversation.timings.firstResponse).toMatchObject({ seconds: 240 });
  });

  it("reads a current session closed by the module's closing message, without a rating, as closed though the client wrote last", () => {
    const conversation = conversationFrom(transcript([message(2, '599', 1), message(3, '27', 2), message(4, '599', 3), message(5, '0', 9, 'Dialogue completed.', end)]), asked, null, 'T');
    expect(conversation.rating).toEqual({ client: null, supervisor: null, supervisorComment: null });
    expect(conversation.status).toBe('closed');
    expect(conversation.timings.clientWaitingSince).toBeNull();
  });

  it('takes a session up again when the client writes after its closing message, and a closing class from anyone but the system closes nothing', () => {
    const reopened = conversationFrom(transcript([message(2, '599', 1), message(3, '0', 2, 'Dialogue completed.', end), message(4, '599', 3)]), asked, null, 'T');
    expect(reopened.status).toBe('clientWaiting');
    expect(reopened.timings.clientWaitingSince).toBe(reopened.messages[0]!.date);
    const forged = conversationFrom(transcript([message(2, '599', 1, 'x', end)]), asked, null, 'T');
    expect(forged.status).toBe('clientWaiting');
  });
});

describe('timings', () => {
  const at = (id: number, role: ConversationMessage['role'], minute: number): ConversationMessage => ({
    id,
    date: `2026-03-16T18:${String(minute).padStart(2, '0')}:00+01:00`,
    authorId: role,
    role,
    text: '',
    files: [],
    attachments: [],
    vote: null,
    sessionStart: false,
    deleted: false,
  });

  it('first response and the longest wait run from a client message to the next operator message; a bot does not answer', () => {
    const greeted = timingsOf([at(1, 'client', 1), at(2, 'bot', 1)], false, null);
    expect(greeted.clientWaitingSince).toBe(greeted.start);
    expect(greeted.lastAuthor).toEqual({ id: 'bot', role: 'bot' });
    const timings = timingsOf([at(1, 'system', 0), at(2, 'client', 1), at(3, 'bot', 1), at(4, 'operator', 3), at(5, 'client', 4), at(6, 'client', 6), at(7, 'operator', 14)], false, null);
    expect(timings.firstResponse).toMatchObject({ seconds: 120 });
    expect(timings.longestClientWait).toMatchObject({ seconds: 600 });
    expect(timings.lastAuthor).toEqual({ id: 'operator', role: 'operator' });
    expect(timings.clientWaitingSince).toBeNull();
    expect(timings.durationSeconds).toBe(14 * 60);
  });

  it('the client waits since their first unanswered message while the session is open, not once it is closed', () => {
    const messages = [at(1, 'client', 1), at(2, 'operator', 2), at(3, 'client', 5), at(4, 'client', 7), at(5, 'system', 8)];
    expect(timingsOf(messages, false, null).clientWaitingSince).toBe(messages[2]!.date);
    expect(timingsOf(messages, true, null).clientWaitingSince).toBeNull();
  });
});

describe('callBatch', () => {
  function fakeClient(result: unknown): LookupClient<undefined> & { sent: unknown[] } {
    const sent: unknown[] = [];
    return {
      portal: { origin: 'https://x.bitrix24.com', host: 'x.bitrix24.com', demo: false },
      sent,
      async call(method, params) {
        sent.push({ method, params });
        return { result, time: null };
      },
      budget: () => null,
    };
  }

  it('writes each command as the batch server reads it, a user code’s bars encoded', () => {
    expect(commandText('imopenlines.dialog.get', { USER_CODE: 'livechat|22|1775|599' })).toBe('imopenlines.dialog.get?USER_CODE=livechat%7C22%7C1775%7C599');
  });

  it('answers each key by its result or its own error; a key the answer leaves out is MALFORMED_ERROR', async () => {
    const client = fakeClient({ result: { a: { ok: 1 } }, result_error: { b: { error: 'ACCESS_DENIED', error_description: 'no' } }, result_time: [] });
    const outcomes = await callBatch(client, { a: ['m.one', {}], b: ['m.two', {}], c: ['m.three', { X: 1 }] });
    expect(outcomes['a']).toEqual({ ok: true, result: { ok: 1 }, time: null });
    expect(outcomes['b']).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', portalDescription: 'no' } });
    expect(outcomes['c']).toMatchObject({ ok: false, error: { code: 'MALFORMED_ERROR' } });
    expect(client.sent).toEqual([{ method: 'batch', params: { halt: 0, cmd: { a: 'm.one', b: 'm.two', c: 'm.three?X=1' } } }]);
  });

  it('a command past its time budget is blamed on its own method, not on the one the catalogue names', async () => {
    const limit = { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' };
    const client = fakeClient({ result: [], result_error: { history: limit, lines: limit }, result_time: [] });
    const outcomes = await callBatch(client, { history: ['imopenlines.session.history.get', { SESSION_ID: 343 }], lines: ['imopenlines.config.list.get', {}] });
    const history = outcomes['history']!;
    const lines = outcomes['lines']!;
    if (history.ok || lines.ok) throw new Error('expected both refused');
    expect(history.error).toMatchObject({ code: 'OPERATION_TIME_LIMIT', title: 'Method time limit reached' });
    expect(history.error.message).toContain('imopenlines.session.history.get');
    expect(history.error.message).not.toContain('imopenlines.dialog.get');
    expect(lines.error.message).toContain('imopenlines.config.list.get');
  });

  it('refuses more than 50 commands before asking the portal', async () => {
    const client = fakeClient({});
    const commands = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, ['m', {}] as const]));
    await expect(callBatch(client, commands)).rejects.toMatchObject({ envelope: { code: 'INVALID_ARGUMENT' } });
    expect(client.sent).toEqual([]);
  });
});

// The Conversation tab's session picker: the lookup's session by default, the
// store's sessions listed newest first, a kept copy read at once, the portal
// asked when none is kept (at once when it just answered, else on the user's
// word), and an answer to an earlier choice dropped.
import { expect, it as test } from 'vitest';
import type { Conversation, ConversationOutcome, Result, SessionSummary } from '../../preload/api-contract';
import { deferred, failed, fakeInspector, ok, type Deferred } from './support/fake-inspector';
import { freshStores } from './support/fresh-stores';

function conversation(sessionId: number, fetchedAt = '2026-12-07T10:42:00.000Z'): Conversation {
  return {
    chatId: 1777,
    sessionId,
    messages: [],
    authors: {},
    rating: { client: null, supervisor: null, supervisorComment: null },
    status: 'closed',
    timings: { start: null, firstResponse: null, longestClientWait: null, lastAuthor: null, lastMessageAt: null, clientWaitingSince: null, durationSeconds: null, kpi: null },
    fetchedAt,
  };
}

const summary = (sessionId: number, kept: boolean): SessionSummary => ({
  sessionId,
  kept,
  fetchedAt: kept ? '2026-12-07T10:42:00.000Z' : null,
  messageCount: kept ? 3 : null,
});

const lookupOutcome: ConversationOutcome = { ok: true, value: conversation(343) };

async function picker(listed: SessionSummary[], options: { online?: boolean; canAsk?: boolean } = {}) {
  await freshStores();
  const asked: Array<{ sessionId: number; fromPortal: boolean; answer: Deferred<Result<Conversation>> }> = [];
  fakeInspector({
    listSessions: async () => ok(listed),
    getConversation: ({ sessionId, fromPortal }) => {
      const answer = deferred<Result<Conversation>>();
      asked.push({ sessionId, fromPortal, answer });
      return answer.promise;
    },
  });
  const { SessionPicker } = await import('../../renderer/src/lib/conversation-sessions.svelte');
  const sessions = new SessionPicker();
  await sessions.show({ chatId: 1777, currentSession: 343, outcome: lookupOutcome, canAsk: options.canAsk ?? true, online: options.online ?? true });
  return { sessions, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('lists the store’s sessions newest first, with the dialog’s own, and shows the lookup’s', async () => {
  const { sessions } = await picker([summary(250, false), summary(287, true)]);
  expect(sessions.sessions.map(({ sessionId, current, kept }) => [sessionId, current, kept])).toEqual([
    [343, true, false],
    [287, false, true],
    [250, false, false],
  ]);
  expect(sessions.shownSession).toBe(343);
  expect(sessions.outcome).toBe(lookupOutcome);
  expect(sessions.view).toEqual({ kind: 'lookup' });
});

test('a kept session is read from this computer, stamped with when it was kept', async () => {
  const { sessions, asked } = await picker([summary(343, true), summary(287, true)]);
  const choosing = sessions.select(287);
  expect(sessions.view).toEqual({ kind: 'loading' });
  expect(asked.map(({ sessionId, fromPortal }) => [sessionId, fromPortal])).toEqual([[287, false]]);
  asked[0]!.answer.resolve(ok(conversation(287)));
  await choosing;
  expect(sessions.view).toEqual({ kind: 'kept', fetchedAt: '2026-12-07T10:42:00.000Z' });
  expect(sessions.outcome).toMatchObject({ ok: true, value: { sessionId: 287 } });

  // Back to the lookup's session: nothing asked.
  await sessions.select(343);
  expect(sessions.outcome).toBe(lookupOutcome);
  expect(asked).toHaveLength(1);
});

test('a session not kept is fetched at once when the portal just answered, and its failure is the view’s', async () => {
  const { sessions, asked } = await picker([summary(343, true), summary(250, false)]);
  const choosing = sessions.select(250);
  expect(asked.map(({ sessionId, fromPortal }) => [sessionId, fromPortal])).toEqual([[250, true]]);
  expect(sessions.busy).toBe(true);
  asked[0]!.answer.resolve(failed('ACCESS_DENIED', 'No access to this conversation'));
  await choosing;
  expect(sessions.view).toEqual({ kind: 'failed' });
  expect(sessions.outcome).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', title: 'No access to this conversation' } });
});

test('offline, a session not kept waits for the user’s word', async () => {
  const { sessions, asked } = await picker([summary(343, true), summary(250, false)], { online: false });
  await sessions.select(250);
  expect(sessions.view).toEqual({ kind: 'not-kept' });
  expect(asked).toHaveLength(0);
  const fetching = sessions.fetchFromPortal();
  asked[0]!.answer.resolve(ok(conversation(250, '2026-12-07T11:00:00.000Z')));
  await fetching;
  expect(sessions.view).toEqual({ kind: 'fetched', fetchedAt: '2026-12-07T11:00:00.000Z' });
});

test('a failed fetch keeps the kept copy on screen and says why beside it', async () => {
  const { sessions, asked } = await picker([summary(343, true), summary(287, true)]);
  const choosing = sessions.select(287);
  asked[0]!.answer.resolve(ok(conversation(287)));
  await choosing;
  const fetching = sessions.fetchFromPortal();
  asked[1]!.answer.resolve(failed('PORTAL_UNREACHABLE'));
  await fetching;
  expect(sessions.outcome).toMatchObject({ ok: true, value: { sessionId: 287 } });
  expect(sessions.view.kind).toBe('kept');
  expect(sessions.fetchError?.code).toBe('PORTAL_UNREACHABLE');
});

test('an answer to an earlier choice is dropped', async () => {
  const { sessions, asked } = await picker([summary(343, true), summary(287, true), summary(250, true)]);
  const first = sessions.select(287);
  const second = sessions.select(250);
  asked[1]!.answer.resolve(ok(conversation(250)));
  asked[0]!.answer.resolve(ok(conversation(287)));
  await Promise.all([first, second]);
  await settle();
  expect(sessions.shownSession).toBe(250);
  expect(sessions.outcome).toMatchObject({ ok: true, value: { sessionId: 250 } });
});

test('another dialog shown starts again from its lookup’s session; the same one keeps the choice', async () => {
  const { sessions, asked } = await picker([summary(343, true), summary(287, true)]);
  const choosing = sessions.select(287);
  asked[0]!.answer.resolve(ok(conversation(287)));
  await choosing;
  await sessions.show({ chatId: 1777, currentSession: 343, outcome: lookupOutcome, canAsk: true, online: true });
  expect(sessions.shownSession).toBe(287);
  await sessions.show({ chatId: 2015, currentSession: 5160, outcome: null, canAsk: true, online: true });
  expect(sessions.shownSession).toBe(5160);
  expect(sessions.view).toEqual({ kind: 'lookup' });
});

test('another portal’s copy: its sessions are not asked for, only the dialog’s own is listed', async () => {
  const { sessions } = await picker([summary(343, true), summary(287, true)], { canAsk: false });
  expect(sessions.sessions.map((session) => session.sessionId)).toEqual([343]);
});

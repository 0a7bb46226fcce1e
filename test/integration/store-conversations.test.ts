// The kept transcripts on a real database file: a session fetched again
// replaces its kept copy, except that an empty answer (a portal that purged
// the session's messages answers `message: []`) never wipes kept messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../main/core/conversation-types';
import { InspectorStore } from '../../main/store/index';
import { conversationOf, documentedDialog } from '../support/store-fixtures';
import { makeTempDir } from '../support/temp-dir';

const ACCOUNT = 'example.bitrix24.com';
const FIRST = '2026-03-16T20:00:00.000Z';
const AGAIN = '2026-03-17T09:00:00.000Z';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-conversations-'));
  store = InspectorStore.open(dir);
  store.putDialog(ACCOUNT, documentedDialog().dialog, null, FIRST);
});

afterEach(async () => {
  store.close();
  await remove();
});

/** Session 343 as first kept: three messages, the client's vote, the client waiting since the last. */
function keptFirst(): Conversation {
  const conversation = conversationOf(1777, 343, ['Hello!', 'Sure, what is it?', 'I would like a refund.'], FIRST);
  return {
    ...conversation,
    rating: { client: 'like', supervisor: null, supervisorComment: null },
    status: 'clientWaiting',
    timings: { ...conversation.timings, start: conversation.messages[0]!.date, clientWaitingSince: conversation.messages[2]!.date },
  };
}

/** The same session answered again with its messages purged. */
function purged(overrides: Partial<Conversation> = {}): Conversation {
  return {
    ...conversationOf(1777, 343, [], AGAIN),
    authors: { '44': { id: '44', name: 'María García', role: 'operator', position: null } },
    rating: { client: null, supervisor: 4, supervisorComment: 'Fine.' },
    status: 'operatorAnswered',
    timings: { start: null, firstResponse: null, longestClientWait: null, lastAuthor: null, lastMessageAt: null, clientWaitingSince: null, durationSeconds: null, kpi: { firstAnswerSeconds: 120, furtherAnswerSeconds: 300 } },
    ...overrides,
  };
}

describe('putConversation: a session fetched again', () => {
  it('keeps the kept messages, and what only they tell, when the portal answers the session with no messages; the rest is the new answer', () => {
    const first = keptFirst();
    store.putConversation(ACCOUNT, first);
    store.putConversation(ACCOUNT, purged());

    store.close();
    store = InspectorStore.open(dir);
    const kept = store.findConversation(ACCOUNT, 1777, 343)!;
    expect(kept.messages).toEqual(first.messages);
    expect(kept.fetchedAt).toBe(AGAIN);
    expect(kept.rating).toEqual({ client: 'like', supervisor: 4, supervisorComment: 'Fine.' });
    expect(kept.status).toBe('clientWaiting');
    expect(kept.timings).toEqual({ ...first.timings, kpi: { firstAnswerSeconds: 120, furtherAnswerSeconds: 300 } });
    expect(Object.keys(kept.authors).sort()).toEqual(['27', '44', '599']);
    // The messages stay searchable, and the session still counts them.
    expect(store.searchDialogs('refund').map((hit) => hit.message?.messageId)).toEqual([343_002]);
    expect(store.sessionsOf(ACCOUNT, 1777).find((session) => session.sessionId === 343)?.messageCount).toBe(3);
  });

  it('takes the session being over from the empty answer: the client no longer waits', () => {
    store.putConversation(ACCOUNT, keptFirst());
    store.putConversation(ACCOUNT, purged({ status: 'closed' }));
    const kept = store.findConversation(ACCOUNT, 1777, 343)!;
    expect(kept.messages).toHaveLength(3);
    expect(kept.status).toBe('closed');
    expect(kept.timings.clientWaitingSince).toBeNull();
  });

  it('replaces the kept copy with a newer non-empty one, and keeps an empty one where nothing was kept', () => {
    store.putConversation(ACCOUNT, keptFirst());
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['Hello!', 'Sure, what is it?', 'I would like a refund.', 'Done.'], AGAIN));
    expect(store.findConversation(ACCOUNT, 1777, 343)!.messages.map((message) => message.text).at(-1)).toBe('Done.');

    store.putConversation(ACCOUNT, conversationOf(1777, 287, [], AGAIN));
    expect(store.findConversation(ACCOUNT, 1777, 287)).toMatchObject({ messages: [], fetchedAt: AGAIN });
  });
});

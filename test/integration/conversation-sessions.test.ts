// Any session of a chat, not only the lookup's: the sessions the store has
// seen (conversation:sessions), and one transcript read from the portal and
// kept, or read from the kept copy (conversation:get), through the handlers
// the window talks to, against the emulator over HTTPS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, LookupResult, SessionSummary } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(() => emulator.close());
afterEach(() => harness?.dispose());

async function connected(): Promise<void> {
  harness = await startHarness(emulator);
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
}

const lookUp = async (input: string, numberAs: 'chat' | 'session' = 'chat') =>
  ok<LookupResult>(await harness.api.dispatch('lookup:run', { input, numberAs }));
const sessions = async (chatId: number) => ok<SessionSummary[]>(await harness.api.dispatch('conversation:sessions', { chatId }));
const get = (chatId: number, sessionId: number, fromPortal: boolean) => harness.api.dispatch('conversation:get', { chatId, sessionId, fromPortal });

describe('the sessions of a chat', () => {
  it('lists every session seen, newest first, with what is kept of each', async () => {
    await connected();
    expect(await sessions(1777)).toEqual([]);

    await lookUp('chat1777');
    const [current] = await sessions(1777);
    expect(current).toMatchObject({ sessionId: 343, kept: true });
    expect(current!.messageCount).toBeGreaterThan(0);
    expect(Date.parse(current!.fetchedAt!)).not.toBeNaN();

    // The dialog names only its current session: 287 is known by its kept transcript.
    await lookUp('287', 'session');
    expect((await sessions(1777)).map(({ sessionId, kept }) => [sessionId, kept])).toEqual([
      [343, true],
      [287, true],
    ]);
  });

  it('refuses an argument that is not a chat id', async () => {
    await connected();
    const answer = await harness.api.dispatch('conversation:sessions', { chatId: -1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('one session’s conversation', () => {
  it('from the portal: an earlier session is closed and rated, and kept', async () => {
    await connected();
    await lookUp('chat1777');
    const from = emulator.requests.length;
    const earlier = ok<Conversation>(await get(1777, 287, true));
    expect(emulator.requests.slice(from).map((request) => request.method)).toEqual(['imopenlines.session.history.get']);
    expect(earlier).toMatchObject({ chatId: 1777, sessionId: 287, status: 'closed', rating: { client: 'like', supervisor: 5 } });
    expect(earlier.timings.clientWaitingSince).toBeNull();
    // The line's targets, read by the lookup before.
    expect(earlier.timings.kpi).not.toBeNull();

    expect((await sessions(1777)).find((session) => session.sessionId === 287)).toMatchObject({
      kept: true,
      fetchedAt: earlier.fetchedAt,
      messageCount: earlier.messages.length,
    });
    // Kept: read back without asking the portal.
    const again = emulator.requests.length;
    expect(ok<Conversation>(await get(1777, 287, false))).toEqual(earlier);
    expect(emulator.requests.length).toBe(again);
  });

  it('the current session stays open when asked for on its own', async () => {
    await connected();
    await lookUp('chat1777');
    expect(ok<Conversation>(await get(1777, 343, true))).toMatchObject({ sessionId: 343, status: 'clientWaiting' });
  });

  it('not kept: NOT_CACHED, without asking the portal', async () => {
    await connected();
    const from = emulator.requests.length;
    expect(await get(1777, 287, false)).toMatchObject({ ok: false, error: { code: 'NOT_CACHED', message: expect.stringContaining('session 287') } });
    expect(emulator.requests.length).toBe(from);
  });

  it('a session the account may not read: ACCESS_DENIED in the transcript’s own words', async () => {
    await connected();
    const answer = await get(2015, 5150, true);
    expect(answer).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', title: 'No access to this conversation' } });
    if (answer.ok) throw new Error('expected a refusal');
    expect(answer.error.message).toContain('permission to view the conversation history');
    expect((await sessions(2015)).map((session) => session.sessionId)).not.toContain(5150);
  });

  it('a session of another chat than named is a foreign answer, not kept under the wrong chat', async () => {
    await connected();
    expect(await get(2015, 287, true)).toMatchObject({ ok: false, error: { code: 'FOREIGN_ANSWER' } });
    expect(await sessions(2015)).toEqual([]);
  });

  it('needs a connected portal', async () => {
    harness = await startHarness(emulator);
    expect(await get(1777, 287, true)).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
    expect(await harness.api.dispatch('conversation:sessions', { chatId: 1777 })).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });
});

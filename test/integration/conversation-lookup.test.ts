// The conversation comes with a lookup, through the handlers the window talks
// to, against the emulator over HTTPS: in the same batch as the dialog when
// the session is known beforehand, else right after it; ordered, classified,
// timed against the line's targets, kept for offline, and a failed transcript
// never costs the dialog.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, LookupResult, Settings } from '../../preload/api-contract';
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

async function connected(settings?: Partial<Settings>): Promise<void> {
  harness = await startHarness(emulator, { settings });
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
}

const lookUp = async (input: string, numberAs: 'chat' | 'session' = 'chat') =>
  ok<LookupResult>(await harness.api.dispatch('lookup:run', { input, numberAs }));

function conversationOf(result: LookupResult): Conversation {
  if (!result.conversation?.ok) throw new Error(`no conversation: ${JSON.stringify(result.conversation)}`);
  return result.conversation.value;
}

/** The methods the emulator was asked for since `from`, a batch as its commands' methods. */
function askedSince(from: number): string[][] {
  return emulator.requests.slice(from).map((request) => {
    if (request.method !== 'batch') return [request.method];
    return Object.values(request.params['cmd'] as Record<string, string>).map((command) => command.split('?')[0]!);
  });
}

describe('a lookup brings the conversation', () => {
  it('of the current session: ordered, authors classified, the client waiting, timed against the line’s targets', async () => {
    await connected();
    const from = emulator.requests.length;
    const result = await lookUp('chat1777');
    // No session known yet: the dialog, then its transcript and the lines in one batch.
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get'], ['imopenlines.session.history.get', 'imopenlines.config.list.get']]);

    const conversation = conversationOf(result);
    expect(conversation).toMatchObject({ chatId: 1777, sessionId: 343, status: 'clientWaiting' });
    // The lines read in the same request name the dialog's.
    expect(result.lineName).toBe('Bitrix24 Documentation');
    const dates = conversation.messages.map((message) => Date.parse(message.date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(conversation.messages[0]).toMatchObject({ role: 'system', sessionStart: true });
    expect(conversation.authors['27']).toMatchObject({ name: 'Samantha Johnson', role: 'operator' });
    expect(conversation.authors['597']).toMatchObject({ role: 'bot' });
    expect(Object.values(conversation.authors).filter((author) => author.role === 'client')).toHaveLength(1);
    expect(conversation.messages.flatMap((message) => message.files)).toContainEqual(expect.objectContaining({ name: 'access-error.png', type: 'image', size: 84213 }));

    const { timings } = conversation;
    expect(timings.lastAuthor?.role).toBe('client');
    expect(timings.clientWaitingSince).not.toBeNull();
    expect(timings.firstResponse!.seconds).toBeGreaterThan(0);
    expect(timings.longestClientWait!.seconds).toBeGreaterThanOrEqual(timings.firstResponse!.seconds);
    expect(timings.kpi).not.toBeNull();
    expect(timings.kpi!.firstAnswerSeconds).toBeGreaterThan(0);
  });

  it('in the same batch as the dialog, once the session is known; a closed, rated earlier session by its id', async () => {
    await connected();
    await lookUp('chat1777');
    let from = emulator.requests.length;
    await lookUp('chat1777');
    // The kept copy names session 343, the lines are known: one request.
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get']]);

    from = emulator.requests.length;
    const earlier = conversationOf(await lookUp('287', 'session'));
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get']]);
    expect(earlier).toMatchObject({ sessionId: 287, status: 'closed', rating: { client: 'like', supervisor: 5 } });
    expect(earlier.rating.supervisorComment).toBeTruthy();
    expect(earlier.timings.clientWaitingSince).toBeNull();
  });

  it('a transcript the account may not read is its own error, in its own words; the dialog is shown', async () => {
    await connected();
    const result = await lookUp('5150', 'session');
    expect(result.dialog.id).toBe(2015);
    expect(result.sections.length).toBeGreaterThan(0);
    expect(result.conversation).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', title: 'No access to this conversation' } });
    if (result.conversation?.ok !== false) throw new Error('expected a refused transcript');
    expect(result.conversation.error.message).toContain('permission to view the conversation history');
  });

  it('names the operator the dialog only numbers from the transcript’s authors, in this very lookup', async () => {
    await connected();
    const result = await lookUp('2006');
    expect(result.dialog.owner).toBe(27);
    expect(result.names['27']).toBe('Samantha Johnson');
  });

  it('is kept: the offline copy carries it when the portal cannot be reached', async () => {
    await connected();
    const fresh = conversationOf(await lookUp('chat1777'));
    emulator.injectFault({ kind: 'reset' }, { times: 3 });
    const offline = await lookUp('chat1777');
    emulator.clearFaults();
    expect(offline.source).toBe('cache');
    expect(conversationOf(offline).messages.map((message) => message.id)).toEqual(fresh.messages.map((message) => message.id));
  });

  it('is not fetched when the setting is off: one request, no conversation', async () => {
    await connected({ fetchConversation: false });
    const from = emulator.requests.length;
    const result = await lookUp('chat1777');
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get']]);
    expect(result.conversation ?? null).toBeNull();
  });
});

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

async function connected(settings?: Partial<Settings>, clientOptions?: { maxAnswerBytes: number }): Promise<void> {
  harness = await startHarness(emulator, { settings, ...(clientOptions ? { clientOptions } : {}) });
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

/** The lookup's conversation error; fails the test when there is none. */
function conversationError(result: LookupResult) {
  if (result.conversation?.ok !== false) throw new Error(`expected a failed conversation: ${JSON.stringify(result.conversation)}`);
  return result.conversation.error;
}

describe('a failed transcript never hides the dialog’s fields', () => {
  // chat1777's dialog alone is about 1.6 KB, with session 343's transcript about 13 KB.
  const SMALL_CAP = 4 * 1024;

  it('a batch past the answer cap: the dialog alone is asked, the conversation says why and what to do', async () => {
    await connected(undefined, { maxAnswerBytes: SMALL_CAP });
    const from = emulator.requests.length;
    const result = await lookUp('343', 'session');
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get', 'imopenlines.config.list.get'], ['imopenlines.dialog.get']]);
    expect(result.source).toBe('network');
    expect(result.dialog.id).toBe(1777);
    expect(result.sections.length).toBeGreaterThan(0);
    const error = conversationError(result);
    expect(error).toMatchObject({ code: 'ANSWER_TOO_LARGE', title: 'Answer too large' });
    expect(error.message).toContain('larger than');
    expect(error.action).toContain('long session');
    expect(error.action).toContain('--max-answer-mb');
  });

  it('a batch the portal fails with a server error: the dialog alone, the conversation carries the portal’s error', async () => {
    await connected();
    await lookUp('chat1777');
    emulator.injectFault({ kind: 'error', code: 'INTERNAL_SERVER_ERROR', status: 500 }, { method: 'batch' });
    const from = emulator.requests.length;
    const result = await lookUp('chat1777');
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get'], ['imopenlines.dialog.get']]);
    expect(result.source).toBe('network');
    expect(result.dialog.id).toBe(1777);
    expect(conversationError(result)).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
  });

  it('a batch past the deadline: the dialog alone is asked, the conversation says TIMEOUT', async () => {
    harness = await startHarness(emulator, { clientOptions: { timeoutMs: 1_500 } });
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
    emulator.injectFault({ kind: 'hang' }, { method: 'batch' });
    const from = emulator.requests.length;
    const result = await lookUp('343', 'session');
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get', 'imopenlines.config.list.get'], ['imopenlines.dialog.get']]);
    expect(result.dialog.id).toBe(1777);
    expect(conversationError(result).code).toBe('TIMEOUT');
  });

  it('a lookup cancelled while its batch is on the wire stays a cancel: the dialog is not asked alone', async () => {
    await connected();
    emulator.injectFault({ kind: 'hang' }, { method: 'batch' });
    const from = emulator.requests.length;
    const lookup = harness.api.dispatch('lookup:run', { input: '343', numberAs: 'session', requestId: 'hung' });
    // The hang is logged once it fires: the batch is on the wire.
    await expect.poll(() => emulator.requests.length).toBeGreaterThan(from);
    expect(ok(await harness.api.dispatch('lookup:cancel', { requestId: 'hung' }))).toEqual({ cancelled: true });
    expect(await lookup).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get', 'imopenlines.config.list.get']]);
  });

  it('a batch refused for the credentials is not asked again: the lookup fails as the dialog would', async () => {
    await connected();
    await lookUp('chat1777');
    emulator.injectFault({ kind: 'error', code: 'NO_AUTH_FOUND', status: 401 }, { method: 'batch' });
    const from = emulator.requests.length;
    const outcome = await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' });
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get']]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NO_AUTH_FOUND' } });
  });

  it.each([
    ['INVALID_SESSION_ID', 'Session not found', 'The portal could not find the session asked for.', 'Check the session id'],
    ['MISSING_REQUIRED_PARAM', 'A required parameter was missing', 'The portal answered that the request lacked a parameter it needs.', 'Please report it'],
  ])('%s from the transcript: the dialog’s fields stay, the conversation has its own title, message and action', async (code, title, message, action) => {
    await connected();
    emulator.injectFault({ kind: 'error', code, status: 400 }, { method: 'batch' });
    const result = await lookUp('chat1777');
    expect(result.dialog.id).toBe(1777);
    expect(result.sections.length).toBeGreaterThan(0);
    const error = conversationError(result);
    expect(error).toMatchObject({ code, title, message, status: 400 });
    expect(error.action).toContain(action);
  });

  it('INVALID_SESSION_ID in Russian: its own Russian title and action', async () => {
    await connected({ language: 'ru' });
    emulator.injectFault({ kind: 'error', code: 'INVALID_SESSION_ID', status: 400 }, { method: 'batch' });
    const error = conversationError(await lookUp('chat1777'));
    expect(error).toMatchObject({ code: 'INVALID_SESSION_ID', title: 'Сессия не найдена', message: 'Портал не нашёл запрошенную сессию.' });
    expect(error.action).toContain('entity_data_1');
  });

  it('the same codes from a batch that carried the dialog: the dialog alone is asked and shown', async () => {
    await connected();
    emulator.injectFault({ kind: 'error', code: 'INVALID_SESSION_ID', status: 400 }, { method: 'batch' });
    const from = emulator.requests.length;
    const result = await lookUp('343', 'session');
    expect(askedSince(from)).toEqual([['imopenlines.dialog.get', 'imopenlines.session.history.get', 'imopenlines.config.list.get'], ['imopenlines.dialog.get']]);
    expect(result.dialog.id).toBe(1777);
    expect(conversationError(result)).toMatchObject({ code: 'INVALID_SESSION_ID', title: 'Session not found' });
  });
});

describe('a transcript past its method’s time budget', () => {
  it('is the conversation’s error naming imopenlines.session.history.get, while the dialog in the same batch is shown', async () => {
    // Two calls of each method per 10 minutes.
    const limited = await startEmulator({ rateLimit: false, operatingLimitSeconds: 1, operatingCostSeconds: 0.5 });
    try {
      harness = await startHarness(limited);
      ok(await harness.api.dispatch('connection:use-webhook', { url: limited.webhookUrl(), name: 'Support' }));
      ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      // The history's second call, on its own: its budget is now spent, the dialog's is not.
      ok(await harness.api.dispatch('conversation:get', { chatId: 1777, sessionId: 287, fromPortal: true }));
      const result = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
      expect(result.dialog.id).toBe(1777);
      const error = conversationError(result);
      expect(error.code).toBe('OPERATION_TIME_LIMIT');
      expect(error.message).toContain('imopenlines.session.history.get');
      expect(error.message).not.toContain('imopenlines.dialog.get');
    } finally {
      harness.dispose();
      await limited.close();
    }
  });
});

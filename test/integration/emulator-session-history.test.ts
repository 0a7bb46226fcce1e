// imopenlines.session.history.get on the emulator, over real HTTPS: the
// documented result keys as Rest::objectEncode re-cases them, messages keyed
// by id and sent newest first, PHP's [] for empty maps, BB-code texts, system
// messages and ratings, the documented errors, batch, and a session of 5,000
// messages in one answer (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-session-history-get.html, and batch: https://apidocs.bitrix24.com/settings/how-to-call-rest-api/batch.html).
import { describe, it, expect } from 'vitest';
import {
  DEMO_IDS,
  DEMO_SESSION_IDS,
  DEMO_WEBHOOK,
  demoDataset,
  type Emulator,
  type EmulatorWebhook,
} from '../../main/emulator/index';
import { callEmulator, startedEmulators, type Reply } from '../support/emulator-call';

const start = startedEmulators({ rateLimit: false });
const call = (emulator: Emulator, method: string, params: Record<string, unknown>, webhook?: EmulatorWebhook): Promise<Reply> =>
  callEmulator(emulator, method, params, webhook ? { webhook } : {});

const history = (emulator: Emulator, params: Record<string, unknown>, webhook?: EmulatorWebhook): Promise<Reply> =>
  call(emulator, 'imopenlines.session.history.get', params, webhook);

const SAMANTHA: EmulatorWebhook = { userId: 27, key: 'samantha0key', scopes: ['imopenlines'] };
const MARIA: EmulatorWebhook = { userId: 44, key: 'maria0key', scopes: ['imopenlines'] };
const CRM_ONLY: EmulatorWebhook = { userId: 7, key: 'crm0only', scopes: ['crm'] };

const RESULT_KEYS = [
  'chatId',
  'canJoin',
  'canVoteHead',
  'sessionId',
  'sessionVoteHead',
  'sessionCommentHead',
  'userId',
  'message',
  'usersMessage',
  'users',
  'openlines',
  'userInGroup',
  'woUserInGroup',
  'chat',
  'userBlockChat',
  'userInChat',
  'files',
];

const ACCESS_DENIED = {
  error: 'ACCESS_DENIED',
  error_description: 'You cannot open this conversation because you do not have sufficient rights.',
};

interface Message {
  id: string;
  chatid: string;
  senderid: string;
  date: string;
  text: string;
  textlegacy: string;
  params: any;
}

/** What a client must do: the map's values, sorted by id. */
function chronological(result: any): Message[] {
  return (Object.values(result.message) as Message[]).sort((a, b) => Number(a.id) - Number(b.id));
}

/** The message ids in the order the JSON text lists them. */
function idsAsSent(text: string): number[] {
  return [...text.matchAll(/"(\d+)":\{"id":"(\d+)","chatid"/g)].filter((m) => m[1] === m[2]).map((m) => Number(m[1]));
}

const dataset = demoDataset();
const dialogOf = (chatId: number): Record<string, unknown> => {
  const entry = dataset.find((d) => d.dialog['id'] === chatId);
  if (!entry) throw new Error(`no chat ${chatId}`);
  return entry.dialog;
};
const sessionField = (chatId: number, index: number): string => String(dialogOf(chatId)['entity_data_1']).split('|')[index] ?? '';

describe('session.history.get: the shape of the answer', () => {
  it('answers exactly the documented keys, re-cased by objectEncode', async () => {
    const emulator = await start();
    const reply = await history(emulator, { SESSION_ID: DEMO_IDS.documentedSessionId });
    expect(reply.status).toBe(200);
    const result = reply.json.result;
    expect(Object.keys(result)).toEqual(RESULT_KEYS);
    expect(result).toMatchObject({
      chatId: DEMO_IDS.documentedChatId,
      canJoin: 'Y',
      canVoteHead: 'Y',
      sessionId: 343,
      sessionVoteHead: 0,
      sessionCommentHead: null,
      userId: 'chat1777',
      openlines: { canvoteashead: { 22: true } },
      woUserInGroup: [],
    });
    expect(typeof reply.json.time.start).toBe('number');

    for (const message of Object.values(result.message) as Message[]) {
      expect(Object.keys(message)).toEqual(['id', 'chatid', 'senderid', 'recipientid', 'date', 'text', 'textlegacy', 'params']);
      expect(message).toMatchObject({ chatid: '1777', recipientid: 'chat1777' });
      expect(message.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00$/);
    }
    const samantha = result.users['27'];
    expect(Object.keys(samantha)).toEqual(
      expect.arrayContaining(['id', 'name', 'firstName', 'lastName', 'workPosition', 'avatarId', 'externalAuthId', 'lastActivityDate', 'bot', 'connector', 'botData']),
    );
    const chat = result.chat['1777'];
    expect(chat).toMatchObject({
      id: '1777',
      owner: '27',
      entityType: 'LINES',
      entityId: 'livechat|22|1775|599',
      entityData1: 'Y|LEAD|1209|N|N|343|1773682918|0|0|0',
      messageType: 'L',
      permissions: { manageUsersAdd: 'member', canPost: 'member' },
    });
    expect(result.userInChat).toEqual({ 1777: [27, 599] });
    expect(result.userBlockChat).toEqual({ 1777: { 27: false, 599: false } });
    expect(Object.keys(result.files['5401'])).toEqual(
      expect.arrayContaining(['chatid', 'authorid', 'authorname', 'urlpreview', 'urlshow', 'urldownload', 'viewerattrs', 'mediaurl', 'isvoicenote']),
    );
  });

  it('never sends a key with an underscore or in upper case, at any depth (lcfirst(ucwords(strtolower)))', async () => {
    const emulator = await start();
    const keys = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          keys.add(key);
          walk(item);
        }
      }
    };
    for (const sessionId of [343, 287, 5012]) walk((await history(emulator, { SESSION_ID: sessionId })).json.result);
    for (const key of keys) expect(key, key).toMatch(/^([a-z][a-zA-Z0-9]*|\d+|chat\d+)$/);
    // camelCase sources come out all lower-case, snake_case ones as camelCase.
    for (const key of ['senderid', 'chatid', 'textlegacy', 'authorid', 'fileId', 'connectorMid', 'imolSid', 'componentId', 'imolVoteSid', 'firstName', 'entityData1', 'canvoteashead']) {
      expect(keys, key).toContain(key);
    }
    for (const key of ['senderId', 'SENDER_ID', 'file_id', 'FILE_ID', 'canVoteAsHead']) expect(keys).not.toContain(key);
  });

  it('keys messages by id and sends them newest first, so a client must sort', async () => {
    const emulator = await start();
    const reply = await history(emulator, { SESSION_ID: 343 });
    const sent = idsAsSent(reply.text);
    expect(sent).toHaveLength(15);
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    const order = reply.json.result.usersMessage.chat1777 as string[];
    expect(order).toEqual(sent.map(String));

    const messages = chronological(reply.json.result);
    for (let i = 1; i < messages.length; i += 1) {
      expect(Date.parse(messages[i]!.date)).toBeGreaterThanOrEqual(Date.parse(messages[i - 1]!.date));
    }
    // Ids have gaps: the portal's message ids are shared by every chat.
    expect(Number(messages.at(-1)!.id) - Number(messages[0]!.id) + 1).toBeGreaterThan(messages.length);
  });

  it('writes empty maps as [] (PHP arrays), in every place they occur', async () => {
    const emulator = await start();
    const waiting = (await history(emulator, { SESSION_ID: 343 })).json.result;
    const joined = chronological(waiting).find((m) => m.text.includes('joined the conversation'));
    expect(joined?.params).toEqual([]);
    expect(waiting.woUserInGroup).toEqual([]);

    const closed = (await history(emulator, { SESSION_ID: 287 })).json.result;
    expect(closed.files).toEqual([]);

    const purged = await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.emptySessionId });
    expect(purged.status).toBe(200);
    expect(purged.json.result).toMatchObject({ chatId: DEMO_IDS.legacySessionChatId, message: [], usersMessage: [], files: [], userInGroup: [] });
    expect(purged.text).toContain('"message":[],"usersMessage":[]');
  });

  it('lists the operators, the bot and the client in `users`, under the names dialog.get uses', async () => {
    const emulator = await start();
    const result = (await history(emulator, { SESSION_ID: 343 })).json.result;
    expect(Object.keys(result.users).sort()).toEqual(['27', '597', '599']);
    expect(result.users['27']).toMatchObject({ name: 'Samantha Johnson', bot: false, connector: false, extranet: false });
    expect(result.users['597']).toMatchObject({ bot: true, connector: false });
    expect(result.users['599']).toMatchObject({ name: 'Guest', connector: true, externalAuthId: 'imconnector' });
    expect(result.userInGroup).toEqual({ 1: { id: 1, users: [27] } });
    const views = dialogOf(1777)['last_message_views'] as { first_viewers: Array<{ user_id: number; user_name: string }> };
    expect(views.first_viewers[0]).toMatchObject({ user_id: 27, user_name: result.users['27'].name });

    // Classified as a client would: system by senderid 0, client by connector, bot by bot.
    const kinds = new Set(
      chronological(result).map((m) => (m.senderid === '0' ? 'system' : result.users[m.senderid].connector ? 'client' : result.users[m.senderid].bot ? 'bot' : 'operator')),
    );
    expect([...kinds].sort()).toEqual(['bot', 'client', 'operator', 'system']);

    // A hostile name travels as it is; the renderer must escape it.
    const markup = (await history(emulator, { SESSION_ID: Number(sessionField(DEMO_IDS.markupChatId, 5)) })).json.result;
    expect(markup.users['615'].name).toBe('<script>alert(2)</script>');
    // A chat the connector groups (user 0): the group's members write, and there is no user 0.
    const group = (await history(emulator, { SESSION_ID: Number(sessionField(DEMO_IDS.groupChatChatId, 5)) })).json.result;
    expect(group.users['0']).toBeUndefined();
    const members = Object.values(group.users).filter((u: any) => u.connector);
    expect(members.length).toBe(2);
  });
});

describe('session.history.get: texts, system messages and ratings', () => {
  it('sends BB-code as Text::parse leaves it and HTML as parseLegacyFormat makes it', async () => {
    const emulator = await start();
    const messages = chronological((await history(emulator, { SESSION_ID: 343 })).json.result);
    const find = (part: string): Message => {
      const found = messages.find((m) => m.text.includes(part));
      if (!found) throw new Error(`no message with ${part}`);
      return found;
    };
    // [br] and #BR# become line breaks; a bare URL is wrapped in [URL=…].
    const greeting = find('Bitrix24 Documentation[/b]');
    expect(greeting.text).toContain('[b]Bitrix24 Documentation[/b].\nAn operator');
    expect(greeting.text).toContain('[URL=https://apidocs.bitrix24.com/]https://apidocs.bitrix24.com/[/URL]');
    expect(greeting.textlegacy).toContain('<b>Bitrix24 Documentation</b>.<br/>An operator');
    expect(greeting.textlegacy).toContain('<a href="https://apidocs.bitrix24.com/" target="_blank">');
    expect(find('remove the webhook key').text).toContain('answer?\nPlease [b]remove');
    // [code] passes through; entities are decoded in text, escaped again in textlegacy.
    const code = find('[code]');
    expect(code.text).toContain('[code]POST /rest/1/****/imopenlines.dialog.get.json\n{"CHAT_ID": 1777}[/code]');
    expect(code.textlegacy).toContain('[code]');
    expect(code.textlegacy).toContain('{&quot;CHAT_ID&quot;: 1777}');
    // The 54-dash quote block and an empty [USER=1] filled in with the name.
    const quote = find('Guest [16.03.2026 18:45:48]');
    expect(quote.text.split('\n')[0]).toBe('-'.repeat(54));
    expect(quote.text).toContain('[USER=1 REPLACE]Vladimir Loginov[/USER]');
    expect(quote.textlegacy).not.toContain('[USER');
    // A ">>" quote line, [u], [s], [i] and an explicit [URL=…] link.
    const quoted = find('>>check the role');
    expect(quoted.text).toContain('[u]webhook scope[/u]');
    expect(quoted.textlegacy).toContain('&gt;&gt;check the role');
    const styled = find('[s]It is the scope.[/s]');
    expect(styled.textlegacy).toContain('<s>It is the scope.</s>');
    expect(styled.textlegacy).toContain('<i>and</i>');
    expect(styled.text).toContain('[URL=https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html]imopenlines.dialog.get[/URL]');
    expect(find('[u]webhook scope[/u]').textlegacy).toContain('<u>webhook scope</u>');

    const formatting = chronological((await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.formattingSessionId })).json.result);
    const last = formatting.at(-1)!;
    expect(last.text).toContain('[USER=614 REPLACE]Olivia 🌸 Brown[/USER]');
    expect(last.text).toContain('\n<3 from the whole team');
    expect(last.textlegacy).toContain('<br/>&lt;3 from the whole team');
    // A sentence's full stop is not part of the address.
    expect(formatting.some((m) => m.text.includes('[URL=https://shop.example.com/delivery#express]https://shop.example.com/delivery#express[/URL].'))).toBe(true);
  });

  it('carries files in params.fileId and their metadata in `files`', async () => {
    const emulator = await start();
    const result = (await history(emulator, { SESSION_ID: 343 })).json.result;
    const withFile = chronological(result).find((m) => Array.isArray(m.params.fileId));
    expect(withFile).toMatchObject({ senderid: '599', text: '', params: { fileId: [5401] } });
    expect(result.files['5401']).toMatchObject({
      id: 5401,
      chatid: 1777,
      type: 'image',
      name: 'access-error.png',
      extension: 'png',
      image: { width: 1280, height: 720 },
      status: 'done',
      authorid: 599,
      authorname: 'Guest',
    });
    expect(result.files['5401'].urldownload).toMatch(/^\/bitrix\/services\/main\/ajax\.php\?action=disk\.api\.file\.download&fileId=5401&_esd=/);
  });

  it('opens every session with the system "session started" message, hands one over with a transfer notice, keeps a removed message flagged, and closes with the rating and "Dialogue completed."', async () => {
    const emulator = await start();
    const closed = await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.closedSessionId });
    const result = closed.json.result;
    expect(result).toMatchObject({ sessionVoteHead: 5, sessionCommentHead: 'Clear answer, with an example from the docs.' });
    const messages = chronological(result);
    expect(messages[0]).toMatchObject({
      senderid: '0',
      text: 'Start a new dialogue # [URL=/online/?IM_HISTORY=imol|287]287[/URL]',
      params: { class: 'bx-messenger-content-item-ol-start', componentId: 'StartDialogMessage', imolSid: 287 },
    });
    const card = messages.find((m) => m.params.attach);
    expect(card).toMatchObject({ senderid: '0', text: 'A new lead has been created' });
    expect(card?.params.attach[0].blocks[0]).toEqual({ link: [{ name: 'Lead: Green Guest #17', link: '/crm/lead/details/1209/' }] });
    expect(card?.params.attach[0].blocks[1].grid[0]).toEqual({ display: 'LINE', name: 'Source', value: 'Live chat' });
    const vote = messages.find((m) => m.params.imolVote);
    expect(vote).toMatchObject({ senderid: '0', params: { imolVote: 'like', imolVoteSid: 287, imolVoteUser: 599, imolForm: 'like' } });
    expect(messages.at(-1)).toMatchObject({
      senderid: '0',
      text: 'Dialogue completed.',
      params: { class: 'bx-messenger-content-item-ol-end', componentId: 'bx-imopenlines-message', imolVoteHead: 5, imolVoteSid: 287, type: 'lines' },
    });
    const joined = messages.find((m) => m.text.startsWith('[USER=27 REPLACE]'));
    expect(joined).toMatchObject({ senderid: '0', text: '[USER=27 REPLACE]Samantha Johnson[/USER] joined the conversation' });

    const transferred = chronological((await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.answeredSessionId })).json.result);
    const handOver = transferred.find((m) => m.text.includes('transferred the conversation'));
    expect(handOver).toMatchObject({ senderid: '0', text: '[USER=31 REPLACE]Daniel Kim[/USER] transferred the conversation to [USER=52 REPLACE]Олег Соколов[/USER]' });
    const removed = transferred.filter((m) => m.params.isDeleted !== undefined);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ senderid: '569', text: '', params: { isDeleted: 'Y', imolSid: DEMO_SESSION_IDS.answeredSessionId } });
    // The removal came before the transfer, and the hand-over before the new operator joined.
    expect(transferred.indexOf(removed[0]!)).toBeLessThan(transferred.indexOf(handOver!));
    expect(transferred.findIndex((m) => m.text.startsWith('[USER=52 REPLACE]'))).toBeGreaterThan(transferred.indexOf(handOver!));

    const disliked = chronological((await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.closedCurrentSessionId })).json.result);
    expect(disliked.find((m) => m.params.imolVote)?.params.imolVote).toBe('dislike');
  });
});

describe('session.history.get: the demo data agrees with dialog.get', () => {
  it('has a waiting, an answered and a closed current session where the dialogs say', async () => {
    const emulator = await start();
    const lastAuthor = async (sessionId: number): Promise<{ message: Message; users: any }> => {
      const result = (await history(emulator, { SESSION_ID: sessionId })).json.result;
      return { message: chronological(result).at(-1)!, users: result.users };
    };
    const waiting = await lastAuthor(DEMO_SESSION_IDS.waitingSessionId);
    expect(waiting.users[waiting.message.senderid].connector).toBe(true);
    expect(waiting.message.id).toBe(String(dialogOf(1777)['last_message_id']));

    const answered = await lastAuthor(DEMO_SESSION_IDS.answeredSessionId);
    expect(answered.message.senderid).toBe(String(dialogOf(DEMO_IDS.cyrillicChatId)['owner']));
    expect(answered.users[answered.message.senderid].name).toBe('Олег Соколов');

    const closed = await lastAuthor(DEMO_SESSION_IDS.closedCurrentSessionId);
    expect(closed.message).toMatchObject({ senderid: '0', params: { class: 'bx-messenger-content-item-ol-end' } });
  });

  it('answers every session of every demo dialog in time with the dialog (checked through batch)', async () => {
    const emulator = await start();
    const sessions = dataset.flatMap((entry) => entry.sessionIds.map((sessionId) => ({ entry, sessionId })));
    expect(sessions.length).toBeGreaterThan(60);
    let checked = 0;
    for (let i = 0; i < sessions.length; i += 50) {
      const chunk = sessions.slice(i, i + 50);
      const reply = await call(emulator, 'batch', {
        halt: 0,
        cmd: Object.fromEntries(chunk.map(({ sessionId }) => [`s${sessionId}`, `imopenlines.session.history.get?SESSION_ID=${sessionId}`])),
      });
      expect(reply.status).toBe(200);
      for (const { entry, sessionId } of chunk) {
        const dialog = entry.dialog;
        if (entry.deniedUserIds?.includes(DEMO_WEBHOOK.userId) || sessionId === DEMO_SESSION_IDS.foreignSessionId) {
          expect(reply.json.result.result_error[`s${sessionId}`]).toEqual(ACCESS_DENIED);
          continue;
        }
        const result = reply.json.result.result[`s${sessionId}`];
        expect(result.chatId, String(sessionId)).toBe(dialog['id']);
        expect(result.sessionId).toBe(sessionId);
        const messages = chronological(result);
        if (sessionId === DEMO_SESSION_IDS.emptySessionId) continue;
        const created = Date.parse(String(dialog['date_create']));
        for (const message of messages) expect(Date.parse(message.date), `${sessionId}/${message.id}`).toBeGreaterThanOrEqual(created);
        expect(messages[0]!.params.componentId).toBe('StartDialogMessage');
        expect(messages[0]!.params.imolSid).toBe(sessionId);
        const fields = String(dialog['entity_data_1']).split('|');
        if (Number(fields[5]) === sessionId) {
          // The current session starts at entity_data_1[6] and ends at the chat's last message.
          if (fields[6]) expect(Date.parse(messages[0]!.date) / 1000).toBe(Number(fields[6]));
          expect(messages.at(-1)!.id).toBe(String(dialog['last_message_id']));
          // The operator who wrote is the dialog's owner, by the name dialog.get gives.
          const owner = String(dialog['owner']);
          expect(Object.keys(result.users)).toContain(owner);
        } else {
          expect(Number(messages.at(-1)!.id)).toBeLessThan(Number(dialog['last_message_id']));
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('session.history.get: a session of 5,000 messages', () => {
  it('comes back whole, in one answer, newest first', async () => {
    const emulator = await start();
    const reply = await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.longSessionId });
    expect(reply.status).toBe(200);
    const result = reply.json.result;
    expect(result.chatId).toBe(DEMO_IDS.customConnectorChatId);
    expect(Object.keys(result.message)).toHaveLength(DEMO_SESSION_IDS.longSessionMessageCount);
    expect(result.usersMessage.chat2013).toHaveLength(5000);
    const sent = idsAsSent(reply.text);
    expect(sent).toHaveLength(5000);
    expect(sent[0]).toBe(85000);
    expect(sent.at(-1)).toBe(80001);
    const messages = chronological(result);
    expect(messages[0]!.params.componentId).toBe('StartDialogMessage');
    expect(messages.at(-1)!.params.class).toBe('bx-messenger-content-item-ol-end');
    for (let i = 1; i < messages.length; i += 1) {
      expect(Date.parse(messages[i]!.date)).toBeGreaterThanOrEqual(Date.parse(messages[i - 1]!.date));
    }
    expect(Object.keys(result.files).length).toBeGreaterThanOrEqual(10);
    // It ends before the chat's current session begins.
    expect(Date.parse(messages.at(-1)!.date) / 1000).toBeLessThan(Number(sessionField(DEMO_IDS.customConnectorChatId, 6)));
  });
});

describe('session.history.get: parameters and errors', () => {
  it('answers MISSING_REQUIRED_PARAM, INVALID_SESSION_ID and ACCESS_DENIED, all with HTTP 400', async () => {
    const emulator = await start();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'MISSING_REQUIRED_PARAM'],
      [{ SESSION_ID: '' }, 'MISSING_REQUIRED_PARAM'],
      // Keys are read as sent: the method does not upper-case them as dialog.get does.
      [{ session_id: 343 }, 'MISSING_REQUIRED_PARAM'],
      [{ SESSION_ID: 'abc' }, 'INVALID_SESSION_ID'],
      [{ SESSION_ID: 0 }, 'INVALID_SESSION_ID'],
      [{ SESSION_ID: -343 }, 'INVALID_SESSION_ID'],
      [{ CHAT_ID: 'chat1777' }, 'INVALID_SESSION_ID'],
      [{ CHAT_ID: DEMO_IDS.missingChatId }, 'INVALID_SESSION_ID'],
      // A chat without sessions has nothing to resolve to.
      [{ CHAT_ID: DEMO_IDS.emptyEntityDataChatId }, 'INVALID_SESSION_ID'],
      // No such session, and no right to it, look the same.
      [{ SESSION_ID: 424242 }, 'ACCESS_DENIED'],
      [{ SESSION_ID: DEMO_SESSION_IDS.deniedSessionId }, 'ACCESS_DENIED'],
      [{ SESSION_ID: DEMO_SESSION_IDS.foreignSessionId }, 'ACCESS_DENIED'],
      // CHAT_ID alone needs chat membership, which the demo webhook's user never has.
      [{ CHAT_ID: 1777 }, 'ACCESS_DENIED'],
    ];
    for (const [params, code] of cases) {
      const reply = await history(emulator, params);
      expect(reply.status, JSON.stringify(params)).toBe(400);
      expect(reply.json.error, JSON.stringify(params)).toBe(code);
      expect(typeof reply.json.error_description).toBe('string');
    }
    expect((await history(emulator, { SESSION_ID: 424242 })).json).toEqual(ACCESS_DENIED);
    // The chat of the foreign session is readable; only that session's history is not.
    expect((await call(emulator, 'imopenlines.dialog.get', { CHAT_ID: DEMO_IDS.manyReadersChatId })).status).toBe(200);
  });

  it('lets the session operator and a supervisor read what the demo user may not', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, MARIA] });
    const foreign = await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.foreignSessionId }, MARIA);
    expect(foreign.status).toBe(200);
    // She handled it, so she may not rate it as a supervisor.
    expect(foreign.json.result).toMatchObject({ sessionId: 5150, chatId: DEMO_IDS.manyReadersChatId, canVoteHead: 'N' });
    expect(foreign.json.result.users['44'].name).toBe('María García');
    const restricted = await history(emulator, { SESSION_ID: DEMO_SESSION_IDS.deniedSessionId }, MARIA);
    expect(restricted.status).toBe(200);
    expect(restricted.json.result.chatId).toBe(DEMO_IDS.deniedChatId);
  });

  it('takes SESSION_ID over CHAT_ID, and CHAT_ID alone as the chat newest session for a member', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, SAMANTHA] });
    const both = await history(emulator, { SESSION_ID: '287', CHAT_ID: DEMO_IDS.cyrillicChatId });
    expect(both.json.result).toMatchObject({ sessionId: 287, chatId: 1777 });
    const byChat = await history(emulator, { CHAT_ID: '1777' }, SAMANTHA);
    expect(byChat.status).toBe(200);
    expect(byChat.json.result).toMatchObject({ sessionId: 343, chatId: 1777, canVoteHead: 'N' });
  });

  it('answers insufficient_scope to a webhook without imopenlines', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, CRM_ONLY] });
    const reply = await history(emulator, { SESSION_ID: 343 }, CRM_ONLY);
    expect(reply.status).toBe(403);
    expect(reply.json.error).toBe('insufficient_scope');
  });

  it('behaves like the older module when asked: SESSION_ID only, ACCESS_DENIED for the rest', async () => {
    const emulator = await start({ legacySessionHistory: true, webhooks: [DEMO_WEBHOOK, SAMANTHA] });
    for (const params of [{}, { SESSION_ID: 'abc' }, { SESSION_ID: 0 }, { SESSION_ID: 424242 }]) {
      const reply = await history(emulator, params);
      expect(reply.status, JSON.stringify(params)).toBe(400);
      expect(reply.json, JSON.stringify(params)).toEqual(ACCESS_DENIED);
    }
    expect((await history(emulator, { CHAT_ID: 1777 }, SAMANTHA)).json).toEqual(ACCESS_DENIED);
    expect((await history(emulator, { SESSION_ID: 343 })).json.result.sessionId).toBe(343);
  });
});

describe('session.history.get in batch', () => {
  it('answers several sessions under their keys, errors per key, and keeps each map newest first', async () => {
    const emulator = await start();
    const reply = await call(emulator, 'batch', {
      halt: 0,
      cmd: {
        d: 'imopenlines.dialog.get?CHAT_ID=1777',
        waiting: 'imopenlines.session.history.get?SESSION_ID=343',
        closed: 'imopenlines.session.history.get?SESSION_ID=287',
        answered: `imopenlines.session.history.get?SESSION_ID=${DEMO_SESSION_IDS.answeredSessionId}`,
        long: `imopenlines.session.history.get?SESSION_ID=${DEMO_SESSION_IDS.longSessionId}`,
        denied: `imopenlines.session.history.get?SESSION_ID=${DEMO_SESSION_IDS.deniedSessionId}`,
        again: 'imopenlines.session.history.get?SESSION_ID=$result[waiting][sessionId]',
      },
    });
    expect(reply.status).toBe(200);
    const { result, result_error, result_time } = reply.json.result;
    expect(Object.keys(result)).toEqual(['d', 'waiting', 'closed', 'answered', 'long', 'again']);
    expect(result.waiting.sessionId).toBe(343);
    expect(result.closed.sessionId).toBe(287);
    expect(result.answered.chatId).toBe(DEMO_IDS.cyrillicChatId);
    expect(Object.keys(result.long.message)).toHaveLength(5000);
    expect(result.again.sessionId).toBe(343);
    expect(result_error).toEqual({ denied: ACCESS_DENIED });
    expect(result_time.waiting.operating).toBeCloseTo(0.05, 9);
    // Nested in batch, the JSON still lists message ids newest first.
    const waitingPart = reply.text.slice(reply.text.indexOf('"waiting":'), reply.text.indexOf('"closed":'));
    const sent = idsAsSent(waitingPart);
    expect(sent).toHaveLength(15);
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
  });
});

describe('session.history.get with data of a test', () => {
  it('serves given transcripts sorted the portal way, and generates one for any other session', async () => {
    const dialog = { id: 5, dialog_id: 'chat5', entity_id: 'x|3|2|9', owner: 31 };
    const emulator = await start({
      dialogs: [{ dialog, sessionIds: [77, 78] }],
      sessions: [
        {
          sessionId: 77,
          chatId: 5,
          configId: 3,
          operatorId: 31,
          messages: [
            { id: 11, authorId: 31, date: 1767600060, text: 'Second [br]line' },
            { id: 10, authorId: 9, date: 1767600000, text: 'First https://example.com', params: { CONNECTOR_MID: ['a1'] } },
          ],
          users: [{ id: 9, name: 'Test Client', kind: 'client' }],
        },
        // A transcript of a chat the portal does not have does not exist.
        { sessionId: 90, chatId: 6, configId: 3, operatorId: 31, messages: [] },
      ],
    });
    const given = await history(emulator, { SESSION_ID: 77 });
    expect(idsAsSent(given.text)).toEqual([11, 10]);
    expect(given.json.result.message['10']).toMatchObject({
      senderid: '9',
      text: 'First [URL=https://example.com]https://example.com[/URL]',
      params: { connectorMid: ['a1'] },
    });
    expect(given.json.result.message['11'].text).toBe('Second \nline');
    expect(given.json.result.users['31'].name).toBe('Daniel Kim');
    expect(given.json.result.users['9']).toMatchObject({ name: 'Test Client', connector: true });

    const generated = await history(emulator, { SESSION_ID: 78 });
    expect(generated.status).toBe(200);
    expect(chronological(generated.json.result)[0]!.params.componentId).toBe('StartDialogMessage');
    expect((await history(emulator, { SESSION_ID: 90 })).json).toEqual(ACCESS_DENIED);

    // A session a living portal adds later has a transcript too.
    emulator.updateDialog(5, {}, { newSessionId: 79 });
    expect((await history(emulator, { SESSION_ID: 79 })).json.result.sessionId).toBe(79);
  });
});

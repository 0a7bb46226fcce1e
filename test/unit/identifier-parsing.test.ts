import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/errors';
import { parseIdentifier } from '../../main/core/identifier';

function refusal(input: string, numberAs: 'chat' | 'session' = 'chat'): InspectorError {
  try {
    parseIdentifier(input, numberAs);
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error(`"${input}" was accepted`);
}

describe('accepted identifier forms', () => {
  it.each([
    ['chat1777', 'chat', 'DIALOG_ID', 'chat1777'],
    ['CHAT1777', 'chat', 'DIALOG_ID', 'chat1777'],
    ['chat01777', 'chat', 'DIALOG_ID', 'chat1777'],
    ['  chat1777\n', 'chat', 'DIALOG_ID', 'chat1777'],
    ['1777', 'chat', 'CHAT_ID', 1777],
    ['1777', 'session', 'SESSION_ID', 1777],
    ['\t343 ', 'session', 'SESSION_ID', 343],
    ['2147483647', 'chat', 'CHAT_ID', 2147483647],
    ['livechat|1|1373|211', 'chat', 'USER_CODE', 'livechat|1|1373|211'],
    ['imol|livechat|1|1373|211', 'chat', 'USER_CODE', 'livechat|1|1373|211'],
    ['IMOL|telegrambot|8|173633217|569', 'chat', 'USER_CODE', 'telegrambot|8|173633217|569'],
    ['whatsappbytwilio|3|79161234567@c.us|0', 'session', 'USER_CODE', 'whatsappbytwilio|3|79161234567@c.us|0'],
    ['acme_helpdesk|9|ticket-77|1042', 'chat', 'USER_CODE', 'acme_helpdesk|9|ticket-77|1042'],
    ['network|2|b1c2d3|15', 'chat', 'USER_CODE', 'network|2|b1c2d3|15'],
    ['https://portal.bitrix24.com/online/?IM_DIALOG=chat1777', 'chat', 'DIALOG_ID', 'chat1777'],
    ['https://portal.bitrix24.com/online/?IM_DIALOG=imol|livechat|22|1775|599', 'chat', 'USER_CODE', 'livechat|22|1775|599'],
  ] as const)('%j (numbers as %s) → %s %j', (input, numberAs, param, value) => {
    const query = parseIdentifier(input, numberAs);
    expect(query.param).toBe(param);
    expect(query.value).toEqual(value);
    expect(query.input).toBe(input.trim());
  });

  it('says in words what will be looked up', () => {
    expect(parseIdentifier('chat5', 'chat').label).toBe('Dialog id chat5');
    expect(parseIdentifier('5', 'session').label).toBe('Session id 5');
    expect(parseIdentifier('5', 'chat').label).toBe('Chat id 5');
    expect(parseIdentifier('imol|livechat|1|1373|211', 'chat').label).toBe(
      'User code: connector livechat, line 1, chat 1373 in the channel, client user 211',
    );
  });
});

describe('refused identifiers', () => {
  it.each([
    ['', /Nothing was entered/],
    ['   \n\t', /Nothing was entered/],
    ['0', /1 or more/],
    ['chat0', /1 or more/],
    ['-5', /negative/],
    ['12.5', /decimal/],
    ['12,5', /decimal/],
    ['17 77', /Remove the spaces/],
    ['99999999999999999999', /too large/],
    ['2147483648', /too large/],
    ['chat', /chat followed by the chat number|"chat" followed by the chat number/],
    ['chat 1777', /without spaces/],
    ['chat#1777', /without spaces/],
    ['chatabc', /digits only/],
    ['chat-1', /digits only/],
    ['sg12', /group or user dialog/],
    ['livechat|1|1373', /four parts.*has 3/],
    ['livechat|1|1373|211|5', /four parts.*has 5/],
    ['imol|livechat|1', /four parts.*has 2/],
    ['|1|1373|211', /first part.*empty/],
    ['live chat|1|1373|211', /contains spaces/],
    ['livechat|x|1373|211', /open line id.*"x"/],
    ['livechat|-1|1373|211', /open line id/],
    ['livechat||1373|211', /open line id/],
    ['livechat|1||211', /third part.*empty/],
    ['livechat|1|1373|guest', /client's user id.*"guest"/],
    ['livechat|1|1373|', /client's user id/],
    ['hello', /not a chat id, dialog id, session id or user code/],
    ['1777a', /not a chat id/],
    ['0x6f1', /not a chat id/],
    ['1e3', /not a chat id/],
    ['Infinity', /not a chat id/],
    ['<img src=x onerror=alert(1)>', /not a chat id/],
    ['https://portal.bitrix24.com/crm/lead/details/5/', /does not name a dialog/],
    ['https://portal.bitrix24.com/online/?IM_DIALOG=5', /private chat with user 5/],
    ['x'.repeat(501), /characters long/],
  ])('%j is refused: %s', (input, message) => {
    const error = refusal(input);
    expect(error.envelope.code).toBe('INVALID_IDENTIFIER');
    expect(error.envelope.message).toMatch(message);
    // Every refusal says which forms are accepted.
    expect(error.envelope.action).toMatch(/chat1777/);
    expect(error.envelope.action).toMatch(/livechat\|1\|1373\|211/);
  });

  it('quotes long input only in part', () => {
    const error = refusal(`${'z'.repeat(100)}`);
    expect(error.envelope.message.length).toBeLessThan(120);
  });

  it('refuses the same bad text whichever way numbers are read', () => {
    expect(refusal('chatx', 'session').envelope.code).toBe('INVALID_IDENTIFIER');
    expect(refusal('0', 'session').envelope.message).toMatch(/session id must be 1 or more/i);
  });
});

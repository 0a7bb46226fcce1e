import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/error-codes';
import { inLanguage } from '../../main/core/i18n';
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

describe('control characters are refused before anything reaches the portal', () => {
  const NEVER = 'identifiers never contain line breaks, tabs or other control characters.';

  it.each([
    ['livechat|1|13\n73|211', 14, 'a line break'],
    ['livechat|1|13\r\n73|211', 14, 'a line break'],
    ['1\u2028777', 2, 'a line break'],
    ['chat17\t77', 7, 'a tab'],
    ['live\u0085chat|1|1|1', 5, 'the control character U+0085'],
    ['livechat|1|1373\u0000|211', 16, 'the control character U+0000'],
    ['chat1777\u0000', 9, 'the control character U+0000'],
    ['\u007F1777', 1, 'the control character U+007F'],
    ['livechat|1|1373|2\u202E11', 18, 'the invisible text-direction control U+202E'],
    ['\u2066chat1777\u2069', 1, 'the invisible text-direction control U+2066'],
    ['https://portal.bitrix24.com/online/?IM_DIALOG=chat1777\u0000', 55, 'the control character U+0000'],
  ])('%j is refused, naming character %i as %s', (input, position, character) => {
    const error = refusal(input);
    expect(error.envelope.code).toBe('INVALID_IDENTIFIER');
    expect(error.envelope.message).toBe(`Character ${position} of what you entered is ${character}; ${NEVER}`);
    expect(error.envelope.action).toMatch(/livechat\|1\|1373\|211/);
  });

  it('counts the position after trimming and in characters, not UTF-16 units', () => {
    expect(refusal('  \n chat1\u001B777 ').envelope.message).toMatch(/^Character 6 of what you entered is the control character U\+001B;/);
    expect(refusal('😀😀\u0007').envelope.message).toMatch(/^Character 3 of what you entered is the control character U\+0007;/);
  });

  it('refuses a tab inside a number as a control character, but still asks to remove ordinary spaces', () => {
    expect(refusal('1\t777', 'session').envelope.message).toBe(`Character 2 of what you entered is a tab; ${NEVER}`);
    expect(refusal('1 777', 'session').envelope.message).toBe('Remove the spaces inside the number: 1777.');
  });

  it('still trims line breaks and tabs around the identifier', () => {
    expect(parseIdentifier('\t livechat|1|1373|211\r\n', 'chat').value).toBe('livechat|1|1373|211');
  });

  it.each([
    ['https://portal.bitrix24.com/online/?IM_DIALOG=livechat|1|13%0A73|211', 'a line break'],
    ['https://portal.bitrix24.com/online/?IM_DIALOG=livechat%7C1%7C1373%00%7C211', 'the control character U+0000'],
    ['https://portal.bitrix24.com/online/?IM_DIALOG=%E2%80%AElivechat|1|1373|211', 'the invisible text-direction control U+202E'],
  ])('refuses %j, whose link hides %s in percent-encoding', (input, character) => {
    const error = refusal(input);
    expect(error.envelope.code).toBe('INVALID_IDENTIFIER');
    expect(error.envelope.message).toBe(`The dialog named in that link contains ${character}; ${NEVER}`);
  });

  it('names the character in Russian', () => {
    const error = inLanguage('ru', () => refusal('livechat|1|13\n73|211'));
    expect(error.envelope.message).toBe(
      '14-й символ введённого текста — перенос строки; в идентификаторах не бывает переносов строк, табуляций и других управляющих символов.',
    );
    const named = inLanguage('ru', () => refusal('live\u0085chat|1|1|1'));
    expect(named.envelope.message).toMatch(/^5-й символ введённого текста — управляющий символ U\+0085;/);
  });
});

describe('a doubled imol| prefix', () => {
  it('is stripped whole, so the code sent is the one the server reads', () => {
    const query = parseIdentifier('imol|IMOL|livechat|1|1373|211', 'chat');
    expect(query.value).toBe('livechat|1|1373|211');
    expect(parseIdentifier(String(query.value), 'chat').value).toBe(query.value);
  });

  it('leaves no "imol" connector behind to be stripped by the server', () => {
    expect(refusal('imol|imol|1|2|3').envelope.message).toMatch(/four parts.*has 3/);
  });
});

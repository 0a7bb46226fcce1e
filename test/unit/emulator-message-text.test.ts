// The emulator renders each message twice (Text::parse and the legacy HTML) in
// one reading; plain words take a short way round. Both ways must write what
// the two single renderings write.
import { describe, expect, it } from 'vitest';
import { parseBoth, parseLegacyText, parseText } from '../../main/emulator/message-text';
import { objectEncode, restKey } from '../../main/emulator/object-encode';
import { MESSAGE_RECORD_KEYS } from '../../main/emulator/session-history-get';
import { JsonText, PhpMap, phpJson } from '../../main/emulator/php-json';

const nameOf = (id: number): string => `Person ${id}`;

const MESSAGES = [
  'Plain words, nothing to change.',
  'Quotes "and" a > sign, a #hashtag and update #12',
  'Fish & chips',
  'a < b',
  'Line one#BR#line two',
  'Line one\nline two',
  '[b]bold[/b] and [i]italic[/i]',
  'See https://example.com/page.',
  'Ask [USER=5][/USER] or [USER=6]Ann[/USER]',
  '[code]x <y>[/code]',
  '&#1055;&#1088;&#1080;&#1074;&#1077;&#1090;',
  'Привет, мир 👋',
  '',
];

describe('the emulator rendering a message', () => {
  it.each(MESSAGES)('writes the same two texts in one reading as in two: %j', (raw) => {
    expect(parseBoth(raw, nameOf)).toEqual({ text: parseText(raw, nameOf), legacy: parseLegacyText(raw, nameOf) });
  });

  it('escapes plain words for the legacy text and leaves them be in the other', () => {
    expect(parseBoth('Say "hi" > all', nameOf)).toEqual({ text: 'Say "hi" > all', legacy: 'Say &quot;hi&quot; &gt; all' });
  });
});

describe('objectEncode', () => {
  it('re-cases every key at every depth, keeps a map’s order, and leaves values and ids alone', () => {
    const encoded = objectEncode({
      CHAT_ID: 5,
      MESSAGE: new PhpMap([
        [9, { senderId: '1', FILE_ID: [{ SOME_KEY: 'VALUE_KEPT' }] }],
        [3, { senderId: '2' }],
      ]),
      USER_IN_CHAT: { 5: [1, 2] },
    }) as Record<string, unknown>;
    expect(Object.keys(encoded)).toEqual(['chatId', 'message', 'userInChat']);
    const messages = encoded['message'] as PhpMap;
    expect(messages.entries.map(([key]) => key)).toEqual(['9', '3']);
    expect(messages.get('9')).toEqual({ senderid: '1', fileId: [{ someKey: 'VALUE_KEPT' }] });
    expect(encoded['userInChat']).toEqual({ 5: [1, 2] });
  });

  it('takes JSON text already written under the rule’s keys as it is', () => {
    const written = new JsonText('{"senderid":"1","FILE_ID":2}');
    const encoded = objectEncode(new PhpMap([[7, written]])) as PhpMap;
    expect(encoded.get('7')).toBe(written);
    expect(phpJson(encoded)).toBe('{"7":{"senderid":"1","FILE_ID":2}}');
  });
});

describe('a transcript message record', () => {
  it('is built under the keys objectEncode would write for the module’s own', () => {
    for (const [source, written] of MESSAGE_RECORD_KEYS) expect(restKey(source)).toBe(written);
  });
});

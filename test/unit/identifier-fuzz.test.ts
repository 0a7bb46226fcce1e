// Whatever is pasted, the parser either refuses it in words or hands back one
// parameter the portal can take as it is. Seeds are fixed so a failure found
// here is found again on every machine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DialogQuery } from '../../main/core/dialog-types';
import { InspectorError } from '../../main/core/error-codes';
import { parseIdentifier, type NumberAs } from '../../main/core/identifier';

const RUNS = { seed: 20261207, numRuns: 5000 } as const;
const MAX_ID = 2_147_483_647;

// Spelled out here rather than taken from the parser, so the test is a second opinion.
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const CONTROL_CHARACTERS = [
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000B', '\f', '\r', '\u001B', '\u001F',
  '\u007F', '\u0080', '\u0085', '\u009B', '\u009F', '\u2028', '\u2029',
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
];

function outcome(input: string, numberAs: NumberAs): DialogQuery | InspectorError {
  try {
    return parseIdentifier(input, numberAs);
  } catch (error) {
    // Anything but an InspectorError escapes and fails the property.
    if (error instanceof InspectorError) return error;
    throw error;
  }
}

function expectSendable(query: DialogQuery, numberAs: NumberAs): void {
  const { param, value } = query;
  switch (param) {
    case 'CHAT_ID':
    case 'SESSION_ID':
      expect(param).toBe(numberAs === 'session' ? 'SESSION_ID' : 'CHAT_ID');
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(MAX_ID);
      break;
    case 'DIALOG_ID':
      expect(value).toMatch(/^chat[1-9]\d*$/);
      expect(Number(String(value).slice(4))).toBeLessThanOrEqual(MAX_ID);
      break;
    case 'USER_CODE': {
      expect(typeof value).toBe('string');
      expect(value).not.toMatch(CONTROL_OR_BIDI);
      const parts = String(value).split('|');
      expect(parts).toHaveLength(4);
      const [connector, line, chat, user] = parts as [string, string, string, string];
      expect(connector).toMatch(/^\S+$/);
      expect(line).toMatch(/^\d+$/);
      expect(chat.trim()).not.toBe('');
      expect(user).toMatch(/^\d+$/);
      break;
    }
    default:
      throw new Error(`unknown parameter ${String(param)}`);
  }
  expect(query.label).not.toBe('');
}

/** The whole contract; returns whether the input was accepted, for the tallies. */
function holdsContract(input: string, numberAs: NumberAs): boolean {
  const result = outcome(input, numberAs);
  if (result instanceof InspectorError) {
    expect(result.envelope.code).toBe('INVALID_IDENTIFIER');
    expect(result.envelope.message.trim()).not.toBe('');
    return false;
  }
  expectSendable(result, numberAs);
  const again = parseIdentifier(String(result.value), numberAs);
  expect([again.param, again.value]).toEqual([result.param, result.value]);
  return true;
}

const numberAs = fc.constantFrom<NumberAs>('chat', 'session');

const digits = fc.oneof(
  fc.integer({ min: 1, max: MAX_ID }).map(String),
  fc.constantFrom('0', '00', '007', '2147483647', '2147483648', '9007199254740993', '99999999999999999999', '1e3', '0x1f'),
  fc.stringMatching(/^\d{1,40}$/),
);

const connector = fc.oneof(
  fc.constantFrom('livechat', 'telegrambot', 'whatsappbytwilio', 'network', 'acme_helpdesk', 'imol', 'IMOL', '', ' ', 'live chat'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);
const channelChat = fc.oneof(fc.constantFrom('1373', '79161234567@c.us', 'ticket-77', '', ' '), fc.string({ maxLength: 12 }));

const userCode = fc
  .tuple(fc.constantFrom('', 'imol|', 'IMOL|', 'imol|imol|', 'imol'), connector, digits, channelChat, digits)
  .map(([prefix, ...parts]) => `${prefix}${parts.join('|')}`);

const wrongPartCount = fc
  .array(fc.oneof(connector, digits, channelChat), { maxLength: 7 })
  .map((parts) => parts.join('|'));

const dialogId = fc
  .tuple(fc.constantFrom('chat', 'CHAT', 'Chat', 'chat ', 'chat#', 'chat№', 'chat-', 'sg', ''), digits)
  .map(([prefix, id]) => `${prefix}${id}`);

const plainForm = fc.oneof(userCode, wrongPartCount, dialogId, digits);

const link = fc
  .tuple(
    // The last two are links that do not parse.
    fc.constantFrom('https://portal.bitrix24.com/online/', 'http://portal.example/', 'HTTPS://p.bitrix24.ru/im/', 'https://', 'https://[::1'),
    fc.constantFrom('IM_DIALOG', 'IM_LINES', 'dialogId', 'DIALOG_ID', 'im_dialog', 'OTHER'),
    plainForm,
    fc.constantFrom('raw', 'encoded', 'newline', 'nul', 'override'),
  )
  .map(([base, key, value, encoding]) => {
    const written = {
      raw: value,
      encoded: encodeURIComponent(value),
      newline: value.replace('|', '%0A|'),
      nul: `${value}%00`,
      override: `%E2%80%AE${value}`,
    }[encoding];
    return `${base}?${key}=${written}`;
  });

/** What hands and clipboards add to a pasted identifier. */
const insertion = fc.oneof(
  fc.constantFrom(...CONTROL_CHARACTERS),
  fc.constantFrom(' ', '  ', '\u00A0', '\u200B', '\uFEFF', '\u3000', '+', '-', '.', ',', '|', '||', '#', '№', 'e', '0', '9'.repeat(30)),
  fc.constantFrom('imol|', '%0A', '%00', '😀', 'é', 'ß', '٣', '１'),
);

const mutated = fc
  .tuple(
    fc.oneof(plainForm, link),
    fc.array(fc.record({ at: fc.nat(), insert: insertion, remove: fc.nat({ max: 2 }) }), { maxLength: 3 }),
  )
  .map(([text, edits]) =>
    edits.reduce((current, { at, insert, remove }) => {
      const position = at % (current.length + 1);
      return current.slice(0, position) + insert + current.slice(position + remove);
    }, text),
  );

describe('identifier parser under fuzzing', () => {
  it('refuses or accepts arbitrary unicode text, never anything else', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'binary-ascii', maxLength: 40 }),
          fc.string({ unit: fc.constantFrom(...CONTROL_CHARACTERS, '|', 'c', 'h', 'a', 't', '1', '0', ' ', 'imol'), maxLength: 30 }),
          // Any text in the free parts of a user code, which is where the parser checks least.
          fc
            .tuple(fc.string({ unit: 'binary', maxLength: 10 }), digits, fc.string({ unit: 'binary', maxLength: 10 }), digits)
            .map((parts) => parts.join('|')),
        ),
        numberAs,
        (input, as) => {
          if (holdsContract(input, as)) accepted += 1;
        },
      ),
      RUNS,
    );
    // Some of the digit and user-code soup must get through, or the contract above was never exercised.
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses or accepts near misses of every form, never anything else', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutated, numberAs, (input, as) => {
        if (holdsContract(input, as)) accepted += 1;
        else refused += 1;
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 20);
    expect(refused).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('refuses or accepts pasted links, never anything else', () => {
    let accepted = 0;
    fc.assert(
      fc.property(link, numberAs, (input, as) => {
        if (holdsContract(input, as)) accepted += 1;
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('accepts every well-formed identifier as written', () => {
    const id = fc.integer({ min: 1, max: MAX_ID });
    const wellFormed = fc.oneof(
      id.map((value) => ({ text: String(value), param: 'number', value: value as string | number })),
      id.map((value) => ({ text: `chat${value}`, param: 'DIALOG_ID', value: `chat${value}` as string | number })),
      fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/).filter((name) => name !== 'imol'),
          fc.nat(),
          fc.stringMatching(/^[\w@.-]{1,20}$/),
          fc.nat(),
        )
        .map((parts) => ({ text: parts.join('|'), param: 'USER_CODE', value: parts.join('|') as string | number })),
    );
    fc.assert(
      fc.property(wellFormed, numberAs, ({ text, param, value }, as) => {
        const query = parseIdentifier(text, as);
        expect(query.param).toBe(param === 'number' ? (as === 'session' ? 'SESSION_ID' : 'CHAT_ID') : param);
        expect(query.value).toBe(param === 'number' ? Number(text) : value);
      }),
      RUNS,
    );
  });

  it('names the position of a control character put anywhere inside a valid identifier', () => {
    const valid = fc.oneof(
      fc.integer({ min: 10, max: MAX_ID }).map(String),
      fc.integer({ min: 1, max: MAX_ID }).map((value) => `chat${value}`),
      fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([line, chat, user]) => `livechat|${line}|${chat}|${user}`),
      fc.constant('https://portal.bitrix24.com/online/?IM_DIALOG=chat1777'),
    );
    fc.assert(
      fc.property(valid, fc.nat(), fc.constantFrom(...CONTROL_CHARACTERS), numberAs, (text, at, control, as) => {
        // Strictly inside, so trimming cannot take a whitespace control away.
        const index = 1 + (at % (text.length - 1));
        const error = outcome(text.slice(0, index) + control + text.slice(index), as);
        expect(error).toBeInstanceOf(InspectorError);
        expect((error as InspectorError).envelope.code).toBe('INVALID_IDENTIFIER');
        expect((error as InspectorError).envelope.message).toMatch(new RegExp(`^Character ${index + 1} of what you entered is `));
      }),
      RUNS,
    );
  });
});

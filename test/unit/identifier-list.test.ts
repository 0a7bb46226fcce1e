// A pasted list split into identifiers: a bulk run takes up to 10,000, each
// recognised or refused on its own; one more is refused as a whole, in words.
import { expect, it } from 'vitest';
import { MAX_LISTED_IDENTIFIERS, splitIdentifiers } from '../../main/core/identifier-list';
import { InspectorError } from '../../main/core/error-codes';

const list = (count: number) => Array.from({ length: count }, (_, i) => String(3001 + i)).join('\n');

it('takes 10,000 identifiers, each its own item', () => {
  expect(MAX_LISTED_IDENTIFIERS).toBe(10_000);
  const split = splitIdentifiers(list(10_000), 'chat');
  expect(split.items).toHaveLength(10_000);
  expect(split.items.at(-1)).toMatchObject({ input: '13000', query: { param: 'CHAT_ID', value: 13000 } });
});

it('refuses 10,001 with how many there were and how many it takes', () => {
  let refused: unknown = null;
  try {
    splitIdentifiers(list(10_001), 'chat');
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(InspectorError);
  expect((refused as InspectorError).envelope).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('10001 identifiers pasted; a bulk run takes at most 10000') });
});

// The emulator's JSON as PHP writes it: a map keyed by ids in the portal's own
// order, wherever it sits; everything else as JSON.stringify writes it.
import { expect, it } from 'vitest';
import { PhpMap, phpAssoc, phpJson } from '../../main/emulator/php-json';

it('keeps a map keyed by ids in its own order, nested in plain objects and lists', () => {
  const messages = new PhpMap([
    [86313, { id: 86313, text: 'newest' }],
    [86301, { id: 86301, text: 'older', params: { FILE_ID: [3] } }],
  ]);
  const answer = { result: { chatId: 1777, message: messages, users: [{ id: 27, name: 'Samantha' }], files: phpAssoc([]) } };
  expect(phpJson(answer)).toBe(
    '{"result":{"chatId":1777,"message":{"86313":{"id":86313,"text":"newest"},"86301":{"id":86301,"text":"older","params":{"FILE_ID":[3]}}},"users":[{"id":27,"name":"Samantha"}],"files":[]}}',
  );
});

it('writes what holds no map exactly as JSON.stringify does: undefined members left out, dates by toJSON', () => {
  const plain = { b: 1, a: [1, undefined, 'x'], c: undefined, d: { '10': 'ten', '2': 'two' }, e: new Date(0), f: null };
  expect(phpJson(plain)).toBe(JSON.stringify(plain));
  expect(phpJson([new PhpMap([[2, 'b'], [1, 'a']])])).toBe('[{"2":"b","1":"a"}]');
});

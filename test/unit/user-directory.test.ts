// Naming users through im.user.list.get, or user.get without im: only what
// answers the question is believed; a missing scope is said, other failures
// leave the ids unnamed; the asks are remembered per account, the missing scope for an hour.
import { expect, it } from 'vitest';
import { UserNameAsks } from '../../main/api/user-name-asks';
import { inspectorError } from '../../main/core/error-codes';
import type { LookupClient } from '../../main/core/lookup-client';
import { askUserNames } from '../../main/core/user-directory';

function client(answer: (method: string) => unknown): LookupClient & { asked: unknown[]; methods: string[] } {
  const asked: unknown[] = [];
  const methods: string[] = [];
  return {
    asked,
    methods,
    portal: { origin: 'https://example.bitrix24.com', host: 'example.bitrix24.com', demo: false },
    call: async (method, params) => {
      asked.push(params);
      methods.push(method);
      return { result: answer(method), time: null };
    },
    budget: () => null,
  };
}

it('keeps a name only under its own id, trimmed; an entry for another user or a null is no name', async () => {
  const portal = client(() => ({ '27': { id: 27, name: ' Samantha Johnson ' }, '31': { id: 99, name: 'Impostor' }, '44': null, '52': { id: '52', name: '' } }));
  expect(await askUserNames(portal, ['27', '31', '44', '52'])).toEqual({ names: { '27': 'Samantha Johnson' }, missingScope: null, via: 'im.user.list.get' });
  expect(portal.asked).toEqual([{ ID: [27, 31, 44, 52] }]);
});

it('says the scope when the portal refuses it; any other failure names nobody and throws nothing', async () => {
  const refused = client(() => {
    throw inspectorError('insufficient_scope');
  });
  expect(await askUserNames(refused, ['27'])).toEqual({ names: {}, missingScope: 'im', via: null });
  expect(refused.methods).toEqual(['im.user.list.get', 'user.get']);
  const broken = client(() => {
    throw inspectorError('PORTAL_UNREACHABLE');
  });
  expect(await askUserNames(broken, ['27'])).toEqual({ names: {}, missingScope: null, via: null });
  expect(await askUserNames(client(() => 'not a map'), ['27'])).toEqual({ names: {}, missingScope: null, via: 'im.user.list.get' });
});

it('without im, names the employees through user.get: only those asked for, "first last"; im is still said to be missing', async () => {
  const portal = client((method) => {
    if (method === 'im.user.list.get') throw inspectorError('insufficient_scope');
    return [
      { ID: '27', NAME: 'Samantha', LAST_NAME: 'Johnson' },
      { ID: '31', NAME: ' Daniel ', LAST_NAME: '' },
      { ID: '99', NAME: 'Not', LAST_NAME: 'Asked' },
      { ID: '44' },
      'junk',
    ];
  });
  expect(await askUserNames(portal, ['27', '31', '44', '599'])).toEqual({ names: { '27': 'Samantha Johnson', '31': 'Daniel' }, missingScope: 'im', via: 'user.get' });
  expect(portal.asked.at(-1)).toEqual({ FILTER: { '@ID': [27, 31, 44, 599] } });
  // Known to lack im: user.get at once.
  const direct = client(() => [{ ID: '27', NAME: 'Samantha', LAST_NAME: 'Johnson' }]);
  await askUserNames(direct, ['27'], undefined, true);
  expect(direct.methods).toEqual(['user.get']);
});

it('remembers what was asked per account, and a missing scope for an hour', () => {
  let now = 0;
  const asks = new UserNameAsks(() => now);
  asks.record('a.example', ['27', '31'], { names: { '27': 'S' }, missingScope: null, via: 'im.user.list.get' });
  expect(asks.toAsk('a.example', ['27', '31', '44'])).toEqual(['44']);
  expect(asks.toAsk('b.example', ['27'])).toEqual(['27']);
  asks.record('b.example', ['27'], { names: {}, missingScope: 'im', via: null });
  expect(asks.missingScope('b.example')).toBe('im');
  expect(asks.toAsk('b.example', ['27'])).toEqual([]);
  // Only im missing: user.get at once, new ids still asked, the scope still said.
  asks.record('c.example', ['27'], { names: { '27': 'S' }, missingScope: 'im', via: 'user.get' });
  expect(asks.skipIm('c.example')).toBe(true);
  expect(asks.missingScope('c.example')).toBe('im');
  expect(asks.toAsk('c.example', ['27', '31'])).toEqual(['31']);
  now = 60 * 60 * 1000;
  expect(asks.missingScope('b.example')).toBeNull();
  expect(asks.toAsk('b.example', ['27'])).toEqual(['27']);
  expect(asks.skipIm('c.example')).toBe(false);
});

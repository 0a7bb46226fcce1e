// Naming users through im.user.list.get: only what answers the question is
// believed; a missing scope is said, other failures leave the ids unnamed; the
// asks are remembered per account, the missing scope for an hour.
import { expect, it } from 'vitest';
import { UserNameAsks } from '../../main/api/user-name-asks';
import { inspectorError } from '../../main/core/error-codes';
import type { LookupClient } from '../../main/core/lookup-client';
import { askUserNames } from '../../main/core/user-directory';

function client(answer: () => unknown): LookupClient & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    portal: { origin: 'https://example.bitrix24.com', host: 'example.bitrix24.com', demo: false },
    call: async (_method, params) => {
      asked.push(params);
      return { result: answer(), time: null };
    },
    budget: () => null,
  };
}

it('keeps a name only under its own id, trimmed; an entry for another user or a null is no name', async () => {
  const portal = client(() => ({ '27': { id: 27, name: ' Samantha Johnson ' }, '31': { id: 99, name: 'Impostor' }, '44': null, '52': { id: '52', name: '' } }));
  expect(await askUserNames(portal, ['27', '31', '44', '52'])).toEqual({ names: { '27': 'Samantha Johnson' }, missingScope: null });
  expect(portal.asked).toEqual([{ ID: [27, 31, 44, 52] }]);
});

it('says the scope when the portal refuses it; any other failure names nobody and throws nothing', async () => {
  const refused = client(() => {
    throw inspectorError('insufficient_scope');
  });
  expect(await askUserNames(refused, ['27'])).toEqual({ names: {}, missingScope: 'im' });
  const broken = client(() => {
    throw inspectorError('PORTAL_UNREACHABLE');
  });
  expect(await askUserNames(broken, ['27'])).toEqual({ names: {}, missingScope: null });
  expect(await askUserNames(client(() => 'not a map'), ['27'])).toEqual({ names: {}, missingScope: null });
});

it('remembers what was asked per account, and a missing scope for an hour', () => {
  let now = 0;
  const asks = new UserNameAsks(() => now);
  asks.record('a.example', ['27', '31'], { names: { '27': 'S' }, missingScope: null });
  expect(asks.toAsk('a.example', ['27', '31', '44'])).toEqual(['44']);
  expect(asks.toAsk('b.example', ['27'])).toEqual(['27']);
  asks.record('b.example', ['27'], { names: {}, missingScope: 'im' });
  expect(asks.missingScope('b.example')).toBe('im');
  expect(asks.toAsk('b.example', ['27'])).toEqual([]);
  now = 60 * 60 * 1000;
  expect(asks.missingScope('b.example')).toBeNull();
  expect(asks.toAsk('b.example', ['27'])).toEqual(['27']);
});

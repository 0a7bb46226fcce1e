// The watch domain: the watch list of an account (the connected one unless
// named) and what its background watch found (watch-service.ts does the work).
import { z } from 'zod';
import type { WatchList } from '../../preload/api-contract';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { watchRulesProblem } from '../core/watch-rules';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { LineCache } from './line-cache';
import { accountOf } from './lookup-service';
import type { StoreOpener } from './store-opener';
import type { WatchService } from './watch-service';

// A store account's name, as cache:open and overview:get take it.
const account = z.string().min(1).max(300).optional();
const chatId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const watchRequest = z.strictObject({ chatId, account });
// Every rule named, none more: a missing one would be a guess. The minutes' range is checked by
// the handler, which can say it in words (watchRulesProblem); here only that they are a number.
const watchRules = z.strictObject({
  waitedLonger: z.union([z.literal('kpi'), z.number(), z.null()]),
  newSession: z.boolean(),
  clientWaiting: z.boolean(),
  operatorChanged: z.boolean(),
  closed: z.boolean(),
  blocked: z.boolean(),
  anyChange: z.boolean(),
});

export const watchSchemas = schemasFor({
  'watch:add': watchRequest,
  'watch:remove': watchRequest,
  'watch:list': z.strictObject({ account }),
  'watch:mark-seen': watchRequest,
  'watch:rules': z.strictObject({ chatId, account, rules: watchRules.nullable() }),
});

export interface WatchDeps {
  watch: WatchService;
  stores: Pick<StoreOpener, 'forHistory'>;
  connection: Pick<ConnectionManager, 'state'>;
  lines: LineCache;
  now?: () => Date;
}

export function watchHandlers({ watch, stores, connection, lines, now = () => new Date() }: WatchDeps): HandlersFor<ChannelsOf<typeof watchSchemas>> {
  const accountFor = async (named: string | undefined): Promise<string> => {
    if (named !== undefined) return named;
    const { portal } = await connection.state();
    if (!portal) throw inspectorError('NOT_CONNECTED');
    return accountOf(portal);
  };
  return {
    'watch:add': async (request) => {
      const name = await accountFor(request.account);
      (await stores.forHistory()).watch(name, request.chatId, `chat${request.chatId}`, now().toISOString());
      watch.ensure(name);
      const row = (await watch.list(name, lines.get(name))).find((one) => one.chatId === request.chatId);
      if (!row) throw inspectorError('INTERNAL');
      return row;
    },
    'watch:remove': async (request) => {
      const name = await accountFor(request.account);
      return { removed: (await stores.forHistory()).unwatch(name, request.chatId) };
    },
    'watch:list': async (request): Promise<WatchList> => {
      const name = await accountFor(request.account);
      await stores.forHistory();
      return { account: name, rows: await watch.list(name, lines.get(name)), status: watch.status(name) };
    },
    'watch:mark-seen': async (request) => {
      const name = await accountFor(request.account);
      return { marked: (await stores.forHistory()).markSeen(name, request.chatId) };
    },
    'watch:rules': async (request) => {
      const problem = request.rules === null ? null : watchRulesProblem(request.rules);
      if (problem !== null) throw inspectorError('INVALID_ARGUMENT', { message: problem });
      const name = await accountFor(request.account);
      if (!(await stores.forHistory()).setWatchRules(name, request.chatId, request.rules)) throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.api.notWatched(`chat${request.chatId}`) });
      const row = (await watch.list(name, lines.get(name))).find((one) => one.chatId === request.chatId);
      if (!row) throw inspectorError('INTERNAL');
      return row;
    },
  };
}

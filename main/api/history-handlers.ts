// The history and kept-dialogs domain: the lookups made, pinned and removed;
// the dialogs kept on this computer, searched and opened without the portal.
import { z } from 'zod';
import type { DialogTimeline } from '../../preload/api-contract';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { sessionIdOf } from '../store/dialog-keys';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { accountOf, type LookupService } from './lookup-service';
import { none } from './schema-atoms';
import type { StoreOpener } from './store-opener';

const entryId = z.number().int().positive();

const keptDialog = z.strictObject({ account: z.string().min(1).max(300), chatId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const historySchemas = schemasFor({
  'history:list': z.strictObject({
    allAccounts: z.boolean().optional(),
    outcome: z.enum(['ok', 'error']).optional(),
    pinnedOnly: z.boolean().optional(),
    text: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(1_000).optional(),
    beforeId: entryId.optional(),
  }),
  'history:set-pinned': z.strictObject({ id: entryId, pinned: z.boolean() }),
  'history:delete': z.strictObject({ id: entryId }),
  'history:clear': z.strictObject({ allAccounts: z.boolean().optional() }),
  'history:status': none,
  'search:dialogs': z.strictObject({
    text: z.string().max(500),
    allAccounts: z.boolean().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  'cache:open': keptDialog,
  'cache:timeline': keptDialog,
  // Copies are named by when they were fetched: an ISO 8601 stamp, as the timeline gave it.
  'cache:compare': keptDialog.extend({ from: z.string().min(1).max(40), to: z.string().min(1).max(40) }),
});

export interface HistoryDeps {
  stores: Pick<StoreOpener, 'forHistory'>;
  connection: Pick<ConnectionManager, 'state'>;
  lookups: Pick<LookupService, 'openKept'>;
}

export function historyHandlers({ stores, connection, lookups }: HistoryDeps): HandlersFor<ChannelsOf<typeof historySchemas>> {
  /** The connected portal's entries, or every portal's when asked or when none is connected. */
  const accountFor = async (allAccounts: boolean | undefined): Promise<{ account?: string }> => {
    if (allAccounts) return {};
    const { portal } = await connection.state();
    return portal ? { account: accountOf(portal) } : {};
  };
  return {
    'history:list': async ({ allAccounts, ...filter }) => (await stores.forHistory()).listHistory({ ...filter, ...(await accountFor(allAccounts)) }),
    'history:set-pinned': async ({ id, pinned }) => {
      (await stores.forHistory()).setPinned(id, pinned);
      return null;
    },
    'history:delete': async ({ id }) => {
      (await stores.forHistory()).deleteHistory(id);
      return null;
    },
    'history:clear': async ({ allAccounts }) => {
      const store = await stores.forHistory();
      return { removed: store.clearHistory((await accountFor(allAccounts)).account) };
    },
    'history:status': async () => ({
      recovered: (await stores.forHistory()).report.recovered.map(({ movedTo, reason }) => ({ movedTo, reason })),
    }),
    'search:dialogs': async ({ text, allAccounts, limit }) =>
      (await stores.forHistory()).searchDialogs(text, { ...(limit === undefined ? {} : { limit }), ...(await accountFor(allAccounts)) }),
    'cache:open': async ({ account, chatId }) => {
      const started = performance.now();
      const store = await stores.forHistory();
      return lookups.openKept(store, account, chatId, (await connection.state()).portal, started);
    },
    'cache:timeline': async ({ account, chatId }): Promise<DialogTimeline> => {
      const entries = (await stores.forHistory()).timeline(account, chatId);
      if (entries.length === 0) throw inspectorError('NOT_CACHED', { message: messages().errors.api.notCached(chatId) });
      return {
        account,
        chatId,
        copies: entries.map((entry) => ({ fetchedAt: entry.fetchedAt, sessionId: sessionIdOf(entry.dialog), changes: entry.changes })),
      };
    },
    'cache:compare': async ({ account, chatId, from, to }) => {
      const changes = (await stores.forHistory()).compareKept(account, chatId, from, to);
      if (!changes) throw inspectorError('NOT_CACHED', { message: messages().errors.api.copyNotKept(chatId) });
      return changes;
    },
  };
}

// The bulk domain: a pasted list recognised item by item, many dialogs looked
// up through batch with their rows pushed as they come (bulkProgress), and a
// run kept in the history reopened with its table.
import { z } from 'zod';
import { MAX_LISTED_IDENTIFIERS, splitIdentifiers } from '../core/identifier-list';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { BulkRuns } from './bulk-runs';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { numberAs, requestId } from './schema-atoms';
import type { StoreOpener } from './store-opener';

export const bulkSchemas = schemasFor({
  // Room for 10,000 links of a few hundred characters; splitIdentifiers says when there are more items.
  'identifiers:split': z.strictObject({ text: z.string().max(4_000_000), numberAs }),
  'bulk:run': z.strictObject({ inputs: z.array(z.string().max(10_000)).min(1).max(MAX_LISTED_IDENTIFIERS), numberAs, runId: requestId }),
  'bulk:cancel': z.strictObject({ runId: requestId }),
  'bulk:open': z.strictObject({ historyId: z.number().int().positive() }),
});

export function bulkHandlers(runs: BulkRuns, stores: Pick<StoreOpener, 'forHistory'>): HandlersFor<ChannelsOf<typeof bulkSchemas>> {
  return {
    'bulk:open': async ({ historyId }) => {
      const kept = (await stores.forHistory()).bulkRun({ historyId });
      if (!kept) throw inspectorError('NOT_CACHED', { message: messages().errors.api.bulkRunGone });
      return kept;
    },
    'identifiers:split': async ({ text, numberAs: as }) => splitIdentifiers(text, as),
    'bulk:run': async (request) => runs.run(request),
    'bulk:cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
  };
}

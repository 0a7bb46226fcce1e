// The bulk domain: a pasted list recognised item by item, and many dialogs
// looked up through batch with their rows pushed as they come (bulkProgress).
import { z } from 'zod';
import { MAX_LISTED_IDENTIFIERS, splitIdentifiers } from '../core/identifier-list';
import type { BulkRuns } from './bulk-runs';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { numberAs, requestId } from './schema-atoms';

export const bulkSchemas = schemasFor({
  // Room for 10,000 links of a few hundred characters; splitIdentifiers says when there are more items.
  'identifiers:split': z.strictObject({ text: z.string().max(4_000_000), numberAs }),
  'bulk:run': z.strictObject({ inputs: z.array(z.string().max(10_000)).min(1).max(MAX_LISTED_IDENTIFIERS), numberAs, runId: requestId }),
  'bulk:cancel': z.strictObject({ runId: requestId }),
});

export function bulkHandlers(runs: BulkRuns): HandlersFor<ChannelsOf<typeof bulkSchemas>> {
  return {
    'identifiers:split': async ({ text, numberAs: as }) => splitIdentifiers(text, as),
    'bulk:run': async (request) => runs.run(request),
    'bulk:cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
  };
}

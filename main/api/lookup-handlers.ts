// The lookup domain: recognising what was pasted, running a lookup (its waits
// pushed to the window by LookupsInFlight), and cancelling it.
import { z } from 'zod';
import { parseIdentifier } from '../core/identifier';
import { refuseLinkToOtherPortal, type SavedPortal } from '../core/other-portal-link';
import type { PortalClient } from '../rest/portal-client';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { LookupService } from './lookup-service';
import type { LookupsInFlight } from './lookups-in-flight';
import { lookupRequest, requestId } from './schema-atoms';

export const lookupSchemas = schemasFor({
  'identifier:parse': lookupRequest,
  'lookup:run': lookupRequest.extend({ requestId: requestId.optional() }),
  'lookup:cancel': z.strictObject({ requestId }),
});

export interface LookupDeps {
  /** The connected portal's client (NOT_CONNECTED without one). */
  client(): Promise<PortalClient>;
  /** The saved accounts, for a link to another portal to name the one for its host. */
  savedPortals(): readonly SavedPortal[];
  lookups: LookupService;
  inFlight: LookupsInFlight;
}

export function lookupHandlers({ client, savedPortals, lookups, inFlight }: LookupDeps): HandlersFor<ChannelsOf<typeof lookupSchemas>> {
  return {
    'identifier:parse': async ({ input, numberAs }) => parseIdentifier(input, numberAs),
    'lookup:run': async ({ input, numberAs, requestId: id }) => {
      const started = performance.now();
      // Parse first: a bad identifier is refused before we even need a portal.
      const query = parseIdentifier(input, numberAs);
      const running = inFlight.start(id);
      try {
        const portal = await client();
        // Before the lookup service, so a kept copy of the connected portal's dialog is never offered for it either.
        refuseLinkToOtherPortal(query, portal.portal, savedPortals(), 'window');
        return await lookups.run(portal, query, started, running.options);
      } finally {
        running.end();
      }
    },
    'lookup:cancel': async ({ requestId: id }) => ({ cancelled: inFlight.cancel(id) }),
  };
}

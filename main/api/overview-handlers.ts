// The overview domain: the open-line dialogs a lead cares about, one row each,
// from the recent list, the session activities and the kept dialogs, with
// each source's availability (overview-refresh.ts does the work), and its
// refreshes on schedule (overview-refresher.ts).
import { z } from 'zod';
import { OVERVIEW_SOURCES } from '../core/overview-types';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { OverviewRefresher } from './overview-refresher';
import { none } from './schema-atoms';

export const overviewSchemas = schemasFor({
  'overview:get': z.strictObject({
    // A kept dialogs' account as the store names it (a portal's host, or "demo"), as cache:open takes it.
    account: z.string().min(1).max(300).optional(),
    sources: z.array(z.enum(OVERVIEW_SOURCES)).min(1).max(OVERVIEW_SOURCES.length).optional(),
    offline: z.boolean().optional(),
  }),
  'overview:cancel': none,
  'overview:schedule': none,
});

export function overviewHandlers(refresher: OverviewRefresher): HandlersFor<ChannelsOf<typeof overviewSchemas>> {
  return {
    'overview:get': async (request) => refresher.byHand(request),
    'overview:cancel': async () => refresher.cancel(),
    'overview:schedule': async () => refresher.schedule(),
  };
}

// The overview domain: the open-line dialogs a lead cares about, one row each,
// from the recent list, the session activities and the kept dialogs, with
// each source's availability (overview-refresh.ts does the work).
import { z } from 'zod';
import { OVERVIEW_SOURCES } from '../core/overview-types';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { OverviewRefresh } from './overview-refresh';

export const overviewSchemas = schemasFor({
  'overview:get': z.strictObject({
    // A kept dialogs' account as the store names it (a portal's host, or "demo"), as cache:open takes it.
    account: z.string().min(1).max(300).optional(),
    sources: z.array(z.enum(OVERVIEW_SOURCES)).min(1).max(OVERVIEW_SOURCES.length).optional(),
    offline: z.boolean().optional(),
  }),
});

export function overviewHandlers(refresh: OverviewRefresh): HandlersFor<ChannelsOf<typeof overviewSchemas>> {
  return {
    'overview:get': async (request) => refresh.get(request),
  };
}

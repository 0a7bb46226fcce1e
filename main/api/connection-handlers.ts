// The connection domain: which portal lookups go to (a webhook, the demo, none),
// and whether it answers again while an offline copy is shown.
import { z } from 'zod';
import { toEnvelope } from '../core/error-codes';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { accountName, none } from './schema-atoms';

export const connectionSchemas = schemasFor({
  'connection:get': none,
  'connection:use-webhook': z.strictObject({ url: z.string().max(2_000), name: accountName.optional() }),
  'connection:use-demo': none,
  'connection:disconnect': none,
  'connection:probe': none,
});

export function connectionHandlers(connection: ConnectionManager): HandlersFor<ChannelsOf<typeof connectionSchemas>> {
  return {
    'connection:get': () => connection.state(),
    'connection:use-webhook': ({ url, name }) => connection.useWebhook(url, name),
    'connection:use-demo': () => connection.useDemo(),
    'connection:disconnect': () => connection.disconnect(),
    'connection:probe': async () => {
      const client = await connection.client();
      try {
        // The cheapest question a portal answers: any credentials may ask it.
        await client.call('scope', {});
        return { reachable: true, reason: null };
      } catch (error) {
        return { reachable: false, reason: toEnvelope(error) };
      }
    },
  };
}

// The accounts domain: the saved portals, never a secret.
import { z } from 'zod';
import type { AccountStore } from '../accounts/account-store';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { accountId, accountName, none } from './schema-atoms';

export const accountSchemas = schemasFor({
  'accounts:list': none,
  'accounts:use': z.strictObject({ id: accountId }),
  'accounts:rename': z.strictObject({ id: accountId, name: accountName }),
  'accounts:set-plan': z.strictObject({ id: accountId, plan: z.enum(['standard', 'enterprise']) }),
  'accounts:remove': z.strictObject({ id: accountId }),
});

export function accountHandlers(accounts: AccountStore, connection: ConnectionManager): HandlersFor<ChannelsOf<typeof accountSchemas>> {
  return {
    'accounts:list': async () => accounts.list(),
    'accounts:use': ({ id }) => connection.useAccount(id),
    'accounts:rename': async ({ id, name }) => {
      accounts.rename(id, name);
      return accounts.list();
    },
    'accounts:set-plan': async ({ id, plan }) => {
      accounts.setPlan(id, plan);
      // The client keeps to the plan it was made with: the next lookup makes one on the new plan.
      if ((await connection.state()).account?.id === accounts.get(id).id) await connection.useAccount(id);
      return accounts.list();
    },
    'accounts:remove': ({ id }) => connection.removeAccount(id),
  };
}

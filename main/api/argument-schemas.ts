// Runtime checks for every IPC argument: the domains' schemas together,
// checked here to cover every channel of the contract exactly.
import type { z } from 'zod';
import type { ArgsOf, Channel } from '../../preload/api-contract';
import { accountSchemas } from './account-handlers';
import { appSchemas } from './app-handlers';
import { bulkSchemas } from './bulk-handlers';
import { connectionSchemas } from './connection-handlers';
import { conversationSchemas } from './conversation-handlers';
import { exportSchemas } from './export-handlers';
import { historySchemas } from './history-handlers';
import { listFileSchemas } from './list-file-handlers';
import { lookupSchemas } from './lookup-handlers';
import { overviewSchemas } from './overview-handlers';
import { settingsSchemas } from './settings-handlers';
import { signInSchemas } from './sign-in-handlers';
import { watchSchemas } from './watch-handlers';

export const argumentSchemas = {
  ...lookupSchemas,
  ...connectionSchemas,
  ...accountSchemas,
  ...signInSchemas,
  ...settingsSchemas,
  ...historySchemas,
  ...conversationSchemas,
  ...appSchemas,
  ...bulkSchemas,
  ...exportSchemas,
  ...listFileSchemas,
  ...overviewSchemas,
  ...watchSchemas,
} satisfies { [C in Channel]: z.ZodType<ArgsOf<C>> };

export function isChannel(value: string): value is Channel {
  return Object.hasOwn(argumentSchemas, value);
}

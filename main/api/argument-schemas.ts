// Runtime checks for every IPC argument, type-checked against the contract so
// a channel cannot gain an argument the check does not know about.
import { z } from 'zod';
import type { ArgsOf, Channel } from '../../preload/api-contract';
import { SETTING_LIMITS, type NumericSetting } from '../core/setting-limits';
import { LANGUAGE_SETTINGS, THEME_SETTINGS } from './settings';

const numberAs = z.enum(['chat', 'session']);
const lookupRequest = z.strictObject({ input: z.string().max(10_000), numberAs });
const none = z.undefined();
const requestId = z.string().min(1).max(100);
const accountId = z.string().min(1).max(100);
// The length and the characters are checked again, with a precise message, by checkAccountName().
const accountName = z.string().max(200);
const setting = (key: NumericSetting) => z.number().int().min(SETTING_LIMITS[key].min).max(SETTING_LIMITS[key].max).optional();

export const argumentSchemas = {
  'identifier:parse': lookupRequest,
  'lookup:run': lookupRequest.extend({ requestId: requestId.optional() }),
  'lookup:cancel': z.strictObject({ requestId }),
  'connection:get': none,
  'connection:use-webhook': z.strictObject({ url: z.string().max(2_000), name: accountName.optional() }),
  'connection:use-demo': none,
  'connection:disconnect': none,
  'connection:probe': none,
  'accounts:list': none,
  'accounts:use': z.strictObject({ id: accountId }),
  'accounts:rename': z.strictObject({ id: accountId, name: accountName }),
  'accounts:set-plan': z.strictObject({ id: accountId, plan: z.enum(['standard', 'enterprise']) }),
  'accounts:remove': z.strictObject({ id: accountId }),
  'oauth:begin': z.strictObject({
    portal: z.string().max(2_000).optional(),
    clientId: z.string().max(300).optional(),
    clientSecret: z.string().max(1_000).optional(),
    accountId: accountId.optional(),
    oauthServer: z.string().max(2_000).optional(),
    port: z.number().int().min(0).max(65_535).optional(),
    name: accountName.optional(),
  }),
  'oauth:finish': none,
  'oauth:paste': z.strictObject({ text: z.string().max(10_000) }),
  'oauth:cancel': none,
  'settings:get': none,
  'settings:update': z.strictObject({
    numberAs: numberAs.optional(),
    historyMaxEntries: setting('historyMaxEntries'),
    historyMaxAgeDays: setting('historyMaxAgeDays'),
    snapshotsPerDialog: setting('snapshotsPerDialog'),
    maxAnswerMb: setting('maxAnswerMb'),
    theme: z.enum(THEME_SETTINGS).optional(),
    language: z.enum(LANGUAGE_SETTINGS).optional(),
    checkForUpdates: z.boolean().optional(),
  }),
  'link:open-portal': z.strictObject({ url: z.string().max(2_000) }),
  'clipboard:write-text': z.strictObject({ text: z.string().max(5_000_000) }),
  'history:list': z.strictObject({
    allAccounts: z.boolean().optional(),
    outcome: z.enum(['ok', 'error']).optional(),
    text: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(1_000).optional(),
    beforeId: z.number().int().positive().optional(),
  }),
  'history:set-pinned': z.strictObject({ id: z.number().int().positive(), pinned: z.boolean() }),
  'history:delete': z.strictObject({ id: z.number().int().positive() }),
  'history:clear': z.strictObject({ allAccounts: z.boolean().optional() }),
  'app:take-commands': none,
  'history:status': none,
  'search:dialogs': z.strictObject({
    text: z.string().max(500),
    allAccounts: z.boolean().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  'cache:open': z.strictObject({ account: z.string().min(1).max(300), chatId: z.number().int().positive() }),
} satisfies { [C in Channel]: z.ZodType<ArgsOf<C>> };

export function isChannel(value: string): value is Channel {
  return Object.hasOwn(argumentSchemas, value);
}

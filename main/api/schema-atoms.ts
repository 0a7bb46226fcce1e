// The pieces several domains' argument schemas share.
import { z } from 'zod';
import { SETTING_LIMITS, type NumericSetting } from '../core/setting-limits';

export const numberAs = z.enum(['chat', 'session']);
export const lookupRequest = z.strictObject({ input: z.string().max(10_000), numberAs });
/** An operation that takes no argument. */
export const none = z.undefined();
export const requestId = z.string().min(1).max(100);
export const accountId = z.string().min(1).max(100);
// The length and the characters are checked again, with a precise message, by checkAccountName().
export const accountName = z.string().max(200);
export const setting = (key: NumericSetting) => z.number().int().min(SETTING_LIMITS[key].min).max(SETTING_LIMITS[key].max).optional();

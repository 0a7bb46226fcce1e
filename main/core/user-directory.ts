// Names of the users a dialog only numbers, asked of the portal: im.user.list.get
// (scope im) names employees, bots and the channels' clients alike. Without im,
// user.get (scope user, user_brief or user_basic) names the employees, not the
// clients or bots. Names are a convenience: any failure leaves the ids as they
// were; a missing scope is said, so the window can name the scope that would add them.
import { z } from 'zod';
import { InspectorError } from './error-codes';
import type { LookupClient } from './lookup-client';
import type { UserNames } from './user-names';

export const USER_LIST_GET = 'im.user.list.get';
export const USER_GET = 'user.get';
/** The scope that lets a webhook or an application name other users. */
export const NAMES_SCOPE = 'im';
/** Ids asked in one call: the method documents no limit; a dialog names a few dozen at most. */
export const MAX_IDS_PER_CALL = 50;

const userSchema = z.object({ id: z.union([z.number(), z.string()]), name: z.string().max(1_000) });
const answerSchema = z.record(z.string(), z.unknown());

/**
 * `missingScope`: im was refused, so clients and bots stay unnamed; `via`:
 * the method that answered, null when none could (both scopes missing, or a failure).
 */
export type NamesAsked = { names: UserNames; missingScope: typeof NAMES_SCOPE | null; via: typeof USER_LIST_GET | typeof USER_GET | null };

const employeeSchema = z.object({ ID: z.union([z.number(), z.string()]), NAME: z.string().max(500).optional(), LAST_NAME: z.string().max(500).optional() });

/**
 * The names the portal has for `ids` (at most MAX_IDS_PER_CALL are asked); an
 * id the portal answers null for, or answers with another id, stays unnamed.
 * `skipIm`: the account is known to lack im within the hour, so user.get is asked at once.
 */
export async function askUserNames<Options>(client: LookupClient<Options>, ids: readonly string[], options?: Options, skipIm = false): Promise<NamesAsked> {
  const asked = ids.slice(0, MAX_IDS_PER_CALL);
  if (asked.length === 0) return { names: {}, missingScope: null, via: null };
  if (!skipIm) {
    const byIm = await namesFrom(client, USER_LIST_GET, { ID: asked.map(Number) }, options);
    if (byIm !== 'insufficient_scope') return { names: byIm === null ? {} : imNames(byIm, asked), missingScope: null, via: byIm === null ? null : USER_LIST_GET };
  }
  const byUser = await namesFrom(client, USER_GET, { FILTER: { '@ID': asked.map(Number) } }, options);
  if (byUser === 'insufficient_scope' || byUser === null) return { names: {}, missingScope: NAMES_SCOPE, via: null };
  return { names: employeeNames(byUser, asked), missingScope: NAMES_SCOPE, via: USER_GET };
}

/** The method's result; 'insufficient_scope' when the account may not call it, null on any other failure. */
async function namesFrom<Options>(client: LookupClient<Options>, method: string, params: Record<string, unknown>, options?: Options): Promise<unknown> {
  try {
    return (await client.call(method, params, options)).result;
  } catch (error) {
    if (error instanceof InspectorError && error.envelope.code === 'insufficient_scope') return 'insufficient_scope';
    if (error instanceof InspectorError && error.envelope.code === 'CANCELLED') throw error;
    return null;
  }
}

/** im.user.list.get's map id → user, each checked against the question: the entry under an id must be that user. */
function imNames(result: unknown, asked: readonly string[]): UserNames {
  const map = answerSchema.safeParse(result);
  const names: Record<string, string> = {};
  if (!map.success) return names;
  for (const id of asked) {
    const user = userSchema.safeParse(map.data[id]);
    if (user.success && String(user.data.id) === id && user.data.name.trim() !== '') names[id] = user.data.name.trim();
  }
  return names;
}

/** user.get's list of employees: only those asked for, named "first last" as the portal shows them. */
function employeeNames(result: unknown, asked: readonly string[]): UserNames {
  const names: Record<string, string> = {};
  if (!Array.isArray(result)) return names;
  for (const entry of result) {
    const user = employeeSchema.safeParse(entry);
    if (!user.success) continue;
    const id = String(user.data.ID);
    const name = [user.data.NAME ?? '', user.data.LAST_NAME ?? ''].map((part) => part.trim()).filter(Boolean).join(' ');
    if (asked.includes(id) && name !== '') names[id] = name;
  }
  return names;
}

// Names of the users a dialog only numbers, asked of the portal: im.user.list.get
// (scope im) names employees, bots and the channels' clients alike, where
// user.get would leave the clients out. Names are a convenience: any failure
// leaves the ids as they were; a missing scope is said, so the window can name
// the scope that would add them.
import { z } from 'zod';
import { InspectorError } from './error-codes';
import type { LookupClient } from './lookup-client';
import type { UserNames } from './user-names';

export const USER_LIST_GET = 'im.user.list.get';
/** The scope that lets a webhook or an application name other users. */
export const NAMES_SCOPE = 'im';
/** Ids asked in one call: the method documents no limit; a dialog names a few dozen at most. */
export const MAX_IDS_PER_CALL = 50;

const userSchema = z.object({ id: z.union([z.number(), z.string()]), name: z.string().max(1_000) });
const answerSchema = z.record(z.string(), z.unknown());

export type NamesAsked = { names: UserNames; missingScope: null } | { names: UserNames; missingScope: typeof NAMES_SCOPE };

/**
 * The names the portal has for `ids` (at most MAX_IDS_PER_CALL are asked); an
 * id the portal answers null for, or answers with another id, stays unnamed.
 */
export async function askUserNames<Options>(client: LookupClient<Options>, ids: readonly string[], options?: Options): Promise<NamesAsked> {
  const asked = ids.slice(0, MAX_IDS_PER_CALL);
  if (asked.length === 0) return { names: {}, missingScope: null };
  let result: unknown;
  try {
    ({ result } = await client.call(USER_LIST_GET, { ID: asked.map(Number) }, options));
  } catch (error) {
    if (error instanceof InspectorError && error.envelope.code === 'insufficient_scope') return { names: {}, missingScope: NAMES_SCOPE };
    if (error instanceof InspectorError && error.envelope.code === 'CANCELLED') throw error;
    return { names: {}, missingScope: null };
  }
  const map = answerSchema.safeParse(result);
  const names: Record<string, string> = {};
  if (!map.success) return { names, missingScope: null };
  for (const id of asked) {
    const user = userSchema.safeParse(map.data[id]);
    // Checked against the question: the entry under an id must be that user.
    if (user.success && String(user.data.id) === id && user.data.name.trim() !== '') names[id] = user.data.name.trim();
  }
  return { names, missingScope: null };
}

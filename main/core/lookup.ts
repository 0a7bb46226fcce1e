// One lookup: parse → request → validate → decode → describe. The same path
// for the app, the CLI and the benchmark; the request goes through whatever
// LookupClient it is handed (rest's PortalClient in all three).
import { checkAnswerMatches } from './answer-match';
import { decodeDialog } from './decode/index';
import { describeDialog } from './describe-dialog';
import { dialogSchema } from './dialog-schema';
import type { DialogQuery, LookupResult, OperatingBudgetInfo, PortalInfo, RawDialog, TimeBlock } from './dialog-types';
import { inspectorError } from './error-codes';
import { parseIdentifier, type NumberAs } from './identifier';
import type { LookupClient } from './lookup-client';
import { messages } from './messages/index';
import { namesForDialog, type UserNames } from './user-names';

export const DIALOG_GET = 'imopenlines.dialog.get';

/** Asks the portal for one dialog, by the one parameter the query names. `options`: cancel it, hear about its waits. */
export async function fetchDialog<Options>(
  client: LookupClient<Options>,
  query: DialogQuery,
  options?: Options,
): Promise<Omit<LookupResult, 'elapsedMs'>> {
  const answer = await client.call(DIALOG_GET, { [query.param]: query.value }, options);
  return dialogFromAnswer(client, query, answer);
}

/** A dialog.get answer (its own, or a batch command's) checked against the question and presented. */
export function dialogFromAnswer(
  client: LookupClient<never> | LookupClient<unknown>,
  query: DialogQuery,
  answer: { result: unknown; time: TimeBlock | null },
): Omit<LookupResult, 'elapsedMs'> {
  const parsed = dialogSchema.safeParse(answer.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // zod's reason stays as zod words it: it names the check, and is not ours to translate.
    const where = issue ? `${issue.path.join('.') || 'result'}: ${issue.message}` : null;
    throw inspectorError('UNEXPECTED_SHAPE', { message: messages().dialog.unexpectedShape(where) });
  }
  // Validated, but kept as sent: the raw view must show the portal's own key order.
  const presented = presentDialog(query, client.portal, answer.result as RawDialog, answer.time, new Date().toISOString());
  checkAnswerMatches(query, parsed.data, presented.decoded);
  return { ...presented, budget: budgetInfo(client) };
}

function budgetInfo(client: LookupClient<unknown>): OperatingBudgetInfo | null {
  const budget = client.budget(DIALOG_GET);
  if (!budget) return null;
  return {
    usedSeconds: budget.usedSeconds,
    limitSeconds: budget.limitSeconds,
    resetAt: budget.resetAt === null ? null : new Date(budget.resetAt).toISOString(),
  };
}

/** Decodes and describes a dialog, fresh from the portal or from the cache; `knownNames`: the account's directory of user names. */
export function presentDialog(
  query: DialogQuery,
  portal: PortalInfo,
  dialog: RawDialog,
  time: TimeBlock | null,
  fetchedAt: string,
  offline: LookupResult['offline'] = null,
  knownNames: UserNames = {},
): Omit<LookupResult, 'elapsedMs'> {
  // The demo portal has no CRM cards to open.
  const decoded = decodeDialog(dialog, portal.demo ? null : portal.origin);
  const names = namesForDialog(dialog, knownNames);
  return {
    query,
    portal,
    dialog,
    time,
    decoded,
    sections: describeDialog(dialog, decoded, time, names),
    fetchedAt,
    source: offline ? 'cache' : 'network',
    offline,
    changes: null,
    names,
  };
}

/** The same result, its users named from the account's directory where the answer did not name them. */
export function withKnownNames<Result extends LookupResult>(result: Result, known: UserNames): Result {
  const names = namesForDialog(result.dialog, known);
  if (Object.keys(names).length === Object.keys(result.names).length) return result;
  return { ...result, names, sections: describeDialog(result.dialog, result.decoded, result.time, names) };
}

/** Milliseconds since `started`, to a tenth. */
export function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/** Looks up an already parsed query, timing the whole round trip. */
export async function lookupQuery<Options>(
  client: LookupClient<Options>,
  query: DialogQuery,
  started = performance.now(),
  options?: Options,
): Promise<LookupResult> {
  const result = await fetchDialog(client, query, options);
  return { ...result, elapsedMs: elapsedSince(started) };
}

/** Parses what was pasted and looks it up; a bad identifier throws before any request. */
export async function lookupDialog(client: LookupClient<unknown>, input: string, numberAs: NumberAs): Promise<LookupResult> {
  const started = performance.now();
  return lookupQuery(client, parseIdentifier(input, numberAs), started);
}

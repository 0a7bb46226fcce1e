// One lookup: parse → request → validate → decode → describe. The same path
// for the app, the CLI and the benchmark.
import type { PortalClient } from '../rest/portal-client';
import { dialogSchema } from '../rest/answer-schema';
import { decodeDialog } from './decode/index';
import { describeDialog } from './describe-dialog';
import type { DialogQuery, LookupResult, RawDialog } from './dialog-types';
import { inspectorError } from './errors';
import { parseIdentifier, type NumberAs } from './identifier';

export const DIALOG_GET = 'imopenlines.dialog.get';

/** Asks the portal for one dialog, by the one parameter the query names. */
export async function fetchDialog(client: PortalClient, query: DialogQuery): Promise<Omit<LookupResult, 'elapsedMs'>> {
  const answer = await client.call(DIALOG_GET, { [query.param]: query.value });
  const parsed = dialogSchema.safeParse(answer.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ` (field ${issue.path.join('.') || 'result'}: ${issue.message})` : '';
    throw inspectorError('UNEXPECTED_SHAPE', {
      message: `The portal answered, but the dialog data does not have the shape Bitrix24 documents${where}.`,
    });
  }
  // Validated, but kept as sent: the raw view must show the portal's own key order.
  const dialog = answer.result as RawDialog;
  // The demo portal has no CRM cards to open.
  const decoded = decodeDialog(dialog, client.portal.demo ? null : client.portal.origin);
  return {
    query,
    portal: client.portal,
    dialog,
    time: answer.time,
    decoded,
    sections: describeDialog(dialog, decoded, answer.time),
    fetchedAt: new Date().toISOString(),
  };
}

/** Looks up an already parsed query, timing the whole round trip. */
export async function lookupQuery(client: PortalClient, query: DialogQuery, started = performance.now()): Promise<LookupResult> {
  const result = await fetchDialog(client, query);
  return { ...result, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** Parses what was pasted and looks it up; a bad identifier throws before any request. */
export async function lookupDialog(client: PortalClient, input: string, numberAs: NumberAs): Promise<LookupResult> {
  const started = performance.now();
  return lookupQuery(client, parseIdentifier(input, numberAs), started);
}

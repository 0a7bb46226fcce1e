// `openlines-inspector show <identifier>`: the cached copy of a dialog, with
// its "as of" time, without asking any portal (--offline, which says so, is
// accepted and changes nothing).
import { portalOfAccount } from '../api/lookup-service';
import type { LookupResult } from '../core/dialog-types';
import { errorEnvelope, inspectorError, toEnvelope } from '../core/error-codes';
import { dialogMarkdown } from '../export/dialog-file';
import { parseIdentifier } from '../core/identifier';
import { presentDialog } from '../core/lookup';
import { userIdsIn } from '../core/user-names';
import type { InspectorStore } from '../store/index';
import { messages } from '../core/messages/index';
import { formatError, formatLookup } from './format-human';
import { chosenPortal } from './open-accounts';
import { openStoreForCli } from './open-store';
import type { ShowOptions, Streams } from './cli-options';

/** The cached copy of one identifier: in the named portal's cache, or the freshest portal that has it. */
function showOne(store: InspectorStore, options: ShowOptions, portal: string | null, input: string): LookupResult {
  const query = parseIdentifier(input, options.numberAs);
  const accounts = portal !== null ? [portal] : store.cachedAccounts();
  for (const account of accounts) {
    const cached = store.findDialog(account, query);
    if (!cached) continue;
    const offline = { reason: errorEnvelope('OFFLINE_BY_CHOICE') };
    const known = store.namesFor(account, userIdsIn(cached.dialog));
    return { ...presentDialog(query, portalOfAccount(account, null), cached.dialog, cached.time, cached.fetchedAt, offline, known), elapsedMs: 0 };
  }
  throw inspectorError('NOT_CACHED', { message: messages().cli.show.notCached(input, options.account) });
}

export async function runShow(options: ShowOptions, { out, err }: Streams): Promise<number> {
  const store = openStoreForCli(options.dataDir, err);
  if (!store) return 1;
  const outcomes: unknown[] = [];
  let failed = false;
  try {
    // A name that is no portal of this data folder is a usage error, not "no copy kept".
    const portal = chosenPortal(options.dataDir, options.account, store, err);
    if (portal === undefined) return 2;
    for (const input of options.ids) {
      try {
        const result = showOne(store, options, portal, input);
        const { sections: _sections, ...rest } = result;
        outcomes.push({ input, ok: true, ...rest });
        if (options.format === 'text') out.write(`${outcomes.length > 1 ? '\n' : ''}${formatLookup(result)}\n`);
        if (options.format === 'markdown') out.write(`${outcomes.length > 1 ? '\n---\n\n' : ''}${dialogMarkdown(result)}`);
      } catch (error) {
        failed = true;
        const envelope = toEnvelope(error);
        outcomes.push({ input, ok: false, error: envelope });
        err.write(`${formatError(input, envelope)}\n`);
      }
    }
  } catch (error) {
    // Reading which portals the store knows can meet another program's lock (STORE_BUSY), in words.
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  } finally {
    store.close();
  }
  if (options.format === 'json') out.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  return failed ? 1 : 0;
}

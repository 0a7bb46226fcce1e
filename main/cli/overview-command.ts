// `openlines-inspector overview`: the app's overview from a terminal, on the
// same refresh (main/api/overview-refresh.ts): one line or record per dialog
// on stdout, and on stderr which source could not be used and why (the scope
// it needs), so the table or CSV can be piped. Every dialog read is kept, as
// a lookup's is (not with --no-history). --offline reads the kept dialogs only.
import { LineCache } from '../api/line-cache';
import { OverviewRefresh } from '../api/overview-refresh';
import { describeCause } from '../core/app-log';
import { toEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { MAX_OVERVIEW_ROWS } from '../core/overview-fetch';
import type { OverviewResult, OverviewSourceState } from '../core/overview-types';
import { parseWebhookUrl } from '../core/webhook';
import type { InspectorStore } from '../store/index';
import type { OverviewOptions, Streams } from './cli-options';
import { formatError, printable } from './format-human';
import { overviewCsv, overviewJson } from '../export/overview-file';
import { formatOverviewTable } from './format-overview';
import { openCliLog, openClientOrSay, type Connection } from './lookup-command';
import { chosenPortal, openAccounts } from './open-accounts';
import { openStoreForCli, tryOpenStore } from './open-store';
import { usage } from './usage';

/** What stderr says of a source; null when there is nothing to tell. */
function sourceLine(state: OverviewSourceState, verbose: boolean): string | null {
  const says = messages().cli.overview;
  const name = says.sources[state.source];
  switch (state.state) {
    case 'used':
      return verbose ? says.used(name, state.rows) : null;
    case 'needsScope':
      return says.needsScope(name, state.scope);
    case 'failed':
      return says.failed(name, `${state.error.title} [${state.error.portalCode ?? state.error.code}]`);
    case 'notAsked':
      return verbose ? says.notAsked(name) : null;
  }
}

/** The kept dialogs' account offline: the portal the options name, without connecting to it; null once refused on `err`. */
function offlineAccount(options: OverviewOptions, store: InspectorStore, err: NodeJS.WritableStream): string | null {
  if (options.demo) return 'demo';
  if (options.webhook !== null) return parseWebhookUrl(options.webhook).host;
  if (options.account !== null) return chosenPortal(options.dataDir, options.account, store, err) ?? null;
  const current = openAccounts(options.dataDir).current();
  if (current) return current.host;
  const says = messages().cli.usageErrors;
  err.write(`${says.noPortal} ${openAccounts(options.dataDir).list().length === 0 ? says.noneSaved : says.noneCurrent}\n\n${usage()}\n`);
  return null;
}

export async function runOverview(options: OverviewOptions, { out, err }: Streams): Promise<number> {
  const started = performance.now();
  let connection: Connection | null = null;
  let store: InspectorStore | null;
  let account: string | undefined;
  if (options.offline) {
    // Only the store is read: without it there is nothing to show.
    store = openStoreForCli(options.dataDir, err);
    if (!store) return 1;
    try {
      account = offlineAccount(options, store, err) ?? undefined;
    } catch (error) {
      store.close();
      err.write(`${formatError(null, toEnvelope(error))}\n`);
      return 2;
    }
    if (account === undefined) {
      store.close();
      return 2;
    }
  } else {
    const opened = await openClientOrSay(options, err);
    if (typeof opened === 'number') return opened;
    connection = opened;
    store = options.history ? tryOpenStore(options.dataDir, err).store : null;
  }
  const log = await openCliLog(options, err);
  const refresh = new OverviewRefresh({
    client: async () => {
      if (!connection) throw new Error('offline');
      return connection.client;
    },
    store: async () => store,
    lines: new LineCache(),
  });
  let result: OverviewResult;
  try {
    result = await refresh.get({ sources: options.sources, offline: options.offline, ...(account !== undefined ? { account } : {}) });
  } catch (error) {
    const envelope = toEnvelope(error);
    if (envelope.code === 'INTERNAL') log.error('internal-error', { cause: describeCause(error) });
    err.write(`${formatError(null, envelope)}\n`);
    return 1;
  } finally {
    connection?.client.close();
    store?.close();
    await connection?.demo?.close();
  }

  if (options.format === 'json') out.write(`${overviewJson(result)}\n`);
  else if (options.format === 'csv') out.write(`${overviewCsv(result.rows)}\r\n`);
  else out.write(`${formatOverviewTable(result)}\n`);

  const says = messages().cli.overview;
  for (const state of result.sources) {
    const line = sourceLine(state, options.verbose);
    if (line !== null) err.write(`${printable(line)}\n`);
  }
  if (result.truncated) err.write(`${says.truncated(MAX_OVERVIEW_ROWS)}\n`);
  if (options.verbose) err.write(`${says.summary(result.rows.length, ((performance.now() - started) / 1000).toFixed(1))}\n`);
  // A source that failed is a failure; a missing scope only when that source was asked for by name.
  const unusable = result.sources.some((state) => state.state === 'failed' || (state.state === 'needsScope' && options.sourcesNamed));
  return unusable ? 1 : 0;
}

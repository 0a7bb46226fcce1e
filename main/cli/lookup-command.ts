// `openlines-inspector lookup`: the same LookupService as the app, so the CLI
// records history and fills the offline cache in the same data folder.
import { LookupService } from '../api/lookup-service';
import { describeCause, NO_LOG, type AppLog } from '../core/app-log';
import type { LookupResult } from '../core/dialog-types';
import { toEnvelope, type MainErrorEnvelope } from '../core/error-codes';
import { parseIdentifier } from '../core/identifier';
import { refuseLinkToOtherPortal } from '../core/other-portal-link';
import { parseWebhookUrl } from '../core/webhook';
import type { Emulator } from '../emulator/index';
import { createWebhookClient, type PortalClient } from '../rest/portal-client';
import { clientForAccount } from '../accounts/account-client';
import { formatError, formatLookup, formatWarning } from './format-human';
import { openAccounts, savedPortals } from './open-accounts';
import type { LookupOptions, Streams } from './cli-options';
import { tryOpenStore } from './open-store';
import { messages } from '../core/messages/index';
import { usage, UsageError } from './usage';

type Outcome = { input: string; ok: true; result: LookupResult } | { input: string; ok: false; error: MainErrorEnvelope };

function toJson(outcome: Outcome): unknown {
  if (!outcome.ok) return { input: outcome.input, ok: false, error: outcome.error };
  const { sections: _sections, ...result } = outcome.result;
  return { input: outcome.input, ok: true, ...result };
}

export interface Connection {
  client: PortalClient;
  /** The demo portal started for this run, to stop at its end. */
  demo: Emulator | null;
}

export async function openClient(options: Pick<LookupOptions, 'demo' | 'webhook' | 'account' | 'dataDir' | 'timeoutMs' | 'maxAnswerBytes'>): Promise<Connection> {
  if (options.demo) {
    const { startEmulator } = await import('../emulator/index');
    const demo = await startEmulator({ recordRequests: false });
    const client = createWebhookClient(parseWebhookUrl(demo.webhookUrl()), {
      demo: true,
      extraCertificates: [demo.certificate],
      timeoutMs: options.timeoutMs,
      maxAnswerBytes: options.maxAnswerBytes,
    });
    return { client, demo };
  }
  const bounds = { timeoutMs: options.timeoutMs, maxAnswerBytes: options.maxAnswerBytes };
  if (options.webhook !== null) return { client: createWebhookClient(parseWebhookUrl(options.webhook), bounds), demo: null };
  const accounts = openAccounts(options.dataDir);
  const account = options.account ?? accounts.current()?.id;
  if (account === undefined) {
    const says = messages().cli.usageErrors;
    throw new UsageError(`${says.noPortal} ${accounts.list().length === 0 ? says.noneSaved : says.noneCurrent}`);
  }
  return { client: clientForAccount(accounts, account, bounds), demo: null };
}

/**
 * The CLI's log, beside the app's in the data folder (logs/cli.log), scrubbed
 * of the webhook given and of the saved accounts' secrets; with --verbose its
 * lines, and each lookup's outcome, also go to stderr. A log that cannot be
 * opened costs nothing but itself.
 */
export async function openCliLog(options: Pick<LookupOptions, 'webhook' | 'dataDir' | 'verbose'>, err: NodeJS.WritableStream): Promise<AppLog> {
  const secrets = (): string[] => {
    const given = options.webhook === null ? [] : [parseWebhookUrl(options.webhook).key];
    try {
      return [...given, ...openAccounts(options.dataDir).everySecret()];
    } catch {
      return given;
    }
  };
  const { openFileLog, logFileOf } = await import('../log/file-log');
  return openFileLog({ file: logFileOf(options.dataDir, 'cli'), secrets, ...(options.verbose ? { echo: err } : {}) }).catch(() => NO_LOG);
}

/** The portal's client, or the exit status after saying on `err` why there is none. */
export async function openClientOrSay(options: Parameters<typeof openClient>[0], err: NodeJS.WritableStream): Promise<Connection | number> {
  try {
    return await openClient(options);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`${error.message}\n\n${usage()}\n`);
      return 2;
    }
    const envelope = toEnvelope(error);
    err.write(`${formatError(null, envelope)}\n`);
    // A malformed --webhook is a usage error; a demo that cannot start is not.
    return envelope.code === 'INVALID_WEBHOOK_URL' ? 2 : 1;
  }
}

export async function runLookup(options: LookupOptions, { out, err }: Streams): Promise<number> {
  const connection = await openClientOrSay(options, err);
  if (typeof connection === 'number') return connection;
  // A store that cannot be opened (locked, full, not ours to open) costs no
  // lookup: each result then carries the warning, printed below.
  const { store, failure } = options.history ? tryOpenStore(options.dataDir, err) : { store: null, failure: null };
  const log = await openCliLog(options, err);
  // The terminal prints the dialog's fields; its conversation is the window's for now (one request per id, as before).
  const lookups = new LookupService(
    async () => {
      if (failure !== null) throw failure;
      return store;
    },
    { log, fetchConversation: () => false },
  );

  const outcomes: Outcome[] = [];
  const saved = savedPortals(options.dataDir);
  try {
    for (const input of options.ids) {
      const started = performance.now();
      try {
        const query = parseIdentifier(input, options.numberAs);
        refuseLinkToOtherPortal(query, connection.client.portal, saved, 'terminal');
        const result = await lookups.run(connection.client, query, started);
        outcomes.push({ input, ok: true, result });
        if (!options.json) out.write(`${outcomes.length > 1 ? '\n' : ''}${formatLookup(result)}\n`);
        // stderr, so a piped --json stays clean; --json carries it as storeWarning too.
        if (result.storeWarning) err.write(`${formatWarning(input, result.storeWarning)}\n`);
      } catch (error) {
        const envelope = toEnvelope(error);
        if (envelope.code === 'INTERNAL') log.error('internal-error', { input, cause: describeCause(error) });
        outcomes.push({ input, ok: false, error: envelope });
        err.write(`${formatError(input, envelope)}\n`);
      }
    }
  } finally {
    connection.client.close();
    store?.close();
    await connection.demo?.close();
  }
  if (options.json) out.write(`${JSON.stringify(outcomes.map(toJson), null, 2)}\n`);
  return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
}

// `openlines-inspector lookup --from FILE` / `--format table|csv|json`: many
// identifiers through the app's bulk run (batch, 50 dialogs a request), one
// line or record per dialog on stdout and, when any did not come fresh, the
// tally on stderr, so a table or CSV can be piped. Exit 0 only when every
// dialog was found fresh.
import { BulkRuns } from '../api/bulk-runs';
import { LineCache } from '../api/line-cache';
import { describeCause } from '../core/app-log';
import type { BulkRunResult } from '../core/bulk-types';
import { filePieces } from '../core/list-pieces';
import { InspectorError, toEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { LookupOptions, Streams } from './cli-options';
import { bulkCsv, bulkJson } from '../export/bulk-file';
import { readListFile } from '../export/read-list-file';
import { formatBulkTable } from './format-bulk';
import { formatError } from './format-human';
import { openCliLog, openClientOrSay } from './lookup-command';
import { tryOpenStore } from './open-store';
import { usage, UsageError } from './usage';

/** A run of 10,000 identifiers fits, each a whole link of up to 200 characters: a bigger file is refused before it is read whole. */
const MAX_FILE_MB = 2;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_FILE_MB * 1024 * 1024) throw new UsageError(messages().cli.bulk.tooLarge('-', MAX_FILE_MB));
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readList(from: string, input: NodeJS.ReadableStream | undefined): Promise<string> {
  if (from === '-') return input ? readAll(input) : '';
  try {
    return (await readListFile(from)).text;
  } catch (error) {
    // The window's reader and its words: too large, binary, not UTF-8, a folder, or unreadable and why.
    if (error instanceof InspectorError) throw new UsageError(error.envelope.message);
    throw error;
  }
}

export async function runBulkLookup(options: LookupOptions, { out, err, input }: Streams): Promise<number> {
  let listed: string;
  try {
    // A CSV (by its name, or its header) gives its column of identifiers, as in the window: our own exports read back as their dialogs.
    const fromFile = options.from === null ? [] : filePieces(await readList(options.from, input), options.from === '-' ? null : options.from);
    listed = [...fromFile, ...options.ids].join('\n');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n\n${usage()}\n`);
    return 2;
  }
  const connection = await openClientOrSay(options, err);
  if (typeof connection === 'number') return connection;
  const { store } = options.history ? tryOpenStore(options.dataDir, err) : { store: null };
  const log = await openCliLog(options, err);
  const runs = new BulkRuns({
    client: async () => connection.client,
    store: async () => store,
    lines: new LineCache(),
    report: (progress) => {
      if (options.verbose) log.info('bulk-progress', { done: progress.done, total: progress.total, waitingMs: progress.waitingMs });
    },
  });
  let result: BulkRunResult;
  try {
    const inputs = listed.split(/\r?\n/);
    if (inputs.every((line) => line.trim() === '')) {
      err.write(`${messages().cli.usageErrors.giveIdentifier('lookup')}\n\n${usage()}\n`);
      return 2;
    }
    result = await runs.run({ inputs, numberAs: options.numberAs, runId: 'cli' });
  } catch (error) {
    const envelope = toEnvelope(error);
    if (envelope.code === 'INTERNAL') log.error('internal-error', { cause: describeCause(error) });
    err.write(`${formatError(null, envelope)}\n`);
    return 1;
  } finally {
    connection.client.close();
    store?.close();
    await connection.demo?.close();
  }
  if (options.format === 'json') out.write(`${bulkJson(result)}\n`);
  else if (options.format === 'csv') out.write(`${bulkCsv(result.rows)}\r\n`);
  else out.write(`${formatBulkTable(result.rows)}\n`);
  const allFound = result.found === result.rows.length;
  // Quiet when all went well, as Unix tools are; the tally says what did not, or with --verbose.
  if (!allFound || options.verbose) {
    const seconds = (result.elapsedMs / 1000).toFixed(1);
    err.write(`${messages().cli.bulk.summary(result.rows.length, result.found, result.kept, result.failed, seconds)}\n`);
  }
  return allFound ? 0 : 1;
}

// `openlines-inspector history`: the lookups recorded by the app and the CLI.
import type { HistoryEntry } from '../store/index';
import { toEnvelope } from '../core/error-codes';
import { historyCsv, historyJson } from '../export/history-file';
import { messages } from '../core/messages/index';
import { formatError, formatMilliseconds, humanDate, printable } from './format-human';
import { chosenPortal, portalNamer } from './open-accounts';
import { openStoreForCli } from './open-store';
import type { HistoryOptions, Streams } from './cli-options';

/** One line: when, which portal (the saved account's name when there is one), what was asked, and how it went. */
function formatEntry(entry: HistoryEntry, portalName: (key: string) => string): string {
  const says = messages().cli;
  // A failure is shown by its error code, which is the same in every language.
  const outcome = entry.outcome === 'ok' ? (entry.source === 'cache' ? says.history.okOffline : says.history.ok) : entry.outcome;
  const chat = entry.chatId === null ? '' : `  → chat${entry.chatId}`;
  const pin = entry.pinned ? ' 📌' : '';
  return `${humanDate(entry.at)}  ${printable(portalName(entry.account))}  ${printable(entry.input)}${chat}  ${outcome}  ${says.milliseconds(formatMilliseconds(Math.round(entry.elapsedMs)))}${pin}`;
}

export async function runHistory(options: HistoryOptions, { out, err }: Streams): Promise<number> {
  const store = openStoreForCli(options.dataDir, err);
  if (!store) return 1;
  try {
    // A name that is no portal of this data folder is a usage error, not "nothing recorded".
    const portal = chosenPortal(options.dataDir, options.account, store, err);
    if (portal === undefined) return 2;
    const entries = store.listHistory({ limit: options.limit, ...(portal ? { account: portal } : {}) });
    if (options.format === 'json') out.write(`${historyJson(entries)}\n`);
    else if (options.format === 'csv') out.write(`${historyCsv(entries)}\r\n`);
    else if (entries.length === 0) out.write(`${messages().cli.history.empty}\n`);
    else {
      const portalName = portalNamer(options.dataDir);
      out.write(`${entries.map((entry) => formatEntry(entry, portalName)).join('\n')}\n`);
    }
    return 0;
  } catch (error) {
    // A lock that blocks even reading (another program's exclusive lock) is STORE_BUSY, in words.
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  } finally {
    store.close();
  }
}

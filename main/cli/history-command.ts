// `openlines-inspector history`: the lookups recorded by the app and the CLI.
import type { HistoryEntry } from '../store/index';
import { toEnvelope } from '../core/errors';
import { localeOf } from '../core/i18n';
import { messages } from '../core/messages/index';
import { formatError, formatMilliseconds, printable } from './format-human';
import { portalKeyOf } from './open-accounts';
import { openStoreForCli } from './open-store';
import type { HistoryOptions, Streams } from './cli-options';

function localTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(localeOf(), { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

function formatEntry(entry: HistoryEntry): string {
  const says = messages().cli;
  // A failure is shown by its error code, which is the same in every language.
  const outcome = entry.outcome === 'ok' ? (entry.source === 'cache' ? says.history.okOffline : says.history.ok) : entry.outcome;
  const chat = entry.chatId === null ? '' : `  → chat${entry.chatId}`;
  const pin = entry.pinned ? ' 📌' : '';
  return `${localTime(entry.at)}  ${printable(entry.account)}  ${printable(entry.input)}${chat}  ${outcome}  ${says.milliseconds(formatMilliseconds(Math.round(entry.elapsedMs)))}${pin}`;
}

export async function runHistory(options: HistoryOptions, { out, err }: Streams): Promise<number> {
  const store = openStoreForCli(options.dataDir, err);
  if (!store) return 1;
  try {
    const entries = store.listHistory({ limit: options.limit, ...(options.account ? { account: portalKeyOf(options.dataDir, options.account)! } : {}) });
    if (options.json) out.write(`${JSON.stringify(entries, null, 2)}\n`);
    else if (entries.length === 0) out.write(`${messages().cli.history.empty}\n`);
    else out.write(`${entries.map(formatEntry).join('\n')}\n`);
    return 0;
  } catch (error) {
    // A lock that blocks even reading (another program's exclusive lock) is STORE_BUSY, in words.
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  } finally {
    store.close();
  }
}

// `openlines-inspector history`: the lookups recorded by the app and the CLI.
import type { HistoryEntry } from '../store/index';
import { toEnvelope } from '../core/errors';
import { formatError, printable } from './format-human';
import { portalKeyOf } from './open-accounts';
import { openStoreForCli } from './open-store';
import type { HistoryOptions, Streams } from './run-cli';

function localTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

function formatEntry(entry: HistoryEntry): string {
  const outcome = entry.outcome === 'ok' ? (entry.source === 'cache' ? 'ok (offline copy)' : 'ok') : entry.outcome;
  const chat = entry.chatId === null ? '' : `  → chat${entry.chatId}`;
  const pin = entry.pinned ? ' 📌' : '';
  return `${localTime(entry.at)}  ${printable(entry.account)}  ${printable(entry.input)}${chat}  ${outcome}  ${Math.round(entry.elapsedMs)} ms${pin}`;
}

export async function runHistory(options: HistoryOptions, { out, err }: Streams): Promise<number> {
  const store = openStoreForCli(options.dataDir, err);
  if (!store) return 1;
  try {
    const entries = store.listHistory({ limit: options.limit, ...(options.account ? { account: portalKeyOf(options.dataDir, options.account)! } : {}) });
    if (options.json) out.write(`${JSON.stringify(entries, null, 2)}\n`);
    else if (entries.length === 0) out.write('No lookups recorded yet.\n');
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

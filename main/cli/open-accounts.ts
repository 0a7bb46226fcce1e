// The CLI's view of the saved accounts: the same config.json as the app, with
// secrets sealed by the key file beside it (the CLI has no OS keychain).
import { AccountStore } from '../accounts/account-store';
import type { AccountSummary } from '../accounts/account-types';
import { keyFileCipher } from '../accounts/key-file-cipher';
import { openFileStore } from '../api/file-store';
import { errorEnvelope, type MainErrorEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { InspectorStore } from '../store/index';
import { formatError } from './format-human';

export function openAccounts(dataDir: string): AccountStore {
  return new AccountStore(openFileStore(dataDir), keyFileCipher(dataDir));
}

/**
 * The saved accounts, and the one `name` names (by id, or by name as the
 * account store matches names); none when they cannot be read: naming
 * portals never fails a command.
 */
function savedAccounts(dataDir: string, name?: string): { saved: AccountSummary[]; named: AccountSummary | null } {
  try {
    const accounts = openAccounts(dataDir);
    return { saved: accounts.list(), named: name === undefined ? null : accounts.find(name) };
  } catch {
    return { saved: [], named: null };
  }
}

/** The saved accounts, or none when they cannot be read (a link to another portal then names none). */
export function savedPortals(dataDir: string): AccountSummary[] {
  return savedAccounts(dataDir).saved;
}

/** The host of "https://portal.example/…", or the text itself, in lower case as hosts are kept. */
function asHost(text: string): string {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).host;
    } catch {
      // Not a URL after all: compared as it is.
    }
  }
  return trimmed.toLowerCase();
}

export type PortalChoice = { ok: true; key: string } | { ok: false; refused: MainErrorEnvelope };

/**
 * History and the kept dialogs are filed by portal host, or "demo". --account
 * on show, search and history takes a saved account's name, a portal's host
 * (a saved account's, or one this data folder has history or kept dialogs
 * of), or "demo"; anything else is refused, naming the saved accounts.
 */
export function portalKeyOf(dataDir: string, account: string, store: Pick<InspectorStore, 'listHistory' | 'cachedAccounts'>): PortalChoice {
  const { saved, named } = savedAccounts(dataDir, account);
  if (named) return { ok: true, key: named.host };
  const host = asHost(account);
  if (host === 'demo' || saved.some((candidate) => candidate.host.toLowerCase() === host)) return { ok: true, key: host };
  if (store.listHistory({ account: host, limit: 1 }).length > 0 || store.cachedAccounts().includes(host)) return { ok: true, key: host };
  const says = messages().cli.accountChoice;
  const names = saved.map((candidate) => candidate.name);
  return {
    ok: false,
    refused: errorEnvelope('ACCOUNT_NOT_FOUND', {
      message: names.length === 0 ? says.unknownNoneSaved(account) : says.unknown(account, names),
      action: says.action,
    }),
  };
}

/**
 * The portal `--account` names for a command that reads the store: its key,
 * or null for every portal when none was named; undefined once a name that is
 * no portal of this data folder has been refused on `err` (a usage error, 2).
 */
export function chosenPortal(
  dataDir: string,
  account: string | null,
  store: Pick<InspectorStore, 'listHistory' | 'cachedAccounts'>,
  err: NodeJS.WritableStream,
): string | null | undefined {
  if (account === null) return null;
  const portal = portalKeyOf(dataDir, account, store);
  if (portal.ok) return portal.key;
  err.write(`${formatError(null, portal.refused)}\n`);
  return undefined;
}

/**
 * What to call a portal in the CLI's output: the saved account's name for
 * its host ("Support" rather than support.bitrix24.com), every name when
 * several accounts share the host, the host (or "demo") when none does.
 */
export function portalNamer(dataDir: string): (key: string) => string {
  const { saved } = savedAccounts(dataDir);
  return (key) => {
    const names = saved.filter((candidate) => candidate.host.toLowerCase() === key.toLowerCase()).map((candidate) => candidate.name);
    return names.length === 0 ? key : names.join(' / ');
  };
}

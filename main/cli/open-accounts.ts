// The CLI's view of the saved accounts: the same config.json as the app, with
// secrets sealed by the key file beside it (the CLI has no OS keychain).
import { AccountStore } from '../accounts/account-store';
import { keyFileCipher } from '../accounts/key-file-cipher';
import { openFileStore } from '../api/file-store';

export function openAccounts(dataDir: string): AccountStore {
  return new AccountStore(openFileStore(dataDir), keyFileCipher(dataDir));
}

/**
 * History and the kept dialogs are filed by portal host. --account on show,
 * search and history takes a saved account's name too; anything else is
 * taken as a host (or "demo") as it is.
 */
export function portalKeyOf(dataDir: string, account: string | null): string | null {
  if (account === null) return null;
  return openAccounts(dataDir).find(account)?.host ?? account;
}

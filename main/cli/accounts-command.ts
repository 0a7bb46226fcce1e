// `openlines-inspector accounts [use|rename|remove]`: the saved portals, never
// their secrets.
import type { AccountState, AccountSummary } from '../accounts/account-store';
import { toEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { formatError, printable } from './format-human';
import { openAccounts } from './open-accounts';
import type { AccountsOptions, Streams } from './cli-options';

function formatAccount(account: AccountSummary): string {
  const says = messages().cli.accounts;
  const states: Record<AccountState, string> = says.states;
  const marker = account.current ? '*' : ' ';
  const kind = account.kind === 'oauth' ? says.kindOAuth(account.clientId ?? '') : says.kindWebhook;
  const plan = account.plan === 'enterprise' ? says.enterprise : '';
  return printable(`${marker} ${account.name}  ${account.host}  (${kind}${plan})  ${states[account.state]}`);
}

export async function runAccounts(options: AccountsOptions, { out, err }: Streams): Promise<number> {
  const says = messages().cli.accounts;
  try {
    const accounts = openAccounts(options.dataDir);
    switch (options.action) {
      case 'list': {
        const list = accounts.list();
        if (options.json) out.write(`${JSON.stringify(list, null, 2)}\n`);
        else if (list.length === 0) out.write(`${says.none}\n`);
        else out.write(`${list.map(formatAccount).join('\n')}\n`);
        return 0;
      }
      case 'use':
        out.write(`${printable(says.nowCurrent(accounts.setCurrent(options.name)!.name))}\n`);
        return 0;
      case 'rename': {
        const before = accounts.get(options.name).name;
        out.write(`${printable(says.renamed(before, accounts.rename(options.name, options.newName).name))}\n`);
        return 0;
      }
      case 'remove':
        out.write(`${printable(says.removed(accounts.remove(options.name).name))}\n`);
        return 0;
    }
  } catch (error) {
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  }
}

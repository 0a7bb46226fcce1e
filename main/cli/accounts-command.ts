// `openlines-inspector accounts [use|rename|remove]`: the saved portals, never
// their secrets.
import type { AccountState, AccountSummary } from '../accounts/account-store';
import { toEnvelope } from '../core/errors';
import { formatError, printable } from './format-human';
import { openAccounts } from './open-accounts';
import type { AccountsOptions, Streams } from './run-cli';

const STATES: Record<AccountState, string> = {
  ready: 'ready',
  'sign-in-again': 'sign in again (openlines-inspector login …)',
  'secrets-unreadable': 'credentials cannot be read here: connect again',
  'secrets-forgotten': 'credentials were kept for one session: connect again',
};

function formatAccount(account: AccountSummary): string {
  const marker = account.current ? '*' : ' ';
  const kind = account.kind === 'oauth' ? `OAuth, app ${account.clientId}` : 'webhook';
  const plan = account.plan === 'enterprise' ? ', Enterprise limits' : '';
  return printable(`${marker} ${account.name}  ${account.host}  (${kind}${plan})  ${STATES[account.state]}`);
}

export async function runAccounts(options: AccountsOptions, { out, err }: Streams): Promise<number> {
  try {
    const accounts = openAccounts(options.dataDir);
    switch (options.action) {
      case 'list': {
        const list = accounts.list();
        if (options.json) out.write(`${JSON.stringify(list, null, 2)}\n`);
        else if (list.length === 0) out.write('No accounts saved yet. Add one with: openlines-inspector login --webhook URL, or --portal URL --client-id ID --client-secret SECRET\n');
        else out.write(`${list.map(formatAccount).join('\n')}\n`);
        return 0;
      }
      case 'use':
        out.write(`${printable(`Lookups now go to "${accounts.setCurrent(options.name)!.name}".`)}\n`);
        return 0;
      case 'rename': {
        const before = accounts.get(options.name).name;
        out.write(`${printable(`Renamed "${before}" to "${accounts.rename(options.name, options.newName).name}".`)}\n`);
        return 0;
      }
      case 'remove':
        out.write(
          `${printable(`Removed "${accounts.remove(options.name).name}" and its saved credentials. Its history and kept dialogs stay.`)}\n`,
        );
        return 0;
    }
  } catch (error) {
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  }
}

// The CLI's help text and its usage error, shared by every command.
import { defaultDataDir } from '../core/data-dir';

export class UsageError extends Error {}

export const USAGE = `Usage:
  openlines-inspector lookup <identifier>... [--account NAME | --webhook URL | --demo] [options]
  openlines-inspector show <identifier>... --offline [--account NAME] [--as chat|session] [--json]
  openlines-inspector search <text> [--account NAME] [--limit N] [--json] [--data-dir DIR]
  openlines-inspector history [--account NAME] [--limit N] [--json] [--data-dir DIR]
  openlines-inspector login --portal URL --client-id ID --client-secret SECRET
        [--oauth-server URL] [--port N] [--name NAME] [--no-browser] [--data-dir DIR]
  openlines-inspector login --webhook URL [--name NAME] [--data-dir DIR]
  openlines-inspector accounts [list | use NAME | rename NAME NEW-NAME | remove NAME] [--json]

lookup   looks up Bitrix24 Open Lines dialogs and prints everything the portal
         knows about each, decoded. Each lookup is recorded in the history and
         the dialog is kept for offline reading, in the app's data folder; when
         the portal cannot be reached, the cached copy is printed and marked.
show     prints the copy kept on this computer, with its "as of" time, without
         asking any portal (--offline); any identifier form finds it.
search   finds kept dialogs by name, id (chat17 finds chat1777), user code or
         its parts (livechat|22), CRM binding ("lead 1209"), line, operator or
         reader name; prefix, case- and accent-insensitive; matches in « ».
history  lists recorded lookups, newest first.
login    saves a portal as an account. OAuth 2.0 with your own local
         application: prints the sign-in address on a line of its own and
         opens it in the browser (not with --no-browser); the browser comes back
         to http://127.0.0.1:<port>/oauth/callback (port 31417 unless --port),
         or paste the code or the whole address it shows. Or an inbound webhook,
         checked with the portal first. The secret can come from
         OPENLINES_CLIENT_SECRET instead of --client-secret.
accounts lists saved accounts (never their secrets; * marks the one lookup
         uses by default), or switches, renames or removes one.

Identifiers:
  1777                  a chat id (or a session id with --as session)
  chat1777              a dialog id
  livechat|1|1373|211   a user code (a leading imol| is accepted)

Options:
  --webhook URL         inbound webhook, https://<portal>/rest/<user>/<key>/
                        (or set OPENLINES_WEBHOOK, which keeps the key out of
                        your shell history)
  --demo                use the built-in demo portal (no account needed)
  --account NAME        lookup: a saved account (default: the current one);
                        show, search, history: one portal only (a saved
                        account's name, its host, or "demo")
  --as chat|session     how a bare number is read (default: chat)
  --json                print JSON (lookup: one object per identifier, in an array)
  --timeout SECONDS     give up on a request after this long (default: 60)
  --no-history          do not record this lookup or cache the dialog
  --offline             (show) use only the copy kept on this computer
  --limit N             at most N entries (history: 50, search: 20)
  --data-dir DIR        the app's data folder (default: ${defaultDataDir()})
  -h, --help            show this help
  -v, --version         print the version

Exit status: 0 when every lookup succeeded, 1 when any failed, 2 on a usage error.
A portal behind a private certificate authority works through NODE_EXTRA_CA_CERTS.`;

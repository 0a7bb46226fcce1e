// English texts of the cli area: the reference for ru/cli.ts. Everything the
// terminal shows in words; command names, options, placeholders such as
// <identifier> and Bitrix24's own terms (USER_CODE, imol|) are the same in
// every language, since they are typed as they stand.

const usage = (dataDir: string) => `Usage:
  openlines-inspector lookup <identifier>... [--account NAME | --webhook URL | --demo] [options]
  openlines-inspector lookup --from FILE [<identifier>...] [--format table|csv|json] [options]
  openlines-inspector transcript <identifier> [--session ID] [--offline] [--account NAME | --webhook URL | --demo]
        [--json | --format text|markdown]
  openlines-inspector watch <identifier>... [--interval SECONDS] [--account NAME | --webhook URL | --demo] [--json]
  openlines-inspector overview [--source recent|crm|kept] [--format table|csv|json] [--offline]
        [--account NAME | --webhook URL | --demo]
  openlines-inspector show <identifier>... [--account NAME] [--as chat|session] [--json | --format text|json|markdown]
        [--data-dir DIR]
  openlines-inspector search <text> [--account NAME] [--limit N] [--json] [--data-dir DIR]
  openlines-inspector history [--account NAME] [--limit N] [--json | --format text|csv|json] [--data-dir DIR]
  openlines-inspector login --portal URL --client-id ID --client-secret SECRET
        [--oauth-server URL] [--port N] [--name NAME] [--no-browser] [--data-dir DIR]
  openlines-inspector login --webhook URL [--name NAME] [--data-dir DIR]
  openlines-inspector accounts [list | use NAME | rename NAME NEW-NAME | remove NAME] [--json]

lookup   looks up Bitrix24 Open Lines dialogs and prints everything the portal
         knows about each, decoded. Each lookup is recorded in the history and
         the dialog is kept for offline reading, in the app's data folder; when
         the portal cannot be reached, the cached copy is printed and marked.
transcript prints a session's conversation (the current one, or --session ID),
         oldest message first, with who wrote last and how long the client
         waited; the app keeps it too, and --offline prints the kept copy.
watch    refreshes the dialogs every --interval seconds (default 30) through
         batch, until Ctrl+C, and prints one line per change in words (--json:
         one object per dialog and refresh, {chatId, at, changes}); a portal out
         of reach or a refused dialog is said once on stderr, and watching goes on.
overview lists the open-line dialogs a lead cares about, one line each,
         waiting clients first (the longest wait first): status, waiting
         since, channel, line, operator, client, CRM, session start, unread
         and marks. From the account's own recent chats (scope im, with the
         session status where the account is in a line's queue), the open
         sessions of the portal's CRM (scope crm) and the dialogs kept on
         this computer; a source the scopes do not allow is named on stderr
         with the scope it needs. Every dialog read is kept.
show     prints the copy kept on this computer, with its "as of" time, without
         asking any portal (that is what --offline asks, so it is not needed);
         any identifier form finds it.
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
  --account NAME        lookup, transcript, overview: a saved account (default:
                        the current one); show, search, history, overview
                        --offline: one portal only (a saved account's name,
                        its host, or "demo")
  --as chat|session     how a bare number is read (default: chat)
  --json                print JSON (lookup: one object per identifier, in an array)
  --from FILE           lookup: identifiers from a file, or - for standard input,
                        separated by lines, commas, spaces or tabs; a .csv
                        gives its column of identifiers (dialog_id, chat_id,
                        input…), else its first
  --format table|csv|json
                        lookup: one line per dialog (outcome, chat, client,
                        channel, line, operator, CRM, session start, marks),
                        50 dialogs per request through batch; without it,
                        --from or several identifiers print a table (one
                        prints in full); exit 0 only when every one was found;
                        show: json or markdown, each dialog as the window saves
                        it; history: csv or json, as the window saves it
  --interval SECONDS    watch: from the end of one refresh to the next (default: 30)
  --output FILE         lookup, transcript, overview, show, search, history:
                        write what would be printed to FILE instead, whole or
                        not at all
  --source recent|crm|kept
                        overview: only these sources (several separated by
                        commas; default: all three)
  --timeout SECONDS     give up on a request after this long, its whole answer
                        included (default: 60)
  --max-answer-mb N     read at most this much of an answer (default: 32)
  --no-history          do not record this lookup or cache the dialog
  --verbose             also print each lookup's outcome and what the log file
                        (logs/cli.log in the data folder) gets, on stderr
  --offline             (show) use only the copy kept on this computer: show's
                        default, accepted and not needed; (overview) only the
                        kept dialogs, asking no portal
  --limit N             at most N entries (history: 50, search: 20)
  --data-dir DIR        the app's data folder (default: ${dataDir})
  -h, --help            show this help
  -v, --version         print the version

Exit status: 0 when every lookup succeeded, 1 when any failed, 2 on a usage error
(overview: 1 when a source could not be read, or one named with --source lacks its scope),
141 when the output's reader went away (… | head -1).
A portal behind a private certificate authority works through NODE_EXTRA_CA_CERTS.`;

export const cli = {
  usage,
  /** What was wrong with the command line; the usage follows. */
  /** transcript: a session's conversation, as words. */
  transcript: {
    title: (chatId: number, sessionId: number, name: string) => `Conversation of chat${chatId}, session ${sessionId}${name ? ` — ${name}` : ''}`,
    source: (source: 'portal' | 'cache', when: string, count: number) =>
      `${source === 'portal' ? 'From the portal' : 'The copy kept on this computer'}, ${when}; ${count} ${count === 1 ? 'message' : 'messages'}`,
    status: { clientWaiting: 'client waiting', operatorAnswered: 'operator answered', closed: 'closed' },
    waitingSince: (when: string) => `waiting since ${when}`,
    firstResponse: (wait: string) => `first response ${wait}`,
    longestWait: (wait: string) => `longest wait ${wait}`,
    wroteLast: (role: string) => `wrote last: ${role}`,
    clientRated: { like: 'the client liked it', dislike: 'the client disliked it' },
    supervisorRated: (stars: number, comment: string | null) => `supervisor: ${stars}/5${comment ? ` (“${comment}”)` : ''}`,
    roles: { client: 'client', operator: 'operator', bot: 'bot', system: 'System' },
    deleted: '(message removed)',
    file: (name: string, size: number | null) => `[file] ${name}${size === null ? '' : ` (${size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`})`}`,
    units: {
      seconds: (s: number) => `${s} s`,
      minutes: (m: number, s: number) => (s === 0 ? `${m} min` : `${m} min ${s} s`),
      hours: (h: number, m: number) => (m === 0 ? `${h} h` : `${h} h ${m} min`),
    },
    notKept: (input: string) => `No conversation of ${input} is kept on this computer. Look it up once without --offline to keep it.`,
    noSession: (input: string) => `${input} has no session, so there is no conversation to show.`,
    otherChat: (session: number, input: string, chatId: number) => `Session ${session} belongs to chat${chatId}, not to ${input}.`,
  },

  /** lookup --format: one line per dialog. */
  bulk: {
    columns: {
      input: 'Identifier',
      outcome: 'Outcome',
      chat: 'Chat',
      name: 'Client',
      channel: 'Channel',
      line: 'Line',
      operator: 'Operator',
      crm: 'CRM',
      sessionStart: 'Session start',
      marks: 'Marks',
      problem: 'Problem',
    },
    outcomes: { found: 'found', kept: 'kept copy', failed: 'failed' },
    marks: { pinned: 'pinned', silent: 'silent', blocked: 'blocked' },
    line: (id: number) => `line ${id}`,
    user: (id: string) => `user ${id}`,
    summary: (total: number, found: number, kept: number, failed: number, seconds: string) =>
      `${total} ${total === 1 ? 'identifier' : 'identifiers'}: ${found} found, ${kept} from kept copies (the portal was not reached), ${failed} failed; ${seconds} s.`,
    tooLarge: (file: string, megabytes: number) => `${file} is larger than ${megabytes} MB: that is more identifiers than a run takes.`,
  },

  /** overview: one line per dialog. */
  overview: {
    columns: {
      status: 'Status',
      waiting: 'Waiting',
      chat: 'Chat',
      client: 'Client',
      channel: 'Channel',
      line: 'Line',
      operator: 'Operator',
      crm: 'CRM',
      sessionStart: 'Session start',
      unread: 'Unread',
      marks: 'Marks',
    },
    statuses: { clientWaiting: 'client waiting', operatorAnswered: 'operator answered', closed: 'closed' },
    /** No source said where the session stands (a kept copy only). */
    unknownStatus: 'unknown',
    /** After the wait, when it is longer than the line's answer target (KPI). */
    pastTarget: (target: string) => `past the ${target} target`,
    sources: { recent: 'recent chats (im.recent.get)', crm: 'CRM sessions (crm.activity.list)', kept: 'kept dialogs' },
    used: (source: string, rows: number) => `${source}: ${rows} ${rows === 1 ? 'dialog' : 'dialogs'}`,
    needsScope: (source: string, scope: string) => `${source}: not used; the webhook or application needs the "${scope}" scope for it.`,
    failed: (source: string, problem: string) => `${source}: could not be read: ${problem}`,
    notAsked: (source: string) => `${source}: not asked`,
    summary: (rows: number, seconds: string) => `${rows} ${rows === 1 ? 'dialog' : 'dialogs'}; ${seconds} s.`,
    truncated: (max: number) => `Only the first ${max} dialogs are shown.`,
    none: 'No dialogs.',
  },

  usageErrors: {
    noCommand: 'No command given.',
    /** The range as it is checked: 0 itself is refused. */
    numberInRange: (option: string, max: number) => `${option} takes a number more than 0 and at most ${max}.`,
    wholeNumberInRange: (option: string, max: number) => `${option} takes a whole number from 1 to ${max}.`,
    /** A mistyped option, and the known one nearest to it when one is near. */
    unknownOption: (option: string, nearest: string | null) => `Unknown option ${option}.${nearest ? ` Did you mean ${nearest}?` : ''}`,
    /** `placeholder` is how the usage names the value (SECONDS, NAME, URL). */
    optionNeedsValue: (option: string, placeholder: string) => `${option} needs a value: ${option} ${placeholder}.`,
    optionTakesNoValue: (option: string) => `${option} takes no value: give it alone, as ${option}.`,
    historyTakesNoIds: 'history takes no identifiers; use --account to choose a portal.',
    searchWhat: 'Say what to search for: a name, an id such as chat17, a user code, or "lead 1209".',
    unknownCommand: (command: string) =>
      `Unknown command "${command}". The commands are "lookup", "transcript", "overview", "watch", "show", "search", "history", "login" and "accounts".`,
    watchWhat: 'Give at least one identifier to watch.',
    watchNoFormat: 'watch prints one line per change, or with --json one JSON object per line; it takes no --format.',
    giveIdentifier: (command: 'lookup' | 'show') => `Give at least one identifier to ${command === 'show' ? 'show' : 'look up'}.`,
    asTakes: '--as takes "chat" or "session".',
    formatTakes: '--format takes "table", "csv" or "json".',
    showFormat: 'show --format takes "text", "json" or "markdown".',
    historyFormat: 'history --format takes "text", "csv" or "json".',
    outputFor: (command: string) => `--output is for lookup, transcript, overview, show, search and history, not ${command}.`,
    sourceTakes: '--source takes "recent", "crm" or "kept", or several separated by commas.',
    overviewTakesNoIds: 'overview takes no identifiers; use --source to choose where the dialogs come from.',
    overviewJsonOrFormat: 'Use either --json or --format, not both.',
    transcriptOne: 'transcript takes one identifier: the dialog whose conversation to print (--session ID for another of its sessions).',
    transcriptFormat: 'transcript --format takes "text" or "markdown" (--json for JSON).',
    jsonOrFormat: 'Use either --json (each dialog in full) or --format (one record per dialog), not both.',
    onePortal: (given: string[]) => `Say one portal to ask: ${given.join(' and ')} were both given.`,
    loginOptionsOnly: 'login takes options only: --portal, --client-id, --client-secret, or --webhook.',
    webhookOrOAuth: 'Use either --webhook or --portal with --client-id, not both.',
    howToSignIn:
      'Say how to sign in: --portal URL --client-id ID --client-secret SECRET (or OPENLINES_CLIENT_SECRET) for OAuth, or --webhook URL.',
    portRange: '--port takes a whole number from 0 to 65535 (0: any free port).',
    accountsTakes: 'accounts takes: list, use NAME, rename NAME NEW-NAME, or remove NAME.',
    noPortal: 'Say which portal to ask: --account NAME (a saved account), --webhook URL (or OPENLINES_WEBHOOK), or --demo.',
    noneSaved: 'No account is saved yet: add one with openlines-inspector login.',
    noneCurrent: 'None of the saved accounts is the current one: choose one with openlines-inspector accounts use NAME.',
  },
  /** watch: what is said on stderr while watching; the changes themselves go to stdout. */
  watch: {
    started: (count: number, host: string, demo: boolean, seconds: string) =>
      `Watching ${count} ${count === 1 ? 'dialog' : 'dialogs'} on ${host}${demo ? ' (demo portal)' : ''}, every ${seconds} s. Ctrl+C stops.`,
    seen: (input: string, chatId: number) => (input === `chat${chatId}` ? `Watching ${input}` : `Watching ${input} (chat${chatId})`),
    goingOn: 'Still watching: asked again at every refresh.',
    portalBack: 'The portal answers again.',
    dialogBack: (input: string) => `${input}: answers again.`,
    stopped: (cycles: number) => `Stopped after ${cycles} ${cycles === 1 ? 'refresh' : 'refreshes'}.`,
  },
  lookup: {
    /** Under the dialog's name, its page on the portal. */
    openInBitrix: (url: string) => `open in Bitrix24: ${url}`,
    /** Under the dialog's name: how and where it was looked up; `ms` is already formatted. */
    lookedUp: (query: string, host: string, demo: boolean, ms: string) =>
      `looked up as ${query} on ${host}${demo ? ' (demo portal)' : ''} in ${ms} ms`,
    noChanges: (since: string) => `No changes since the previous lookup (${since})`,
    changedSince: (since: string) => `Changed since the previous lookup (${since}):`,
    /**
     * The one line over a kept copy (in place of "looked up as"): whose copy,
     * from when, and why it is shown. `query` is how the identifier was read.
     */
    keptCopyAsked: (asOf: string, query: string, host: string, demo: boolean) =>
      `Copy kept on this computer from ${asOf}, found as ${query} on ${demo ? 'the demo portal' : host}: show does not ask the portal (lookup does).`,
    /** `reason` is the failure's title and code ("Portal unreachable [PORTAL_UNREACHABLE]"). */
    keptCopyFallback: (asOf: string, query: string, host: string, demo: boolean, reason: string) =>
      `OFFLINE: copy kept on this computer from ${asOf}, found as ${query} on ${demo ? 'the demo portal' : host}, because the portal could not be reached: ${reason}.`,
    /** The mark after a caller-dependent label, explained under the sections. */
    callerNote: '* depends on who asks (the webhook user)',
    empty: '(empty)',
    seconds: (value: string) => `${value} s`,
  },
  saved: (file: string, bytes: string) => `Saved ${file} (${bytes}).`,
  errors: {
    whatToDo: 'What to do:',
    portalSaid: 'Portal said:',
    warning: 'Warning:',
  },
  /**
   * "What to do" in the terminal, for the codes whose general advice
   * (errors.ts) names the window's controls: here the command line's options
   * instead. Used only when an error carries that general advice, never over
   * advice made for the case at hand.
   */
  actions: {
    ACCESS_ERROR:
      'Check the identifier (a bare number is a chat id; add --as session for a session id). If it is right, ask your Bitrix24 administrator for Open Channels access to this dialog, or use the webhook of a user who has it (--webhook URL or --account NAME).',
    INVALID_IDENTIFIER:
      'Give a chat id (1777), a dialog id (chat1777), a session id (a bare number with --as session) or a user code (livechat|1|1373|211).',
    NOT_CONNECTED:
      'Say which portal to ask: --account NAME (a saved account), --webhook URL (or OPENLINES_WEBHOOK), or --demo for the demo portal.',
    expired_token:
      'Sign in again with openlines-inspector login --portal URL --client-id ID --client-secret SECRET; a webhook account can be saved again with openlines-inspector login --webhook URL.',
    invalid_token:
      'Sign in again with openlines-inspector login --portal URL --client-id ID --client-secret SECRET, or save a webhook account again with openlines-inspector login --webhook URL.',
    TLS_ERROR:
      'Check the portal address. If your portal uses a private certificate authority, run the command with NODE_EXTRA_CA_CERTS set to its certificate (a PEM file).',
    ANSWER_TOO_LARGE:
      'A real dialog is far smaller: something between you and the portal is sending more. If it is genuine, raise the limit with --max-answer-mb N.',
    UNEXPECTED_SHAPE:
      'Try again; if it persists, report it with the identifier you looked up and your portal’s version (run the lookup again with --json to see the raw answer).',
    NOT_CACHED:
      'Look it up once with openlines-inspector lookup while the portal can be reached (without --no-history): every dialog looked up is kept for offline reading.',
    ACCOUNT_NOT_FOUND: 'List the saved accounts with openlines-inspector accounts and use one of their names.',
  },
  /** What to do about a link to another portal (LINK_OTHER_PORTAL), as the terminal says it. */
  otherPortal: {
    useAccount: (name: string, linkHost: string) => `Run the lookup again with --account "${name}", your saved account for ${linkHost}.`,
    noneSaved: (linkHost: string) =>
      `No saved account is for ${linkHost}. Save one with openlines-inspector login (--webhook URL, or --portal URL with your application), then run the lookup with --account NAME.`,
  },
  login: {
    kindOAuth: 'OAuth',
    kindWebhook: 'webhook',
    saved: (name: string, kind: string, host: string) =>
      `Saved account "${name}" (${kind}, ${host}). Lookups use it from now on: openlines-inspector lookup <identifier>`,
    pasteInstead: 'Going on without it: paste the code instead.',
    pasteAgain: 'Paste again, or finish signing in in the browser.',
    signInWithRedirect: (redirectUri: string) =>
      `Sign in to the portal in your browser, at the address below. The browser comes back to ${redirectUri};\nor paste the code (or the whole address the browser shows) here and press Enter.`,
    signInPaste:
      'Sign in to the portal in your browser, at the address below, then paste the code (or the whole address the browser shows) here and press Enter.',
    noBrowser: 'Could not open a browser here: open the address above yourself.',
    scopeMissing: (scope: string, scopes: string[]) =>
      `The application works, but it was created without the "${scope}" scope (its scopes: ${scopes.join(', ') || 'none'}).`,
  },
  accounts: {
    states: {
      ready: 'ready',
      'sign-in-again': 'sign in again (openlines-inspector login …)',
      'secrets-unreadable': 'credentials cannot be read here: connect again',
      'secrets-forgotten': 'credentials were kept for one session: connect again',
    },
    kindOAuth: (clientId: string) => `OAuth, app ${clientId}`,
    kindWebhook: 'webhook',
    enterprise: ', Enterprise limits',
    none: 'No accounts saved yet. Add one with: openlines-inspector login --webhook URL, or --portal URL --client-id ID --client-secret SECRET',
    nowCurrent: (name: string) => `Lookups now go to "${name}".`,
    renamed: (before: string, after: string) => `Renamed "${before}" to "${after}".`,
    removed: (name: string) => `Removed "${name}" and its saved credentials. Its history and kept dialogs stay.`,
  },
  show: {
    notCached: (input: string, account: string | null) =>
      `No copy of "${input}" is kept in this data folder${account ? ` for ${account}` : ''}.`,
  },
  /** --account on show, search and history naming no portal this data folder knows (exit 2). */
  accountChoice: {
    unknown: (given: string, names: readonly string[]) =>
      `There is no account "${given}". Saved accounts: ${names.map((name) => `"${name}"`).join(', ')}.`,
    unknownNoneSaved: (given: string) =>
      `There is no account "${given}": no account is saved, and nothing is kept for a portal of that name.`,
    action: 'Give a saved account’s name, a portal’s host (such as your-portal.bitrix24.com), or "demo".',
  },
  search: {
    noMatch: (text: string) => `No cached dialog matches "${text}".`,
    asOf: (when: string) => `as of ${when}`,
  },
  history: {
    ok: 'ok',
    okOffline: 'ok (offline copy)',
    empty: 'No lookups recorded yet.',
  },
  /** A duration in milliseconds, the number already formatted. */
  milliseconds: (ms: string) => `${ms} ms`,
  store: {
    recovered: (reason: string, movedTo: string) =>
      `Damaged history database moved aside [STORE_RECOVERED]\n  ${reason}: it was moved to ${movedTo} and a new one was started.\n  What to do: nothing; keep the old file if you want to try to recover it.`,
    unavailable: (reason: string, dataDir: string) =>
      `History and offline cache unavailable [STORE_UNAVAILABLE]\n  The data folder's database could not be opened (${reason}).\n  What to do: check that ${dataDir} is writable, or choose another folder with --data-dir.`,
    unknownError: 'unknown error',
  },
};

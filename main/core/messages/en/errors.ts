// English texts of the errors area: the reference for ru/errors.ts. Every
// error envelope, refusal and notice main writes, outside the CLI's own
// output and the dialog's labels. A text with parameters is a function, so a
// translation may put them where its grammar wants them.
import { plural } from '../../i18n';

/** The forms of identifier a lookup takes, as the refusals list them. */
const ACCEPTED_FORMS =
  'a chat id (1777), a dialog id (chat1777), a session id (choose "session" for bare numbers) or a user code (livechat|1|1373|211)';

const WEBHOOK_PATH = 'Applications → Developer resources → Other → Inbound webhook';

export const errors = {
  /** Title, what happened and what to do, for every code in core/errors.ts. */
  codes: {
    ACCESS_ERROR: {
      title: 'Dialog not found or no access',
      message:
        'Bitrix24 did not return this dialog. It answers the same way when the dialog does not exist, when the identifier points to something that is not an open-line dialog, and when your account may not open it.',
      action:
        'Check the identifier (and the chat/session choice for a bare number). If it is right, ask your Bitrix24 administrator for Open Channels access to this dialog, or use a webhook of a user who has it.',
    },
    IM_NOT_INSTALLED: {
      title: 'Messenger is not installed',
      message: 'The portal answered that its Messenger (im) module is not installed, so open-line dialogs cannot be read.',
      action: 'Ask your Bitrix24 administrator to install the Messenger module, or check that you connected the right portal.',
    },
    INTERNAL_SERVER_ERROR: {
      title: 'Bitrix24 internal error',
      message: 'The portal reported an internal server error while handling the request.',
      action: 'Try again in a minute. If it keeps happening, contact Bitrix24 support or your server administrator.',
    },
    ERROR_UNEXPECTED_ANSWER: {
      title: 'Bitrix24 returned an unexpected response',
      message: 'The portal reported that it produced an unexpected response internally.',
      action: 'Try again in a minute. If it keeps happening, contact Bitrix24 support or your server administrator.',
    },
    QUERY_LIMIT_EXCEEDED: {
      title: 'Too many requests',
      message: "The portal's request rate limit was exceeded (2 requests a second with a burst of 50 on most plans).",
      action: 'Wait a few seconds and try again. Other apps or scripts using the same portal from your network share this limit.',
    },
    ERROR_BATCH_METHOD_NOT_ALLOWED: {
      title: 'Method not allowed in a batch',
      message: 'The portal refused to run this method inside a batch request.',
      action: 'This is a bug in Open Lines Inspector: please report it. A single lookup still works.',
    },
    ERROR_BATCH_LENGTH_EXCEEDED: {
      title: 'Batch too long',
      message: 'The portal refused a batch request with more than 50 commands or too long parameters.',
      action: 'This is a bug in Open Lines Inspector: please report it. Look up fewer dialogs at once meanwhile.',
    },
    NO_AUTH_FOUND: {
      title: 'Webhook or token not accepted',
      message: 'The portal did not accept the credentials: the webhook key is wrong, was regenerated, expired, or was deleted.',
      action: `In your portal open ${WEBHOOK_PATH}, copy the webhook URL again and reconnect.`,
    },
    INVALID_REQUEST: {
      title: 'HTTPS required',
      message: 'The portal refused the request because REST methods must be called over HTTPS.',
      action: 'Use the https:// address of your portal in the webhook URL.',
    },
    OVERLOAD_LIMIT: {
      title: 'REST API blocked for this portal',
      message: 'Bitrix24 support has blocked REST API access for this portal because of overload. This block is manual and does not lift by itself.',
      action: 'Contact Bitrix24 technical support to remove the block. Retrying will not help.',
    },
    ACCESS_DENIED: {
      title: 'REST API not available on this plan',
      message: 'The portal answered that the REST API is available only on commercial plans.',
      action: "Ask your Bitrix24 administrator about the portal's plan.",
    },
    INVALID_CREDENTIALS: {
      title: 'The webhook user lacks permissions',
      message: 'The user who owns the webhook or token does not have the permissions this request needs.',
      action: 'Use a webhook created by a user with Open Channels access, or ask your administrator to grant it.',
    },
    ERROR_MANIFEST_IS_NOT_AVAILABLE: {
      title: 'Manifest not available',
      message: 'The portal answered that the requested manifest is not available.',
      action: 'Check that you connected the right portal. If it persists, contact Bitrix24 support.',
    },
    insufficient_scope: {
      title: 'Webhook lacks the imopenlines scope',
      message: 'The webhook was created without the permissions (scope) needed to read open-line dialogs.',
      action: `In your portal open ${WEBHOOK_PATH}, tick the "imopenlines" scope (Open Channels), save, and reconnect.`,
    },
    expired_token: {
      title: 'Access token expired',
      message: 'Bitrix24 answered that the access token has expired (this happens with application tokens, not with webhooks).',
      action: 'Sign in again from the portal menu (Add or manage portals… → Sign in again); a webhook account can also be connected again with its URL.',
    },
    invalid_token: {
      title: 'Access token invalid',
      message: 'The portal did not recognise the access token.',
      action: 'Sign in again from the portal menu (Add or manage portals… → Sign in again), or connect a webhook account again with its URL.',
    },
    user_access_error: {
      title: 'No access to the application',
      message: 'The application is installed on the portal, but the administrator allowed it only for certain users, and you are not one of them.',
      action: 'Ask your Bitrix24 administrator to give you access to the application.',
    },
    PORTAL_DELETED: {
      title: 'Portal unavailable',
      message: 'The portal answered that it was deleted, or (on-premise) that its public part is temporarily closed.',
      action: 'Check the portal address. On-premise administrators: disable "Temporary closure of the public part of the site" in the Main module settings.',
    },
    OPERATION_TIME_LIMIT: {
      title: 'Method time limit reached',
      message: 'This webhook used up its execution-time budget for the method it called in the last 10 minutes, so the portal blocks that method for a while.',
      action: 'Wait until the budget frees up (at most 10 minutes), then try again. Other methods keep working.',
    },
    INVALID_SESSION_ID: {
      title: 'Session not found',
      message: 'The portal could not find the session asked for.',
      action: "Check the session id (the sixth value of the dialog's entity_data_1), or look the dialog up again for its current session.",
    },
    MISSING_REQUIRED_PARAM: {
      title: 'A required parameter was missing',
      message: 'The portal answered that the request lacked a parameter it needs.',
      action: 'Please report it: the app always sends the session id, so this should not happen.',
    },
    INVALID_IDENTIFIER: {
      title: 'Not a dialog identifier',
      message: 'That text is not an identifier of an open-line dialog.',
      action: `Paste ${ACCEPTED_FORMS}.`,
    },
    INVALID_WEBHOOK_URL: {
      title: 'Not an inbound webhook URL',
      message: 'That text is not a Bitrix24 inbound webhook URL.',
      action: `Copy the URL from ${WEBHOOK_PATH} in your portal. It looks like https://your-portal.bitrix24.com/rest/1/abc123xyz/.`,
    },
    NOT_CONNECTED: {
      title: 'No portal connected',
      message: 'There is no Bitrix24 portal to ask yet.',
      action: 'Choose a saved portal from the portal menu, connect one (an inbound webhook URL or signing in with your application), or open the demo portal to try the app without an account.',
    },
    PORTAL_UNREACHABLE: {
      title: 'Portal unreachable',
      message: 'Could not connect to the portal: the address does not resolve, or nothing answers there.',
      action: 'Check your network connection and the portal address in the webhook URL, then try again.',
    },
    TLS_ERROR: {
      title: 'Secure connection failed',
      message: "The portal's HTTPS certificate could not be verified, so the connection was stopped before anything was sent.",
      action: 'Check the portal address. If your portal uses a private certificate authority, start the app with NODE_EXTRA_CA_CERTS pointing to its certificate.',
    },
    TIMEOUT: {
      title: 'The portal did not answer in time',
      message: 'The portal took too long to answer and the request was stopped.',
      action: 'Try again. If the portal is slow for everyone, check its status with your administrator.',
    },
    CANCELLED: {
      title: 'Request cancelled',
      message: 'The request was cancelled before the portal answered.',
      action: 'Run it again when you are ready.',
    },
    CONNECTION_RESET: {
      title: 'Connection dropped',
      message: 'The connection to the portal closed before a full answer arrived.',
      action: 'Try again. A proxy or firewall between you and the portal may be cutting connections.',
    },
    NOT_BITRIX_JSON: {
      title: 'Not a Bitrix24 answer',
      message:
        'The address answered with something that is not a Bitrix24 REST answer (for example an HTML page from a proxy, a login page or a maintenance page).',
      action: 'Check the webhook URL, and whether a proxy or captive portal sits between you and Bitrix24.',
    },
    EMPTY_RESPONSE: {
      title: 'Empty answer',
      message: 'The portal answered with an empty body.',
      action: 'Try again. If it keeps happening, the portal or a proxy in between is misbehaving.',
    },
    TRUNCATED_RESPONSE: {
      title: 'Incomplete answer',
      message: 'The answer from the portal was cut off before it ended, so it could not be read.',
      action: 'Try again. If it keeps happening, a proxy in between may be cutting answers.',
    },
    UNEXPECTED_SHAPE: {
      title: 'Unexpected dialog data',
      message: 'The portal answered, but the dialog data does not have the shape Bitrix24 documents.',
      action:
        'Try again; if it persists, report it with the identifier you looked up and your portal’s version (look it up from the command line with --json to see the raw answer).',
    },
    REDIRECT_REFUSED: {
      title: 'The portal sent us elsewhere',
      message:
        'The portal answered with a redirect to another address. Bitrix24’s REST API never redirects, so the request was not sent on: your key or token went nowhere else.',
      action:
        'Check the portal address (https, the exact host). If it is right, a Wi-Fi sign-in page, a proxy or the server’s configuration is redirecting REST calls: sign in to the network, or ask your administrator.',
    },
    ANSWER_TOO_LARGE: {
      title: 'Answer too large',
      message: 'The portal’s answer was larger than the limit, so reading it was stopped and nothing was kept.',
      action: 'A real dialog is far smaller: something between you and the portal is sending more. If it is genuine, raise the limit in Settings (or --max-answer-mb).',
    },
    ANSWER_TOO_DEEP: {
      title: 'Answer nested too deeply',
      message: 'The portal’s answer nests its data deeper than any Bitrix24 answer does, so it was not read and nothing was kept.',
      action: 'Try again; if it persists, something between you and the portal is altering answers: ask your administrator.',
    },
    FOREIGN_ANSWER: {
      title: 'Answer about another dialog',
      message: 'The portal answered with a dialog other than the one asked for, so it was not shown and nothing was kept.',
      action: 'Try again. If it persists, a cache or proxy between you and the portal is mixing answers up: ask your administrator.',
    },
    MALFORMED_ERROR: {
      title: 'Unreadable error from the portal',
      message: 'The portal reported an error, but not in the shape Bitrix24 uses, so what went wrong cannot be said.',
      action: 'Try again; if it persists, something between you and the portal is altering answers: ask your administrator.',
    },
    PORTAL_ERROR: {
      title: 'Bitrix24 error',
      message: 'The portal answered with an error this app does not know.',
      action: 'Read the portal’s description below; if it is unclear, contact your Bitrix24 administrator.',
    },
    INVALID_ARGUMENT: {
      title: 'Invalid request',
      message: 'The app received a request it cannot accept.',
      action: 'This is a bug in Open Lines Inspector: please report it.',
    },
    LINK_REFUSED: {
      title: 'Link not opened',
      message: 'The app was asked to open a link it does not accept.',
      action: "Nothing was looked up. Paste the dialog's identifier in the lookup field instead.",
    },
    LINK_OTHER_PORTAL: {
      title: 'Link to another portal',
      message: 'The link is to a dialog on another Bitrix24 portal, but lookups go to the connected one, where the same id may be another client’s dialog. Nothing was looked up.',
      action: 'Look it up with that portal’s account, or connect that portal first.',
    },
    APPLICATION_SCOPE_MISSING: {
      title: 'Application lacks the imopenlines scope',
      message: 'The application was created without the permissions (scope) needed to read open-line dialogs.',
      action: 'In your portal open Applications → Developer resources → Other → Local application, tick the "imopenlines" scope (Open Channels) for this application, save, and sign in again.',
    },
    NOT_CACHED: {
      title: 'No cached copy',
      message: 'No copy of this dialog is kept on this computer.',
      action: 'Look it up once while the portal can be reached: every dialog looked up is kept for offline reading.',
    },
    FILE_NOT_SAVED: {
      title: 'File not saved',
      message: 'The file could not be written.',
      action: 'Choose another folder or name, and check there is room on the disk.',
    },
    FILE_NOT_READ: {
      title: 'List not opened',
      message: 'The file could not be read as a list of identifiers.',
      action: 'Open a text or CSV file saved as UTF-8, one identifier a line or in a column.',
    },
    OFFLINE_BY_CHOICE: {
      title: 'Cached copy, as asked',
      message: 'You asked for the copy kept on this computer, so the portal was not contacted.',
      action: 'Look it up without --offline to ask the portal for its current state.',
    },
    HISTORY_UNAVAILABLE: {
      title: 'History unavailable',
      message: 'The history and offline-cache database in the data folder could not be opened. Lookups still work; they are just not remembered.',
      action: 'Check that the data folder is writable and the disk is not full, then try again: the database is opened again on the next try.',
    },
    STORE_BUSY: {
      title: 'History database in use',
      message:
        'The history database is in use by another program, which is holding it locked. Lookups still work; history will not be saved until that program finishes or is closed.',
      action:
        'Close the other program that has openlines-inspector.db open (a database browser, a backup or sync tool, or a stuck copy of this app or its command line). History works again by itself; no restart needed.',
    },
    STORE_DISK_FULL: {
      title: 'Disk full',
      message: 'The disk that holds the history database is full, so nothing more can be saved to it. Lookups still work.',
      action: 'Free some space on that disk. Saving starts again by itself; no restart needed.',
    },
    STORE_NO_ACCESS: {
      title: 'History database not accessible',
      message:
        'The operating system refused access to the history database file (its permissions, or a read-only disk or folder). Lookups still work; history will not be saved.',
      action:
        'Make the data folder and the openlines-inspector.db file in it readable and writable by your user account. History works again by itself; no restart needed.',
    },
    DEMO_UNAVAILABLE: {
      title: 'Demo portal could not start',
      message: 'The built-in demo portal could not be started on this computer.',
      action: 'Try again; if it still fails, another program may be blocking local connections.',
    },
    INVALID_PORTAL_URL: {
      title: 'Not a portal address',
      message: 'That text is not the https:// address of a Bitrix24 portal.',
      action: 'Enter the address you open Bitrix24 at, like https://your-portal.bitrix24.com.',
    },
    OAUTH_INVALID_SERVER: {
      title: 'Not a sign-in server address',
      message: 'The sign-in server address must start with https:// and carry no user name or password: the client secret is sent there.',
      action: 'Use https://oauth.bitrix.info unless your Bitrix24 administrator gave you another one.',
    },
    OAUTH_INVALID_CLIENT: {
      title: 'Client id or secret not accepted',
      message: 'The sign-in server did not accept the application’s client id and secret, or the application is not installed on the portal.',
      action:
        'In your portal open Applications → Developer resources → Other → Local application, check that the application is installed, copy its client id (application code) and client secret again, and sign in again.',
    },
    OAUTH_SIGN_IN_AGAIN: {
      title: 'Sign in again',
      message: 'The portal no longer accepts this sign-in: the refresh token expired or was already used.',
      action: 'Sign in to the portal again. Your history and kept dialogs are not affected.',
    },
    OAUTH_STATE_MISMATCH: {
      title: 'Sign-in answer from another attempt',
      message: 'The answer does not carry the check value (state) of the sign-in in progress, so it was not used.',
      action: 'Use the sign-in link from this attempt, or paste just the code.',
    },
    OAUTH_DENIED: {
      title: 'Sign-in refused by the portal',
      message: 'The portal sent the browser back with an error instead of an authorization code.',
      action: 'Check that you allowed access and that the application is installed on the portal, then sign in again.',
    },
    OAUTH_PASTE_NOT_RECOGNISED: {
      title: 'Not an authorization code',
      message: 'That text is neither an authorization code nor the address the portal sent the browser to.',
      action: 'Copy the whole address from the browser’s address bar after signing in (it contains code=), or just the code the portal shows.',
    },
    OAUTH_PORT_IN_USE: {
      title: 'Sign-in port in use',
      message: 'Another program is using the local port that receives the sign-in.',
      action: 'Close the other program, or choose another port and register http://127.0.0.1:<port>/oauth/callback as the application’s handler path.',
    },
    OAUTH_TIMEOUT: {
      title: 'Sign-in took too long',
      message: 'The browser did not come back with an authorization code in time, so the sign-in was stopped.',
      action: 'Start the sign-in again. If the browser showed a code instead, paste it.',
    },
    OAUTH_CANCELLED: {
      title: 'Sign-in cancelled',
      message: 'The sign-in was cancelled before it finished.',
      action: 'Start the sign-in again when you are ready.',
    },
    OAUTH_REFUSED: {
      title: 'Sign-in server refused the request',
      message: 'The sign-in server answered with an error this app does not know.',
      action: 'Read the server’s description below; check the application’s settings in your portal and sign in again.',
    },
    OAUTH_BAD_ANSWER: {
      title: 'Unreadable sign-in answer',
      message: 'The sign-in server’s answer does not have the shape Bitrix24 documents.',
      action: 'Check the sign-in server address (https://oauth.bitrix.info unless you changed it) and whether a proxy sits in between, then try again.',
    },
    OAUTH_TOKENS_NOT_SAVED: {
      title: 'Sign-in could not be saved',
      message: 'The portal issued new tokens, but they could not be saved on this computer, so they were not used.',
      action: 'Check that the data folder is writable and the disk is not full, then try again.',
    },
    ACCOUNT_NOT_FOUND: {
      title: 'No such account',
      message: 'There is no saved account by that name.',
      action: 'List the saved accounts (openlines-inspector accounts, or the account menu in the app) and use one of their names.',
    },
    ACCOUNT_NAME_TAKEN: {
      title: 'Name already used',
      message: 'Another account already has that name.',
      action: 'Choose another name, or rename the other account first.',
    },
    ACCOUNT_NAME_INVALID: {
      title: 'Not a usable name',
      message: 'An account name is 1 to 60 characters on one line.',
      action: 'Type a short name, such as the company or the portal.',
    },
    ACCOUNT_SECRETS_UNREADABLE: {
      title: 'Saved credentials cannot be read here',
      message:
        'The account’s saved key or tokens cannot be decrypted on this computer: the keychain may have been reset, the data folder copied from another computer, or the account saved by the app, whose keychain the command line cannot open.',
      action: 'Connect the portal again (a new webhook URL, or sign in again); the account’s history and kept dialogs stay.',
    },
    ACCOUNT_SECRETS_FORGOTTEN: {
      title: 'Credentials were kept for one session only',
      message: 'This computer offers no secure storage for secrets, so the account’s key or tokens were kept only until the app was closed.',
      action: 'Connect the portal again (paste the webhook URL, or sign in again).',
    },
    INTERNAL: {
      title: 'Something went wrong',
      message: 'Open Lines Inspector met an unexpected problem.',
      action: 'Try again. If it keeps happening, please report it.',
    },
  },

  /** The precise refusals of a pasted identifier (core/identifier.ts), and what a recognised one is. */
  identifier: {
    nothingEntered: 'Nothing was entered.',
    tooLong: (length: number) => `That is ${length} characters long; dialog identifiers are short.`,
    controlCharacter: (position: number, character: string) =>
      `Character ${position} of what you entered is ${character}; identifiers never contain line breaks, tabs or other control characters.`,
    controlCharacterInLink: (character: string) =>
      `The dialog named in that link contains ${character}; identifiers never contain line breaks, tabs or other control characters.`,
    /** The character the two sentences above name, as their complement. */
    characters: {
      lineBreak: 'a line break',
      tab: 'a tab',
      directionControl: (code: string) => `the invisible text-direction control ${code}`,
      control: (code: string) => `the control character ${code}`,
    },
    linkWithoutDialog: 'That link does not name a dialog (it has no IM_DIALOG parameter).',
    privateChatLink: (userId: string) => `That link opens a private chat with user ${userId}, not an open-line dialog.`,
    /** What a number is, as the subject of the two sentences below. */
    idKinds: { chatNumber: 'A chat number', chatId: 'A chat id', sessionId: 'A session id' },
    idZero: (what: string) => `${what} must be 1 or more; 0 is not an id.`,
    idTooLarge: (what: string, digits: string) => `${what} ${digits} is too large to be a Bitrix24 id.`,
    userCodeParts: (count: number) =>
      `A user code has four parts separated by "|" (connector|line|chat in the channel|client user id); this one has ${count}.`,
    connectorEmpty: 'The first part of a user code (the connector, such as livechat or telegrambot) is empty.',
    connectorSpaces: (connector: string) => `The connector "${connector}" contains spaces; connector ids never do.`,
    lineNotNumber: (line: string) => `The second part of a user code is the open line id and must be a number; got "${line}".`,
    chatEmpty: 'The third part of a user code (the chat id in the channel) is empty.',
    userNotNumber: (user: string) => `The fourth part of a user code is the client's user id and must be a number; got "${user}".`,
    chatAlone: 'A dialog id is "chat" followed by the chat number, like chat1777.',
    chatWithSigns: (written: string) => `Write the dialog id without spaces or signs: ${written}.`,
    chatNotDigits: (text: string) => `A dialog id is "chat" followed by digits only; "${text}" is not.`,
    negative: 'Ids are positive numbers; this one is negative.',
    decimal: 'Ids are whole numbers; this one has a decimal part.',
    spacesInNumber: (written: string) => `Remove the spaces inside the number: ${written}.`,
    groupDialog: 'That is a group or user dialog, not an open-line dialog.',
    notRecognised: (text: string) => `"${text}" is not a chat id, dialog id, session id or user code.`,
    recognised: {
      chatId: (value: string) => `Chat id ${value}`,
      sessionId: (value: string) => `Session id ${value}`,
      dialogId: (value: string) => `Dialog id ${value}`,
      userCode: (connector: string, line: string, chat: string, user: string) =>
        `User code: connector ${connector}, line ${line}, chat ${chat} in the channel, client user ${user}`,
    },
  },

  /** A pasted link to another portal than the connected one (core/other-portal-link.ts); hosts as the link and the account write them. */
  otherPortal: {
    /** The connected portal, when it is the demo (its host is a loopback address that says nothing). */
    theDemo: 'the demo portal',
    message: (linkHost: string, connected: string) =>
      `This link is to a dialog on ${linkHost}, but lookups go to ${connected}, where the same id may be another client’s dialog. Nothing was looked up.`,
    switchTo: (name: string, linkHost: string) => `Look it up with "${name}", your saved account for ${linkHost}.`,
    noneSaved: (linkHost: string) =>
      `No account for ${linkHost} is connected. Add it from the portal menu (Add or manage portals…) with its webhook URL or by signing in, then look the link up again.`,
  },

  /** Refusals of a pasted inbound webhook URL (core/webhook.ts). */
  webhook: {
    nothingEntered: 'Nothing was entered.',
    notUrl: 'That is not a URL.',
    plainHttp: 'The URL must start with https:// — Bitrix24 refuses REST calls over plain HTTP.',
    notHttps: 'The URL must start with https://.',
    credentials: 'The URL must not contain a user name or password before the host.',
    notRestPath: 'The path must start with /rest/, like https://your-portal.bitrix24.com/rest/1/abc123xyz/.',
    missingParts: 'The URL must end with /rest/<user id>/<webhook key>/.',
    userIdNotNumber: 'The part after /rest/ must be the user id, a number such as 1.',
    keyCharacters: 'The webhook key may contain only Latin letters and digits.',
    extraParts: 'The URL has extra parts after the webhook key; copy it exactly as Bitrix24 shows it.',
  },

  /** Refusals of an openlines-inspector:// link (api/deep-link.ts); quoted parts come already shortened. */
  deepLink: {
    doInstead: (example: string) =>
      `Nothing was looked up. A lookup link looks like ${example}; ask whoever sent it for the dialog id and paste that in the lookup field.`,
    tooLong: (length: number) => `The link is ${length} characters long; a lookup link is a few dozen.`,
    spacesOrControl: 'The link contains spaces or control characters; a lookup link has none.',
    notALink: 'The app was asked to open something that is not a valid link.',
    wrongScheme: (scheme: string, found: string) => `The app only opens ${scheme}: links; this one is "${found}".`,
    credentials: 'The link carries a user name or password; a lookup link never does.',
    port: 'The link names a port; a lookup link never does.',
    notLookupForm: 'The link is not in the form of a lookup link.',
    notLookup: (asked: string) => `The link asks for "${asked}"; the only thing a link can ask is a lookup.`,
    hash: 'The link has a # part; a lookup link has none.',
    brokenEscape: (part: 'path' | 'identifier') =>
      `The link's ${part === 'path' ? 'path' : 'dialog identifier'} has a broken %-escape.`,
    noDialog: 'The link names no dialog, or more than one thing after lookup/.',
    identifierCharacters: 'The link\'s dialog identifier contains "/", "\\" or control characters; identifiers never do.',
    identifierRefused: (why: string) => `The link names no dialog that can be looked up. ${why}`,
    unknownParameter: (name: string) => `The link has a parameter the app does not take ("${name}"); only "account" is allowed.`,
    manyAccounts: 'The link names more than one account.',
    emptyAccount: 'The link\'s "account" is empty.',
    accountNotName: (max: number) => `The link's "account" cannot be an account name: names are 1 to ${max} characters on one line.`,
    unknownAccount: (name: string) => `The link asks for the account "${name}", and no saved account has that name.`,
    noAccountsSaved: 'Nothing was looked up. No account is saved yet: add the portal under Manage portals, then open the link again.',
    savedAccounts: (names: readonly string[]) =>
      `Nothing was looked up. Saved accounts: ${names.map((name) => `"${name}"`).join(', ')}. Add the portal under Manage portals, or paste the dialog id in the lookup field.`,
    notOpened: 'The link could not be opened.',
  },

  /** What the window says about the connection (api/connection.ts), read each time the state is. */
  connection: {
    sessionOnly:
      'This computer offers no secure storage for secrets (on Linux: no keyring), so this account’s key or sign-in is kept only until you quit the app, never written to disk. Connect again next time.',
    unreadable: 'Your saved connection could not be read on this computer (its keychain may have been reset). Connect again.',
    accountGone: 'The account lookups went to was removed (by the command line, perhaps). Choose another, or connect a portal.',
    watchAccountGone: (account: string) => `${account} is no longer a saved account, so its watched dialogs are not refreshed. Connect it again to go on watching them.`,
    watchNotConnected: (account: string) => `${account} is not the portal connected now, so its watched dialogs wait until it is.`,
    demoFailed: 'The demo portal could not be started this time. Choose it again, or connect your own portal.',
    settingsReset: (movedTo: string) => `Your settings file was damaged, so it was moved aside (${movedTo}) and the defaults are back. Connect again.`,
  },

  /** The main API's own refusals (api/create-main-api.ts, shell/ipc.ts). */
  api: {
    linkNotUrl: 'That link is not a valid URL.',
    linkNotPortal: 'Only links to the connected portal can be opened.',
    messageLinkScheme: 'Only http and https links from a message can be opened.',
    messageLinkCredentials: 'The link carries a user name or password, so it is not opened: such a link can pretend to lead somewhere it does not.',
    messageLinkTooLong: (limit: number) => `The link is longer than ${limit} characters, so it is not opened.`,
    notCached: (chatId: number) => `No copy of chat${chatId} is kept on this computer.`,
    copyNotKept: (chatId: number) => `That copy of chat${chatId} is no longer kept on this computer: older copies go as newer ones arrive. Open the timeline again.`,
    sessionNotCached: (sessionId: number, chatId: number) => `No transcript of session ${sessionId} of chat${chatId} is kept on this computer.`,
    bulkRunGone: 'That bulk table is no longer kept: its history entry is gone. Run the list again.',
    overviewNotRefreshed: 'The overview has not been refreshed yet: refresh it, then save it.',
    askPortalAgain: 'Look it up again to ask the portal for its current state.',
    unknownRequest: 'Unknown request.',
    badArgument: (channel: string) => `The request's argument is not valid for ${channel}.`,
    notWatched: (dialog: string) => `${dialog} is not on this account's watch list: watch it first, then set its rules.`,
    watchWaitMinutes: (min: number, max: number) => `"The client has waited longer than" takes whole minutes from ${min} to ${max}, or the line's answer-time target.`,
    notFromWindow: 'Request refused: it did not come from the app window.',
  },

  /** A list opened through the OS dialog that is no list (export/read-list-file.ts). */
  listFile: {
    /** Sizes in MB, written with a decimal point ("2.1"). */
    tooLarge: (name: string, size: string, limit: string) => `${name} is ${size} MB: lists of up to ${limit} MB can be opened. Split the file, or open part of it.`,
    notText: (name: string) => `${name} is not a text or CSV file (it holds binary data). Save the list as CSV or plain text first.`,
    notUtf8: (name: string) => `${name} is not in UTF-8. Save it again as "CSV UTF-8" or as UTF-8 text, then open it.`,
    notAFile: (name: string) => `${name} is not a file: choose the text or CSV file that holds the list.`,
    unreadable: (name: string, reason: string) => `${name} could not be read (${reason}).`,
  },

  /** Why a finished lookup was not remembered (api/lookup-service.ts). */
  notSaved: {
    busy: 'The history database is in use by another program, which is holding it locked: this lookup was not saved to history, and the dialog was not kept for offline reading. Lookups still work; history will not be saved until that program finishes or is closed.',
    diskFull: 'The disk is full: this lookup was not saved to history, and the dialog was not kept for offline reading. Lookups still work.',
    noAccess:
      'The operating system refused access to the history database file: this lookup was not saved to history, and the dialog was not kept for offline reading. Lookups still work.',
    unavailable:
      'The history and offline-cache database could not be used: this lookup was not saved to history, and the dialog was not kept for offline reading. Lookups still work.',
  },

  /** What came back when it was not a Bitrix24 answer (rest/). */
  answers: {
    emptyBody: (status: number) => `The portal answered with an empty body${status ? ` (HTTP ${status})` : ''}.`,
    webPage: (status: number) =>
      `The address answered with a web page instead of a Bitrix24 REST answer${status ? ` (HTTP ${status})` : ''}: usually a proxy, login or maintenance page.`,
    notRestText: (status: number) => `The address answered with text that is not a Bitrix24 REST answer${status ? ` (HTTP ${status})` : ''}.`,
    notUtf8: (status: number) => `The address answered with text that is not UTF-8${status ? ` (HTTP ${status})` : ''}; Bitrix24 always answers in UTF-8.`,
    megabytes: (amount: string) => `${amount} MB`,
    notRestJson: (status: number) => `The address answered with JSON that is not a Bitrix24 REST answer${status ? ` (HTTP ${status})` : ''}.`,
    httpNotRestJson: (status: number) => `The address answered HTTP ${status} with JSON that is not a Bitrix24 REST answer.`,
    redirect: (status: number, target: string) =>
      `The portal answered HTTP ${status}, a redirect to ${target}. Bitrix24’s REST API never redirects, so the request was not sent there: your key or token went nowhere else.`,
    redirectSameAddress: 'another address on the portal itself',
    redirectNowhere: (status: number) => `The portal answered HTTP ${status}, a redirect without a target. Bitrix24’s REST API never redirects.`,
    tooLarge: (limit: string) => `The portal’s answer was larger than ${limit}, so reading it was stopped and nothing was kept.`,
    tooDeep: (limit: number) => `The portal’s answer nests its data more than ${limit} levels deep, so it was not read and nothing was kept.`,
    deadline: (seconds: number) => `The portal did not finish its answer within ${seconds} s, so the request was stopped.`,
    errorWithoutCode: (status: number) =>
      `The portal answered${status ? ` HTTP ${status}` : ''} with an error whose code is not text, so what went wrong cannot be said.`,
    foreignTranscript: (askedSession: string, askedChat: string, session: string, chat: string) =>
      `Asked for the transcript of session ${askedSession} in chat ${askedChat}, the portal answered with session ${session || '?'} of chat ${chat || '?'}. It was not shown and nothing was kept.`,
    foreign: (asked: string, answered: string) => `Asked for ${asked}, the portal answered with ${answered}. The answer was not shown and nothing was kept.`,
    answeredSession: (chat: string, session: number) => `${chat}, whose current session (${session}) is older than the one asked for`,
    dnsFailed: 'The portal address could not be found (DNS lookup failed).',
    refused: 'Nothing answered at the portal address: the connection was refused or the host is unreachable.',
    operatingLimit: (method: string, wait: string) =>
      `This webhook used up its execution-time budget for ${method} in the last 10 minutes. The portal frees it up in about ${wait}.`,
    operatingLimitAction: (wait: string) => `Try again in about ${wait}. Other methods keep working.`,
  },

  batch: {
    tooMany: (count: number, limit: number) => `${count} commands in one batch; Bitrix24 takes at most ${limit}.`,
    tooManyIdentifiers: (count: number, limit: number) => `${count} identifiers pasted; a bulk run takes at most ${limit}. Split the list and run each part.`,
    missing: (key: string) => `The portal's batch answer says nothing about command "${key}": neither a result nor an error.`,
    /** OPERATION_TIME_LIMIT on one command of a batch: the budget is that command's method's, not the batch's. */
    operatingLimit: (method: string) =>
      `This webhook used up its execution-time budget for ${method} in the last 10 minutes, so the portal blocks that method for a while.`,
  },

  /** A transcript the portal would not give (imopenlines.session.history.get). */
  conversation: {
    deniedTitle: 'No access to this conversation',
    denied:
      "The portal would not give this session's transcript. What decides is the Open Channels permission to view the conversation history (or being the session's operator), not being a member of the chat.",
    deniedAction:
      'Ask your Bitrix24 administrator to give the user this webhook or application acts as the Open Channels permission to view conversation history for this line (Contact Center → Open Channels → Access permissions).',
    tooLargeAction:
      "A long session's transcript can pass the limit on answers: raise it in Settings (or --max-answer-mb), then look the dialog up again.",
  },

  /** A wait as a person would say it ("45 seconds", "9 minutes"). */
  durations: {
    seconds: (count: number) => plural(count, { one: `${count} second`, other: `${count} seconds` }),
    minutes: (count: number) => plural(count, { one: `${count} minute`, other: `${count} minutes` }),
  },

  /** Saved portals (accounts/). */
  accounts: {
    nameInvalid: (max: number) => `An account name is 1 to ${max} characters on one line.`,
    notFoundNoneSaved: (name: string) => `There is no account "${name}": none is saved yet.`,
    notFound: (name: string, saved: readonly string[]) => `There is no account "${name}". Saved: ${saved.map((each) => `"${each}"`).join(', ')}.`,
    nameTaken: (name: string) => `Another account is already called "${name}".`,
    webhookLacksScope: (scope: string, granted: readonly string[]) =>
      `The webhook works, but it was created without the "${scope}" scope (its scopes: ${granted.length > 0 ? granted.join(', ') : 'none'}).`,
    applicationLacksScope: (scope: string, granted: readonly string[]) =>
      `The application works, but it was created without the "${scope}" scope (its scopes: ${granted.length > 0 ? granted.join(', ') : 'none'}).`,
  },

  /** OAuth sign-in (oauth/, api/oauth-sign-in.ts). */
  oauth: {
    portalNothingEntered: 'Nothing was entered.',
    portalNeedsHttps: (host: string) => `The address must start with https://, like https://${host}.`,
    portalNotWebAddress: 'That is not a web address.',
    portalPlainHttp: 'The address must start with https:// — signing in over plain HTTP is refused.',
    portalNotHttps: 'The address must start with https://.',
    portalCredentials: 'The address must not contain a user name or password before the host.',
    portalNoHost: 'The address has no host name.',
    clientIdEmpty: 'The client id is empty.',
    clientIdCharacters: 'The client id cannot contain spaces or control characters; copy it again from the application’s settings.',
    clientSecretEmpty: 'The client secret is empty.',
    nothingPasted: 'Nothing was pasted.',
    pastedSpaces: 'The code is one word without spaces; paste just the code, or the whole address from the browser.',
    pastedOtherAddress: 'That looks like an address, but not the one the portal sends the browser to after signing in (it contains ?code=).',
    codeTooShort: 'That is too short to be an authorization code.',
    codeTooLong: 'That is too long to be an authorization code.',
    codeCharacters: 'An authorization code has only Latin letters, digits and - . _ ~.',
    addressUnreadable: 'That looks like an address but cannot be read as one; copy it again from the browser’s address bar.',
    addressWithoutCode: 'That address has no code in it. Copy the address the browser shows after signing in (it contains code=), or just the code.',
    addressWithoutState: 'That address has no state, so it cannot be told apart from a forged one. Paste just the code instead, or sign in again.',
    addressFromOtherAttempt: 'That address is from another sign-in attempt (its state does not match this one), so its code was not used.',
    addressCodeInvalid: 'The code in that address is not a valid authorization code; copy the whole address again.',
    deniedWith: (error: string) => `The portal sent the browser back with the error “${error}” instead of an authorization code.`,
    noCodeReturned: 'The portal sent the browser back without an authorization code.',
    portNotAllowed: (port: number, host: string) =>
      `This computer does not allow Open Lines Inspector to listen on port ${port} of ${host}, where the sign-in comes back.`,
    portTaken: (port: number, host: string) =>
      `Port ${port} on ${host}, where the sign-in comes back, is already in use by another program (or another sign-in in progress).`,
    portAction: (port: number) =>
      `Close the program that uses port ${port}, or choose another sign-in port (the port setting of the account, or --port N on the command line) ` +
      'and register http://127.0.0.1:N/oauth/callback as the handler path of the application in your portal. You can also paste the code instead.',
    browserTimedOut: (duration: string) =>
      `The browser did not come back with an authorization code within ${duration}, so the sign-in was stopped.`,
    pasteTimedOut: 'No authorization code was pasted in time, so the sign-in was stopped.',
    serverNotWebAddress: 'The sign-in server address is not a web address.',
    serverEmptyBody: (status: number) => `The sign-in server answered with an empty body (HTTP ${status}).`,
    serverWebPage: (status: number) =>
      `The sign-in server answered with a web page instead of tokens (HTTP ${status}): usually a proxy, login or maintenance page.`,
    serverNotJson: (status: number) => `The sign-in server answered with something that is not JSON (HTTP ${status}).`,
    serverNoErrorCode: (status: number) => `The sign-in server answered HTTP ${status} without an error code.`,
    serverGarbled: (fields: string) => `The sign-in server’s answer lacks or garbles: ${fields}.`,
    serverTooBig: 'The sign-in server’s answer is far too big to be tokens.',
    serverRefusedWith: (code: string) => `The sign-in server refused the request with “${code}”.`,
    codeRefused: 'The authorization code was refused: it lives only 30 seconds, works once, and only for the application it was issued to.',
    codeRefusedAction: 'Sign in again; the new code is exchanged at once.',
    serverUnreachable: (host: string) => `Could not connect to the sign-in server ${host}: the address does not resolve, or nothing answers there.`,
    serverTimeout: (host: string) => `The sign-in server ${host} took too long to answer, and the request was stopped.`,
    serverTls: (host: string) => `The HTTPS certificate of the sign-in server ${host} could not be verified, so nothing was sent.`,
    serverReset: (host: string) => `The connection to the sign-in server ${host} closed before a full answer arrived.`,
    serverUnreachableAction:
      'Check your network connection and the sign-in server address (https://oauth.bitrix.info unless you changed it), then try again.',
    serverUnreachableTitle: 'Sign-in server unreachable',
    serverTimeoutTitle: 'The sign-in server did not answer in time',
    serverRedirectTitle: 'The sign-in server sent us elsewhere',
    serverRedirect: (status: number, target: string) =>
      `The sign-in server answered HTTP ${status}, a redirect to ${target}. Redirects are not followed, so nothing was sent there: not the client secret, nor the code or token.`,
    serverRedirectNowhere: (status: number) =>
      `The sign-in server answered HTTP ${status}, a redirect without a usable address. Redirects are not followed, so nothing was sent anywhere else.`,
    serverRedirectAction:
      'Check the sign-in server address (https://oauth.bitrix.info unless you changed it). If it is right, a proxy in between is redirecting it: ask your administrator.',
    accessTokenRefused:
      'The portal no longer accepts this account’s access token: it was revoked, the application was reinstalled, or the app was closed while renewing it.',
    noSignIn: 'No sign-in is in progress.',
    noSignInStartAgain: 'No sign-in is in progress: start it again.',
    webhookAccount: 'That account connects with a webhook, not by signing in.',
  },

  /** The page the browser shows after the portal sends it back (oauth/callback-page.ts). */
  callbackPage: {
    closeThisTab: 'You can close this tab and return to Open Lines Inspector.',
    wrongAddress: { title: 'Wrong address', text: 'This address does not belong to Open Lines Inspector.' },
    notAllowed: { title: 'Not allowed', text: 'Only the browser’s return from the portal is expected here.' },
    notFound: { title: 'Not found', text: 'Nothing is served here.' },
    ended: { title: 'This sign-in has ended', text: 'Start the sign-in again from Open Lines Inspector if you still need it.' },
    notCurrent: {
      title: 'This sign-in link is not the current one',
      text: 'The answer does not belong to the sign-in Open Lines Inspector is waiting for, so it was ignored.',
      action: 'Use the sign-in link from the current attempt.',
    },
    refused: { title: 'Sign-in refused', portalSaid: (said: string) => `The portal answered: ${said}` },
    noCode: { title: 'No authorization code', text: 'The portal sent the browser back without a code.' },
    signedIn: { title: 'Signed in', text: 'Open Lines Inspector received the sign-in.' },
    failed: { title: 'Sign-in failed', goBack: 'Go back to Open Lines Inspector: it shows what to do next. You can close this tab.' },
    cancelled: {
      title: 'Sign-in cancelled',
      text: 'The sign-in was cancelled in Open Lines Inspector before it finished.',
      goBack: 'Go back to Open Lines Inspector and start the sign-in again if you still need it. You can close this tab.',
    },
  },

  /** Why a damaged file was moved aside (store/, api/settings-file.ts). */
  store: {
    settingsUnreadable: 'The settings file could not be read',
    shorterThanHeader: (size: number) => `truncated: ${size} bytes, shorter than a database header`,
    notDatabase: 'not a database: the file does not start with an SQLite header',
    badPageSize: (pageSize: number) => `corrupt header: page size ${pageSize}`,
    notWholePages: (size: number, pageSize: number) => `truncated: ${size} bytes is not a whole number of ${pageSize}-byte pages`,
    fewerPages: (pages: number, held: number) => `truncated: the header says ${pages} pages, the file holds ${held}`,
    damaged: (detail: string) => `damaged: ${detail}`,
    tooNew: (found: number, ours: number) =>
      `The history database is at schema version ${found}, newer than this app's ${ours}. Update the app; the file was left untouched.`,
  },

  /** The question asked when an update has downloaded (updates/update-checker.ts). */
  updates: {
    title: 'Update ready',
    message: (version: string) => `Open Lines Inspector ${version} is ready to install.`,
    detail: 'Restart now to finish updating, or later: it installs when you quit.',
    restartNow: 'Restart now',
    later: 'Later',
  },
};

// Deep links: openlines-inspector://lookup/<identifier>?account=<name>.
// A link can be written by anyone (a web page, a chat message, another
// program), so it is read as hostile: one exact shape is accepted, and all it
// can ever do is put an identifier in the lookup field and run it, after
// switching to a saved account the user already has. Anything else is refused
// and said in the window; nothing is executed, opened or fetched for a link.
import type { AccountSummary, AppCommand, NumberAs } from '../../preload/api-contract';
import { errorEnvelope, InspectorError, inspectorError } from '../core/error-codes';
import { parseIdentifier } from '../core/identifier';
import { messages } from '../core/messages/index';

export const DEEP_LINK_SCHEME = 'openlines-inspector';
const PREFIX = `${DEEP_LINK_SCHEME}://lookup/`;

/**
 * An identifier is at most 500 characters (identifier.ts) and an account name
 * 60; this leaves room for percent-encoding them, and refuses a megabyte of
 * link before any parser sees it.
 */
export const MAX_LINK_LENGTH = 2_048;
const MAX_ACCOUNT_NAME = 60;

export interface DeepLink {
  /** The identifier as it would be typed, already accepted by parseIdentifier. */
  input: string;
  /** The saved account's name the link asks for, or null for the connected portal. */
  account: string | null;
}

const EXAMPLE = `${PREFIX}chat1777`;

/** What to do instead, in the language of the call (refusals are made while a link is opened). */
function doInstead(): string {
  return messages().errors.deepLink.doInstead(EXAMPLE);
}

function refuse(message: string, action = doInstead()): never {
  throw inspectorError('LINK_REFUSED', { message, action });
}

/** Shown inside a message (which puts the quotes of its language around it): short, with anything unprintable made visible. */
function shown(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return short.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function decoded(text: string, part: 'path' | 'identifier'): string {
  try {
    return decodeURIComponent(text);
  } catch {
    refuse(messages().errors.deepLink.brokenEscape(part));
  }
}

/**
 * Reads a deep link; throws LINK_REFUSED saying what is wrong with it. A
 * bare number is read as `numberAs` says, as if it had been typed.
 */
export function parseDeepLink(link: string, numberAs: NumberAs): DeepLink {
  const said = messages().errors.deepLink;
  if (link.length > MAX_LINK_LENGTH) refuse(said.tooLong(link.length));
  // new URL() would quietly drop tabs and newlines and trim spaces: a link
  // that needs that is not one we wrote, so it is refused rather than repaired.
  if (CONTROL_OR_SPACE.test(link)) refuse(said.spacesOrControl);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    refuse(said.notALink);
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) refuse(said.wrongScheme(DEEP_LINK_SCHEME, shown(url.protocol)));
  if (url.username !== '' || url.password !== '') refuse(said.credentials);
  if (url.port !== '') refuse(said.port);
  if (url.hostname === '') refuse(said.notLookupForm);
  if (url.hostname !== 'lookup') refuse(said.notLookup(shown(url.hostname)));
  if (url.hash !== '' || link.includes('#')) refuse(said.hash);

  // The URL parser removes "." and ".." segments; a link that relied on that
  // would name something other than what it shows, so it must be the same
  // path before and after parsing.
  const rawPath = link.slice(PREFIX.length - 1).split('?')[0] ?? '';
  if (!link.toLowerCase().startsWith(PREFIX) || decoded(rawPath, 'path') !== decoded(url.pathname, 'path')) {
    refuse(said.notLookupForm);
  }
  // One segment; a trailing slash is tolerated because some launchers add one.
  const segments = url.pathname.slice(1).replace(/\/$/, '').split('/');
  if (segments.length !== 1 || segments[0] === '') refuse(said.noDialog);
  const input = decoded(segments[0] as string, 'identifier').trim();
  if (CONTROL.test(input) || /[/\\]/.test(input)) refuse(said.identifierCharacters);
  try {
    parseIdentifier(input, numberAs);
  } catch (error) {
    if (!(error instanceof InspectorError)) throw error;
    refuse(said.identifierRefused(error.envelope.message));
  }

  const keys = [...new Set(url.searchParams.keys())];
  const unknown = keys.filter((key) => key !== 'account');
  if (unknown.length > 0) refuse(said.unknownParameter(shown(unknown[0] as string)));
  const accounts = url.searchParams.getAll('account');
  if (accounts.length > 1) refuse(said.manyAccounts);
  let account: string | null = null;
  if (accounts.length === 1) {
    account = (accounts[0] as string).trim();
    if (account === '') refuse(said.emptyAccount);
    if (account.length > MAX_ACCOUNT_NAME || CONTROL.test(account)) refuse(said.accountNotName(MAX_ACCOUNT_NAME));
  }
  return { input, account };
}

/**
 * The deep link in a launch's command line (Windows and Linux pass it as an
 * argument; Electron and Chromium may add switches of their own around it).
 */
export function findDeepLink(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null;
}

export interface DeepLinkDeps {
  numberAs(): NumberAs;
  accounts(): AccountSummary[];
  useAccount(id: string): Promise<unknown>;
  push(command: AppCommand): void;
}

function findAccount(accounts: readonly AccountSummary[], name: string): AccountSummary {
  // Names are unique ignoring case (account-store.ts): the same comparison finds them.
  const found = accounts.find((account) => account.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0);
  if (found) return found;
  const names = accounts.map((account) => account.name);
  const said = messages().errors.deepLink;
  throw inspectorError('LINK_REFUSED', {
    message: said.unknownAccount(shown(name)),
    action: names.length === 0 ? said.noAccountsSaved : said.savedAccounts(names),
  });
}

/**
 * Opens deep links one at a time, in the order they came, so a link's lookup
 * never runs on the account a later link switched to. Never throws: a refused
 * link becomes a `link-refused` command the window shows.
 */
export function deepLinkOpener(deps: DeepLinkDeps): (link: string) => Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  const open = async (link: string): Promise<void> => {
    try {
      const { input, account } = parseDeepLink(link, deps.numberAs());
      if (account !== null) {
        const target = findAccount(deps.accounts(), account);
        // Switching to the current account again would drop its client and any lookup it runs.
        if (!target.current) await deps.useAccount(target.id);
      }
      deps.push({ kind: 'lookup', input });
    } catch (error) {
      deps.push({ kind: 'link-refused', error: error instanceof InspectorError ? error.envelope : errorEnvelope('LINK_REFUSED', { message: messages().errors.deepLink.notOpened, action: doInstead() }) });
    }
  };
  return (link) => {
    previous = previous.then(() => open(link));
    return previous;
  };
}

// A lookup that is remembered: every lookup sent is recorded in the history, every
// dialog seen is cached, and when the portal cannot be reached the cached copy
// is shown instead, saying so. Shared by the app's handler and the CLI.
import type { DialogQuery, LookupResult, PortalInfo } from '../core/dialog-types';
import { describeCause, NO_LOG, type AppLog } from '../core/app-log';
import { shownCode } from '../core/error-envelope';
import { errorEnvelope, InspectorError, inspectorError, toEnvelope, type ErrorCode, type MainErrorEnvelope } from '../core/error-codes';
import { parseIdentifier } from '../core/identifier';
import { compareDialogs } from '../core/dialog-changes';
import { messages } from '../core/messages/index';
import { elapsedSince, lookupQuery, presentDialog, withKnownNames } from '../core/lookup';
import { askUserNames } from '../core/user-directory';
import { authorNames, namesInDialog, userIdsIn, type UserNames } from '../core/user-names';
import { fetchDialogAndConversation, type ConversationPlan } from '../core/conversation-fetch';
import { LineCache } from './line-cache';
import { UserNameAsks } from './user-name-asks';
import type { Conversation } from '../core/conversation-types';
import type { CallOptions, PortalClient } from '../rest/portal-client';
import { sessionIdOf, type CachedDialog, type NewHistoryEntry } from '../store/index';

/** The part of the store a lookup needs. */
export interface StoreForLookups {
  recordLookup(entry: NewHistoryEntry): unknown;
  putDialog(account: string, dialog: LookupResult['dialog'], time: LookupResult['time'], fetchedAt: string): void;
  findDialog(account: string, query: Pick<DialogQuery, 'param' | 'value'>): CachedDialog | null;
  namesFor(account: string, ids: readonly string[]): Readonly<Record<string, string>>;
  rememberNames(account: string, names: UserNames, seenAt: string): void;
  putConversation(account: string, conversation: Conversation): void;
  findConversation(account: string, chatId: number, sessionId?: number): Conversation | null;
  keepTogether<T>(work: () => T): T;
}

export interface LookupServiceOptions {
  log?: AppLog;
  /** Whether a lookup brings the current session's transcript (the setting, read at every lookup). */
  fetchConversation?: () => boolean;
  /** The accounts' lines as last read, shared with bulk runs. */
  lines?: LineCache;
  /** Whether a lookup asks the portal for the names of users the dialog only numbers (im.user.list.get); default yes. */
  askNames?: boolean;
}

/**
 * Failures after which an older copy is still the best answer: the portal is
 * out of reach, broken or over its limits. Not for answers about the dialog or
 * the credentials (ACCESS_ERROR, NO_AUTH_FOUND…): those must be seen as they are.
 */
export const FALLBACK_CODES = new Set([
  'PORTAL_UNREACHABLE',
  'TIMEOUT',
  'CONNECTION_RESET',
  'TLS_ERROR',
  'NOT_BITRIX_JSON',
  'EMPTY_RESPONSE',
  'TRUNCATED_RESPONSE',
  'INTERNAL_SERVER_ERROR',
  'ERROR_UNEXPECTED_ANSWER',
  'QUERY_LIMIT_EXCEEDED',
  'OPERATION_TIME_LIMIT',
  'OVERLOAD_LIMIT',
  // Something between the user and the portal is altering answers (a captive
  // portal's redirect, a proxy): the kept copy is still the portal's own.
  'REDIRECT_REFUSED',
  'ANSWER_TOO_LARGE',
  'ANSWER_TOO_DEEP',
  'FOREIGN_ANSWER',
  'MALFORMED_ERROR',
]);

/** What the user reads when a lookup was not remembered, by the store's code; the lookup itself is complete. */
const NOT_SAVED_MESSAGES: Partial<Record<ErrorCode, 'busy' | 'diskFull' | 'noAccess'>> = {
  STORE_BUSY: 'busy',
  STORE_DISK_FULL: 'diskFull',
  STORE_NO_ACCESS: 'noAccess',
};

/** The warning a lookup carries when its store call failed with `error`. */
export function storeWarningFor(error: unknown): MainErrorEnvelope {
  const said = messages().errors.notSaved;
  if (error instanceof InspectorError) {
    const { code } = error.envelope;
    const which = NOT_SAVED_MESSAGES[code];
    if (which !== undefined) return errorEnvelope(code, { message: said[which] });
  }
  return errorEnvelope('HISTORY_UNAVAILABLE', { message: said.unavailable });
}

/** Which portal a history entry or cached dialog belongs to. The demo's port changes every run. */
export function accountOf(portal: PortalInfo): string {
  return portal.demo ? 'demo' : portal.host;
}

/**
 * The portal a cached copy belongs to: the connected one when it is that
 * account, else as much as the cache knows (its host, or the demo).
 */
export function portalOfAccount(account: string, connected: PortalInfo | null): PortalInfo {
  if (connected && accountOf(connected) === account) return connected;
  return account === 'demo'
    ? { origin: 'https://127.0.0.1', host: 'demo', demo: true }
    : { origin: `https://${account}`, host: account, demo: false };
}

export class LookupService {
  readonly #store: () => Promise<StoreForLookups | null>;
  readonly #log: AppLog;
  readonly #fetchConversation: () => boolean;
  /** Each account's lines as last read, for the conversation's targets. */
  readonly #lines: LineCache;
  readonly #askNames: boolean;
  readonly #nameAsks = new UserNameAsks();

  /** `store` is asked for lazily: the store is opened on the first lookup, not at start-up. */
  constructor(store: () => Promise<StoreForLookups | null>, options: LookupServiceOptions = {}) {
    this.#store = store;
    this.#log = options.log ?? NO_LOG;
    this.#fetchConversation = options.fetchConversation ?? (() => true);
    this.#lines = options.lines ?? new LineCache();
    this.#askNames = options.askNames ?? true;
  }

  #planFor(account: string, kept: CachedDialog | null): ConversationPlan | null {
    if (!this.#fetchConversation()) return null;
    return {
      sessionHint: kept ? sessionIdOf(kept.dialog) : null,
      lines: this.#lines.get(account),
      onLines: (read) => this.#lines.set(account, read),
    };
  }

  /** `options`: cancel the request, hear how long it waits for the portal's limits. */
  async run(client: PortalClient, query: DialogQuery, started = performance.now(), options: CallOptions = {}): Promise<LookupResult> {
    const at = new Date(Date.now() - (performance.now() - started)).toISOString();
    const account = accountOf(client.portal);
    let warning: MainErrorEnvelope | null = null;
    const noteFault = (error: unknown): void => {
      warning = storeWarningFor(error);
      this.#log.warn('store-fault', { code: warning.code, cause: describeCause(error) });
    };
    const opened = await this.#store().catch((error: unknown) => {
      noteFault(error);
      return null;
    });
    /**
     * The store is a convenience: a broken disk must never cost the user the
     * lookup itself. After the first failure the rest of this lookup's store
     * calls are skipped: behind a lock each would wait out the busy timeout
     * again, and a history entry without its cached dialog (or the other way
     * round) would make the warning's "not saved" untrue.
     */
    const safely = <T>(task: (store: StoreForLookups) => T): T | null => {
      if (opened === null || warning !== null) return null;
      try {
        return task(opened);
      } catch (error) {
        noteFault(error);
        return null;
      }
    };
    /** The lookup's line in the log, and its history entry. */
    const entry = (outcome: string, source: 'network' | 'cache', chatId: number | null): NewHistoryEntry => {
      this.#log.info('lookup', { account, input: query.input, param: query.param, outcome, source, elapsedMs: elapsedSince(started) });
      return { account, input: query.input, param: query.param, value: String(query.value), at, outcome, chatId, elapsedMs: elapsedSince(started), source };
    };
    const record = (outcome: string, source: 'network' | 'cache', chatId: number | null) => {
      const made = entry(outcome, source, chatId);
      return safely((store) => store.recordLookup(made));
    };
    const warned = (result: LookupResult): LookupResult => (warning === null ? result : { ...result, storeWarning: warning });

    // The copy kept before: the chat's session as last seen, and what changed since.
    let previous = safely((store) => store.findDialog(account, query));
    let result: LookupResult;
    try {
      const plan = this.#planFor(account, previous);
      result = plan
        ? { ...(await fetchDialogAndConversation(client, query, plan, options)), elapsedMs: elapsedSince(started) }
        : await lookupQuery(client, query, started, options);
    } catch (error) {
      const envelope = toEnvelope(error);
      // The copy read before asking is the one to stand in.
      const cached = FALLBACK_CODES.has(envelope.code) ? previous : null;
      if (!cached) {
        record(shownCode(envelope), 'network', null);
        throw error;
      }
      const offline = this.#fromCache(client.portal, query, cached, envelope, started, (task) => safely(task));
      record('ok', 'cache', cached.chatId);
      return warned(offline);
    }
    const conversation = result.conversation?.ok ? result.conversation.value : null;
    // The transcript's authors name users the dialog only numbers, this very lookup.
    const known = { ...safely((store) => store.namesFor(account, userIdsIn(result.dialog))), ...(conversation ? authorNames(conversation) : {}) };
    result = withKnownNames(result, known);
    result = await this.#namesAsked(client, account, result, options, (names) => safely((store) => store.rememberNames(account, names, result.fetchedAt)));
    const chatId = typeof result.dialog.id === 'number' ? result.dialog.id : null;
    if (previous?.chatId !== chatId) previous = chatId === null ? null : safely((store) => store.findDialog(account, { param: 'CHAT_ID', value: chatId }));
    if (previous) {
      const kept = previous;
      // The transcript kept with the earlier copy, read before this lookup's replaces it: the session's state then.
      const before = conversation ? safely((store) => store.findConversation(account, kept.chatId, sessionIdOf(kept.dialog) ?? undefined)) : null;
      // The earlier copy's users too: an operator the dialog no longer names is still named as the one it had.
      const earlier = { ...safely((store) => store.namesFor(account, userIdsIn(kept.dialog))), ...namesInDialog(kept.dialog) };
      const context = { names: { ...earlier, ...result.names }, conversations: { before, after: conversation } };
      result = { ...result, changes: compareDialogs(kept.dialog, result.dialog, kept.fetchedAt, context) };
    }
    // The transcript, the dialog and the history entry in one write: kept whole or not at all, one commit.
    const made = entry('ok', 'network', chatId);
    const kept = result;
    safely((store) =>
      store.keepTogether(() => {
        if (conversation) store.putConversation(account, conversation);
        store.putDialog(account, kept.dialog, kept.time, kept.fetchedAt);
        store.recordLookup(made);
      }),
    );
    return warned(result);
  }

  /**
   * The users the dialog still only numbers, named by the portal where the
   * account may ask (once per user per run; an id it has no name for is not
   * asked again), or marked with the scope that would name them.
   */
  async #namesAsked(client: PortalClient, account: string, result: LookupResult, options: CallOptions, remember: (names: UserNames) => void): Promise<LookupResult> {
    const unnamed = () => userIdsIn(result.dialog).filter((id) => !Object.hasOwn(result.names, id));
    if (!this.#askNames || unnamed().length === 0) return result;
    const ids = this.#nameAsks.toAsk(account, unnamed());
    if (ids.length > 0) {
      const asked = await askUserNames(client, ids, options, this.#nameAsks.skipIm(account));
      this.#nameAsks.record(account, ids, asked);
      if (Object.keys(asked.names).length > 0) {
        remember(asked.names);
        result = withKnownNames(result, { ...result.names, ...asked.names });
      }
    }
    const scope = this.#nameAsks.missingScope(account);
    return scope && unnamed().length > 0 ? { ...result, namesNeedScope: scope } : result;
  }

  /**
   * The copy of a dialog kept in `store`, presented as a lookup is, without
   * asking the portal: the window asked for it (a history row, a search hit).
   * `connected` is the portal connected now, for the copy's links when it is the same.
   */
  openKept(store: Pick<StoreForLookups, 'findDialog' | 'namesFor' | 'findConversation'>, account: string, chatId: number, connected: PortalInfo | null, started = performance.now()): LookupResult {
    const cached = store.findDialog(account, { param: 'CHAT_ID', value: chatId });
    if (!cached) throw inspectorError('NOT_CACHED', { message: messages().errors.api.notCached(chatId) });
    const reason = errorEnvelope('OFFLINE_BY_CHOICE', { action: messages().errors.api.askPortalAgain });
    return this.#fromCache(portalOfAccount(account, connected), parseIdentifier(`chat${chatId}`, 'chat'), cached, reason, started, (task) => task(store));
  }

  /** `read`: asks the store, or answers null when it cannot (the copy is still shown, less complete). */
  #fromCache(
    portal: PortalInfo,
    query: DialogQuery,
    cached: CachedDialog,
    reason: MainErrorEnvelope,
    started: number,
    read: <T>(task: (store: Pick<StoreForLookups, 'namesFor' | 'findConversation'>) => T) => T | null,
  ): LookupResult {
    const account = cached.account;
    const session = sessionIdOf(cached.dialog);
    // The conversation of the copy's session; a copy from before conversations were kept has none.
    const conversation = read((store) => store.findConversation(account, cached.chatId, session ?? undefined));
    const known = { ...read((store) => store.namesFor(account, userIdsIn(cached.dialog))), ...(conversation ? authorNames(conversation) : {}) };
    const presented = presentDialog(query, portal, cached.dialog, cached.time, cached.fetchedAt, { reason }, known);
    return { ...presented, conversation: conversation ? { ok: true, value: conversation } : null, elapsedMs: elapsedSince(started) };
  }
}

// A lookup with memory: every lookup sent is recorded in the history, every
// dialog seen is cached, and when the portal cannot be reached the cached copy
// is shown instead, saying so. Shared by the app's handler and the CLI.
import type { DialogQuery, LookupResult, PortalInfo } from '../core/dialog-types';
import { toEnvelope, type ErrorEnvelope } from '../core/errors';
import { compareDialogs } from '../core/dialog-changes';
import { elapsedSince, lookupQuery, presentDialog } from '../core/lookup';
import type { PortalClient } from '../rest/portal-client';
import type { CachedDialog, NewHistoryEntry } from '../store/index';

/** The part of the store a lookup needs. */
export interface LookupMemory {
  recordLookup(entry: NewHistoryEntry): unknown;
  putDialog(account: string, dialog: LookupResult['dialog'], time: LookupResult['time'], fetchedAt: string): void;
  findDialog(account: string, query: Pick<DialogQuery, 'param' | 'value'>): CachedDialog | null;
}

/**
 * Failures after which an older copy is still the best answer: the portal is
 * out of reach, broken or over its limits. Not for answers about the dialog or
 * the credentials (ACCESS_ERROR, NO_AUTH_FOUND…): those must be seen as they are.
 */
const FALLBACK_CODES = new Set([
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
]);

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
  readonly #memory: () => Promise<LookupMemory | null>;

  /** `memory` is asked for lazily: the database is opened on the first lookup, not at start-up. */
  constructor(memory: () => Promise<LookupMemory | null>) {
    this.#memory = memory;
  }

  async run(client: PortalClient, query: DialogQuery, started = performance.now()): Promise<LookupResult> {
    const at = new Date(Date.now() - (performance.now() - started)).toISOString();
    const account = accountOf(client.portal);
    const memory = await this.#memory().catch(() => null);
    const record = (outcome: string, source: 'network' | 'cache', chatId: number | null) =>
      this.#safely(() =>
        memory?.recordLookup({
          account,
          input: query.input,
          param: query.param,
          value: String(query.value),
          at,
          outcome,
          chatId,
          elapsedMs: elapsedSince(started),
          source,
        }),
      );

    let result: LookupResult;
    try {
      result = await lookupQuery(client, query, started);
    } catch (error) {
      const envelope = toEnvelope(error);
      const cached = FALLBACK_CODES.has(envelope.code) ? this.#safely(() => memory?.findDialog(account, query)) : null;
      if (!cached) {
        record(envelope.code, 'network', null);
        throw error;
      }
      const offline = this.#fromCache(client.portal, query, cached, envelope, started);
      record('ok', 'cache', cached.chatId);
      return offline;
    }
    const previous = typeof result.dialog.id === 'number' ? this.#safely(() => memory?.findDialog(account, { param: 'CHAT_ID', value: result.dialog.id as number })) : null;
    if (previous) result = { ...result, changes: compareDialogs(previous.dialog, result.dialog, previous.fetchedAt) };
    this.#safely(() => memory?.putDialog(account, result.dialog, result.time, result.fetchedAt));
    record('ok', 'network', typeof result.dialog.id === 'number' ? result.dialog.id : null);
    return result;
  }

  #fromCache(portal: PortalInfo, query: DialogQuery, cached: CachedDialog, reason: ErrorEnvelope, started: number): LookupResult {
    const presented = presentDialog(query, portal, cached.dialog, cached.time, cached.fetchedAt, { reason });
    return { ...presented, elapsedMs: elapsedSince(started) };
  }

  /** The memory is a convenience: a broken disk must never cost the user the lookup itself. */
  #safely<T>(task: () => T): T | null {
    try {
      return task();
    } catch {
      return null;
    }
  }
}

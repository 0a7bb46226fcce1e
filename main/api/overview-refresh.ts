// The overview refreshed for the window and the CLI: the connected portal's
// sources (core/overview-fetch.ts) and the account's kept dialogs, every dialog
// read fresh kept in the store like a lookup's. One refresh at a time: a new
// one stops the one before (only the newest is shown), and dispose stops it.
// A store that cannot be opened costs the kept source, never the refresh.
import { toEnvelope, inspectorError, InspectorError, type MainErrorEnvelope } from '../core/error-codes';
import { fetchOverview } from '../core/overview-fetch';
import { OVERVIEW_SOURCES, type OverviewRequest, type OverviewResult } from '../core/overview-types';
import type { PortalClient } from '../rest/portal-client';
import type { LineCache } from './line-cache';
import { accountOf, type StoreForLookups } from './lookup-service';
import type { InspectorStore } from '../store/index';

/** The kept dialogs one refresh reads: the most recently fetched. */
export const MAX_KEPT_IN_OVERVIEW = 1_000;

export interface OverviewDeps {
  /** The connected portal's client; throws when none is connected. */
  client(): Promise<PortalClient>;
  store(): Promise<(Pick<StoreForLookups, 'putDialog' | 'namesFor'> & Pick<InspectorStore, 'keptDialogs' | 'keepOverview' | 'lastOverview'>) | null>;
  lines: LineCache;
}

/** How a refresh on schedule goes, where one by hand does not care. */
export interface RefreshHow {
  /** Waited for before each request to the portal (the schedule's pace, the user's lookups first); counted there. */
  beforeRequest?(signal: AbortSignal): Promise<void>;
  /** Whether the result becomes the one saved (false: the last stays, as when the portal was not reached). */
  replacesLast?(result: OverviewResult): boolean;
  /** The portal not reached when the request wanted it: the account's last refresh that reached it instead, with `notReached` said, where there is one. */
  lastWhenNotReached?: boolean;
}

/** The client as fetchOverview sees it: `before` runs ahead of every call. */
function gated(client: PortalClient, before: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): PortalClient {
  return {
    portal: client.portal,
    budget: (method) => client.budget(method),
    close: () => client.close(),
    call: async (method, params, options) => {
      await before(signal);
      if (signal.aborted) throw inspectorError('CANCELLED');
      return client.call(method, params, options);
    },
  };
}

/** The portal answered at least one source: else the result is kept copies only. */
export function reachedPortal(result: OverviewResult): boolean {
  return result.sources.some((source) => source.source !== 'kept' && (source.state === 'used' || source.state === 'needsScope'));
}

/** Why the portal's first source that failed did. */
export function portalFailure(result: OverviewResult): MainErrorEnvelope | null {
  for (const source of result.sources) if (source.source !== 'kept' && source.state === 'failed') return source.error;
  return null;
}

/** The request wants the portal's view (a source of the portal's, asked online), not the kept copies alone. */
function asksPortal(request: OverviewRequest): boolean {
  return request.offline !== true && (!request.sources || request.sources.length === 0 || request.sources.some((source) => source !== 'kept'));
}

function safely<T>(task: () => T, fallback: T): T {
  try {
    return task();
  } catch {
    return fallback;
  }
}

export class OverviewRefresh {
  readonly #deps: OverviewDeps;
  #running: AbortController | null = null;
  #last: OverviewResult | null = null;
  /** Per account, the newest refresh that reached the portal. */
  readonly #reached = new Map<string, OverviewResult>();

  constructor(deps: OverviewDeps) {
    this.#deps = deps;
  }

  /** The newest refresh's result, for the window to save; null before one finished. */
  last(): OverviewResult | null {
    return this.#last;
  }

  cancel(): void {
    this.#running?.abort();
    this.#running = null;
  }

  /** True while a refresh runs. */
  get running(): boolean {
    return this.#running !== null;
  }

  async get(request: OverviewRequest, how: RefreshHow = {}): Promise<OverviewResult> {
    // Taken at once, so a refresh asked for later always stops this one, never the other way round.
    this.cancel();
    const controller = new AbortController();
    this.#running = controller;
    try {
      const result = await this.#get(request, controller, how);
      if (how.replacesLast?.(result) ?? true) this.#last = result;
      return result;
    } catch (error) {
      // Stopped by a newer refresh or by dispose: said as CANCELLED, whatever the transport made of it.
      if (controller.signal.aborted && !(error instanceof InspectorError && toEnvelope(error).code === 'CANCELLED')) throw inspectorError('CANCELLED');
      throw error;
    } finally {
      if (this.#running === controller) this.#running = null;
    }
  }

  async #get(request: OverviewRequest, controller: AbortController, how: RefreshHow): Promise<OverviewResult> {
    const sources = request.sources && request.sources.length > 0 ? OVERVIEW_SOURCES.filter((s) => request.sources!.includes(s)) : [...OVERVIEW_SOURCES];
    // Offline for another account needs no portal; anything else asks the connected one.
    const client = request.offline && request.account !== undefined ? null : await this.#deps.client();
    const account = request.account ?? accountOf(client!.portal);
    // Another account's overview is its kept copies: the connected portal is not that account's.
    const direct = client !== null && !request.offline && accountOf(client.portal) === account ? client : null;
    const asked = direct && how.beforeRequest ? gated(direct, how.beforeRequest, controller.signal) : direct;
    const store = await this.#deps.store().catch(() => null);
    // Without the store there are no kept dialogs to read: the source is not asked, rather than empty.
    const asking = store ? sources : sources.filter((source) => source !== 'kept');
    const kept = asking.includes('kept') && store ? safely(() => store.keptDialogs(account, MAX_KEPT_IN_OVERVIEW), []) : [];
    if (controller.signal.aborted) throw inspectorError('CANCELLED');
    const fetched = await fetchOverview({
      client: asked,
      sources: asking,
      kept,
      lines: this.#deps.lines.get(account),
      knownNames: (ids) => store?.namesFor(account, ids) ?? {},
      options: { signal: controller.signal },
      signal: controller.signal,
      onDialog: (dialog, time, fetchedAt) => safely(() => store?.putDialog(account, dialog, time, fetchedAt), undefined),
      onLines: (lines) => this.#deps.lines.set(account, lines),
      offline: asked === null,
    });
    const result = { ...fetched, fetchedAt: new Date().toISOString() };
    if (reachedPortal(result)) {
      this.#reached.set(account, result);
      if (store) safely(() => store.keepOverview(account, result), undefined);
      return result;
    }
    const last = how.lastWhenNotReached && asksPortal(request) ? (this.#reached.get(account) ?? (store ? safely(() => store.lastOverview(account), null) : null)) : null;
    return last ? { ...last, notReached: { at: result.fetchedAt, error: portalFailure(result) } } : result;
  }
}

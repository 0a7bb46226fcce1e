// Method dispatch shared by top-level calls and batch commands: the method must
// exist, the webhook must hold its scope, and the method must still have
// operating time left before it runs.
import type { EmulatedLine, EmulatorWebhook } from './emulator-types';
import type { DialogIndex } from './dialog-get';
import type { OperatingBudget } from './operating-ledger';
import type { SessionStore } from './session-store';
import { dialogGet } from './dialog-get';
import { runBatch, type CallOutcome } from './batch';
import { activityList } from './activity-list';
import { configListGet } from './config-list-get';
import { recentGet, recentList } from './recent-get';
import { sessionHistoryGet } from './session-history-get';
import { userGet } from './user-get';
import { userListGet } from './user-list-get';
import { restError, type RestError } from './rest-errors';
import { timeBlock } from './time-block';

export interface Portal {
  index: DialogIndex;
  sessions: SessionStore;
  lines: readonly EmulatedLine[];
  budget: OperatingBudget;
  imInstalled: boolean;
  /** session.history.get as the older module answers it (SESSION_ID only). */
  legacySessionHistory: boolean;
  /** Unix seconds: the portal's now, which im.recent.get's windows count back from. */
  now(): number;
}

type Run = (
  portal: Portal,
  webhook: EmulatorWebhook,
  params: Record<string, unknown>,
) => { ok: true; result: unknown; total?: number; next?: number } | { ok: false; error: RestError };

/** The scope a method needs; a list: any one of them. */
const METHODS: Record<string, { scope: string | readonly string[] | null; run: Run }> = {
  'imopenlines.dialog.get': {
    scope: 'imopenlines',
    run: (portal, webhook, params) => dialogGet(portal.index, params, webhook.userId, portal.imInstalled),
  },
  'imopenlines.session.history.get': {
    scope: 'imopenlines',
    run: (portal, webhook, params) =>
      sessionHistoryGet(
        { index: portal.index, sessions: portal.sessions, legacy: portal.legacySessionHistory },
        params,
        webhook.userId,
      ),
  },
  'imopenlines.config.list.get': {
    scope: 'imopenlines',
    run: (portal, webhook, params) => configListGet(portal.lines, params, webhook.userId),
  },
  'im.user.list.get': {
    scope: 'im',
    run: (portal, _webhook, params) => userListGet(portal.index, params),
  },
  'user.get': {
    scope: ['user', 'user_brief', 'user_basic'],
    run: (_portal, _webhook, params) => userGet(params),
  },
  'im.recent.get': {
    scope: 'im',
    run: (portal, webhook, params) => recentGet(portal, params, webhook.userId, portal.now()),
  },
  'im.recent.list': {
    scope: 'im',
    run: (portal, webhook, params) => recentList(portal, params, webhook.userId),
  },
  'crm.activity.list': {
    scope: 'crm',
    run: (portal, webhook, params) => activityList(portal, params, webhook.userId),
  },
  scope: {
    scope: null,
    run: (_portal, webhook) => ({ ok: true, result: [...webhook.scopes] }),
  },
};

export function callMethod(
  portal: Portal,
  webhook: EmulatorWebhook,
  method: string,
  params: Record<string, unknown>,
): CallOutcome {
  const startedMs = Date.now();
  const account = `${webhook.userId}/${webhook.key}`;
  if (method === 'batch') {
    const outcome = runBatch(params, (inner, innerParams) => callMethod(portal, webhook, inner, innerParams));
    if (!outcome.ok) return outcome;
    // The outer batch call is not charged; its commands are, each to its own method.
    return { ok: true, result: outcome.result, time: timeBlock(startedMs, portal.budget.peek(account, method)) };
  }
  const spec = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!spec) return { ok: false, error: restError('ERROR_METHOD_NOT_FOUND') };
  if (spec.scope !== null && !(typeof spec.scope === 'string' ? [spec.scope] : spec.scope).some((scope) => webhook.scopes.includes(scope))) {
    return { ok: false, error: restError('insufficient_scope') };
  }
  const operating = portal.budget.charge(account, method);
  if (!operating) return { ok: false, error: restError('OPERATION_TIME_LIMIT') };
  const outcome = spec.run(portal, webhook, params);
  if (!outcome.ok) return outcome;
  // List methods say how many there are and where the next page starts.
  const paging = { ...(outcome.total !== undefined ? { total: outcome.total } : {}), ...(outcome.next !== undefined ? { next: outcome.next } : {}) };
  return { ok: true, result: outcome.result, ...paging, time: timeBlock(startedMs, operating) };
}

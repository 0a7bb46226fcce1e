// When a watched dialog is worth telling the lead about: the rules a user
// turns on for the whole watch list or for one dialog (a client waiting too
// long, a new session, another operator, a close, a block, any change), and
// which of them a refresh makes fire. Each firing carries an event key, so
// the caller can keep what fired and never say the same event twice — after
// a restart included. The list's rules come from the settings that existed
// before rules did (watchNotify), so nobody's notifications changed.
import type { Conversation } from './conversation-types';
import type { LineKpi } from './conversation';
import type { ChangeKind, DialogChange, RawDialog } from './dialog-types';
import { messages } from './messages/index';
import { fromDialog } from './overview-rows';
import { WATCH_WAIT_MINUTES, type WatchNotify, type WatchWait } from './setting-limits';
import type { EffectiveRules, FiredRule, WatchRuleName, WatchRules } from './watch-rule-types';

export type { EffectiveRules, FiredRule, WatchRuleName, WatchRules } from './watch-rule-types';

/** The change kinds each change rule stands for; anyChange takes the rest. */
const RULE_OF_KIND: Partial<Record<ChangeKind, WatchRuleName>> = {
  session: 'newSession',
  clientWaiting: 'clientWaiting',
  owner: 'operatorChanged',
  closed: 'closed',
  blocked: 'blocked',
};

const NONE: WatchRules = { waitedLonger: null, newSession: false, clientWaiting: false, operatorChanged: false, closed: false, blocked: false, anyChange: false };

/**
 * The list's rules from the settings: 'important' is what a lead drops things
 * for (the kinds watch-notices.ts notified of before rules existed), 'all'
 * every change, 'off' nothing — the wait rule included, as "off" means quiet.
 */
export function listRules(notify: WatchNotify, waitMinutes: WatchWait): WatchRules {
  if (notify === 'off') return { ...NONE };
  const waitedLonger = waitMinutes === 'kpi' ? 'kpi' : waitMinutes > 0 ? waitMinutes : null;
  return { waitedLonger, newSession: true, clientWaiting: true, operatorChanged: true, closed: true, blocked: true, anyChange: notify === 'all' };
}

export function effectiveRules(own: WatchRules | null, list: WatchRules): EffectiveRules {
  return own ? { rules: own, own: true } : { rules: list, own: false };
}

const RULE_FLAGS = ['newSession', 'clientWaiting', 'operatorChanged', 'closed', 'blocked', 'anyChange'] as const satisfies readonly WatchRuleName[];

/** Why a rule set cannot be kept, in the user's words; null when it can. */
export function watchRulesProblem(rules: WatchRules): string | null {
  const wait = rules.waitedLonger;
  if (wait === null || wait === 'kpi') return null;
  const { min, max } = WATCH_WAIT_MINUTES;
  return Number.isSafeInteger(wait) && wait >= min && wait <= max ? null : messages().errors.api.watchWaitMinutes(min, max);
}

/** A stored rule set read back; anything else (a hand-edited row) is null: the dialog follows the list. */
export function asWatchRules(value: unknown): WatchRules | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const item = value as Record<string, unknown>;
  if (!RULE_FLAGS.every((flag) => typeof item[flag] === 'boolean')) return null;
  const wait = item['waitedLonger'];
  const rules = { ...(item as unknown as WatchRules), waitedLonger: wait as WatchRules['waitedLonger'] };
  if (!(wait === null || wait === 'kpi' || typeof wait === 'number') || watchRulesProblem(rules) !== null) return null;
  return Object.fromEntries([...RULE_FLAGS, 'waitedLonger'].map((key) => [key, rules[key as WatchRuleName]])) as unknown as WatchRules;
}

/**
 * Whether the client waits, as far as what the watch has can tell.
 * imopenlines.dialog.get carries no session status (facts §4) and not who
 * wrote last, so the dialog alone tells only its current session. The kept
 * transcript of that session tells the wait — while it is current: while no
 * message came after its last one.
 */
export type ClientWait =
  | { known: true; sessionId: number | null; since: string | null; firstAnswer: boolean }
  | { known: false; sessionId: number | null };

export function clientWaitOf(dialog: RawDialog, conversation: Conversation | null): ClientWait {
  const { sessionId } = fromDialog(dialog, null);
  if (sessionId === null) return { known: true, sessionId, since: null, firstAnswer: false };
  if (!conversation || conversation.sessionId !== sessionId) return { known: false, sessionId };
  const lastKept = conversation.messages.reduce((most, message) => Math.max(most, message.id), 0);
  const lastNow = Number(dialog['last_message_id']);
  if (!Number.isSafeInteger(lastNow) || lastNow > lastKept) return { known: false, sessionId };
  const since = conversation.status === 'clientWaiting' ? conversation.timings.clientWaitingSince : null;
  return { known: true, sessionId, since, firstAnswer: conversation.timings.firstResponse === null };
}

export interface RuleInput {
  /** What the refresh found changed; empty when nothing did, or the dialog was seen for the first time. */
  changes: readonly DialogChange[];
  /** When the refreshed copy was fetched (ISO 8601): a change's event is the refresh that found it. */
  at: string;
  rules: WatchRules;
  /** Milliseconds since the epoch: the wait is measured to this moment. */
  now: number;
  wait: ClientWait;
  /** The dialog's line's answer-time targets; null when they cannot be had. */
  kpi: LineKpi | null;
}


/** The longest the client may wait under the rule, in seconds; null when the rule is off or its target unknown. */
export function waitLimitSeconds(rules: WatchRules, wait: ClientWait, kpi: LineKpi | null): number | null {
  if (rules.waitedLonger === null) return null;
  if (rules.waitedLonger !== 'kpi') return rules.waitedLonger * 60;
  if (!kpi || !wait.known) return null;
  return (wait.firstAnswer ? kpi.firstAnswerSeconds : kpi.furtherAnswerSeconds) ?? null;
}

function waitFired(input: RuleInput): FiredRule | null {
  const { wait, rules, now } = input;
  const limit = waitLimitSeconds(rules, wait, input.kpi);
  if (limit === null || !wait.known || wait.since === null) return null;
  const since = Date.parse(wait.since);
  if (!Number.isFinite(since)) return null;
  const waited = (now - since) / 1000;
  if (waited <= limit) return null;
  const says = messages().changes.rules;
  const text = says.waited(Math.floor(waited / 60), rules.waitedLonger === 'kpi' ? says.kpiLimit(Math.round(limit / 60)) : says.minutesLimit(limit / 60));
  // Once per wait: the session and the moment the client began to wait name it, in UTC, so a
  // portal that writes the same moment in another offset does not make it a new wait.
  return { rule: 'waitedLonger', key: `waited:${wait.sessionId}@${new Date(since).toISOString()}`, text };
}

/** The rules that fire on one refresh of a dialog, in the order a lead reads them: the wait first, then each change. */
export function firedRules(input: RuleInput): FiredRule[] {
  const fired: FiredRule[] = [];
  const waited = waitFired(input);
  if (waited) fired.push(waited);
  for (const change of input.changes) {
    if (change.kind === 'viewer') continue;
    const specific = RULE_OF_KIND[change.kind];
    const rule = specific && input.rules[specific] ? specific : input.rules.anyChange ? 'anyChange' : null;
    if (rule === null) continue;
    // A new session is its own event wherever it is seen; any other change is the refresh that found it.
    const key = change.kind === 'session' && change.after !== null ? `session:${String(change.after)}` : `${rule}:${change.key}@${input.at}`;
    fired.push({ rule, key, text: change.text });
  }
  return fired;
}

/**
 * Why the line's target cannot stand in for N minutes for this dialog, in
 * words; null when it can, or the rule does not ask for it. `linesProblem`:
 * why the lines could not be read (insufficient scope, no access…).
 */
export function kpiNote(rules: WatchRules, lineId: number | null, lines: Readonly<Record<string, { kpi: LineKpi }>> | null, linesProblem: string | null): string | null {
  if (rules.waitedLonger !== 'kpi') return null;
  const says = messages().changes.rules;
  if (lines === null) return linesProblem === null ? null : says.kpiUnreadable(linesProblem);
  if (lineId === null) return says.kpiNoLine;
  const kpi = lines[String(lineId)]?.kpi;
  return kpi && (kpi.firstAnswerSeconds !== null || kpi.furtherAnswerSeconds !== null) ? null : says.kpiNoTarget(String(lineId));
}

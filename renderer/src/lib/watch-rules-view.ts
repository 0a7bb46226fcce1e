// What the window says of a watched dialog's notification rules, and the
// rules dialog's form: its checkboxes and wait choice to and from the
// WatchRules main keeps, the typed minutes checked with a specific reason.
// Pure, so tested under Node; the words are the caller's catalogue.
import { WATCH_WAIT_MINUTES, type WatchedRow, type WatchRules } from '../../../preload/api-contract';

/** The rules a lead turns on or off, in the order the dialog and the summary name them (the wait apart). */
export const RULE_FLAGS = ['newSession', 'clientWaiting', 'operatorChanged', 'closed', 'blocked', 'anyChange'] as const;
export type RuleFlag = (typeof RULE_FLAGS)[number];

/** How the wait is chosen: not at all, a number of minutes, or the line's answer-time target. */
export type WaitChoice = 'off' | 'minutes' | 'kpi';

export interface RulesWords {
  followsList: string;
  own: (parts: string[]) => string;
  ownNothing: string;
  waitsOver: (minutes: number) => string;
  waitsOverKpi: string;
  flags: Record<RuleFlag, string>;
}

/** The rules in a few words: the wait first (what a lead sets them for), then each turned on. */
export function ruleParts(rules: WatchRules, words: Pick<RulesWords, 'waitsOver' | 'waitsOverKpi' | 'flags'>): string[] {
  const wait = rules.waitedLonger === null ? [] : [rules.waitedLonger === 'kpi' ? words.waitsOverKpi : words.waitsOver(rules.waitedLonger)];
  return [...wait, ...RULE_FLAGS.filter((flag) => rules[flag]).map((flag) => words.flags[flag])];
}

/** What a row's notifications follow now, after its "Notifications:" label: "follow the list", or "own rules — waits over 15 min, new session, closed". */
export function rulesSummary(row: Pick<WatchedRow, 'rules'>, words: RulesWords): string {
  if (!row.rules.own) return words.followsList;
  const parts = ruleParts(row.rules.rules, words);
  return parts.length > 0 ? words.own(parts) : words.ownNothing;
}

export type WaitProblem = 'empty' | 'notWhole' | 'outOfRange';

/** Minutes as typed ("15", " 1 440 "); a reason when they cannot be a wait. */
export function parseWaitMinutes(text: string): { ok: true; minutes: number } | { ok: false; problem: WaitProblem } {
  const digits = text.replace(/[\s,_\u00a0\u202f]/g, '');
  if (digits === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notWhole' };
  const minutes = Number(digits);
  if (minutes < WATCH_WAIT_MINUTES.min || minutes > WATCH_WAIT_MINUTES.max) return { ok: false, problem: 'outOfRange' };
  return { ok: true, minutes };
}

/** The rules dialog's state: whether the dialog has its own rules, which, and the wait as typed. */
export interface RulesForm {
  own: boolean;
  flags: Record<RuleFlag, boolean>;
  wait: WaitChoice;
  /** The minutes as typed; kept when another wait choice is picked, so switching back loses nothing. */
  minutes: string;
}

/** The form for a row: its own rules, or the list's it follows now as the starting point for its own. */
export function formFromRow(row: Pick<WatchedRow, 'rules'>, defaultMinutes = 15): RulesForm {
  const rules = row.rules.rules;
  const flags = Object.fromEntries(RULE_FLAGS.map((flag) => [flag, rules[flag]])) as Record<RuleFlag, boolean>;
  const wait: WaitChoice = rules.waitedLonger === null ? 'off' : rules.waitedLonger === 'kpi' ? 'kpi' : 'minutes';
  const minutes = typeof rules.waitedLonger === 'number' ? String(rules.waitedLonger) : String(defaultMinutes);
  return { own: row.rules.own, flags, wait, minutes };
}

/** What to send as `setWatchRules`'s rules: null to follow the list; a reason when the minutes cannot be one. */
export function rulesFromForm(form: RulesForm): { ok: true; rules: WatchRules | null } | { ok: false; problem: WaitProblem } {
  if (!form.own) return { ok: true, rules: null };
  let waitedLonger: WatchRules['waitedLonger'] = null;
  if (form.wait === 'kpi') waitedLonger = 'kpi';
  else if (form.wait === 'minutes') {
    const parsed = parseWaitMinutes(form.minutes);
    if (!parsed.ok) return parsed;
    waitedLonger = parsed.minutes;
  }
  return { ok: true, rules: { waitedLonger, ...form.flags } };
}

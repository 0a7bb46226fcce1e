// The shapes of the watch's notification rules (main/core/watch-rules.ts has
// their behaviour): plain types that import nothing, so the IPC contract and
// the page can name them without taking main's modules along.

export interface WatchRules {
  /** The client has waited longer than this many minutes, or longer than the line's answer-time target ('kpi'); null: off. */
  waitedLonger: number | 'kpi' | null;
  newSession: boolean;
  /** The client is now waiting (a change the transcripts tell). */
  clientWaiting: boolean;
  operatorChanged: boolean;
  closed: boolean;
  blocked: boolean;
  /** Any change at all, what depends on who asks aside. */
  anyChange: boolean;
}

export type WatchRuleName = keyof WatchRules;

/** A dialog's rules as the watch applies them: its own, or the list's when it has none. */
export interface EffectiveRules {
  rules: WatchRules;
  /** True when they are the dialog's own (set for it), false when they follow the list. */
  own: boolean;
}

export interface FiredRule {
  rule: WatchRuleName;
  /** One event, one key: keep it, and the same event never fires again. */
  key: string;
  text: string;
}

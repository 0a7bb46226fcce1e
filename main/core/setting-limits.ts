// The accepted range of each numeric setting, checked by the settings screen,
// again at the IPC boundary and when a stored value is read. In main, not in
// the IPC contract, so that main takes no values from preload/; the contract
// re-exports it for the page. It imports nothing: the page bundles it.

/**
 * The floors keep a slip of the keyboard from wiping the history; the
 * ceilings keep the database within what the benchmark measures.
 */
export const SETTING_LIMITS = {
  historyMaxEntries: { min: 100, max: 1_000_000 },
  historyMaxAgeDays: { min: 1, max: 3_650 },
  snapshotsPerDialog: { min: 1, max: 100 },
  maxAnswerMb: { min: 1, max: 1_024 },
  // How often each watched dialog is refreshed, at most: from half a minute to a day.
  watchIntervalSeconds: { min: 30, max: 86_400 },
  // Percent of the account's request rate the background watch may use: never
  // all of it, so the user's own lookups always find room.
  watchShareOfLimit: { min: 5, max: 80 },
  // How often the overview refreshes itself, in minutes; 0: by hand only. At most a day.
  overviewRefreshMinutes: { min: 0, max: 1_440 },
  // Percent of the account's request rate the overview's own refreshes may use, as the watch's.
  overviewShareOfLimit: { min: 5, max: 80 },
} as const satisfies Record<string, { min: number; max: number }>;

export type NumericSetting = keyof typeof SETTING_LIMITS;

/** Which changes of a watched dialog give a desktop notification (main/watch/watch-notices.ts). */
export const WATCH_NOTIFY_SETTINGS = ['important', 'all', 'off'] as const;
export type WatchNotify = (typeof WATCH_NOTIFY_SETTINGS)[number];

/**
 * The list-wide "the client has waited longer than" rule (main/core/watch-rules.ts):
 * minutes within WATCH_WAIT_MINUTES, 'kpi' for the line's answer-time target, 0 for off.
 * A day at most: a longer wait is no longer news.
 */
export const WATCH_WAIT_MINUTES = { min: 1, max: 1_440 } as const;
export type WatchWait = number | 'kpi';

// The Watching view's English texts: the reference for its Russian twin. A
// catalogue of its own, in the view's lazy chunk (the header's button and the
// card's Watch button are on the first screen, so their words are in en.ts).
import type { WatchState } from '../../../../preload/api-contract';
import { count, num } from './words-en';

/** Percent of the rate, as a lead reads it: "3 %", "0.4 %". */
const percent = (value: number): string => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} %`;

/** "45 s", "5 min", "1 h 30 min": how long a cycle takes, or how long until the next request. */
/** "5 min": the number and its unit never split over two lines. */
function span(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${num(whole)}\u00a0s`;
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return `${num(minutes)}\u00a0min`;
  return `${num(Math.floor(minutes / 60))}\u00a0h${minutes % 60 ? ` ${num(minutes % 60)}\u00a0min` : ''}`;
}

const watchEn = {
  title: 'Watching',
  closeTitle: 'Close the watch list and go back to the inspector',
  refresh: 'Read again',
  refreshTitle: 'Read the watch list again from this computer (the portal is asked in the background, at its pace)',
  statusLabel: 'How the watch is doing',
  stateLabel: 'State',
  state: {
    watching: 'Watching',
    paused: 'Paused',
    offline: 'Offline',
    stopped: 'Stopped',
  } satisfies Record<WatchState, string>,
  stateDetail: {
    watching: 'Each dialog is asked for again in the background.',
    paused: 'Nothing is asked while the computer sleeps; it goes on when it wakes.',
    offline: 'The last request did not get through; it is tried again.',
    stopped: 'Nothing is asked for this account now.',
  } satisfies Record<WatchState, string>,
  notRunning: 'Not running yet',
  notRunningDetail: 'The watch starts with the first dialog watched.',
  cycle: 'Each round',
  /** `reads`: the requests the wait rule's own reads took in the last round (transcripts, the lines' targets). */
  cycleValue: (dialogs: number, seconds: number, requests: number, reads: number) =>
    `${count(dialogs, 'dialog', 'dialogs')} in ${count(requests, 'request', 'requests')}${reads > 0 ? `, plus ${num(reads)} to check clients’ waits` : ''}, every ${span(seconds)}`,
  cycleReadsTitle: (reads: number) =>
    `The wait rule reads the waiting clients’ conversations, and the lines’ answer-time targets, for itself: ${count(reads, 'request', 'requests')} in the last round, each at the watch’s pace, so the round takes that much longer. The budget counts them.`,
  budget: 'Budget',
  budgetValue: (used: number, allowed: number) => `${percent(used)} of the portal’s request rate used, ${percent(allowed)} allowed`,
  budgetTitle: (perSecond: number, allowedPerSecond: number) =>
    `At most ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(perSecond)} requests a second; the setting allows ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(allowedPerSecond)}. Your own lookups always go first.`,
  budgetNothingYet: (allowed: number) => `Nothing sent yet; ${percent(allowed)} of the portal’s request rate allowed`,
  next: 'Next request',
  nextPaused: 'When it goes on',
  nextIn: (seconds: number) => (seconds <= 0 ? 'now' : `in ${span(seconds)}`),
  nextNone: '—',
  dialogsLabel: 'Watched dialogs',
  rowKeys: '↑ and ↓ move through the dialogs; Enter opens one in the inspector and marks its changes seen; Delete stops watching it.',
  unseen: (value: number) => count(value, 'unseen change', 'unseen changes'),
  unseenShort: (value: number) => `${num(value)} new`,
  noName: '(no name)',
  chat: (id: number) => `chat${id}`,
  line: (id: number) => `Line ${num(id)}`,
  user: (id: string) => `User ${id}`,
  noOperator: 'No operator',
  notFetched: 'Not asked for yet: the watch reads it on its next request.',
  noCopy: 'No copy of it is kept yet.',
  askedAgo: (relative: string) => `asked ${relative}`,
  lastChange: 'Last change',
  noChange: 'No change since it was watched.',
  moreChanges: (more: number) => `and ${count(more, 'more change', 'more changes')}`,
  changedAgo: (relative: string) => `changed ${relative}`,
  refreshedAgo: (relative: string) => `refreshed ${relative}`,
  notRefreshed: 'not refreshed yet',
  watchedSince: (when: string) => `watched since ${when}`,
  facts: { channel: 'Channel', line: 'Line', operator: 'Operator', crm: 'CRM' },
  refused: (title: string, code: string) => `The portal refused it on the last refresh: ${title} (${code}). It is asked again each round.`,
  unwatch: 'Stop watching',
  unwatchLabel: (name: string) => `Stop watching ${name}`,
  rules: {
    label: 'Notifications',
    followsList: 'follow the list',
    own: (parts: string[]) => `own rules — ${parts.join(', ')}`,
    ownNothing: 'own rules — none at all',
    waitsOver: (minutes: number) => `waits over ${num(minutes)} min`,
    waitsOverKpi: 'waits over the line’s target',
    flags: {
      newSession: 'new session',
      clientWaiting: 'client now waiting',
      operatorChanged: 'operator changed',
      closed: 'closed',
      blocked: 'blocked',
      anyChange: 'any change',
    },
    button: 'Rules…',
    buttonLabel: (name: string) => `Notification rules for ${name}`,
    dialogTitle: 'Notification rules',
    dialogFor: (name: string) => `For ${name}`,
    follow: 'Follow the watch list',
    followHelp: 'The rules set in Settings, under Watching; they change with them.',
    ownChoice: 'Its own rules',
    ownHelp: 'Only these notify for this dialog, whatever Settings say.',
    notifyWhen: 'Notify when',
    flagLabels: {
      newSession: 'A new session starts',
      clientWaiting: 'The client is now waiting',
      operatorChanged: 'The operator changes',
      closed: 'The dialog is closed',
      blocked: 'Replies are blocked',
      anyChange: 'Anything at all changes',
    },
    wait: 'When the client has waited longer than',
    waitOff: 'Off',
    waitMinutes: 'Minutes',
    waitKpi: 'The line’s answer-time target',
    minutesLabel: 'Minutes of waiting',
    minutesUnit: 'min',
    minutesHelp: `From ${num(1)} to ${num(1440)} minutes (a day).`,
    problems: {
      empty: 'Type how many minutes, from 1 to 1,440.',
      notWhole: 'Minutes are a whole number, such as 15.',
      outOfRange: 'The wait is from 1 to 1,440 minutes (a day).',
    },
    kpiNote: 'About the line’s target:',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    close: 'Close',
    saved: (name: string) => `Rules saved for ${name}.`,
    failed: (title: string, message: string) => `Could not save the rules: ${title}. ${message}`,
  },
  emptyTitle: 'No dialog is watched yet',
  emptyHow: 'Look up a dialog, then press Watch on its card, or open the command palette and choose “Watch this dialog”. The eye beside a lookup in the history, or on a bulk run’s row, watches it too; a bulk run can watch all it found.',
  emptyWhat: 'Watched dialogs are asked for again in the background, within the share of the portal’s request rate set in Settings, and each change shows here and in the header’s count.',
  loading: 'Reading the watch list…',
  rowWatch: (chatId: number) => `Watch chat${chatId}`,
  rowWatchTitle: (chatId: number) => `Watch chat${chatId}: refreshed in the background, each change said under Watching`,
  rowUnwatch: (chatId: number) => `Stop watching chat${chatId}`,
};

export type WatchMessages = typeof watchEn;
export default watchEn;

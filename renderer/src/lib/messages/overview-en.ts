// The overview's English texts: the reference for its Russian twin. A
// catalogue of its own, in the view's lazy chunk (the header's button that
// opens it is in en.ts, as the header is on the first screen).
import type { OverviewSource } from '../../../../preload/api-contract';
import type { RowStatus, SortKey, TableGrouping } from '../overview-table';
import { count, num } from './words-en';

/** "45 s", "12 min", "1 h 05 min", "3 d 4 h": how long a client has waited, at a glance. */
function waited(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${num(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${num(hours)} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${num(Math.floor(hours / 24))} d ${num(hours % 24)} h`;
}

const overviewEn = {
  title: 'Open lines overview',
  closeTitle: 'Close the overview and go back to the inspector',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  refreshTitle: 'Ask the portal again: its recent list, the session activities and the kept dialogs',
  stop: 'Stop',
  stopTitle: 'Stop this refresh; what was shown before stays',
  progressLabel: 'Refreshing the overview',
  asking: 'Asking the portal for its open-line dialogs… a portal with many takes a while.',
  showKept: 'Show kept copies',
  showKeptTitle: 'Show the dialogs kept on this computer without asking the portal',
  refreshedAt: (relative: string) => `Refreshed ${relative}`,
  refreshedTitle: (exact: string) => `Refreshed ${exact}`,
  /** The stamp of kept copies alone: read from this computer, not refreshed from the portal. */
  keptReadAt: (relative: string) => `Kept copies, read ${relative}`,
  keptReadTitle: (exact: string) => `The dialogs kept on this computer, read ${exact}`,
  keptOnly: 'Only the dialogs kept on this computer are shown: the portal was not asked. Their status is not known.',
  portalFailed: 'The portal could not be asked: only the dialogs kept on this computer are shown. Their status is not known.',
  lastRefreshShown: (why: string | null, exact: string) =>
    `The portal could not be reached${why ? ` (${why})` : ''}: shown is the last refresh that reached it, of ${exact}, with the statuses it found then. Refresh once the portal answers again.`,
  truncated: 'More dialogs than one refresh reads: the oldest are left out.',
  summaryLabel: 'At a glance',
  waitingNow: 'Waiting now',
  waitingNowDetail: (total: number) => `of ${count(total, 'dialog', 'dialogs')}`,
  pastTargetDetail: (n: number) => `${num(n)} past the line’s target`,
  /** The wait cell's words for a screen reader and its tooltip. */
  pastTarget: 'past the line’s answer target',
  targetTitle: (exact: string, target: string) => `Waiting since ${exact}. The line’s answer target: ${target}`,
  pastTargetTitle: (exact: string, target: string, past: string) => `Waiting since ${exact}. The line’s answer target: ${target}, passed ${past} ago`,
  longestWait: 'Longest wait',
  longestNone: 'Nobody is waiting',
  notKnown: 'Not known without the portal',
  waited,
  openSessions: (n: number) => `Open sessions: ${num(n)}`,
  byChannel: 'By channel',
  byLine: 'By line',
  byOperator: 'By operator',
  noOperator: 'No operator yet',
  unknownGroup: 'Not known',
  others: (groups: number) => `${count(groups, 'other', 'others')}`,
  noOpen: 'No open sessions.',
  barTitle: (name: string, n: number) => `${name}: ${count(n, 'open session', 'open sessions')} — show only these`,
  sourcesLabel: 'Sources',
  sources: { recent: 'Your recent list', crm: 'CRM session activities', kept: 'Kept dialogs' } satisfies Record<OverviewSource, string>,
  sourceUsed: (rows: number) => count(rows, 'dialog', 'dialogs'),
  sourceNeedsScope: (scope: string) => `needs the “${scope}” scope`,
  sourceNeedsScopeTitle: (scope: string) => `Give the webhook or the application the “${scope}” scope in Bitrix24 to use this source`,
  sourceFailed: (title: string) => `failed: ${title}`,
  sourceNotAsked: 'not asked',
  filtersLabel: 'Filter the dialogs',
  statusLegend: 'Status',
  all: 'All',
  allOf: (n: number) => `All ${num(n)}`,
  statusOption: (label: string, n: number) => `${label} ${num(n)}`,
  status: { clientWaiting: 'Client waiting', operatorAnswered: 'Answered', closed: 'Closed', unknown: 'Not known' } satisfies Record<RowStatus, string>,
  channel: 'Channel',
  line: 'Line',
  operator: 'Operator',
  anyChannel: 'Any channel',
  anyLine: 'Any line',
  anyOperator: 'Any operator',
  grouping: 'Group the dialogs',
  groupings: { none: 'No grouping', status: 'Group by status', channel: 'Group by channel', line: 'Group by line', operator: 'Group by operator' } satisfies Record<TableGrouping, string>,
  groupCount: (n: number) => count(n, 'dialog', 'dialogs'),
  foldTitle: 'Fold this group away (Enter)',
  unfoldTitle: 'Show this group’s dialogs (Enter)',
  search: 'Search',
  searchPlaceholder: 'Dialog, client or operator',
  clearFilters: 'Clear filters',
  shown: (shown: number, total: number) => (shown === total ? count(total, 'dialog', 'dialogs') : `${num(shown)} of ${count(total, 'dialog', 'dialogs')}`),
  sortLabel: 'Sort the dialogs',
  sortedBy: (column: string, direction: 'ascending' | 'descending') => `Sorted by ${column}, ${direction}`,
  columns: {
    status: 'Status',
    waitingSince: 'Waiting',
    client: 'Client',
    channel: 'Channel',
    line: 'Line',
    operator: 'Operator',
    crm: 'CRM',
    sessionStart: 'Session start',
    unread: 'Unread',
  } satisfies Record<SortKey, string>,
  waitingSinceTitle: (exact: string) => `Waiting since ${exact}`,
  noName: '(no name)',
  unreadTitle: (n: number) => count(n, 'unread message', 'unread messages'),
  rowKeys: '↑ and ↓ move through the dialogs, Home and End to the first and last; Enter opens one in the inspector, or on a group’s header folds or unfolds it.',
  empty: 'No open dialogs: nobody is waiting and no session is open on the lines this account sees.',
  emptyKept: 'No dialogs are kept on this computer for this portal yet.',
  emptyFilter: 'No dialogs match these filters.',
  loadingFirst: 'Reading the open-line dialogs…',
  scheduleEvery: (minutes: number) => `Refreshes every ${num(minutes)} min`,
  scheduleNext: (time: string) => `next at ${time}`,
  scheduleBudget: (used: string, allowed: string) => `budget used ${used}% of ${allowed}%`,
  scheduleBudgetTitle: (requests: number) => `The last refresh took ${count(requests, 'request', 'requests')}; the share is of the portal’s request limit, set in Settings`,
  scheduleByHand: 'Refreshes by hand only (set in Settings)',
  scheduleRefreshing: (requests: number) => `Refreshing on schedule… ${count(requests, 'request', 'requests')} so far`,
  scheduleWaitsLonger: (requests: number, allowed: string, minutes: number) =>
    `The last refresh took ${count(requests, 'request', 'requests')}, more than ${allowed}% of the limit carries in ${num(minutes)} min: the next one waits longer.`,
  scheduleOffline: (title: string, earlier: boolean) =>
    `${earlier ? `The last refresh on schedule did not reach the portal (${title}): the refresh before it stays.` : `The refresh on schedule did not reach the portal (${title}), nor has any before it.`} The next one tries again; check the connection, or press Refresh.`,
  refreshed: (rows: number, waiting: number) => `Overview refreshed: ${count(rows, 'dialog', 'dialogs')}, ${num(waiting)} waiting`,
};

export type OverviewMessages = typeof overviewEn;
export default overviewEn;

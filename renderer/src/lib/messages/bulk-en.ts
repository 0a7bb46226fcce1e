// The bulk run view's English texts: the reference for its Russian twin. A
// catalogue of its own, in the view's lazy chunk (the lookup field's offer
// of a run is in en.ts, as the field is on the first screen).
import { count, isolate, num } from './words-en';

/** Identifiers a second, to a tenth. */
const rate = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "about 3 s", "about 2 min": a rough time left. */
function roughly(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 90 ? `about ${num(seconds)} s` : `about ${num(Math.round(seconds / 60))} min`;
}

function outcomes(found: number, kept: number, failed: number): string {
  return [`${num(found)} found`, kept > 0 ? count(kept, 'kept copy', 'kept copies') : '', `${num(failed)} failed`].filter(Boolean).join(', ');
}

const bulkEn = {
  /** A list dropped on the window (read by dropped-list.ts, which loads with this chunk). */
  drop: {
    tooLarge: (name: string, megabytes: string) => `${isolate(name)} is ${megabytes} MB: only lists of up to 2 MB can be dropped. Split the file, or paste part of it.`,
    textTooLarge: (megabytes: string) => `The dropped text is ${megabytes} MB: only lists of up to 2 MB can be dropped. Drop part of it.`,
    notText: (name: string) => `${isolate(name)} is not a text or CSV file. Drop a list of identifiers: one a line, or separated by commas.`,
    unreadable: (name: string) => `${isolate(name)} could not be read.`,
    dropped: (name: string) => `${isolate(name)} is in the lookup field.`,
    /** A file (dropped or opened) in which no identifier was found: a CSV's column empty, or a blank file. */
    empty: (name: string) => `${isolate(name)} holds no identifiers: nothing was put in the lookup field.`,
  },
  /** A run kept in the history. */
  historyBadge: 'Bulk run',
  historyTally: (total: number, found: number, kept: number, failed: number) => `${count(total, 'identifier', 'identifiers')}: ${outcomes(found, kept, failed)}`,
  reopenFailed: (title: string, message: string) => `The run could not be reopened: ${title}. ${message}`,
  regionLabel: 'Bulk run',
  lookingUp: (total: number) => `Looking up ${count(total, 'dialog', 'dialogs')}`,
  progressLabel: 'Dialogs looked up',
  progress: (done: number, total: number) => `${num(done)} of ${num(total)}`,
  perSecond: (value: number) => `${rate.format(value >= 10 ? Math.round(value) : value)}/s`,
  left: (ms: number) => `${roughly(ms)} left`,
  waiting: (ms: number) => `Waiting for the portal's rate limit: ${num(Math.max(1, Math.ceil(ms / 1000)))} s`,
  done: (found: number, kept: number, failed: number) => `Done: ${outcomes(found, kept, failed)}`,
  stopped: (found: number, kept: number, failed: number, left: number) =>
    `Stopped: ${outcomes(found, kept, failed)}${left > 0 ? `; ${num(left)} not looked up` : ''}`,
  notRun: 'The run could not start',
  took: (ms: number) => `in ${ms < 1000 ? `${num(Math.round(ms))} ms` : `${rate.format(ms / 1000)} s`}`,
  cancel: 'Cancel',
  cancelling: 'Stopping…',
  closeTitle: 'Close the run and go back to the inspector',
  copyCsv: 'Copy as CSV',
  copiedCsv: (rows: number) => `Copied ${count(rows, 'row', 'rows')} as CSV`,
  copyFailed: (title: string) => `Copy failed: ${title}`,
  watchAll: 'Watch all found',
  watchAllTitle: 'Put every dialog found in this run on the watch list, one at a time',
  watchAllProgress: (done: number, total: number) => `Watching… ${num(done)} of ${num(total)}`,
  watchAllNone: 'Every dialog found is already watched.',
  watchAllDone: (added: number, already: number, failed: number) =>
    [
      `${count(added, 'dialog', 'dialogs')} added to the watch list`,
      already > 0 ? `${num(already)} already watched` : '',
      failed > 0 ? `${num(failed)} could not be added` : '',
    ]
      .filter(Boolean)
      .join('; ') + '.',
  watchAllFailed: (title: string, message: string) => `${title}. ${message}`,
  filterLegend: 'Show',
  filters: {
    all: (n: number) => `All ${num(n)}`,
    found: (n: number) => `Found ${num(n)}`,
    kept: (n: number) => `Kept ${num(n)}`,
    failed: (n: number) => `Failed ${num(n)}`,
  },
  columns: {
    input: 'Identifier',
    outcome: 'Outcome',
    name: 'Dialog',
    channel: 'Channel',
    line: 'Line',
    operator: 'Operator',
    crm: 'CRM',
    sessionStart: 'Session start',
  },
  outcome: { found: 'Found', kept: 'Kept copy', failed: 'Failed' },
  keptWhy: (title: string) => `Portal not reached (${title}): the copy kept on this computer`,
  line: (id: number) => `Line ${num(id)}`,
  user: (id: string) => `user ${id}`,
  noName: '(no name)',
  rowKeys: '↑ and ↓ move through the rows; Enter opens a dialog, or puts a failed identifier in the lookup field.',
  empty: 'No rows yet.',
  emptyFilter: 'No rows with this outcome.',
  started: (total: number) => `Looking up ${count(total, 'dialog', 'dialogs')}`,
  csv: {
    input: 'identifier',
    outcome: 'outcome',
    name: 'dialog',
    chatId: 'chat id',
    dialogId: 'dialog id',
    channel: 'channel',
    line: 'line',
    operator: 'operator',
    crm: 'crm',
    sessionId: 'session id',
    sessionStart: 'session start',
    marks: 'marks',
    errorCode: 'error code',
    error: 'error',
  },
};

export type BulkMessages = typeof bulkEn;
export default bulkEn;

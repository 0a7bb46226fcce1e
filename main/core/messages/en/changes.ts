// What changed in a dialog between two copies, in a support lead's words
// (main/core/dialog-changes.ts). Keys and values Bitrix24 sent stay as sent.
import { plural } from '../../i18n';

export const changes = {
  /** The key was not in one of the two copies. */
  absent: '(absent)',
  none: 'none',
  nobody: 'nobody',
  /** A user: the name the store knows, and the id. */
  person: (name: string, id: string) => `${name} (${id})`,
  /** "lead 1209": a CRM binding in running text. */
  crmEntity: (type: string, id: string) => `${type.toLowerCase()} ${id}`,
  noBinding: 'no binding',
  sessionStarted: (after: string, before: string | null) =>
    before === null ? `A new session started: ${after}` : `A new session started: ${after} (was ${before})`,
  sessionEnded: (before: string) => `Session ${before} ended: the dialog has no current session`,
  sessionClosed: 'The session was closed',
  waitingOn: 'The session now waits for an automatic action (closed line, after hours, no answer, or reopened after a vote)',
  waitingOff: 'The session no longer waits for an automatic action',
  clientWaiting: (since: string | null) => (since === null ? 'The client is now waiting' : `The client is now waiting, since ${since}`),
  clientAnswered: 'The client is no longer waiting: an operator answered',
  pinned: 'Pinned to its operator',
  unpinned: 'Unpinned from its operator',
  blocked: (reason: string | null, since: string | null) =>
    `Blocked${reason === null ? '' : ` (reason: ${reason})`}${since === null ? '' : `, since ${since}`}`,
  unblocked: 'Unblocked',
  silentOn: 'Silent mode on: operator messages are not sent to the client',
  silentOff: 'Silent mode off',
  silentOther: (before: string, after: string) => `Silent mode: ${before} → ${after}`,
  owner: (before: string, after: string) => `Responsible operator changed: ${before} → ${after}`,
  crmMoved: (before: string, after: string) => `CRM binding moved: ${before} → ${after}`,
  crmBindings: (before: string, after: string) => `CRM bindings: ${before} → ${after}`,
  renamed: (before: string, after: string) => `Renamed: “${before}” → “${after}”`,
  newMessages: (count: number) => `${count} new ${plural(count, { one: 'message', other: 'messages' })}`,
  lastFrom: (who: string, role: string, when: string | null) => `the last from ${who} (${role})${when === null ? '' : ` at ${when}`}`,
  roles: { client: 'client', operator: 'operator', bot: 'bot', system: 'system' },
  managers: (before: string, after: string) => `Managers: ${before} → ${after}`,
  line: (before: string, after: string) => `Moved to line ${after} (was ${before})`,
  /** Any other key: its label (or the key itself), old and new. */
  field: (label: string, before: string, after: string) => `${label}: ${before} → ${after}`,
  /** A position of entity_data_1 no word above covers. */
  sessionField: (position: number) => `entity_data_1, field ${position + 1} of 10`,
  /** Under the changes: the keys that differ only because they depend on who asks. */
  viewerDiffers: (keys: string) => `Also differ, as they depend on who asks (not changes of the dialog): ${keys}`,
  /** A desktop notification of a watched dialog's changes. */
  notice: {
    title: (name: string) => `Changed: ${name}`,
    more: (count: number) => `and ${count} more`,
    heldTitle: 'While quiet mode was on',
    held: (changes: number, dialogs: number) => `${changes} ${plural(changes, { one: 'change', other: 'changes' })} in ${dialogs} watched ${plural(dialogs, { one: 'dialog', other: 'dialogs' })}. Open the watch list to see them.`,
    /** Only the wait rule fired: nothing changed, the client has waited too long. */
    waitTitle: (name: string) => `Client waiting: ${name}`,
  },
  /** The watch's notification rules (main/core/watch-rules.ts). */
  rules: {
    waited: (minutes: number, limit: string) => `The client has waited ${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}, longer than ${limit}`,
    minutesLimit: (minutes: number) => `${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}`,
    kpiLimit: (minutes: number) => `the line's answer-time target (${minutes} min)`,
    kpiUnreadable: (reason: string) => `The line's answer-time target cannot be read, so the wait is not measured against it: ${reason}`,
    kpiNoLine: 'The dialog names no open line, so it has no answer-time target to wait against.',
    kpiNoTarget: (line: string) => `Line ${line} has no answer-time target set (KPI_FIRST_ANSWER_TIME / KPI_FURTHER_ANSWER_TIME are off).`,
  },
};

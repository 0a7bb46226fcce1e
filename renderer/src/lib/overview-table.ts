// The overview's table as data: which rows a filter and a search keep, in
// which order a column sorts them, and the figures above the table (waiting
// now, the longest wait, open sessions by channel, line and operator). Pure,
// so 10,000 rows are sorted and counted the same in tests as on screen.
import type { OverviewRow } from '../../../preload/api-contract';

/** A row's status as the table shows it: the three the portal has, and one for rows no source said (kept copies). */
export type RowStatus = 'clientWaiting' | 'operatorAnswered' | 'closed' | 'unknown';
export const ROW_STATUSES: readonly RowStatus[] = ['clientWaiting', 'operatorAnswered', 'closed', 'unknown'];

export type SortKey = 'status' | 'waitingSince' | 'client' | 'channel' | 'line' | 'operator' | 'crm' | 'sessionStart' | 'unread';
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

/** The longest wait on top: what a lead opens the overview for. */
export const DEFAULT_SORT: Sort = { key: 'waitingSince', direction: 'ascending' };

/** A group by which rows are filtered and counted. */
export type GroupBy = 'channel' | 'line' | 'operator';

/** `ANY` keeps every row; a group's key (see groupKey) keeps that group's. */
export const ANY = '*';
/** The key of rows the group's value is not known for (no operator yet, a line no source named). */
export const NONE = '-';

export interface OverviewFilter {
  status: RowStatus | typeof ANY;
  channel: string;
  line: string;
  operator: string;
  /** Searched in the dialog's name, the client's and the operator's, and the chat id; case and ё/е ignored. */
  query: string;
}

export const NO_FILTER: OverviewFilter = { status: ANY, channel: ANY, line: ANY, operator: ANY, query: '' };

export function rowStatus(row: OverviewRow): RowStatus {
  return row.status ?? 'unknown';
}

/** A session is open while its client waits or an operator has answered; closed and unknown ones are not counted. */
export function isOpen(row: OverviewRow): boolean {
  return row.status === 'clientWaiting' || row.status === 'operatorAnswered';
}

/** How long past its line's answer target the row's client has waited at `now`, in ms; null when nobody waits, no target is known, or it is not passed. */
export function pastTargetMs(row: OverviewRow, now: number): number | null {
  if (rowStatus(row) !== 'clientWaiting' || row.waitingSince === null || row.answerTargetSeconds === null) return null;
  const past = now - Date.parse(row.waitingSince) - row.answerTargetSeconds * 1000;
  return Number.isFinite(past) && past > 0 ? past : null;
}

export function groupKey(row: OverviewRow, by: GroupBy): string {
  switch (by) {
    case 'channel':
      return row.channel ?? NONE;
    case 'line':
      return row.lineId === null ? NONE : String(row.lineId);
    case 'operator':
      return row.operatorId === null || row.operatorId === 0 ? NONE : String(row.operatorId);
  }
}

/** What a group is called: its name where a source gave one, else its id; null for NONE (the caller words it). */
export function groupName(row: OverviewRow, by: GroupBy): string | null {
  switch (by) {
    case 'channel':
      return row.channelName ?? row.channel;
    case 'line':
      return row.lineName ?? (row.lineId === null ? null : `#${row.lineId}`);
    case 'operator':
      return row.operatorName ?? (row.operatorId === null || row.operatorId === 0 ? null : `#${row.operatorId}`);
  }
}

/**
 * The rows with a name one source left out filled from another row's (an
 * operator the recent list named, a session activity did not): one person is
 * one name in the table and one bar above it. Rows needing nothing are kept as they are.
 */
export function withKnownNames(rows: readonly OverviewRow[]): OverviewRow[] {
  const operators = new Map<number, string>();
  const lines = new Map<number, string>();
  for (const row of rows) {
    if (row.operatorId !== null && row.operatorName) operators.set(row.operatorId, row.operatorName);
    if (row.lineId !== null && row.lineName) lines.set(row.lineId, row.lineName);
  }
  return rows.map((row) => {
    const operatorName = row.operatorName || (row.operatorId === null ? null : (operators.get(row.operatorId) ?? null));
    const lineName = row.lineName || (row.lineId === null ? null : (lines.get(row.lineId) ?? null));
    return operatorName === row.operatorName && lineName === row.lineName ? row : { ...row, operatorName, lineName };
  });
}

function fold(text: string): string {
  return text.toLocaleLowerCase().replaceAll('ё', 'е');
}

/** Made once per row: 10,000 rows are searched at each key press. */
const haystacks = new WeakMap<OverviewRow, string>();

function haystack(row: OverviewRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = fold([row.name, row.clientName ?? '', row.operatorName ?? '', row.chatId === null ? '' : `chat${row.chatId}`].join('\n'));
    haystacks.set(row, text);
  }
  return text;
}

export function filterRows(rows: readonly OverviewRow[], filter: OverviewFilter): OverviewRow[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (filter.status === ANY || rowStatus(row) === filter.status) &&
      (filter.channel === ANY || groupKey(row, 'channel') === filter.channel) &&
      (filter.line === ANY || groupKey(row, 'line') === filter.line) &&
      (filter.operator === ANY || groupKey(row, 'operator') === filter.operator) &&
      (words.length === 0 || words.every((word) => haystack(row).includes(word))),
  );
}

type Value = string | number | null;

function sortValue(row: OverviewRow, key: SortKey): Value {
  switch (key) {
    case 'status':
      return ROW_STATUSES.indexOf(rowStatus(row));
    case 'waitingSince':
      return row.waitingSince === null ? null : Date.parse(row.waitingSince);
    case 'client':
      return row.clientName ?? row.name;
    case 'channel':
      return groupName(row, 'channel');
    case 'line':
      return groupName(row, 'line');
    case 'operator':
      return groupName(row, 'operator');
    case 'crm':
      return row.crm;
    case 'sessionStart':
      return row.sessionStart === null ? null : Date.parse(row.sessionStart);
    case 'unread':
      return row.unread;
  }
}

/** A row's place in a sort: its value and its wait as numbers, ready to compare. */
interface SortEntry {
  row: OverviewRow;
  index: number;
  missing: boolean;
  value: number;
  waitMissing: boolean;
  wait: number;
  chat: number;
}

/**
 * The last column's entries, kept for the next sort of the same rows: a
 * column clicked again turns round, and needs only the numbers sorted again,
 * not its few thousand texts ranked again (a CRM column's 1,700 distinct
 * bindings were most of the click's script).
 */
let lastEntries: { rows: readonly OverviewRow[]; key: SortKey; locale: string; entries: readonly SortEntry[] } | null = null;

function sortEntries(rows: readonly OverviewRow[], key: SortKey, locale: string): readonly SortEntry[] {
  if (lastEntries && lastEntries.rows === rows && lastEntries.key === key && lastEntries.locale === locale) return lastEntries.entries;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const keyed = rows.map((row, index) => ({ row, index, value: sortValue(row, key) as Value, wait: waitedSince(row) }));
  rankTexts(keyed, collator);
  // Every value a number by now, or missing: compared without making anything (130,000 comparisons a click).
  const entries = keyed.map(({ row, index, value, wait }) => ({
    row,
    index,
    missing: isMissing(value),
    value: value as number,
    waitMissing: isMissing(wait),
    wait: wait as number,
    chat: row.chatId ?? Infinity,
  }));
  lastEntries = { rows, key, locale, entries };
  return entries;
}

/**
 * Rows in `sort`'s order; rows without the value come last either way, and
 * ties keep the order they came in (the longest wait, then the chat id) so a
 * sort never shuffles equal rows between refreshes.
 */
export function sortRows(rows: readonly OverviewRow[], sort: Sort, locale: string): OverviewRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const sortable = [...sortEntries(rows, sort.key, locale)];
  sortable.sort((a, b) => {
    if (a.missing !== b.missing) return a.missing ? 1 : -1;
    if (!a.missing && a.value !== b.value) return sign * (a.value - b.value);
    if (a.waitMissing !== b.waitMissing) return a.waitMissing ? 1 : -1;
    if (!a.waitMissing && a.wait !== b.wait) return a.wait - b.wait;
    return a.chat - b.chat || a.index - b.index;
  });
  return sortable.map((entry) => entry.row);
}

/** A missing value goes last whatever the direction. */
function isMissing(value: Value): boolean {
  return value === null || value === '' || Number.isNaN(value);
}

/** Parsed once per row: every sort breaks ties by the wait. */
const waits = new WeakMap<OverviewRow, number | null>();

function waitedSince(row: OverviewRow): number | null {
  let wait = waits.get(row);
  if (wait === undefined) {
    wait = row.waitingSince === null ? null : Date.parse(row.waitingSince);
    waits.set(row, wait);
  }
  return wait;
}

/**
 * Texts replaced by their rank among the few distinct ones (a few hundred
 * names in 10,000 rows): the collator compares those once each, and the
 * 10,000 are sorted by number. Texts the collator holds equal share a rank.
 */
function rankTexts(keyed: Array<{ value: Value }>, collator: Intl.Collator): void {
  const distinct = new Set<string>();
  for (const entry of keyed) if (typeof entry.value === 'string' && entry.value !== '') distinct.add(entry.value);
  if (distinct.size === 0) return;
  const ordered = [...distinct].sort(collator.compare);
  const rank = new Map<string, number>();
  let at = 0;
  ordered.forEach((text, index) => {
    if (index > 0 && collator.compare(ordered[index - 1]!, text) !== 0) at++;
    rank.set(text, at);
  });
  for (const entry of keyed) if (typeof entry.value === 'string' && entry.value !== '') entry.value = rank.get(entry.value)!;
}

/** A column clicked: the same column turns round, another starts in its natural direction (names A→Z, waits longest first, unread most first). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'unread' || key === 'sessionStart' ? 'descending' : 'ascending' };
}

export interface GroupCount {
  key: string;
  /** null: the NONE group (no operator, unknown line). */
  name: string | null;
  count: number;
}

export interface OverviewSummary {
  total: number;
  waiting: number;
  /** The row whose client has waited longest, null when nobody waits. */
  longest: OverviewRow | null;
  /** Open sessions (client waiting or answered) by group, most first, then by name. */
  open: number;
  byChannel: GroupCount[];
  byLine: GroupCount[];
  byOperator: GroupCount[];
  statusCounts: Record<RowStatus, number>;
}

function countBy(rows: readonly OverviewRow[], by: GroupBy, collator: Intl.Collator): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const group = groups.get(key);
    if (group) {
      group.count++;
      // A later row may name a group an earlier one only numbered.
      if (group.name === null || group.name.startsWith('#')) group.name = groupName(row, by) ?? group.name;
    } else groups.set(key, { key, name: key === NONE ? null : groupName(row, by), count: 1 });
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name)),
  );
}

export function summarize(rows: readonly OverviewRow[], locale: string): OverviewSummary {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const statusCounts: Record<RowStatus, number> = { clientWaiting: 0, operatorAnswered: 0, closed: 0, unknown: 0 };
  let longest: OverviewRow | null = null;
  let longestAt = Infinity;
  const open: OverviewRow[] = [];
  for (const row of rows) {
    const status = rowStatus(row);
    statusCounts[status]++;
    if (isOpen(row)) open.push(row);
    if (status === 'clientWaiting' && row.waitingSince !== null) {
      const at = Date.parse(row.waitingSince);
      if (at < longestAt) {
        longestAt = at;
        longest = row;
      }
    }
  }
  return {
    total: rows.length,
    waiting: statusCounts.clientWaiting,
    longest,
    open: open.length,
    byChannel: countBy(open, 'channel', collator),
    byLine: countBy(open, 'line', collator),
    byOperator: countBy(open, 'operator', collator),
    statusCounts,
  };
}

/** Every group the rows have, for a filter's choices, by name. */
export function groupOptions(rows: readonly OverviewRow[], by: GroupBy, locale: string): GroupCount[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return countBy(rows, by, collator).sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name)));
}

/** The first `limit` groups and what the rest add up to, so a bar list stays small. */
export function topGroups(groups: readonly GroupCount[], limit: number): { shown: GroupCount[]; others: number; otherGroups: number } {
  const shown = groups.slice(0, limit);
  const rest = groups.slice(limit);
  return { shown, others: rest.reduce((sum, group) => sum + group.count, 0), otherGroups: rest.length };
}

/** What the table's rows are grouped by: nothing, the status, or one of the groups the filters pick from. */
export type TableGrouping = 'none' | 'status' | GroupBy;
export const TABLE_GROUPINGS: readonly TableGrouping[] = ['none', 'status', 'channel', 'line', 'operator'];

/** One line of the table: a group's header, or a dialog. */
export type TableItem =
  | { kind: 'group'; key: string; name: string | null; status: RowStatus | null; count: number; collapsed: boolean }
  | { kind: 'row'; row: OverviewRow };

/** A group no row named: its name is its id, made by groupName. */
function unnamed(name: string | null, key: string): boolean {
  return name === null || name === `#${key}`;
}

function tableGroupKey(row: OverviewRow, by: Exclude<TableGrouping, 'none'>): string {
  return by === 'status' ? rowStatus(row) : groupKey(row, by);
}

/**
 * The rows (already sorted and filtered) under a header per group: the
 * statuses in their own order, other groups by name, the one without a value
 * last; the sort holds inside each group. A collapsed group keeps its header
 * and its count, without its rows. One pass over the rows: 10,000 at each key press.
 */
export function groupTable(rows: readonly OverviewRow[], by: TableGrouping, locale: string, collapsed: ReadonlySet<string> = new Set()): TableItem[] {
  if (by === 'none') return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, { name: string | null; rows: OverviewRow[] }>();
  for (const row of rows) {
    const key = tableGroupKey(row, by);
    const group = groups.get(key);
    if (group) {
      group.rows.push(row);
      if (by !== 'status' && (group.name === null || group.name.startsWith('#'))) group.name = groupName(row, by) ?? group.name;
    } else groups.set(key, { name: by === 'status' || key === NONE ? null : groupName(row, by), rows: [row] });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  // Named groups first by name, then those only numbered (#3), then the one without a value.
  const rank = (key: string): number => (key === NONE ? 2 : by !== 'status' && unnamed(groups.get(key)!.name, key) ? 1 : 0);
  const keys = [...groups.keys()];
  if (by === 'status') keys.sort((a, b) => ROW_STATUSES.indexOf(a as RowStatus) - ROW_STATUSES.indexOf(b as RowStatus));
  else keys.sort((a, b) => rank(a) - rank(b) || collator.compare(groups.get(a)!.name ?? a, groups.get(b)!.name ?? b));
  const items: TableItem[] = [];
  for (const key of keys) {
    const group = groups.get(key)!;
    const shut = collapsed.has(key);
    items.push({ kind: 'group', key, name: group.name, status: by === 'status' ? (key as RowStatus) : null, count: group.rows.length, collapsed: shut });
    if (!shut) for (const row of group.rows) items.push({ kind: 'row', row });
  }
  return items;
}

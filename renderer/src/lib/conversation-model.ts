// What the conversation view draws, worked out without Svelte so it can be
// tested alone: the flat list of day headings and messages the virtual list
// shows, find's matches, the marks inside a message's text, and the human
// durations and sizes of the timings panel and the files.
import type { AuthorRole, Conversation, ConversationMessage, ConversationTimings, Wait } from '../../../preload/api-contract';
import { parseBbCode, type BbWords, type ParsedText } from './bbcode';
import { groupByDay } from './history-days';
import type { ConversationMessages } from './messages/conversation-en';

export type ConversationRow = { kind: 'day'; key: string; label: string } | { kind: 'message'; key: string; index: number };

/** Day headings (in the window's language) and messages as one list, oldest first, for the virtual list. */
export function conversationRows(messages: readonly ConversationMessage[], now = Date.now()): ConversationRow[] {
  const dated = messages.map((message, index) => ({ at: message.date, index }));
  return groupByDay(dated, now).flatMap((group) => [
    { kind: 'day' as const, key: `day ${group.key}`, label: group.label },
    ...group.entries.map((entry) => ({ kind: 'message' as const, key: `message ${messages[entry.index]!.id} ${entry.index}`, index: entry.index })),
  ]);
}

/** Each message's text parsed when first needed, then kept: the tree to draw and the plain text to search. */
export interface ParsedMessages {
  at(index: number): ParsedText;
  /** Every message's plain text, for find (parses those not parsed yet). */
  plains(): string[];
}

/**
 * A session of 5,000 messages draws a screenful: parsing only what is drawn
 * keeps the first paint from waiting for the rest; find parses them all.
 */
export function parseMessages(messages: readonly ConversationMessage[], words?: BbWords): ParsedMessages {
  const parsed: Array<ParsedText | undefined> = new Array(messages.length);
  const at = (index: number): ParsedText => {
    const message = messages[index]!;
    return (parsed[index] ??= parseBbCode(message.deleted ? '' : message.text, words));
  };
  return { at, plains: () => messages.map((_, index) => at(index).plain) };
}

export interface Match {
  /** The message's index in the conversation. */
  message: number;
  /** [start, end) in the message's plain text. */
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every match of `query` (trimmed, any case) in the messages' plain text, in reading order. */
export function findMatches(plains: readonly string[], query: string): Match[] {
  const needle = query.trim();
  if (needle === '') return [];
  const re = new RegExp(escapeRegExp(needle), 'giu');
  const matches: Match[] = [];
  plains.forEach((plain, message) => {
    for (const found of plain.matchAll(re)) matches.push({ message, start: found.index, end: found.index + found[0].length });
  });
  return matches;
}

/** The next match to show after `current` (wrapping), Enter forward and Shift+Enter back; -1 when there are none. */
export function stepMatch(current: number, total: number, backwards: boolean): number {
  if (total === 0) return -1;
  if (current < 0 || current >= total) return backwards ? total - 1 : 0;
  return (current + (backwards ? total - 1 : 1)) % total;
}

/** The row of the virtual list that holds a message. */
export function rowOfMessage(rows: readonly ConversationRow[], message: number): number {
  return rows.findIndex((row) => row.kind === 'message' && row.index === message);
}

export interface MarkedPart {
  text: string;
  match: boolean;
  current: boolean;
}

/**
 * A text node of a message cut where find's matches fall: the node starts at
 * `at` in the message's plain text, and a match may begin in one node and end
 * in the next (a bold word), so each node takes its own share.
 */
export function markRanges(text: string, at: number, ranges: ReadonlyArray<readonly [number, number]>, current: readonly [number, number] | null): MarkedPart[] {
  const end = at + text.length;
  const parts: MarkedPart[] = [];
  let cursor = at;
  for (const [start, stop] of ranges) {
    if (stop <= cursor || start >= end) continue;
    const from = Math.max(start, cursor);
    const to = Math.min(stop, end);
    if (from > cursor) parts.push({ text: text.slice(cursor - at, from - at), match: false, current: false });
    const isCurrent = current !== null && current[0] === start && current[1] === stop;
    parts.push({ text: text.slice(from - at, to - at), match: true, current: isCurrent });
    cursor = to;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor - at), match: false, current: false });
  return parts;
}

/** "45 s", "2 min 5 s", "1 h 2 min", "3 d 4 h": the two largest units, a zero second one left out. */
export function humanDuration(seconds: number, m: ConversationMessages): string {
  const total = Math.max(0, Math.round(seconds));
  const units: Array<[number, (value: number) => string]> = [
    [86_400, m.duration.d],
    [3_600, m.duration.h],
    [60, m.duration.min],
    [1, m.duration.s],
  ];
  const first = units.findIndex(([size]) => total >= size);
  if (first === -1) return m.duration.s(0);
  const [size, unit] = units[first]!;
  const whole = Math.floor(total / size);
  const text = unit(whole);
  const next = units[first + 1];
  if (!next) return text;
  const rest = Math.floor((total - whole * size) / next[0]);
  return rest === 0 ? text : `${text} ${next[1](rest)}`;
}

/** Which of the line's answer-time targets a wait is held to. */
export type AnswerTarget = 'first' | 'further';

/**
 * A wait that began before any operator answered is held to the first
 * answer's target (KPI_FIRST_ANSWER_TIME); one after, to the further answers'
 * (KPI_FURTHER_ANSWER_TIME).
 */
export function targetOfWait(wait: Wait, timings: ConversationTimings): AnswerTarget {
  const first = timings.firstResponse;
  return first === null || Date.parse(wait.from) <= Date.parse(first.from) ? 'first' : 'further';
}

/** The wait still running, from "client waiting since" to `now`; null when nobody waits. */
export function runningWait(timings: ConversationTimings, now: number): Wait | null {
  const since = timings.clientWaitingSince;
  if (since === null || Number.isNaN(Date.parse(since))) return null;
  return { seconds: Math.max(0, (now - Date.parse(since)) / 1000), from: since, to: new Date(now).toISOString() };
}

/**
 * A wait against the line's target for it, the target named: "within the
 * 2 min first-answer target", "over the 5 min further-answer target by 1 min";
 * null without a wait or that target.
 */
export function kpiVerdict(wait: Wait | null, timings: ConversationTimings, m: ConversationMessages): { text: string; over: boolean; target: AnswerTarget } | null {
  if (!wait) return null;
  const target = targetOfWait(wait, timings);
  const targetSeconds = target === 'first' ? timings.kpi?.firstAnswerSeconds : timings.kpi?.furtherAnswerSeconds;
  if (targetSeconds === null || targetSeconds === undefined || targetSeconds <= 0) return null;
  const limit = humanDuration(targetSeconds, m);
  const which = m.timings.targets[target];
  if (wait.seconds <= targetSeconds) return { text: m.timings.within(limit, which), over: false, target };
  return { text: m.timings.over(limit, which, humanDuration(wait.seconds - targetSeconds, m)), over: true, target };
}

/** A transcript fetched in the dialog's own round trip is stamped a moment apart from it: not an older copy. */
const SAME_FETCH_MS = 60_000;

/**
 * When the conversation shown was fetched, if it is a kept copy rather than
 * the portal's answer just now: the lookup came from the store, or the
 * transcript is older than the dialog it is shown with. Null when it is fresh,
 * or when the session picker shows an earlier session (it stamps its own).
 */
export function keptAsOf(conversation: Conversation, lookup: { source: 'network' | 'cache'; fetchedAt: string }, pickerShowsLookup = true): string | null {
  if (!pickerShowsLookup) return null;
  const older = Date.parse(lookup.fetchedAt) - Date.parse(conversation.fetchedAt) > SAME_FETCH_MS;
  return lookup.source === 'cache' || older ? conversation.fetchedAt : null;
}

/** Bytes as a person reads them: "812 B", "1.4 KB", "23 MB"; null when the size was not sent. */
export function humanSize(bytes: number | null, locale: string, m: ConversationMessages): string | null {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return null;
  if (bytes < 1024) return m.units.bytes(bytes);
  const units = [m.units.kb, m.units.mb, m.units.gb];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** The author's name as shown: the portal's, "System" for sender 0, else "User 17". */
export function authorName(conversation: Conversation, authorId: string, role: AuthorRole, m: ConversationMessages): string {
  const author = Object.hasOwn(conversation.authors, authorId) ? conversation.authors[authorId] : undefined;
  if (author && author.name.trim() !== '') return author.name;
  return role === 'system' ? m.systemName : m.unknownAuthor(authorId);
}

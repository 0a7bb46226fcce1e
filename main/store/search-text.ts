// What the search index holds for one dialog, how the user's text becomes an
// FTS5 query, and how a hit's snippet is marked. Pure functions: the migration
// that backfills the index and putDialog both call indexedColumns(), so a dialog
// is indexed the same way whichever path wrote it.
//
// Tokens: the index uses FTS5's unicode61 tokenizer with remove_diacritics 2
// and categories 'L* N* Co M*' (see migrations.ts): a token is a run of
// letters, digits, private-use characters and combining marks, folded to lower
// case without Latin accents. Marks are part of a token so that scripts whose
// vowel signs are marks (Devanagari, Thai…) keep their words whole; Arabic
// harakat and tatweel are dropped here, from the text and from the query
// alike, so "مُحَمَّد" and "محمد" are one word. The query is split the same way
// in JavaScript and every token is quoted, so nothing the user types is ever
// read as FTS5 syntax ("NEAR", "-", ":", "*", "(", a stray quote…).
//
// CJK: Chinese and Japanese write names without spaces, and unicode61 makes a
// whole run of Han/Hiragana/Katakana one token, so a prefix ("王" → "王小明")
// matches but a part from the middle ("小明") would not. Each such run is
// therefore also indexed as its character bigrams plus its last character
// ("王小 小明 明"), and a CJK part of the query becomes the phrase of its
// bigrams: any substring of a run of two or more characters matches, and a
// single character matches anywhere in a run. Limit: a query that runs across
// a space in the text ("佐藤花子" for "佐藤 花子") does not match; typing the
// space, or either half, does.
import { createHash } from 'node:crypto';
import type { RawDialog } from '../core/dialog-types';
import { connectorName } from '../core/connectors';
import { readCrmPairs } from '../core/decode/crm-bindings';
import { splitUserCode } from '../core/decode/entity-id';
import { WIDGET_ENTITY_TYPE } from '../core/decode/index';
// A user code pasted with the "imol|" the server strips is indexed without it.
import { normaliseUserCode, sessionIdOf, userCodeOf } from './dialog-keys';

/** Put around each matched word in a snippet: plain control characters, never markup. */
export const SNIPPET_MATCH_START = '\u0002';
export const SNIPPET_MATCH_END = '\u0003';

/**
 * The index columns, in table order, with their bm25 weights: name and ids
 * above people's names. `account` holds one token naming the portal (see
 * accountToken), so one portal's dialogs are found by the index alone; it
 * weighs nothing and is never shown.
 */
export const SEARCH_COLUMNS = [
  { name: 'account', weight: 0 },
  { name: 'name', weight: 10 },
  { name: 'ids', weight: 8 },
  { name: 'crm', weight: 5 },
  { name: 'line', weight: 3 },
  { name: 'description', weight: 2 },
  { name: 'people', weight: 1 },
] as const;

export type SearchColumn = (typeof SEARCH_COLUMNS)[number]['name'];

/**
 * The portal as one index token: "a" and 16 hex digits of its SHA-256. A
 * collision between two of one user's portals is out of reach (2^-64), and
 * searchDialogs checks the account of each hit anyway.
 */
export function accountToken(account: string): string {
  return `a${createHash('sha256').update(account).digest('hex').slice(0, 16)}`;
}

/** The MATCH expression for one portal's dialogs only. */
export function inAccount(query: string, account: string): string {
  return `account : ${quoted(accountToken(account))} AND (${query})`;
}

/** The query, matched in the name and ids columns only. */
export function nameOrIdMatch(query: string): string {
  return `{name ids} : (${query})`;
}

/** Per column (all but account): the text a snippet shows. */
export type SearchFields = Record<Exclude<SearchColumn, 'account'>, string>;

const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70]+/gu;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640]/g;

/** Any number of user's words is fine, but a query of hundreds of them is not a search. */
const MAX_QUERY_TERMS = 16;

function dropArabicMarks(text: string): string {
  return text.replace(ARABIC_MARKS, '');
}

/** Roughly what unicode61 remove_diacritics 2 does to a token: lower case, no combining marks. Used to mark snippets. */
function fold(token: string): string {
  if (/^[\x00-\x7f]*$/.test(token)) return token.toLowerCase();
  return dropArabicMarks(token)
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** "王小明" → "王小 小明 明", for each CJK run of two characters or more in the text. */
function cjkBigrams(value: string): string {
  const out: string[] = [];
  for (const [run] of value.matchAll(CJK_RUN)) {
    const chars = Array.from(run);
    if (chars.length < 2) continue;
    for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
    out.push(chars.at(-1)!);
  }
  return out.join(' ');
}


function crmWords(dialog: RawDialog): string[] {
  const words: string[] = [];
  const session = dialog['entity_data_1'];
  // The operator side's session data names the primary binding at positions 1 and 2.
  if (dialog['entity_type'] !== WIDGET_ENTITY_TYPE && typeof session === 'string') {
    const [, type = '', id = ''] = session.split('|');
    if (/^[A-Za-z_]+$/.test(type) && /^[1-9]\d*$/.test(id)) words.push(`${type.toUpperCase()} ${id}`);
  }
  const bindings = dialog['entity_data_2'];
  if (typeof bindings === 'string') {
    for (const { type, idText } of readCrmPairs(bindings)) {
      if (type !== '' && idText !== null && /^[1-9]\d*$/.test(idText)) words.push(`${type.toUpperCase()} ${idText}`);
    }
  }
  return unique(words);
}

function peopleNames(dialog: RawDialog): string[] {
  const names: string[] = [];
  const collect = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list) if (item && typeof item === 'object') names.push(text((item as Record<string, unknown>)['user_name']).trim());
  };
  collect(dialog['readed_list']);
  const views = dialog['last_message_views'];
  if (views && typeof views === 'object') collect((views as Record<string, unknown>)['first_viewers']);
  return unique(names);
}

/** The searchable fields of a dialog whose chat id is `chatId`, as a snippet shows them. */
export function fieldsFor(dialog: RawDialog, chatId: number): SearchFields {
  const userCode = userCodeOf(dialog);
  // Session ids are indexed (see indexedColumns) but not shown: a dialog keeps
  // every one it ever had, and the snippet would be a row of bare numbers.
  const ids = unique([text(dialog['dialog_id']) || `chat${chatId}`, userCode ?? '']);

  const lineParts: string[] = [];
  if (userCode !== null) {
    const [connector = '', line = ''] = splitUserCode(userCode).parts;
    if (/^\d+$/.test(line)) lineParts.push(`line ${line}`);
    const readable = connector === '' ? null : connectorName(connector);
    if (readable !== null) lineParts.push(readable);
  }

  return {
    name: text(dialog['name']),
    ids: ids.join(' · '),
    crm: crmWords(dialog).join(' · '),
    line: lineParts.join(' · '),
    description: text(dialog['description']),
    people: peopleNames(dialog).join(', '),
  };
}

/**
 * What the index holds for the dialog, per column, in SEARCH_COLUMNS order.
 * `sessionIds`: every session id the store has seen for the chat (its current
 * one is added here anyway), so "343" finds the chat whose session 343 was.
 */
export function indexedColumns(account: string, dialog: RawDialog, chatId: number, sessionIds: readonly number[] = []): string[] {
  const fields = fieldsFor(dialog, chatId);
  const current = sessionIdOf(dialog);
  const sessions = [...new Set(current === null ? sessionIds : [...sessionIds, current])];
  return SEARCH_COLUMNS.map(({ name }) => {
    if (name === 'account') return accountToken(account);
    // The bare chat id and the session ids are indexed too, so "1777" finds chat1777 and so does its "343".
    const extra = name === 'ids' ? [chatId, ...sessions].join(' ') : '';
    return [dropArabicMarks(fields[name]), extra, cjkBigrams(fields[name])].filter((part) => part !== '').join(' ');
  });
}

/** One whitespace-separated part of the user's text. */
interface QueryPart {
  /** Non-CJK tokens, folded: all must appear next to each other (a phrase), each as a prefix. */
  words: string[];
  /** CJK runs, each matched as a substring of a run in the text. */
  cjk: string[];
}

function parse(input: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const chunk of dropArabicMarks(input).split(/\s+/).map(normaliseUserCode)) {
    const part: QueryPart = { words: [], cjk: [] };
    for (const [token] of chunk.matchAll(TOKEN)) {
      if (!CJK_CHAR.test(token)) {
        part.words.push(fold(token));
        continue;
      }
      // "abc王小" → the word "abc" and the CJK run "王小".
      for (const [piece] of token.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70]+/gu)) {
        if (CJK_CHAR.test(piece)) part.cjk.push(piece);
        else part.words.push(fold(piece));
      }
    }
    if (part.words.length > 0 || part.cjk.length > 0) parts.push(part);
  }
  return parts;
}

/** Words the index holds followed by a number: the line, and CRM bindings. */
const PAIR_WORDS = new Set(['line', 'lead', 'deal', 'contact', 'company']);

/** A token as an FTS5 string: only letters, digits and marks get here, but quotes are escaped anyway. */
function quoted(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

function cjkTerm(run: string, star: string): string {
  const chars = Array.from(run);
  if (chars.length === 1) return `${quoted(run)}${star}`;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) bigrams.push(quoted(chars[i]! + chars[i + 1]!));
  return bigrams.join(' + ');
}

/**
 * The FTS5 MATCH expression for what the user typed, or null when it holds no
 * word at all. Parts split by spaces are ANDed; the words of one part
 * ("livechat|22", "O'Brien") form a phrase, and so do "line", "lead", "deal",
 * "contact" or "company" and the number after them. Every word is a prefix,
 * but for a Latin word or number followed by punctuation in its part: the
 * user ended it ("livechat|" is the whole word livechat), and a prefix there
 * would cost the phrase a merge of every term it starts (twice the time of
 * "livechat|4" at 100,000 dialogs). Other scripts stay prefixes: the
 * tokenizer's folding of them is only approximated here (fold()).
 */
export function ftsQuery(input: string, words: 'prefix' | 'exact' = 'prefix'): string | null {
  // exact: the same query with no word a prefix. It matches a subset of the
  // prefix query's dialogs, read newest first without merging the list of
  // every word a prefix starts (see SearchIndex.search).
  const star = words === 'prefix' ? '*' : '';
  const terms: string[] = [];
  const parts = parse(input);
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const words = part.words;
    // "line 12", "LEAD 1209", "deal 77": the pair the index holds, as a phrase.
    // Far more precise than "line" AND "12" (every dialog has a line), and far
    // cheaper: bm25 would otherwise walk every dialog holding the word.
    // The word is complete (a number follows it), so it is matched exactly; and
    // as every dialog has a line, "line 12" looks for the number in the line column.
    const next = parts[i + 1];
    if (words.length === 1 && part.cjk.length === 0 && PAIR_WORDS.has(words[0]!) && next && next.cjk.length === 0 && /^\d+$/.test(next.words[0] ?? '')) {
      const number = next.words.map((word) => `${quoted(word)}${star}`).join(' + ');
      terms.push(words[0] === 'line' ? `line : ${number}` : `${quoted(words[0]!)} + ${number}`);
      i += 1;
      continue;
    }
    if (words.length > 0) terms.push(words.map((word, j) => (j < words.length - 1 && /^[a-z0-9]+$/.test(word) ? quoted(word) : `${quoted(word)}${star}`)).join(' + '));
    for (const run of part.cjk) terms.push(cjkTerm(run, star));
  }
  if (terms.length === 0) return null;
  return terms.slice(0, MAX_QUERY_TERMS).join(' AND ');
}

interface Marker {
  words: string[];
  cjk: string[];
}

export function snippetMarker(input: string): Marker {
  const parts = parse(input);
  return { words: unique(parts.flatMap((part) => part.words)), cjk: unique(parts.flatMap((part) => part.cjk.map(fold))) };
}

/** Ranges [start, end) of `shown` that the query matched. */
function matchedRanges(shown: string, marker: Marker): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of shown.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index;
    const folded = fold(token);
    if (marker.words.some((word) => folded.startsWith(word))) {
      ranges.push([start, start + token.length]);
      continue;
    }
    if (marker.cjk.length === 0 || !CJK_CHAR.test(token)) continue;
    // Folding leaves CJK characters as they are, so offsets in the token hold.
    for (const run of marker.cjk) {
      for (let at = token.indexOf(run); at !== -1; at = token.indexOf(run, at + run.length)) ranges.push([start + at, start + at + run.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

const SNIPPET_CHARS = 120;
const SNIPPET_LEAD = 40;

function codePointBoundary(value: string, index: number): number {
  // Never cut a surrogate pair in two.
  const code = value.charCodeAt(index);
  return index > 0 && index < value.length && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * The text of the column that best matched (most matched words, then the
 * heavier column), cut to about 120 characters around the first match, with
 * each match between SNIPPET_MATCH_START and SNIPPET_MATCH_END. The dialog's
 * name, unmarked, when no word can be pointed at.
 */
export function snippetFor(fields: SearchFields, marker: Marker): string {
  let best: { shown: string; ranges: Array<[number, number]> } | null = null;
  for (const { name } of SEARCH_COLUMNS) {
    if (name === 'account') continue;
    const shown = fields[name];
    const ranges = matchedRanges(shown, marker);
    if (ranges.length > (best?.ranges.length ?? 0)) best = { shown, ranges };
  }
  if (best === null) return clean(fields.name.slice(0, codePointBoundary(fields.name, SNIPPET_CHARS)));
  return cut(best.shown, best.ranges);
}

/** About 120 characters of `shown` around the first of `ranges`, each range marked. */
function cut(shown: string, ranges: Array<[number, number]>, { atWord = false, lead = SNIPPET_LEAD, chars = SNIPPET_CHARS } = {}): string {
  if (ranges.length === 0) return clean(shown.slice(0, codePointBoundary(shown, chars))) + (shown.length > chars ? '…' : '');
  let from = shown.length <= chars ? 0 : codePointBoundary(shown, Math.max(0, Math.min(ranges[0]![0] - lead, shown.length - chars)));
  const to = codePointBoundary(shown, Math.min(shown.length, from + chars));
  // A sentence reads better from a word's start: back to the space before, when one is near.
  if (atWord && from > 0) {
    const space = shown.lastIndexOf(' ', from);
    if (space !== -1 && from - space <= 20) from = space + 1;
  }
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    out += clean(shown.slice(at, s)) + SNIPPET_MATCH_START + clean(shown.slice(s, e)) + SNIPPET_MATCH_END;
    at = e;
  }
  out += clean(shown.slice(at, to)) + (to < shown.length ? '…' : '');
  return out;
}

/**
 * What the message index holds for one message's plain text: the text as the
 * dialog index holds a field (Arabic marks dropped, CJK runs also as bigrams),
 * so one query expression serves both.
 */
export function messageIndexText(plain: string): string {
  return [dropArabicMarks(plain), cjkBigrams(plain)].filter((part) => part !== '').join(' ');
}

/** A message's plain text on one line, cut around the first match with every match marked. */
export function messageSnippet(plain: string, marker: Marker): string {
  const shown = plain.replace(/\s+/g, ' ').trim();
  // Shorter than a field's: the panel shows two lines of it, and the match must be in them.
  return cut(shown, matchedRanges(shown, marker), { atWord: true, lead: 24, chars: 90 });
}

/**
 * Whether the text is worth asking the message index: every word at least
 * three characters (a CJK part two). A shorter prefix over a million messages
 * merges the lists of thousands of words before the first row comes out,
 * and a dialog's own fields answer one or two letters well enough.
 */
export function messageSearchable(input: string): boolean {
  const parts = parse(input);
  if (parts.length === 0) return false;
  // Inside a part, a Latin word or number before punctuation is whole (see ftsQuery): no prefix to merge.
  const whole = (words: string[], j: number) => j < words.length - 1 && /^[a-z0-9]+$/.test(words[j]!);
  return parts.every(
    (part) => part.words.every((word, j) => whole(part.words, j) || Array.from(word).length >= 3) && part.cjk.every((run) => Array.from(run).length >= 2),
  );
}

/** The markers must mean "match" and nothing else: the same characters in the text itself are dropped. */
function clean(value: string): string {
  return value.replace(/[\u0002\u0003]/g, '');
}

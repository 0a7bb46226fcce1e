// The command palette's matching and ranking: pure functions, no Svelte, so
// they are tested without a browser. What an entry does is the caller's
// business; this only decides which entries show, and in what order.

export type PaletteGroup = 'commands' | 'accounts' | 'recent';

/** The order groups are listed in: fixed, so an entry does not jump between groups as one types. */
export const GROUP_ORDER: readonly PaletteGroup[] = ['commands', 'accounts', 'recent'];

export interface PaletteEntry {
  id: string;
  group: PaletteGroup;
  label: string;
  /** The muted second line (a portal's address, when a lookup was made); searched too. */
  detail?: string;
  /** Other words the entry answers to ("preferences" for Settings); searched, never shown. */
  keywords?: readonly string[];
}

export interface RankedGroup<T extends PaletteEntry> {
  group: PaletteGroup;
  entries: T[];
}

/**
 * Lower case without accents: "resume" finds "Résumé", "ё" finds "е", and a
 * full-width "ｃｈａｔ" pasted from elsewhere finds "chat" (NFKD folds it).
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `token` starts a word of `text` (after a space, "|", "." or at the start), or -1. */
function wordStart(text: string, token: string): number {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1] ?? '')) return at;
  }
  return -1;
}

/** Lower is better; null when the token is nowhere in the entry. */
function tokenScore(token: string, label: string, detail: string, keywords: readonly string[]): number | null {
  if (label.startsWith(token)) return 0;
  if (wordStart(label, token) >= 0) return 1;
  if (label.includes(token)) return 2;
  if (keywords.some((keyword) => keyword.startsWith(token))) return 3;
  if (wordStart(detail, token) >= 0) return 4;
  if (keywords.some((keyword) => keyword.includes(token)) || detail.includes(token)) return 5;
  return null;
}

/**
 * How well an entry answers the query, lower is better; null when it does not.
 * Every word of the query has to be found somewhere in the entry, in any order.
 */
export function scoreEntry(entry: PaletteEntry, query: string): number | null {
  const tokens = foldText(query).split(/\s+/).filter((token) => token !== '');
  if (tokens.length === 0) return 0;
  const label = foldText(entry.label);
  const detail = foldText(entry.detail ?? '');
  const keywords = (entry.keywords ?? []).map(foldText);
  let total = 0;
  for (const token of tokens) {
    const score = tokenScore(token, label, detail, keywords);
    if (score === null) return null;
    total += score;
  }
  // The whole query as the label's beginning beats the same words scattered.
  const whole = tokens.join(' ');
  if (tokens.length > 1 && label.startsWith(whole)) total -= tokens.length;
  return total;
}

/**
 * The entries that answer the query, by group in GROUP_ORDER, best first inside
 * a group (ties keep the order given: newest lookup first, commands as listed),
 * at most `limits[group]` of a group; groups left empty are dropped.
 */
export function rankEntries<T extends PaletteEntry>(
  entries: readonly T[],
  query: string,
  limits: Partial<Record<PaletteGroup, number>> = {},
): RankedGroup<T>[] {
  const scored = entries
    .map((entry, index) => ({ entry, index, score: scoreEntry(entry, query) }))
    .filter((item): item is { entry: T; index: number; score: number } => item.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index);
  const groups: RankedGroup<T>[] = [];
  for (const group of GROUP_ORDER) {
    const limit = limits[group] ?? Infinity;
    const inGroup = scored.filter((item) => item.entry.group === group).slice(0, limit).map((item) => item.entry);
    if (inGroup.length > 0) groups.push({ group, entries: inGroup });
  }
  return groups;
}

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: a right-to-left name cannot reorder the text around it. */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * A recent lookup's second line: how it went, the chat it found and, when that
 * dialog is kept, its name (the client), so typing the name finds the lookup.
 * "Found → chat1777 · Green Guest #17 · 2 min ago". Plain text, shown as text.
 */
export function recentDetail(outcome: string, entry: { chatId: number | null; name?: string | undefined }, when: string): string {
  const chat = entry.chatId === null ? '' : ` → chat${entry.chatId}`;
  const name = entry.name ? ` · ${isolated(entry.name)}` : '';
  return `${outcome}${chat}${name} · ${when}`;
}

// History entries grouped by the local day they were made: "Today",
// "Yesterday", then the date in the window's language.
import { i18n } from './i18n.svelte';

export interface DayGroup<T> {
  /** The local day ("2025-3-9"), unique in the list: a day that comes twice (the clock was changed) gets "#2". */
  key: string;
  label: string;
  entries: T[];
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, sameYear: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${sameYear}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      sameYear ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' },
    );
    formats.set(key, format);
  }
  return format;
}

/** A heading starts with a capital: "понедельник, 1 декабря" → "Понедельник, 1 декабря". */
function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function dayLabel(date: Date, now: Date): string {
  const m = i18n.messages.history;
  if (dayKey(date) === dayKey(now)) return m.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return m.yesterday;
  const locale = i18n.locale;
  return capitalise(dateFormat(locale, date.getFullYear() === now.getFullYear()).format(date), locale);
}

/** Consecutive entries of one day in one group; the order of the entries is kept. */
export function groupByDay<T extends { at: string }>(entries: readonly T[], now = Date.now()): DayGroup<T>[] {
  const today = new Date(now);
  const groups: DayGroup<T>[] = [];
  const seen = new Map<string, number>();
  let lastDay = '';
  // The last group's local day as [from, to) in ms: an entry inside it joins the group without a
  // Date of its own (a 5,000-message conversation is a few days of thousands of messages).
  let from = Number.NaN;
  let to = Number.NaN;
  for (const entry of entries) {
    const time = Date.parse(entry.at);
    const last = groups.at(-1);
    if (last && time >= from && time < to) {
      last.entries.push(entry);
      continue;
    }
    const date = Number.isNaN(time) ? null : new Date(time);
    const day = date ? dayKey(date) : 'unknown';
    if (last && day === lastDay) {
      last.entries.push(entry);
      continue;
    }
    const count = (seen.get(day) ?? 0) + 1;
    seen.set(day, count);
    lastDay = day;
    from = date ? new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() : Number.NaN;
    to = date ? new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime() : Number.NaN;
    groups.push({ key: count === 1 ? day : `${day}#${count}`, label: date ? dayLabel(date, today) : i18n.messages.history.unknownDate, entries: [entry] });
  }
  return groups;
}

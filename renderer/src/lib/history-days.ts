// History entries grouped by the local day they were made: "Today",
// "Yesterday", then the date in the user's language.

export interface DayGroup<T> {
  /** The local day ("2025-3-9"), unique in the list: a day that comes twice (the clock was changed) gets "#2". */
  key: string;
  label: string;
  entries: T[];
}

let sameYear: Intl.DateTimeFormat | null = null;
let otherYear: Intl.DateTimeFormat | null = null;

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function dayLabel(date: Date, now: Date): string {
  if (dayKey(date) === dayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return 'Yesterday';
  if (date.getFullYear() === now.getFullYear()) {
    sameYear ??= new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
    return sameYear.format(date);
  }
  otherYear ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  return otherYear.format(date);
}

/** Consecutive entries of one day in one group; the order of the entries is kept. */
export function groupByDay<T extends { at: string }>(entries: readonly T[], now = Date.now()): DayGroup<T>[] {
  const today = new Date(now);
  const groups: DayGroup<T>[] = [];
  const seen = new Map<string, number>();
  let lastDay = '';
  for (const entry of entries) {
    const time = Date.parse(entry.at);
    const date = Number.isNaN(time) ? null : new Date(time);
    const day = date ? dayKey(date) : 'unknown';
    const last = groups.at(-1);
    if (last && day === lastDay) {
      last.entries.push(entry);
      continue;
    }
    const count = (seen.get(day) ?? 0) + 1;
    seen.set(day, count);
    lastDay = day;
    groups.push({ key: count === 1 ? day : `${day}#${count}`, label: date ? dayLabel(date, today) : 'Unknown date', entries: [entry] });
  }
  return groups;
}

// Display helpers shared by the components.
import type { FieldRow } from '../../../preload/api-contract';
import { i18n } from './i18n.svelte';

// Making an Intl.DateTimeFormat costs about a millisecond; a long conversation
// formats a time for every message it draws, so each is made once per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${i18n.locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function formatDate(iso: string, style: string, options: Intl.DateTimeFormatOptions): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat(style, options).format(time);
}

/** An ISO 8601 value in the user's local time; the input unchanged when it is not a date. */
export function formatLocalDate(iso: string): string {
  return formatDate(iso, 'long', { dateStyle: 'medium', timeStyle: 'long' });
}

/** "16 Mar 2026, 18:41": a date in a sentence, local time, no seconds or zone. */
export function formatShortDate(iso: string): string {
  return formatDate(iso, 'short', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "18:41": a message's time of day, local time. */
export function formatClockTime(iso: string): string {
  return formatDate(iso, 'clock', { timeStyle: 'short' });
}

/** What a row shows on screen (dates in local time, everything else as sent). */
export function displayValue(row: FieldRow): string {
  return row.kind === 'date' ? formatLocalDate(row.value) : row.value;
}

/**
 * A text of ours with names from Bitrix24 in it, cut where the messages mark
 * a name (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE), so
 * the page can draw each name in a <bdi> and an Arabic or Hebrew name cannot
 * reorder the words around it. The marks themselves are dropped.
 */
export function isolatedParts(text: string): Array<{ text: string; isolated: boolean }> {
  const parts: Array<{ text: string; isolated: boolean }> = [];
  for (const [index, piece] of text.split(/[\u2068\u2069]/).entries()) {
    if (piece !== '') parts.push({ text: piece, isolated: index % 2 === 1 });
  }
  return parts;
}

/** "Samantha Johnson (#27), 31": the users a row names (main wrote the value the same way), each name isolated. */
function peopleParts(people: NonNullable<FieldRow['people']>): Array<{ text: string; isolated: boolean }> {
  return people.flatMap((person, index) => {
    const separator = index === 0 ? [] : [{ text: ', ', isolated: false }];
    if (person.name === null) return [...separator, { text: person.id, isolated: false }];
    return [...separator, { text: person.name, isolated: true }, { text: ` (#${person.id})`, isolated: false }];
  });
}

/** A reader's or first viewer's row: main's sentence starts with who, "Name (#id)", in every language. */
const PERSON_ROW = /^(readed_list|last_message_views\.first_viewers)\[\d+\]$/;

/**
 * A reader's or viewer's sentence ("أحمد (#611) read up to message 9") cut so
 * the name can be drawn in a <bdi>: without it an Arabic name pulls the
 * "(#611)" after it to its other side. null for any other row.
 */
export function personParts(row: FieldRow): Array<{ text: string; isolated: boolean }> | null {
  if (row.people) return peopleParts(row.people);
  if (row.kind !== 'text' || !PERSON_ROW.test(row.path)) return null;
  const id = [...row.value.matchAll(/ \(#[^()]*\)/g)].at(-1);
  if (id?.index === undefined || id.index === 0) return null;
  return [
    { text: row.value.slice(0, id.index), isolated: true },
    { text: row.value.slice(id.index), isolated: false },
  ];
}

/** The `time` block's fields that Bitrix24 sends as seconds of elapsed time. */
const DURATION_PATHS: ReadonlySet<string> = new Set(['time.duration', 'time.processing']);

/** The seconds a row holds when it is a duration (`time.duration`, `time.processing`), else null. */
export function durationSeconds(row: FieldRow): number | null {
  if (row.kind !== 'number' || !DURATION_PATHS.has(row.path)) return null;
  const seconds = Number(row.value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** Seconds as a person reads them, in the window's language: "0.25 ms", "2 ms", "1.4 s", "95 s". */
export function formatDuration(seconds: number): string {
  const m = i18n.messages.common;
  const ms = seconds * 1000;
  if (ms > 0 && ms < 1) return m.msPrecise(ms);
  // From 999.5 ms on, milliseconds would round to "1,000 ms": seconds instead.
  if (ms < 999.5) return m.ms(ms);
  return m.s(seconds, seconds < 100 ? 1 : 0);
}

export function formatMs(ms: number): string {
  const m = i18n.messages.common;
  if (ms < 1000) return m.ms(ms);
  return m.s(ms / 1000, ms < 10_000 ? 2 : 1);
}

/**
 * The OS the window runs on, as the page can tell: userAgentData where the
 * browser has it (Chromium, so Electron), else navigator.platform, else the
 * user agent. A frozen user agent still says "Macintosh", so it is the last resort.
 */
function platformName(): string {
  if (typeof navigator === 'undefined') return '';
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return data?.platform || navigator.platform || navigator.userAgent;
}

/** True on macOS, where shortcuts are shown with ⌘. */
export const isMac = /mac|iphone|ipad/i.test(platformName());

/** The keys of Cmd/Ctrl(+Shift)+`key` as this platform prints them: ["⌘", "K"], ["Ctrl", "Shift", "H"], ["⇧", "⌘", "H"]. */
export function shortcutKeys(key: string, shift = false): string[] {
  if (!shift) return [isMac ? '⌘' : 'Ctrl', key];
  return isMac ? ['⇧', '⌘', key] : ['Ctrl', 'Shift', key];
}

export function shortcut(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}

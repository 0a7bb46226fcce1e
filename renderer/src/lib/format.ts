// Display helpers shared by the components.
import type { FieldRow } from '../../../preload/api-contract';
import { i18n } from './i18n.svelte';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(): Intl.DateTimeFormat {
  const locale = i18n.locale;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' });
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/** An ISO 8601 value in the user's local time; the input unchanged when it is not a date. */
export function formatLocalDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatter().format(time);
}

/** What a row shows on screen (dates in local time, everything else as sent). */
export function displayValue(row: FieldRow): string {
  return row.kind === 'date' ? formatLocalDate(row.value) : row.value;
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

// Display helpers shared by the components.
import type { FieldRow } from '../../../preload/api-contract';

let dateTimeFormat: Intl.DateTimeFormat | null = null;

function formatter(): Intl.DateTimeFormat {
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });
  return dateTimeFormat;
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
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
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

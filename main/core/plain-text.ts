// Text from strangers written where people read it: a terminal, a file a lead
// saves. Controls become visible escapes (a name cannot move the cursor or
// reorder a line), and every moment is written one way, in the local time zone.
import { localeOf } from './i18n';

// C0 and C1 controls (newlines and ESC included), DEL, and the bidi overrides that can reorder what is shown.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the portal, safe to write to a terminal or a text file: controls become visible \uXXXX escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A moment as the CLI and the saved files write it: the language's conventions,
 * the machine's time zone and its offset ("7 Dec 2026, 14:03:25 GMT+1",
 * "7 дек. 2026 г., 14:03:25 GMT+1"). Text that is not a date stays as it is.
 */
export function humanDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'shortOffset',
  }).format(date);
}

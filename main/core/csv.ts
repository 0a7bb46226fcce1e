// One CSV field, the same for the window's "Copy as CSV" and the CLI's
// --format csv: plain data that imports nothing, so the page can load it.

/**
 * A field as RFC 4180 writes it: quoted, inner quotes doubled, when it holds a
 * comma, a quote or a line break (or starts or ends with a space, which some
 * readers trim). Text a spreadsheet would run as a formula (=, +, -, @, or a
 * tab or return first) is led by an apostrophe, so a client named
 * "=HYPERLINK(…)" stays a name (OWASP, CSV injection). Numbers are left alone.
 */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// Whether two portal hosts are the same portal: plain data that imports
// nothing, so the page can compare a pasted link's host with the connected
// portal's as it is typed, the same way main does before a lookup.

/**
 * A host as written in a link or kept for an account, brought to one form:
 * lower case (host names are case-blind), without the trailing dot of a
 * fully qualified name, and without :80 or :443, which a link may write out
 * for the same portal (an http:// link to a portal reached over https, too).
 * Any other port is part of the portal's address and is kept.
 */
export function normalHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(lower);
  if (!match) return lower;
  const name = (match[1] ?? '').replace(/\.+$/, '');
  const port = match[2] ?? '';
  return port === '' || port === '80' || port === '443' ? name : `${name}:${port}`;
}

/** Whether `a` and `b` name the same portal ("Portal.Bitrix24.com." and "portal.bitrix24.com:443" do). */
export function sameHost(a: string, b: string): boolean {
  return normalHost(a) === normalHost(b);
}

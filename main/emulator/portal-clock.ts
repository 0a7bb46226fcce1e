// The demo portal's clock: where its dates start and the offset it writes
// them in. The dialogs, their transcripts and their lines all date things by
// it, so a session's messages line up with the session start in entity_data_1.

/** 2026-01-05T09:00:00+01:00. */
export const DEMO_EPOCH = 1767600000;
export const PORTAL_OFFSET = '+01:00';
export const DAY = 86400;

const [OFFSET_HOURS, OFFSET_MINUTES] = PORTAL_OFFSET.slice(1).split(':').map(Number);
/** The offset in seconds, worked out once: every message of a long transcript is dated. */
const OFFSET_SECONDS = (PORTAL_OFFSET.startsWith('-') ? -1 : 1) * ((OFFSET_HOURS ?? 0) * 3600 + (OFFSET_MINUTES ?? 0) * 60);

/** Unix seconds as the portal writes a date: ISO 8601 in its own offset. */
export function portalDate(unixSeconds: number): string {
  return `${new Date((unixSeconds + OFFSET_SECONDS) * 1000).toISOString().slice(0, 19)}${PORTAL_OFFSET}`;
}

/** The inverse, for dates the dataset already wrote; null when it is not a date. */
export function unixFromPortalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

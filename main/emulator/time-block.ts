// The `time` block every successful answer carries, in the portal's format:
// float unix seconds plus ISO dates with the local offset.
import type { TimeBlock } from '../core/dialog-types';
import type { OperatingState } from './operating-ledger';

export function timeBlock(startedMs: number, operating: OperatingState): TimeBlock {
  const finishedMs = Math.max(Date.now(), startedMs);
  const start = startedMs / 1000;
  const finish = finishedMs / 1000;
  const duration = finish - start;
  return {
    start,
    finish,
    duration,
    processing: duration,
    date_start: isoWithOffset(startedMs),
    date_finish: isoWithOffset(finishedMs),
    operating_reset_at: operating.resetAt,
    operating: operating.operating,
  };
}

/** 2026-03-16T20:54:38+01:00: local time with its offset, as the portal writes dates. */
export function isoWithOffset(ms: number): string {
  const offsetMinutes = -new Date(ms).getTimezoneOffset();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// A damaged database is renamed, never deleted: it may still hold the only copy
// of a lead's history, and someone may want to recover it by hand.
import fs from 'node:fs';
import type { RecoveredFile } from './store-types';

/** 2026-03-16T20-54-38-423Z: sortable and valid in file names on every OS (no colons). */
function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function exists(file: string): boolean {
  return fs.existsSync(file);
}

/**
 * Moves `file` to `<file>.corrupt-<timestamp>`, with its -wal and -shm (when
 * present) under the same new name plus their suffix, so the set can still be
 * opened together, and so that a stale log is never replayed into the fresh
 * database that takes its place. Reported as one entry: one database was lost.
 */
export function moveAside(file: string, reason: string, now = new Date()): RecoveredFile {
  let target = `${file}.corrupt-${stamp(now)}`;
  for (let n = 1; exists(target) || exists(`${target}-wal`) || exists(`${target}-shm`); n += 1) {
    target = `${file}.corrupt-${stamp(now)}-${n}`;
  }
  // The log and shared-memory files first: should a rename fail half-way, the
  // database stays in place with its own log, not beside a stranger's.
  for (const suffix of ['-wal', '-shm']) {
    if (exists(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${target}${suffix}`);
  }
  fs.renameSync(file, target);
  return { file, movedTo: target, reason };
}

// A database file the operating system will not let us open: STORE_NO_ACCESS
// in words, nothing moved aside, and it opens once the permissions allow it.
// Permissions do not bind root, so as root the child runs as "nobody" (uid
// 65534) against a file it may not read; as anyone else, the file is chmod 000.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

const SEEDER = fileURLToPath(new URL('../support/store-seed-child.ts', import.meta.url));
const OPENER = fileURLToPath(new URL('../support/store-open-child.ts', import.meta.url));
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-access-'));
});
afterEach(async () => {
  await remove();
});

function open(): { ok: boolean; code?: string; envelope?: { code: string; message: string }; history?: number; recovered?: number } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', OPENER, dir], { encoding: 'utf8', ...(ROOT ? { uid: NOBODY, gid: NOBODY } : {}) });
  if (result.status !== 0) throw new Error(`opener failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

it.skipIf(process.platform === 'win32')('a file we may not open: STORE_NO_ACCESS, left where it is, and opens once allowed', () => {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', SEEDER, dir], { encoding: 'utf8' });
  expect(seeded.status, seeded.stderr).toBe(0);
  const file = databaseFile(dir);
  const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  // The folder open to the child, the file not.
  fs.chmodSync(dir, 0o777);
  fs.chmodSync(file, ROOT ? 0o600 : 0o000);

  const refused = open();
  expect(refused.ok).toBe(false);
  expect(refused.code).toBe('STORE_NO_ACCESS');
  expect(refused.envelope?.code).toBe('STORE_NO_ACCESS');
  expect(refused.envelope?.message).toMatch(/refused access to the history database file/);
  expect(fs.readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  fs.chmodSync(file, 0o600);
  expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);

  fs.chmodSync(file, 0o666);
  const allowed = open();
  expect(allowed).toEqual({ ok: true, history: 2, recovered: 0 });
});

it.skipIf(process.platform === 'win32')('a file we may read but not write: STORE_NO_ACCESS, not a damaged file', () => {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', SEEDER, dir], { encoding: 'utf8' });
  expect(seeded.status, seeded.stderr).toBe(0);
  fs.chmodSync(dir, ROOT ? 0o755 : 0o555);
  fs.chmodSync(databaseFile(dir), 0o444);
  const refused = open();
  fs.chmodSync(dir, 0o755);
  expect(refused).toMatchObject({ ok: false, code: 'STORE_NO_ACCESS' });
  expect(fs.readdirSync(path.dirname(databaseFile(dir))).filter((name) => name.includes('.corrupt-'))).toEqual([]);
});

// Faults for real: damaged files at open are moved aside (never deleted) and a
// fresh database takes their place; a writer killed with SIGKILL mid-stream
// leaves a file that opens, passes integrity_check and holds every write it
// reported as committed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InspectorStore } from '../../main/store/index';
import type { RecoveredFile } from '../../main/store/index';
import { documentedDialog } from '../support/store-fixtures';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

const support = (name: string) => fileURLToPath(new URL(`../support/${name}`, import.meta.url));
const WRITER = support('store-writer-child.ts');
const FILLER = support('store-fill-child.ts');
const VERIFIER = support('store-verify-child.ts');

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-faults-'));
});

afterEach(async () => {
  await remove();
});

/** A healthy store with some history and dialogs, written and closed by another process (an earlier run). */
function fillStore(dialogs: number): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', FILLER, dir, String(dialogs)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`filler failed: ${result.stderr}`);
}

/** Opens over a damaged file and checks: moved aside byte for byte, reported, and a working fresh store. */
function expectMovedAside(original: Buffer, reason: RegExp): void {
  const store = InspectorStore.open(dir);
  try {
    const file = databaseFile(dir);
    // One entry per lost database; its -wal and -shm, if any, went along under the same name.
    expect(store.report.recovered).toHaveLength(1);
    const [moved] = store.report.recovered;
    expect(moved?.file).toBe(file);
    expect(moved?.reason).toMatch(reason);
    expect(path.dirname(moved?.movedTo ?? '')).toBe(dir);
    expect(path.basename(moved?.movedTo ?? '')).toMatch(/^openlines-inspector\.db\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(fs.readFileSync(moved?.movedTo ?? '').equals(original)).toBe(true);

    expect(store.listHistory()).toEqual([]);
    const { dialog, time } = documentedDialog();
    store.putDialog('demo', dialog, time, '2026-03-16T00:00:00.000Z');
    expect(store.findDialog('demo', { param: 'SESSION_ID', value: 343 })?.chatId).toBe(1777);
  } finally {
    store.close();
  }
  withRaw(databaseFile(dir), (db) => expect(scalar(db, 'PRAGMA integrity_check')).toBe('ok'));
  // A second open finds a healthy file and moves nothing.
  const again = InspectorStore.open(dir);
  expect(again.report.recovered).toEqual([]);
  again.close();
}

describe('a damaged file at open', () => {
  it('garbage bytes: moved aside, reported, fresh database', () => {
    const garbage = Buffer.alloc(64 * 1024);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 251;
    fs.writeFileSync(databaseFile(dir), garbage);
    expectMovedAside(garbage, /not a database/);
  });

  it('a file that is not a database (a JSON settings file by mistake)', () => {
    const json = Buffer.from(JSON.stringify({ connection: { kind: 'demo' }, notes: 'x'.repeat(5000) }));
    fs.writeFileSync(databaseFile(dir), json);
    expectMovedAside(json, /not a database/);
  });

  it('truncated to half: SQLite alone would read the rest as an empty database', () => {
    fillStore(60);
    const whole = fs.readFileSync(databaseFile(dir));
    expect(whole.length).toBeGreaterThan(8 * 4096);
    const half = whole.subarray(0, Math.floor(whole.length / 2 / 4096) * 4096);
    fs.writeFileSync(databaseFile(dir), half);
    expectMovedAside(half, /truncated: the header says \d+ pages/);
  });

  it('truncated inside the header, and cut off mid-page', () => {
    fillStore(5);
    const whole = fs.readFileSync(databaseFile(dir));
    fs.writeFileSync(databaseFile(dir), whole.subarray(0, 50));
    expectMovedAside(whole.subarray(0, 50), /truncated: 50 bytes/);
    fs.rmSync(databaseFile(dir));
    fs.writeFileSync(databaseFile(dir), whole.subarray(0, 4096 + 1000));
    expectMovedAside(whole.subarray(0, 4096 + 1000), /not a whole number of 4096-byte pages/);
  });

  it('a valid header over garbage pages: found by the probe at open, not at the first lookup', () => {
    fillStore(30);
    const damaged = fs.readFileSync(databaseFile(dir));
    for (let i = 4096; i < damaged.length; i += 1) damaged[i] = (i * 31) % 256;
    fs.writeFileSync(databaseFile(dir), damaged);
    expectMovedAside(damaged, /damaged: .*malformed|damaged: .*not a database/);
  });

  it('moves a write-ahead log along with its database, so it is never replayed into the fresh one', () => {
    fs.writeFileSync(databaseFile(dir), 'definitely not sqlite, '.repeat(100));
    fs.writeFileSync(`${databaseFile(dir)}-wal`, Buffer.alloc(5000, 1));
    const store = InspectorStore.open(dir);
    try {
      expect(store.report.recovered).toHaveLength(1);
      const movedTo = store.report.recovered[0]?.movedTo ?? '';
      expect(fs.readFileSync(`${movedTo}-wal`).equals(Buffer.alloc(5000, 1))).toBe(true);
      // The fresh database has a log of its own, not the damaged one's.
      store.recordLookup({ account: 'demo', input: 'x', param: null, value: null, at: 'now', outcome: 'INVALID_IDENTIFIER', chatId: null, elapsedMs: 0, source: 'network' });
      expect(store.listHistory()).toHaveLength(1);
      expect(fs.readFileSync(`${databaseFile(dir)}-wal`).subarray(0, 100).equals(Buffer.alloc(100, 1))).toBe(false);
    } finally {
      store.close();
    }
  });

  it('keeps earlier damaged copies: a second recovery never overwrites the first', () => {
    fs.writeFileSync(databaseFile(dir), 'first bad file '.repeat(100));
    const first = InspectorStore.open(dir);
    first.close();
    fs.writeFileSync(databaseFile(dir), 'second bad file '.repeat(100));
    const second = InspectorStore.open(dir);
    second.close();
    const aside = fs.readdirSync(dir).filter((name) => /\.corrupt-.*Z(-\d+)?$/.test(name));
    expect(aside).toHaveLength(2);
    expect(aside.map((name) => fs.readFileSync(path.join(dir, name), 'utf8').slice(0, 6)).sort()).toEqual(['first ', 'second']);
  });
});

describe('a writer killed with SIGKILL mid-stream', () => {
  /** Runs the writer until it has reported `lines` commits, then kills it. Returns the commits it reported. */
  function runAndKill(first: number, lines: number): Promise<{ dialogs: number[]; history: number[] }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
      const dialogs: number[] = [];
      const history: number[] = [];
      let buffered = '';
      let stderr = '';
      let killed = false;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        for (const line of complete) {
          const [kind, index] = line.split(' ');
          (kind === 'dialog' ? dialogs : history).push(Number(index));
        }
        if (!killed && dialogs.length + history.length >= lines) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${code}): ${stderr}`));
        else resolve({ dialogs, history });
      });
    });
  }

  interface Verified {
    recovered: RecoveredFile[];
    integrity: string;
    dialogs: Array<{ account: string; chatId: number; foundBySession: boolean }>;
    history: string[];
  }

  function reopenInFreshProcess(): Verified {
    const result = spawnSync(process.execPath, ['--import', 'tsx', VERIFIER, dir], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`verifier failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Verified;
  }

  it('reopens with integrity ok and every reported write present, at most the in-flight one more', async () => {
    // The running app: its own connection stays open while the writer (a CLI run, say) dies.
    const app = InspectorStore.open(dir);
    try {
      const reported = { dialogs: [] as number[], history: [] as number[] };
      let next = 0;
      // Three kills at different depths, each on the file the previous kill left behind.
      for (const lines of [151, 402, 633]) {
        const committed = await runAndKill(next, lines);
        expect(committed.dialogs.length).toBeGreaterThan(50);
        reported.dialogs.push(...committed.dialogs);
        reported.history.push(...committed.history);

        const found = reopenInFreshProcess();
        expect(found.recovered).toEqual([]);
        expect(found.integrity).toBe('ok');
        const chatIds = new Set(found.dialogs.map((d) => d.chatId));
        for (const i of reported.dialogs) expect(chatIds.has(100_000 + i)).toBe(true);
        expect(found.dialogs.every((d) => d.foundBySession && d.account === `account-${d.chatId % 2}`)).toBe(true);
        const inputs = new Set(found.history);
        for (const i of reported.history) expect(inputs.has(`lookup ${i}`)).toBe(true);
        // Writes are sequential, so at most one was in flight at the kill: at most one row more than reported.
        const extra = found.dialogs.length - reported.dialogs.length + (found.history.length - reported.history.length);
        expect(extra).toBeGreaterThanOrEqual(0);
        expect(extra).toBeLessThanOrEqual(1);
        // Any extra row is the next one in the sequence, not something half-written.
        next = Math.max(...committed.dialogs, ...committed.history) + 1;
        if (extra === 1) {
          const last = Math.max(...committed.dialogs);
          expect(chatIds.has(100_000 + last + 1) || inputs.has(`lookup ${last}`)).toBe(true);
          // The next run starts past it, so the counts stay comparable.
          if (chatIds.has(100_000 + last + 1)) reported.dialogs.push(last + 1);
          else reported.history.push(last);
          next = last + 2;
        }

        // The app, still running, sees every committed write too.
        for (const i of committed.dialogs) expect(app.findDialog(`account-${i % 2}`, { param: 'CHAT_ID', value: 100_000 + i })?.chatId).toBe(100_000 + i);
      }
    } finally {
      app.close();
    }
  }, 90_000);
});

// The history and cache database at 1,000, 10,000 and 100,000 dialogs, and the
// same writes through electron-store's engine (conf) side by side.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { buildSync } from 'esbuild';
import Libsql from 'libsql';
import type { RawDialog } from '../../main/core/dialog-types';
import { InspectorStore } from '../../main/store/index';
import { BENCH_QUERIES, dialogFor, sessionIdFor, userCodeFor } from './bench-dialogs';
import { median, percentile } from './stats';
import type { RssReport } from './store-rss-child';

const ACCOUNT = 'bench.bitrix24.com';
const SEARCH_ROUNDS = 30;
/** A tenth of the dialogs is fetched again, so that snapshots exist and are measured. */
const UPDATED_SHARE = 10;

export interface QueryTiming {
  text: string;
  kind: string;
  hits: number;
  medianMs: number;
  p95Ms: number;
}

export interface StoreBenchRow {
  dialogs: number;
  putMedianMs: number;
  putP95Ms: number;
  findMedianMs: number;
  searchMedianMs: number;
  searchP95Ms: number;
  searches: QueryTiming[];
  openToSearchableMs: number;
  /** The store alone: a child process that opens it and runs the searches. */
  storeRss: RssReport;
  historyFirstPageMs: number;
  reopenMs: number;
  /** The latest copies with their keys and the search index, per dialog. */
  diskBytesPerDialog: number;
  /** Of which the search index. */
  indexBytesPerDialog: number;
  /** Older copies, per dialog that has any. */
  snapshotBytesPerUpdatedDialog: number;
  historyBytesPerEntry: number;
  fileBytesPerDialog: number;
  confPutMedianMs: number | null;
  confPuts: number;
  /** Our put at the moment conf was measured, for the ratio. */
  confVsOursRatio: number | null;
}

/** Bytes per table group, from SQLite's own page accounting (dbstat). */
function diskBy(file: string): { latest: number; index: number; snapshots: number; history: number } {
  const db = new Libsql(file);
  try {
    const rows = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE aggregate = TRUE GROUP BY name").all() as Array<{ name: string; bytes: number }>;
    const sum = (test: (name: string) => boolean) => rows.filter((row) => test(row.name)).reduce((total, row) => total + row.bytes, 0);
    const index = sum((name) => name.startsWith('dialog_search'));
    return {
      index,
      latest: index + sum((name) => name === 'dialogs' || name.startsWith('sqlite_autoindex_dialogs') || name.startsWith('dialogs_') || name === 'dialog_sessions'),
      snapshots: sum((name) => name.startsWith('snapshots')),
      history: sum((name) => name.startsWith('history') || name.startsWith('sqlite_autoindex_history')),
    };
  } finally {
    db.close();
  }
}

/**
 * The child is bundled and run by plain Node, not through tsx: tsx and its
 * esbuild service add some 40 MB that the app never carries. libsql stays
 * outside the bundle (a native module), found from the repo's node_modules.
 */
let rssChild: string | null = null;
function bundledRssChild(): string {
  if (rssChild) return rssChild;
  const out = path.resolve(import.meta.dirname, '../../bench-results/store-rss-child.mjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'store-rss-child.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['libsql'],
    logLevel: 'silent',
  });
  rssChild = out;
  return out;
}

function storeRss(dir: string): RssReport {
  const child = spawnSync(process.execPath, [bundledRssChild(), dir, ACCOUNT, String(SEARCH_ROUNDS)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench: store-rss-child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as RssReport;
}

/** electron-store rewrites its whole JSON file on every change: a few writes tell the story. */
function confPuts(dir: string, template: RawDialog, size: number): { medianMs: number; count: number } {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'conf-bench', projectName: 'bench' });
  const all: Record<string, RawDialog> = {};
  for (let id = 1; id <= size; id++) all[`d${id}`] = dialogFor(template, id);
  conf.set('dialogs', all);
  const count = size <= 1_000 ? 20 : 3;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    conf.set(`dialogs.d${1 + i}`, { ...dialogFor(template, 1 + i), message_count: 1_000 + i });
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), count };
}

export function benchStore(root: string, sizes: number[]): StoreBenchRow[] {
  const template = (JSON.parse(readFileSync(path.join(root, 'main/emulator/data/documented-chat-1777.json'), 'utf8')) as { result: RawDialog }).result;
  const rows: StoreBenchRow[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oli-bench-'));
    try {
      let store = InspectorStore.open(dir);
      const puts: number[] = [];
      const put = (id: number, changes: Partial<RawDialog> = {}) => {
        const start = performance.now();
        store.putDialog(ACCOUNT, { ...dialogFor(template, id), ...changes }, null, new Date().toISOString());
        puts.push(performance.now() - start);
        store.recordLookup({ account: ACCOUNT, input: `chat${id}`, param: 'DIALOG_ID', value: `chat${id}`, at: new Date().toISOString(), outcome: 'ok', chatId: id, elapsedMs: 1, source: 'network' });
      };
      for (let id = 1; id <= size; id++) put(id);
      const updated = Math.floor(size / UPDATED_SHARE);
      for (let id = 1; id <= updated; id++) put(id, { message_count: 9_999, unread_id: id });

      const finds: number[] = [];
      for (let i = 0; i < 2_000; i++) {
        const id = 1 + ((i * 7919) % size);
        const query =
          i % 4 === 0
            ? { param: 'CHAT_ID' as const, value: id }
            : i % 4 === 1
              ? { param: 'DIALOG_ID' as const, value: `chat${id}` }
              : i % 4 === 2
                ? { param: 'SESSION_ID' as const, value: sessionIdFor(id) }
                : { param: 'USER_CODE' as const, value: userCodeFor(id) };
        const start = performance.now();
        if (!store.findDialog(ACCOUNT, query)) throw new Error(`bench: ${JSON.stringify(query)} not found`);
        finds.push(performance.now() - start);
      }

      // Round-robin over the queries, as a lead moves from one search to the next.
      const perQuery = BENCH_QUERIES.map(() => [] as number[]);
      const hits = BENCH_QUERIES.map(() => 0);
      for (let round = 0; round < SEARCH_ROUNDS; round++) {
        BENCH_QUERIES.forEach(({ text }, i) => {
          const start = performance.now();
          hits[i] = store.searchDialogs(text, { account: ACCOUNT }).length;
          perQuery[i]!.push(performance.now() - start);
        });
      }
      const all = perQuery.flat();

      const pageStart = performance.now();
      store.listHistory({ account: ACCOUNT, limit: 100 });
      const historyFirstPageMs = performance.now() - pageStart;
      store.close();
      const reopenStart = performance.now();
      store = InspectorStore.open(dir);
      store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1 });
      const reopenMs = performance.now() - reopenStart;
      store.close();
      const searchableStart = performance.now();
      store = InspectorStore.open(dir);
      store.searchDialogs('Priya', { account: ACCOUNT });
      const openToSearchableMs = performance.now() - searchableStart;
      store.close();

      const file = path.join(dir, 'openlines-inspector.db');
      const disk = diskBy(file);
      const rss = storeRss(dir);

      let conf: { medianMs: number; count: number } | null = null;
      if (size <= 10_000) conf = confPuts(dir, template, size);
      const putMedianMs = median(puts.slice(-Math.min(500, size)));
      rows.push({
        dialogs: size,
        putMedianMs,
        putP95Ms: percentile(puts.slice(-Math.min(500, size)), 95),
        findMedianMs: median(finds),
        searchMedianMs: median(all),
        searchP95Ms: percentile(all, 95),
        searches: BENCH_QUERIES.map(({ text, kind }, i) => ({ text, kind, hits: hits[i]!, medianMs: median(perQuery[i]!), p95Ms: percentile(perQuery[i]!, 95) })),
        openToSearchableMs,
        storeRss: rss,
        historyFirstPageMs,
        reopenMs,
        diskBytesPerDialog: Math.round(disk.latest / size),
        indexBytesPerDialog: Math.round(disk.index / size),
        snapshotBytesPerUpdatedDialog: updated === 0 ? 0 : Math.round(disk.snapshots / updated),
        historyBytesPerEntry: Math.round(disk.history / (size + updated)),
        fileBytesPerDialog: Math.round(statSync(file).size / size),
        confPutMedianMs: conf?.medianMs ?? null,
        confPuts: conf?.count ?? 0,
        confVsOursRatio: conf === null ? null : conf.medianMs / putMedianMs,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

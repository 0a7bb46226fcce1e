// The history and cache database at 1,000 and 10,000 dialogs, and the same
// writes through electron-store's engine (conf) side by side.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { RawDialog } from '../../main/core/dialog-types';
import { InspectorStore } from '../../main/store/index';

export interface StoreBenchRow {
  dialogs: number;
  putMedianMs: number;
  putP95Ms: number;
  findMedianMs: number;
  searchMedianMs: number;
  searchP95Ms: number;
  openToSearchableMs: number;
  rssMb: number;
  historyFirstPageMs: number;
  reopenMs: number;
  diskBytesPerDialog: number;
  confPutMedianMs: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const FIRST = ['Anna', 'Priya', 'José', 'Иван', 'Мария', 'محمد', 'فاطمة', '王小明', '佐藤', 'Olivia', 'Lukas', 'Chloé'];
const LAST = ['Smith', 'García', 'Иванова', 'Петров', 'العلي', '李', 'Müller', 'Sharma', 'Dubois', 'Kowalski'];
const LINES = ['Support', 'Sales', 'Refunds', 'VIP', 'Delivery'];
const SEARCHES = ['chat17', 'Priya', 'Иван', 'محمد', '小明', 'lead 1209', 'livechat|4', 'garcia', 'refunds', 'deal 77'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function dialogFor(template: RawDialog, id: number): RawDialog {
  const session = 100_000 + id;
  const client = `${FIRST[id % FIRST.length]} ${LAST[(id * 7) % LAST.length]}`;
  return {
    ...template,
    id,
    dialog_id: `chat${id}`,
    name: `${client} - ${LINES[id % LINES.length]}`,
    entity_data_2: `LEAD|${id}|COMPANY|0|CONTACT|0|DEAL|${id % 100}`,
    entity_id: `livechat|${id % 9}|${id + 7}|${id + 11}`,
    entity_data_1: `Y|LEAD|${id}|N|N|${session}|1773682918|0|0|0`,
  };
}

export function benchStore(root: string, sizes: number[]): StoreBenchRow[] {
  const template = (JSON.parse(readFileSync(path.join(root, 'main/emulator/data/documented-chat-1777.json'), 'utf8')) as { result: RawDialog }).result;
  const rows: StoreBenchRow[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oli-bench-'));
    try {
      let store = InspectorStore.open(dir);
      const puts: number[] = [];
      for (let id = 1; id <= size; id++) {
        const start = performance.now();
        store.putDialog('bench.bitrix24.com', dialogFor(template, id), null, new Date().toISOString());
        puts.push(performance.now() - start);
        store.recordLookup({ account: 'bench.bitrix24.com', input: `chat${id}`, param: 'DIALOG_ID', value: `chat${id}`, at: new Date().toISOString(), outcome: 'ok', chatId: id, elapsedMs: 1, source: 'network' });
      }
      const finds: number[] = [];
      for (let i = 0; i < 2_000; i++) {
        const id = 1 + ((i * 7919) % size);
        const query =
          i % 4 === 0
            ? { param: 'CHAT_ID' as const, value: id }
            : i % 4 === 1
              ? { param: 'DIALOG_ID' as const, value: `chat${id}` }
              : i % 4 === 2
                ? { param: 'SESSION_ID' as const, value: 100_000 + id }
                : { param: 'USER_CODE' as const, value: `livechat|${id % 9}|${id + 7}|${id + 11}` };
        const start = performance.now();
        if (!store.findDialog('bench.bitrix24.com', query)) throw new Error(`bench: ${JSON.stringify(query)} not found`);
        finds.push(performance.now() - start);
      }
      const searches: number[] = [];
      for (let round = 0; round < 30; round++) {
        for (const text of SEARCHES) {
          const start = performance.now();
          store.searchDialogs(text, { account: 'bench.bitrix24.com' });
          searches.push(performance.now() - start);
        }
      }
      const pageStart = performance.now();
      store.listHistory({ account: 'bench.bitrix24.com', limit: 100 });
      const historyFirstPageMs = performance.now() - pageStart;
      store.close();
      const reopenStart = performance.now();
      store = InspectorStore.open(dir);
      store.findDialog('bench.bitrix24.com', { param: 'CHAT_ID', value: 1 });
      const reopenMs = performance.now() - reopenStart;
      store.close();
      const searchableStart = performance.now();
      store = InspectorStore.open(dir);
      store.searchDialogs('Priya', { account: 'bench.bitrix24.com' });
      const openToSearchableMs = performance.now() - searchableStart;
      const rssMb = process.memoryUsage().rss / 1024 / 1024;
      store.close();
      const diskBytes = statSync(path.join(dir, 'openlines-inspector.db')).size;

      // electron-store rewrites its whole JSON file on every change: a few writes tell the story.
      let confPutMedianMs: number | null = null;
      if (size <= 1_000) {
        const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'conf-bench', projectName: 'bench' });
        const all: Record<string, RawDialog> = {};
        for (let id = 1; id <= size; id++) all[`d${id}`] = dialogFor(template, id);
        conf.set('dialogs', all);
        const confPuts: number[] = [];
        for (let i = 0; i < 20; i++) {
          const start = performance.now();
          conf.set(`dialogs.d${1 + i}`, dialogFor(template, 1 + i));
          confPuts.push(performance.now() - start);
        }
        confPutMedianMs = median(confPuts);
      }
      rows.push({
        dialogs: size,
        putMedianMs: median(puts.slice(-Math.min(500, size))),
        putP95Ms: percentile(puts.slice(-Math.min(500, size)), 95),
        findMedianMs: median(finds),
        searchMedianMs: median(searches),
        searchP95Ms: percentile(searches, 95),
        openToSearchableMs,
        rssMb,
        historyFirstPageMs,
        reopenMs,
        diskBytesPerDialog: Math.round(diskBytes / size),
        confPutMedianMs,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

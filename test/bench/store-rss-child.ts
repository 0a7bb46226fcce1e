// Run as a child process by the store bench: opens a filled store, runs the
// bench's searches and finds, and prints its own memory as JSON. A process of
// its own, so the figure is the store's and not the bench's (the SDK, the
// emulator, a hundred thousand dialogs built in memory).
import { InspectorStore } from '../../main/store/index';
import { BENCH_QUERIES } from './bench-dialogs';

export interface RssReport {
  /** Node alone, before the store is opened. */
  beforeOpenMb: number;
  /** After opening the store and running every search `rounds` times. */
  afterSearchesMb: number;
  /** The largest this process ever was. */
  peakMb: number;
}

const [dataDir, account, roundsArg] = process.argv.slice(2);
if (!dataDir || !account || !roundsArg) throw new Error('usage: store-rss-child <dataDir> <account> <rounds>');

const mb = (bytes: number) => bytes / 1024 / 1024;
const beforeOpenMb = mb(process.memoryUsage().rss);
const store = InspectorStore.open(dataDir);
try {
  for (let round = 0; round < Number(roundsArg); round += 1) {
    for (const { text } of BENCH_QUERIES) store.searchDialogs(text, { account });
    store.listHistory({ account, limit: 100 });
  }
  const report: RssReport = { beforeOpenMb, afterSearchesMb: mb(process.memoryUsage().rss), peakMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(report));
} finally {
  store.close();
}

// npm run bench: measures what the issues set goals for, prints a table and
// writes bench-results/latest.json. Never asserted in tests: timings are
// noisy, so we quote medians measured side by side in one run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeDialog } from '../../main/core/decode/index';
import { describeDialog } from '../../main/core/describe-dialog';
import type { RawDialog } from '../../main/core/dialog-types';
import { lookupDialog } from '../../main/core/lookup';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator } from '../../main/emulator/index';
import { createWebhookClient } from '../../main/rest/portal-client';
import { benchStartup } from './startup-bench';
import { benchConversation, conversationReport } from './conversation-bench';
import { benchBulk, bulkReport } from './bulk-bench';
import { median, percentile } from './stats';
import { benchMessages, messageReport } from './message-bench';
import { benchStore } from './store-bench';
import { benchThroughput, throughputReport } from './throughput-bench';
import { benchOverview, overviewReport } from './overview-bench';
import { benchOverviewWindow, overviewWindowReport } from './overview-window-bench';
import { benchWatch, watchReport } from './watch-bench';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOOKUPS = 1_000;
const ROUNDS = 10;

async function timeEach(count: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

async function lookupOverhead() {
  const emulator = await startEmulator({ rateLimit: false, operatingLimitSeconds: 1e9 });
  const webhook = parseWebhookUrl(emulator.webhookUrl());
  const client = createWebhookClient(webhook, { extraCertificates: [emulator.certificate], rateLimit: false });
  const agent = new https.Agent({ keepAlive: true, ca: [emulator.certificate] });
  const url = new URL(`${emulator.webhookUrl()}imopenlines.dialog.get`);
  const body = JSON.stringify({ DIALOG_ID: 'chat1777' });

  // The floor: the same endpoint, the same body, Node's https and JSON.parse, nothing else.
  const bare = () =>
    new Promise<unknown>((resolve, reject) => {
      const request = https.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve(JSON.parse(text)));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const core = () => lookupDialog(client, 'chat1777', 'chat');

  await timeEach(200, bare);
  await timeEach(200, core);
  const bareTimes: number[] = [];
  const coreTimes: number[] = [];
  // Interleaved rounds, so drift in machine load hits both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    bareTimes.push(...(await timeEach(LOOKUPS / ROUNDS, bare)));
    coreTimes.push(...(await timeEach(LOOKUPS / ROUNDS, core)));
  }
  client.close();
  agent.destroy();
  await emulator.close();
  return { bareTimes, coreTimes };
}

function decodeCost() {
  const fixture = JSON.parse(readFileSync(path.join(ROOT, 'main/emulator/data/documented-chat-1777.json'), 'utf8')) as { result: RawDialog; time: never };
  const times: number[] = [];
  for (let i = 0; i < 5_000; i++) {
    const start = performance.now();
    describeDialog(fixture.result, decodeDialog(fixture.result, 'https://portal.example'), fixture.time);
    times.push(performance.now() - start);
  }
  return median(times.slice(1_000));
}

function rendererSize() {
  const outDir = path.join(ROOT, 'out/renderer');
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(js|css))"/g)].map((match) => ({ file: match[1]!, kind: match[2]! }));
  const size = (kind: string) =>
    refs
      .filter((ref) => ref.kind === kind)
      .reduce(
        (sum, ref) => {
          const bytes = readFileSync(path.join(outDir, ref.file));
          return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
        },
        { raw: 0, gzip: 0 },
      );
  return { js: size('js'), css: size('css') };
}

const quick = process.argv.includes('--quick');
// --messages: the message search at a million kept messages alone (minutes of building), nothing else.
if (process.argv.includes('--messages')) {
  const row = await benchMessages(ROOT, quick ? 200 : 2_000);
  console.log('\nMessage search (SQLite, WAL, synchronous=FULL), one process:\n');
  console.log(messageReport(row).join('\n'));
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results/messages.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, messages: row }, null, 2)}\n`);
  console.log('\nwritten: bench-results/messages.json');
  process.exit(0);
}

// --bulk: bulk runs of 1,000 and 10,000 dialogs at the standard limit alone (the larger takes about 75 s).
if (process.argv.includes('--bulk')) {
  const rows = await benchBulk(quick ? [1_000] : [1_000, 10_000]);
  console.log(bulkReport(rows).join('\n'));
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results/bulk.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, bulk: rows }, null, 2)}\n`);
  console.log('\nwritten: bench-results/bulk.json');
  process.exit(0);
}

// --conversation: the 5,000-message session's first paint and scrolling alone.
if (process.argv.includes('--conversation')) {
  const report = await benchConversation(quick ? 5 : 15);
  console.log(conversationReport(report).join('\n'));
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results/conversation.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, conversation: report }, null, 2)}\n`);
  console.log('\nwritten: bench-results/conversation.json');
  process.exit(0);
}

// --overview: the overview's table at 10,000 rows in Chromium (sort, filter, scroll, CSV), then its
// refresh at the standard limit (the demo, and ten times its size); --overview-window: the table alone.
if (process.argv.includes('--overview') || process.argv.includes('--overview-window')) {
  const window = await benchOverviewWindow(quick ? 5 : 15);
  console.log(overviewWindowReport(window).join('\n'));
  const rows = process.argv.includes('--overview-window') ? null : await benchOverview(quick ? [300] : [300, 3_000], quick ? 3 : 5);
  if (rows) {
    console.log('\nOverview refresh at burst 50, 2 req/s:\n');
    console.log(overviewReport(rows).join('\n'));
  }
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results/overview.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, window, overview: rows }, null, 2)}\n`);
  console.log('\nwritten: bench-results/overview.json');
  process.exit(0);
}

// --watch: the background watch of 500 dialogs on a standard account alone, at three settings.
if (process.argv.includes('--watch')) {
  const rows = await benchWatch(500, quick ? 2 : 3);
  console.log('\nBackground watch at burst 50, 2 req/s:\n');
  console.log(watchReport(rows).join('\n'));
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results/watch.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, watch: rows }, null, 2)}\n`);
  console.log('\nwritten: bench-results/watch.json');
  process.exit(0);
}

const { bareTimes, coreTimes } = await lookupOverhead();
const bareMedian = median(bareTimes);
const coreMedian = median(coreTimes);
const decodeMedian = decodeCost();
const renderer = rendererSize();
const startup = await benchStartup(ROOT, quick ? 5 : 15);
// Before the store benches: they write hundreds of MB that the disk goes on flushing for a while,
// which the conversation's lookup (one commit of its own) would otherwise wait behind.
const conversation = await benchConversation(quick ? 5 : 15);
const storeSizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const store = benchStore(ROOT, storeSizes);
const messages = await benchMessages(ROOT, quick ? 200 : 2_000);
const bulk = await benchBulk(quick ? [1_000] : [1_000, 10_000]);
// Real time at the portal's own 2 req/s, so it takes minutes' worth of waiting; --quick leaves it out.
if (!quick) process.stderr.write('throughput: 200 lookups at 2 req/s in real time, about 75 s…\n');
const throughput = quick ? null : await benchThroughput();

const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  lookups: LOOKUPS,
  bareHttpsMedianMs: bareMedian,
  bareHttpsP90Ms: percentile(bareTimes, 90),
  coreLookupMedianMs: coreMedian,
  coreLookupP90Ms: percentile(coreTimes, 90),
  coreOverheadMedianMs: coreMedian - bareMedian,
  coreToBareRatio: coreMedian / bareMedian,
  decodeAndDescribeMedianMs: decodeMedian,
  rendererJsGzipKb: renderer.js.gzip / 1024,
  rendererJsRawKb: renderer.js.raw / 1024,
  rendererCssGzipKb: renderer.css.gzip / 1024,
  startup,
  store,
  messages,
  conversation,
  bulk,
  throughput,
  goals: {
    mainFirstWindowMs: 100,
    rendererInteractiveMs: 300,
    coreOverheadMedianMs: 1,
    rendererJsGzipKb: 60,
    storePutMs: 1,
    storeGetMs: 0.1,
    searchP95Ms: 5,
    openToSearchableMs: 100,
    historyFirstPageMs: 20,
    diskBytesPerDialog: 3072,
    storeRssMb: 100,
    messageSearchP95Ms: 10,
    messagePutMs: 20,
    conversationFirstPaintMs: 200,
    bulkWallToFloor: 1.1,
    bulkRefused: 0,
    bulkCsvMs: 1000,
    throughputShareOfLimit: 0.95,
    throughput503s: 0,
  },
};

const fmt = (value: number, unit: string) => `${value.toFixed(3)} ${unit}`;
const rows: Array<[string, string, string]> = [
  ['bare HTTPS request, median (p90)', `${fmt(bareMedian, 'ms')} (${fmt(results.bareHttpsP90Ms, 'ms')})`, ''],
  ['core lookup, median (p90)', `${fmt(coreMedian, 'ms')} (${fmt(results.coreLookupP90Ms, 'ms')})`, ''],
  ['core overhead at the median', fmt(results.coreOverheadMedianMs, 'ms'), results.coreOverheadMedianMs < 1 ? 'goal < 1 ms: met' : 'goal < 1 ms: MISSED'],
  ['core / bare ratio', `${results.coreToBareRatio.toFixed(2)}×`, ''],
  ['  of which decode + describe', fmt(decodeMedian, 'ms'), ''],
  ['renderer initial JS, gzip', `${results.rendererJsGzipKb.toFixed(1)} KB (raw ${results.rendererJsRawKb.toFixed(1)} KB)`, results.rendererJsGzipKb <= 60 ? 'goal ≤ 60 KB: met' : 'goal ≤ 60 KB: MISSED'],
  ['renderer CSS, gzip', `${results.rendererCssGzipKb.toFixed(1)} KB`, ''],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\nOpen Lines Inspector bench — ${LOOKUPS} lookups each side, interleaved, Node ${process.version}\n`);
for (const [name, value, verdict] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(32)}  ${verdict}`);
console.log('\nStart-up (main: built bundle under Node, electron stubbed; renderer: Chromium, real preload and main API):\n');
const startupRows: Array<[string, string, string]> = [
  [
    `main: import to first window, median (p90) of ${startup.main.runs}`,
    `${fmt(startup.main.firstWindowMedianMs, 'ms')} (${fmt(startup.main.firstWindowP90Ms, 'ms')})`,
    startup.main.firstWindowMedianMs <= 100 ? 'goal ≤ 100 ms: met' : 'goal ≤ 100 ms: MISSED',
  ],
  ['  network connections before the window', String(startup.main.connectionsBeforeWindow.length), 'goal 0'],
  ['  synchronous disk calls before the window', String(startup.main.syncCallsBeforeWindow.length), startup.main.syncCallsBeforeWindow.slice(0, 4).join(', ')],
  [
    `renderer: navigation to interactive, median (p90) of ${startup.renderer.runs}`,
    `${fmt(startup.renderer.interactiveMedianMs, 'ms')} (${fmt(startup.renderer.interactiveP90Ms, 'ms')})`,
    startup.renderer.interactiveMedianMs <= 300 ? 'goal ≤ 300 ms: met' : 'goal ≤ 300 ms: MISSED',
  ],
  ['  of which DOMContentLoaded, median', fmt(startup.renderer.domContentLoadedMedianMs, 'ms'), ''],
];
const startupWidth = Math.max(...startupRows.map((row) => row[0].length));
for (const [name, value, verdict] of startupRows) console.log(`${name.padEnd(startupWidth)}  ${value.padEnd(24)}  ${verdict}`);
console.log('\nHistory and offline cache (SQLite, WAL, synchronous=FULL), one process:\n');
const ms = (value: number) => `${value.toFixed(2)} ms`;
const storeRows: Array<[string, (row: (typeof store)[number]) => string, string]> = [
  ['put, durable: median / p95', (row) => `${ms(row.putMedianMs)} / ${ms(row.putP95Ms)}`, 'goal ≤ 1 ms'],
  ['get by any identifier form, median', (row) => fmt(row.findMedianMs, 'ms'), 'goal ≤ 0.1 ms'],
  [`search, all queries: median / p95`, (row) => `${ms(row.searchMedianMs)} / ${ms(row.searchP95Ms)}`, 'goal p95 ≤ 5 ms'],
  ...store[0]!.searches.map(({ text, kind }, i): [string, (row: (typeof store)[number]) => string, string] => [
    `  "${text}" (${kind})`.slice(0, 46),
    (row) => `${ms(row.searches[i]!.medianMs)} / ${ms(row.searches[i]!.p95Ms)} ·${row.searches[i]!.hits}`,
    '',
  ]),
  ['open to searchable', (row) => fmt(row.openToSearchableMs, 'ms'), 'goal ≤ 100 ms'],
  ['history, first page', (row) => fmt(row.historyFirstPageMs, 'ms'), 'goal ≤ 20 ms'],
  ['disk per dialog (latest + keys + index)', (row) => `${row.diskBytesPerDialog} B (index ${row.indexBytesPerDialog} B)`, 'goal ≤ 3 KB'],
  ['  snapshots, per dialog fetched twice', (row) => `${row.snapshotBytesPerUpdatedDialog} B`, ''],
  ['  history, per entry', (row) => `${row.historyBytesPerEntry} B`, ''],
  ['  whole file, per dialog', (row) => `${row.fileBytesPerDialog} B`, ''],
  ['RSS, store alone (child): after / before', (row) => `${row.storeRss.afterSearchesMb.toFixed(0)} MB / ${row.storeRss.beforeOpenMb.toFixed(0)} MB`, 'goal ≤ 100 MB'],
  ['electron-store (conf) put, same write', (row) => (row.confPutMedianMs === null ? '—' : `${ms(row.confPutMedianMs)} (${row.confVsOursRatio!.toFixed(0)}×)`), 'median of a few writes'],
];
const column = 26;
const label = Math.max(...storeRows.map((row) => row[0].length)) + 2;
console.log(`${''.padEnd(label)}${store.map((row) => `${row.dialogs.toLocaleString('en')} dialogs`.padEnd(column)).join('')}`);
for (const [name, value, goal] of storeRows) {
  console.log(`${name.padEnd(label)}${store.map((row) => value(row).padEnd(column)).join('')}${goal}`);
}
console.log('\nsearch rows: median / p95 ·hits shown (of at most 50); RSS: a child on plain Node (bundled), "before" is Node with nothing opened');
console.log('\nMessage search:\n');
console.log(messageReport(messages).join('\n'));
console.log(conversationReport(conversation).join('\n'));
console.log(bulkReport(bulk).join('\n'));
console.log('\nThroughput against the portal\'s rate limit, real time:\n');
console.log(throughput ? throughputReport(throughput, results.goals).join('\n') : 'skipped (--quick)');
mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench-results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench-results/latest.json');

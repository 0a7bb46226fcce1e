// The background watch of 500 dialogs on a standard account (burst 50, 2 req/s
// at the emulator, the client on its default limiter): per setting, the batch
// requests a full cycle takes, how long the cycle lasts at the watch's pace,
// the share of the rate limit it uses against the share allowed, and what each
// request costs for real. The watch's waits run on a counted clock (they pass
// at once), so a cycle of minutes is measured in seconds; the requests are real.
// With a wait rule on for every dialog, the transcripts it reads for itself
// are counted too: one batch request of 50 the first time, then one per new
// message, each at the watch's gap. The status counts those reads in its
// round; the share it claims is set against the share measured: every
// request sent over the watch's time from the first to the last.
import { WatchService } from '../../main/api/watch-service';
import { listRules } from '../../main/core/watch-rules';
import type { WatchStatus } from '../../main/core/watch-types';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_WEBHOOK, demoDataset, demoLiveDialogs, FIRST_LIVE_CHAT_ID, startEmulator } from '../../main/emulator/index';
import { RATE_LIMITS, createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { InspectorStore } from '../../main/store/index';
import { makeTempDir } from '../support/temp-dir';
import { median } from './stats';

export interface WatchBenchRow {
  dialogs: number;
  intervalSeconds: number;
  shareOfLimit: number;
  /** The list's "client waited longer than" minutes; 0: off. */
  waitMinutes: number;
  requestsPerCycle: number;
  /** Batch requests of transcripts the wait rule read for itself, over the cycles measured. */
  transcriptRequests: number;
  /** Wait rules that fired over the cycles measured. */
  fired: number;
  /** The most reads for the wait rule a status counted in a round, and that round's time (s). */
  followUpRequestsMax: number;
  cycleSecondsMax: number;
  /** At the watch's pace (its own clock), as the last status said. */
  cycleSeconds: number;
  requestsPerSecond: number;
  shareUsed: number;
  /** Percent of the rate every request sent (dialogs' and reads') took over the watch's time: never above shareUsed. */
  measuredShare: number;
  /** The smallest gap between two requests, on the watch's clock. */
  minGapMs: number;
  /** Real time per batch request of 50 dialogs. */
  requestMedianMs: number;
  /** Answers the portal refused for its rate limit (503 QUERY_LIMIT_EXCEEDED): must be 0. */
  refused: number;
}

const SETTINGS = [
  { intervalSeconds: 300, shareOfLimit: 25, waitMinutes: 0 },
  { intervalSeconds: 60, shareOfLimit: 25, waitMinutes: 0 },
  { intervalSeconds: 30, shareOfLimit: 5, waitMinutes: 0 },
  { intervalSeconds: 300, shareOfLimit: 25, waitMinutes: 15 },
] as const;

export async function benchWatch(dialogs: number, cycles: number): Promise<WatchBenchRow[]> {
  const out: WatchBenchRow[] = [];
  for (const setting of SETTINGS) {
    const now = Math.floor(Date.now() / 1000);
    const emulator = await startEmulator({ rateLimit: { ...RATE_LIMITS.standard }, operatingLimitSeconds: 1e9, dialogs: [...demoDataset(), ...demoLiveDialogs(now, dialogs)], webhooks: [DEMO_WEBHOOK], recordRequests: true });
    const client: PortalClient = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate] });
    const { dir, remove } = await makeTempDir('oli-watch-bench-');
    const store = InspectorStore.open(dir);
    for (let k = 0; k < dialogs; k += 1) store.watch('bench', FIRST_LIVE_CHAT_ID + k, `chat${FIRST_LIVE_CHAT_ID + k}`, new Date().toISOString());
    // The watch's clock starts at the portal's now: the live dialogs' waits are dated back from it.
    let clock = now * 1000;
    const sentAt: number[] = [];
    let dialogRequests = 0;
    const took: number[] = [];
    const statuses: WatchStatus[] = [];
    let fired = 0;
    const timed: PortalClient = {
      ...client,
      call: async (method, params, options) => {
        sentAt.push(clock);
        if (method === 'batch' && JSON.stringify(params).includes('imopenlines.dialog.get')) dialogRequests += 1;
        const started = performance.now();
        try {
          return await client.call(method, params, options);
        } finally {
          took.push(performance.now() - started);
        }
      },
    };
    const wanted = cycles * Math.ceil(dialogs / 50);
    let done!: () => void;
    const enough = new Promise<void>((resolve) => (done = resolve));
    const watch = new WatchService({
      store: async () => store,
      clientFor: async () => ({ client: timed, plan: 'standard' }),
      settings: () => ({ watchIntervalSeconds: setting.intervalSeconds, watchShareOfLimit: setting.shareOfLimit }),
      userBusy: () => false,
      onChange: () => {},
      onStatus: (status) => {
        statuses.push(status);
        // Statuses follow the wait rule's reads too: enough when the wanted requests of dialogs are answered.
        if (dialogRequests >= wanted) done();
      },
      listRules: () => listRules('important', setting.waitMinutes),
      onFired: (event) => (fired += event.fired.length),
      sleep: async (ms) => {
        clock += ms;
        await new Promise((resolve) => setImmediate(resolve));
      },
      now: () => clock,
    });
    await watch.start();
    await enough;
    await watch.dispose();
    const last = statuses.at(-1)!;
    const gaps = sentAt.slice(1).map((at, index) => at - sentAt[index]!);
    out.push({
      dialogs,
      ...setting,
      requestsPerCycle: last.requestsPerCycle,
      transcriptRequests: emulator.requests.filter((request) => request.method === 'batch' && JSON.stringify(request.params['cmd']).includes('session.history.get')).length,
      fired,
      followUpRequestsMax: Math.max(...statuses.map((status) => status.followUpRequests)),
      cycleSecondsMax: Math.max(...statuses.map((status) => status.cycleSeconds)),
      cycleSeconds: last.cycleSeconds,
      requestsPerSecond: last.requestsPerSecond,
      shareUsed: last.shareUsed,
      // n requests span n - 1 gaps; the last one's gap is owed too.
      measuredShare: ((sentAt.length / ((sentAt.at(-1)! - sentAt[0]! + 1000 / last.requestsPerSecond) / 1000)) / RATE_LIMITS.standard.drainPerSecond) * 100,
      minGapMs: Math.min(...gaps),
      requestMedianMs: Math.round(median(took)),
      refused: emulator.requests.filter((request) => request.status === 503).length,
    });
    store.close();
    await remove();
    client.close();
    await emulator.close();
  }
  return out;
}

export function watchReport(rows: readonly WatchBenchRow[]): string[] {
  return rows.map(
    (row) =>
      `${row.dialogs} dialogs, every ${row.intervalSeconds} s, share ${row.shareOfLimit} %${row.waitMinutes > 0 ? `, wait rule ${row.waitMinutes} min` : ''}: ${row.requestsPerCycle} batch requests a cycle, cycle ${row.cycleSeconds.toFixed(0)} s, ` +
      (row.waitMinutes > 0
        ? `${row.transcriptRequests} requests of transcripts, ${row.fired} waits fired, the status counted up to ${row.followUpRequestsMax} reads in a round (that round ${row.cycleSecondsMax.toFixed(0)} s), `
        : '') +
      `${row.requestsPerSecond.toFixed(3)} req/s = ${row.shareUsed.toFixed(1)} % of 2 req/s claimed, ${row.measuredShare.toFixed(1)} % sent (smallest gap ${(row.minGapMs / 1000).toFixed(1)} s), ` +
      `median ${row.requestMedianMs} ms a request, ${row.refused} refused by the portal`,
  );
}

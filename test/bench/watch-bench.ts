// The background watch of 500 dialogs on a standard account (burst 50, 2 req/s
// at the emulator, the client on its default limiter): per setting, the batch
// requests a full cycle takes, how long the cycle lasts at the watch's pace,
// the share of the rate limit it uses against the share allowed, and what each
// request costs for real. The watch's waits run on a counted clock (they pass
// at once), so a cycle of minutes is measured in seconds; the requests are real.
import { WatchService } from '../../main/api/watch-service';
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
  requestsPerCycle: number;
  /** At the watch's pace (its own clock). */
  cycleSeconds: number;
  requestsPerSecond: number;
  shareUsed: number;
  /** The smallest gap between two requests, on the watch's clock. */
  minGapMs: number;
  /** Real time per batch request of 50 dialogs. */
  requestMedianMs: number;
  /** Answers the portal refused for its rate limit (503 QUERY_LIMIT_EXCEEDED): must be 0. */
  refused: number;
}

const SETTINGS = [
  { intervalSeconds: 300, shareOfLimit: 25 },
  { intervalSeconds: 60, shareOfLimit: 25 },
  { intervalSeconds: 30, shareOfLimit: 5 },
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
    let clock = 0;
    const sentAt: number[] = [];
    const took: number[] = [];
    const statuses: WatchStatus[] = [];
    const timed: PortalClient = {
      ...client,
      call: async (method, params, options) => {
        sentAt.push(clock);
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
        if (sentAt.length >= wanted) done();
      },
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
      cycleSeconds: last.cycleSeconds,
      requestsPerSecond: last.requestsPerSecond,
      shareUsed: last.shareUsed,
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
      `${row.dialogs} dialogs, every ${row.intervalSeconds} s, share ${row.shareOfLimit} %: ${row.requestsPerCycle} batch requests a cycle, cycle ${row.cycleSeconds.toFixed(0)} s, ` +
      `${row.requestsPerSecond.toFixed(3)} req/s = ${row.shareUsed.toFixed(1)} % of 2 req/s (smallest gap ${(row.minGapMs / 1000).toFixed(1)} s), ` +
      `median ${row.requestMedianMs} ms a request, ${row.refused} refused by the portal`,
  );
}

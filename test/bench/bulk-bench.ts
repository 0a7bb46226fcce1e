// Issue "Many dialogs at once": a bulk run of 1,000 and of 10,000 dialogs
// against the emulator at the standard plan's limit (burst 50, 2 req/s), the
// client on its default limiter, as the app runs it (BulkRuns: 50 dialogs a
// batch request, halt off). The floor is what the limit allows: the requests
// past the burst at 2 a second; the run's wall time is quoted against it, with
// the requests the portal refused (503).
import { BulkRuns } from '../../main/api/bulk-runs';
import { LineCache } from '../../main/api/line-cache';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_WEBHOOK, demoDataset, demoLiveDialogs, startEmulator } from '../../main/emulator/index';
import { RATE_LIMITS, createWebhookClient } from '../../main/rest/portal-client';
import { bulkCsv } from '../../main/export/bulk-file';

export interface BulkBenchRow {
  dialogs: number;
  requests: number;
  refused: number;
  wallSeconds: number;
  floorSeconds: number;
  found: number;
  /** Writing the run's table as CSV, the window's save and the CLI's --format csv. */
  csvMs: number;
}

const LIVE_FIRST_ID = 3001;

export async function benchBulk(sizes: readonly number[]): Promise<BulkBenchRow[]> {
  const out: BulkBenchRow[] = [];
  const limit = RATE_LIMITS.standard;
  for (const size of sizes) {
    const now = Math.floor(Date.now() / 1000);
    const emulator = await startEmulator({
      rateLimit: { ...limit },
      operatingLimitSeconds: 1e9,
      dialogs: [...demoDataset(), ...demoLiveDialogs(now, size)],
      webhooks: [DEMO_WEBHOOK],
    });
    const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], demo: true });
    const runs = new BulkRuns({ client: async () => client, store: async () => null, lines: new LineCache(), report: () => undefined });
    const inputs = Array.from({ length: size }, (_, i) => String(LIVE_FIRST_ID + i));
    const started = performance.now();
    const result = await runs.run({ inputs, numberAs: 'chat', runId: `bench-${size}` });
    const wallSeconds = (performance.now() - started) / 1000;
    const requests = emulator.requests.length;
    const csvStarted = performance.now();
    bulkCsv(result.rows);
    const csvMs = performance.now() - csvStarted;
    out.push({
      dialogs: size,
      requests,
      refused: emulator.requests.filter((request) => request.status === 503).length,
      wallSeconds,
      floorSeconds: Math.max(0, requests - limit.burst) / limit.drainPerSecond,
      found: result.found,
      csvMs,
    });
    client.close();
    await emulator.close();
  }
  return out;
}

export function bulkReport(rows: readonly BulkBenchRow[]): string[] {
  const lines = ['\nBulk runs at the standard limit (burst 50, 2 req/s), 50 dialogs a batch request:\n'];
  for (const row of rows) {
    const ratio = row.floorSeconds > 0 ? row.wallSeconds / row.floorSeconds : null;
    const verdict =
      ratio === null ? (row.refused === 0 ? 'within the burst; 0 refused: met' : `${row.refused} refused: MISSED`) : ratio <= 1.1 && row.refused === 0 ? 'goal ≤ 1.1 × floor, 0 refused: met' : 'goal ≤ 1.1 × floor, 0 refused: MISSED';
    lines.push(
      `${row.dialogs.toLocaleString('en-GB').padStart(6)} dialogs: ${row.found} found, ${row.requests} requests, ${row.refused} refused, ${row.wallSeconds.toFixed(1)} s (floor ${row.floorSeconds.toFixed(1)} s${ratio === null ? '' : `, ${ratio.toFixed(2)}×`})  ${verdict}`,
      `        CSV of the table: ${row.csvMs.toFixed(0)} ms  ${row.csvMs <= 1000 ? 'goal ≤ 1 s: met' : 'goal ≤ 1 s: MISSED'}`,
    );
  }
  return lines;
}

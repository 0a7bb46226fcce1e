// The overview's refresh against the emulator at the standard plan's limit
// (burst 50, 2 req/s), the client on its default limiter: the demo portal
// (300 live chats) and one ten times its size. Each size is refreshed a few
// times in a row, as a lead's window would; the medians are quoted.
import { fetchOverview, type KeptDialog } from '../../main/core/overview-fetch';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_WEBHOOK, demoDataset, demoLiveDialogs, startEmulator } from '../../main/emulator/index';
import { RATE_LIMITS, createWebhookClient } from '../../main/rest/portal-client';
import { median } from './stats';

export interface OverviewBenchRow {
  liveChats: number;
  rows: number;
  recentRows: number;
  crmRows: number;
  requestsPerRefresh: number;
  refreshMedianMs: number;
  refreshes: number;
}

export async function benchOverview(sizes: readonly number[], refreshes: number): Promise<OverviewBenchRow[]> {
  const out: OverviewBenchRow[] = [];
  for (const size of sizes) {
    const now = Math.floor(Date.now() / 1000);
    const emulator = await startEmulator({
      rateLimit: { ...RATE_LIMITS.standard },
      operatingLimitSeconds: 1e9,
      dialogs: [...demoDataset(), ...demoLiveDialogs(now, size)],
      webhooks: [DEMO_WEBHOOK],
    });
    const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], demo: true });
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof fetchOverview>> | null = null;
    const kept: KeptDialog[] = [];
    for (let i = 0; i < refreshes; i += 1) {
      const started = performance.now();
      last = await fetchOverview({ client, sources: ['recent', 'crm', 'kept'], kept, lines: null, knownNames: () => ({}) });
      times.push(performance.now() - started);
    }
    const rowsOf = (source: 'recent' | 'crm'): number => {
      const state = last!.sources.find((s) => s.source === source);
      return state?.state === 'used' ? state.rows : 0;
    };
    out.push({
      liveChats: size,
      rows: last!.rows.length,
      recentRows: rowsOf('recent'),
      crmRows: rowsOf('crm'),
      requestsPerRefresh: emulator.requests.length / refreshes,
      refreshMedianMs: Math.round(median(times)),
      refreshes,
    });
    client.close();
    await emulator.close();
  }
  return out;
}

export function overviewReport(rows: readonly OverviewBenchRow[]): string[] {
  return rows.map(
    (row) =>
      `${row.liveChats} live chats: ${row.rows} rows (recent ${row.recentRows}, CRM ${row.crmRows}), ${row.requestsPerRefresh} requests a refresh, median ${row.refreshMedianMs} ms over ${row.refreshes} refreshes`,
  );
}

// How close our bucket keeps to the portal's own limit: 200 lookups queued at
// once against the emulator at the standard plan's burst 50 and 2 req/s, the
// client on its default limiter. Real time throughout (about 75 s): this is a
// measurement, and an accelerated clock would scale the client's own jitter
// along with the limit.
import { parseIdentifier } from '../../main/core/identifier';
import { lookupQuery } from '../../main/core/lookup';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator } from '../../main/emulator/index';
import { RATE_LIMITS, createWebhookClient } from '../../main/rest/portal-client';

const LOOKUPS = 200;
const LIMIT = RATE_LIMITS.standard;

export interface ThroughputBenchResult {
  lookups: number;
  burst: number;
  drainPerSecond: number;
  answered: number;
  answers503: number;
  /** 1-based: the first request counted in the sustained part. */
  sustainedFromRequest: number;
  sustainedRequestsPerSecond: number;
  /** sustainedRequestsPerSecond / drainPerSecond. */
  sustainedShareOfLimit: number;
  /** From queuing the lookups to the last answer. */
  wallSeconds: number;
}

export async function benchThroughput(): Promise<ThroughputBenchResult> {
  // The portal's bucket reads the clock once for each request it judges, at
  // once answered and logged: so the n-th reading after it was made is when
  // the portal received the n-th request of its log.
  const arrivals: number[] = [];
  const emulator = await startEmulator({
    rateLimit: { ...LIMIT },
    rateLimitClock: {
      now: () => {
        const now = performance.timeOrigin + performance.now();
        arrivals.push(now);
        return now;
      },
    },
  });
  arrivals.length = 0;
  const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), {
    extraCertificates: [emulator.certificate],
    plan: 'standard',
  });
  const query = parseIdentifier('chat1777', 'chat');
  try {
    const started = performance.now();
    const settled = await Promise.allSettled(Array.from({ length: LOOKUPS }, () => lookupQuery(client, query)));
    const wallSeconds = (performance.now() - started) / 1_000;

    // Sustained: the burst goes out at once and says nothing about the rate,
    // so it is the requests after it, from the (burst + 1)-th the portal
    // accepted to the last: the intervals between them over the time they
    // span. A refused try is not throughput; it is counted as a 503.
    if (arrivals.length !== emulator.requests.length) throw new Error('The portal judged requests it did not log: arrivals cannot be matched.');
    const accepted = arrivals.filter((_, i) => emulator.requests[i]!.status === 200);
    const from = LIMIT.burst + 1;
    const sustained = accepted.slice(from - 1);
    if (sustained.length < 2) throw new Error(`Only ${accepted.length} of ${LOOKUPS} requests were accepted: too few to measure a rate past the burst.`);
    const spanSeconds = (sustained.at(-1)! - sustained[0]!) / 1_000;
    const sustainedRequestsPerSecond = (sustained.length - 1) / spanSeconds;
    return {
      lookups: LOOKUPS,
      burst: LIMIT.burst,
      drainPerSecond: LIMIT.drainPerSecond,
      answered: settled.filter((outcome) => outcome.status === 'fulfilled').length,
      answers503: emulator.requests.filter((request) => request.status === 503).length,
      sustainedFromRequest: from,
      sustainedRequestsPerSecond,
      sustainedShareOfLimit: sustainedRequestsPerSecond / LIMIT.drainPerSecond,
      wallSeconds,
    };
  } finally {
    client.close();
    await emulator.close();
  }
}

/** What run.ts prints: one row per figure, with its verdict against the goals, and how "sustained" is meant. */
export function throughputReport(result: ThroughputBenchResult, goals: { throughputShareOfLimit: number; throughput503s: number }): string[] {
  const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;
  const rows: Array<[string, string, string]> = [
    [
      `sustained rate, accepted requests ${result.sustainedFromRequest}–${result.lookups}`,
      `${result.sustainedRequestsPerSecond.toFixed(3)} req/s (${percent(result.sustainedShareOfLimit)} of limit)`,
      `goal ≥ ${percent(goals.throughputShareOfLimit)}: ${result.sustainedShareOfLimit >= goals.throughputShareOfLimit ? 'met' : 'MISSED'}`,
    ],
    ['503 answers', String(result.answers503), `goal ${goals.throughput503s}: ${result.answers503 <= goals.throughput503s ? 'met' : 'MISSED'}`],
    ['answered', `${result.answered} of ${result.lookups}`, ''],
    ['wall time, queued to last answer', `${result.wallSeconds.toFixed(1)} s`, ''],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  return [
    `${result.lookups} lookups queued at once; portal and client both at burst ${result.burst}, ${result.drainPerSecond} req/s`,
    '',
    ...rows.map(([name, value, verdict]) => `${name.padEnd(width)}  ${value.padEnd(32)}  ${verdict}`),
    '',
    `sustained: the burst goes at once, so the rate is taken past it: from accepted request #${result.sustainedFromRequest} to the last, the intervals between them over the time their arrivals span`,
  ];
}

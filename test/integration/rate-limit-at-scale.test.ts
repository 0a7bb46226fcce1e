// 500 lookups queued against a portal bucket of burst 10 at 2 req/s: none is
// lost, and the portal never refuses one while our bucket is on; with it off,
// the retries recover every one.
//
// At 2 req/s that is four minutes of portal time. The client and the
// emulator's bucket therefore share one accelerated clock, so the drain they
// both count runs FACTOR times faster than real time and the test takes
// seconds. Everything else stays real: HTTPS, the SDK, the emulator's
// operating budget (500 calls × 0.05 s is 25 s of its 480 s, so it never
// refuses here) and axios's own timeout.
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/error-codes';
import { parseIdentifier } from '../../main/core/identifier';
import { lookupQuery } from '../../main/core/lookup';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import type { Clock } from '../../main/rest/clock';
import { createWebhookClient, type PortalClient, type PortalClientOptions } from '../../main/rest/portal-client';

const LOOKUPS = 500;
const PORTAL_BUCKET = { burst: 10, drainPerSecond: 2 };
const FACTOR = 50;
// At FACTOR 50 this is 250 ms of portal time: half our bucket's headroom.
const MAX_STEP_MS = 5;
const query = parseIdentifier('chat1777', 'chat');

interface TestClock extends Clock {
  /** Stops time for both sides until release(); timers due meanwhile fire after it. */
  hold(): void;
  release(): void;
  stop(): void;
}

interface Timer {
  dueAt: number;
  callback: () => void;
  real: ReturnType<typeof setTimeout> | null;
}

/**
 * Real time scaled by `factor`, except that no turn of the event loop counts
 * for more than MAX_STEP_MS of it. Client and portal share this one process,
 * and a machine busy with other tests can starve it for 100 ms: scaled, that
 * is five seconds in which both buckets drain empty, and the requests that
 * were on the wire meanwhile land on a portal bucket our client has already
 * forgotten them from. In real time such a pause is a fifth of one request.
 */
function acceleratedClock(factor: number): TestClock {
  let simulated = Date.now();
  let tickedAt = performance.now();
  let held = false;
  const parked = new Set<Timer>();
  const sinceTick = (): number => (held ? 0 : Math.min(performance.now() - tickedAt, MAX_STEP_MS) * factor);
  const ticker = setInterval(() => {
    simulated += sinceTick();
    tickedAt = performance.now();
  }, 1);
  // Keeping time is no reason for the process to stay alive.
  ticker.unref();
  const now = (): number => simulated + sinceTick();
  const arm = (timer: Timer): void => {
    timer.real = setTimeout(() => fire(timer), Math.max(0, timer.dueAt - now()) / factor);
  };
  // This clock runs slower than the real timers whenever a step is cut short
  // or time is held: a timer must still not run before its time on it.
  const fire = (timer: Timer): void => {
    timer.real = null;
    if (held) parked.add(timer);
    else if (now() < timer.dueAt) arm(timer);
    else timer.callback();
  };
  return {
    now,
    setTimeout(callback, ms) {
      const timer: Timer = { dueAt: now() + ms, callback, real: null };
      arm(timer);
      return timer;
    },
    clearTimeout(handle) {
      const timer = handle as Timer;
      if (timer.real) clearTimeout(timer.real);
      parked.delete(timer);
    },
    hold() {
      if (held) return;
      simulated = now();
      held = true;
    },
    release() {
      if (!held) return;
      held = false;
      tickedAt = performance.now();
      for (const timer of parked) arm(timer);
      parked.clear();
    },
    stop() {
      clearInterval(ticker);
    },
  };
}

const opened: { emulator: Emulator; client: PortalClient; clock: TestClock }[] = [];

afterEach(async () => {
  for (const { emulator, client, clock } of opened.splice(0)) {
    client.close();
    await emulator.close();
    clock.stop();
  }
});

async function setUp(clientOptions: PortalClientOptions) {
  const clock = acceleratedClock(FACTOR);
  const emulator = await startEmulator({ rateLimit: PORTAL_BUCKET, rateLimitClock: clock });
  const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), {
    extraCertificates: [emulator.certificate],
    // Real milliseconds (axios does not read our clock): hundreds of TLS handshakes at once take a while.
    timeoutMs: 30_000,
    clock,
    ...clientOptions,
  });
  opened.push({ emulator, client, clock });
  return { emulator, client, clock };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const giveUpAt = performance.now() + 10_000;
  while (!condition()) {
    if (performance.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function statusCounts(emulator: Emulator): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { status } of emulator.requests) counts.set(status, (counts.get(status) ?? 0) + 1);
  return counts;
}

describe(`${LOOKUPS} lookups queued against a portal bucket of burst 10 at 2 req/s`, () => {
  it('with our bucket on: every one answered, and the portal refuses none', async () => {
    const { emulator, client, clock } = await setUp({ rateLimit: PORTAL_BUCKET });
    // Starting 500 lookups keeps this process (client and portal alike) busy
    // for about 150 ms before the first request is written. On this clock
    // that is seconds in which our bucket drains and the portal's, still
    // empty, cannot: a head start our half-second headroom was never meant to
    // cover (in real time it is a third of one request). So time stands still
    // until the first burst (burst − 1: one unit is headroom) has reached the
    // portal; from there both buckets fill and drain together.
    clock.hold();
    const lookups = Promise.all(Array.from({ length: LOOKUPS }, () => lookupQuery(client, query)));
    await until(() => emulator.requests.length >= PORTAL_BUCKET.burst - 1, 'the first burst to reach the portal');
    const startedAt = clock.now();
    clock.release();
    const results = await lookups;
    const portalSeconds = (clock.now() - startedAt) / 1_000;

    expect(results).toHaveLength(LOOKUPS);
    expect(results.every((result) => result.source === 'network' && result.dialog.dialog_id === 'chat1777')).toBe(true);
    expect(emulator.requests).toHaveLength(LOOKUPS);
    expect(statusCounts(emulator)).toEqual(new Map([[200, LOOKUPS]]));
    // The bucket really held them back: past the first burst, one every half second of portal time.
    expect(portalSeconds).toBeGreaterThanOrEqual((LOOKUPS - PORTAL_BUCKET.burst) / PORTAL_BUCKET.drainPerSecond);
  }, 30_000);

  it('with our bucket off: the portal refuses many, and the retries recover every one', async () => {
    // Measured, the default 3 tries recover only about half. Past the first
    // ten, the portal takes 2/s, so the last of the 500 gets in some 245 s
    // after the start; with the default back-off (1 s, doubling) the 9th try
    // is the first to come that late (255 s after the first), and a 10th
    // (511 s) is the margin. Still bounded: a portal that keeps refusing is
    // given up on after eight and a half minutes.
    //
    // This half shows less than it seems to. No hold here: the 500 first
    // tries (500 TLS handshakes in this one process) take seconds of real
    // time, over a minute on this clock, and each call keeps its place in
    // that spread as it backs off, so every round finds room for many. Sent
    // truly at once, a round finds room for about 10: with the first tries
    // held to one instant, 10 tries recovered about 420 of the 500. Our
    // bucket, not the retries, is what keeps a burst from failing.
    const maxAttempts = 10;
    const { emulator, client } = await setUp({ rateLimit: false, retry: { maxAttempts } });

    const settled = await Promise.allSettled(
      Array.from({ length: LOOKUPS }, () =>
        lookupQuery(client, query).catch((error: unknown) => {
          throw error instanceof InspectorError ? error.envelope.code : error;
        }),
      ),
    );

    expect(settled.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const counts = statusCounts(emulator);
    expect(counts.get(200)).toBe(LOOKUPS);
    // The retries did the work: the portal refused tries, and nothing else went wrong.
    expect(counts.get(503) ?? 0).toBeGreaterThan(0);
    expect([...counts.keys()].sort()).toEqual([200, 503]);
    expect(emulator.requests.length).toBeLessThanOrEqual(LOOKUPS * maxAttempts);
  }, 30_000);
});

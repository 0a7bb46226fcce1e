// How fast the background watch may go: a cycle's batch requests spread over
// the interval, never faster than the user's share of the account's rate; the
// wait rules' own reads lengthen the round by a gap each, never the rate.
import { describe, expect, it } from 'vitest';
import { watchPace } from '../../main/watch/watch-pace';

describe('the watch pace', () => {
  it('asks for 50 dialogs a request, and spreads the requests over the interval when the share allows it', () => {
    expect(watchPace({ dialogs: 500, intervalSeconds: 300, shareOfLimit: 25, drainPerSecond: 2 })).toEqual({
      requestsPerCycle: 10,
      followUpRequests: 0,
      gapMs: 30_000,
      cycleMs: 300_000,
      requestsPerSecond: 1 / 30,
      allowedPerSecond: 0.5,
      shareUsed: (100 / 30) / 2,
    });
    expect(watchPace({ dialogs: 51, intervalSeconds: 60, shareOfLimit: 25, drainPerSecond: 2 })).toMatchObject({ requestsPerCycle: 2, gapMs: 30_000 });
  });

  it('stretches the cycle rather than go over the share: 500 dialogs every 30 s at 5 % of 2 a second take 100 s', () => {
    expect(watchPace({ dialogs: 500, intervalSeconds: 30, shareOfLimit: 5, drainPerSecond: 2 })).toMatchObject({
      requestsPerCycle: 10,
      gapMs: 10_000,
      cycleMs: 100_000,
      requestsPerSecond: 0.1,
      shareUsed: 5,
    });
  });

  it('keeps to the enterprise plan\'s 5 a second when the account has it', () => {
    expect(watchPace({ dialogs: 5_000, intervalSeconds: 30, shareOfLimit: 20, drainPerSecond: 5 })).toMatchObject({ requestsPerCycle: 100, gapMs: 1_000, requestsPerSecond: 1, shareUsed: 20 });
  });

  it('counts the wait rules\' reads into the round, a gap each, and keeps the gap and the share the dialogs\' alone', () => {
    const plain = watchPace({ dialogs: 500, intervalSeconds: 300, shareOfLimit: 25, drainPerSecond: 2 });
    const withReads = watchPace({ dialogs: 500, intervalSeconds: 300, shareOfLimit: 25, drainPerSecond: 2, followUps: 2 });
    expect(withReads).toEqual({ ...plain, followUpRequests: 2, cycleMs: 360_000 });
    // Where the share already stretches the round, the reads stretch it further at the same rate.
    expect(watchPace({ dialogs: 500, intervalSeconds: 30, shareOfLimit: 5, drainPerSecond: 2, followUps: 3 })).toMatchObject({ followUpRequests: 3, gapMs: 10_000, cycleMs: 130_000, shareUsed: 5 });
  });

  it('sends nothing for an empty list', () => {
    expect(watchPace({ dialogs: 0, intervalSeconds: 300, shareOfLimit: 25, drainPerSecond: 2, followUps: 4 })).toMatchObject({ requestsPerCycle: 0, followUpRequests: 0, requestsPerSecond: 0, shareUsed: 0 });
  });
});

// The portal-wide request limiter (https://apidocs.bitrix24.com/settings/performance/limits.html): a bucket of `burst` units that
// drains continuously; a request that finds it full is refused and not counted.

export class LeakyBucket {
  private level = 0;
  private updatedAt: number;

  constructor(
    private readonly burst: number,
    private readonly drainPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.updatedAt = now();
  }

  /** Adds one request; false when the bucket is full. */
  tryAdd(): boolean {
    const now = this.now();
    const drained = ((now - this.updatedAt) / 1000) * this.drainPerSecond;
    this.level = Math.max(0, this.level - drained);
    this.updatedAt = now;
    if (this.level + 1 > this.burst) return false;
    this.level += 1;
    return true;
  }
}

// While an offline copy is shown, asks main now and then whether the portal
// answers again, so the lead learns the moment a fresh answer is possible
// instead of pressing "Try again" on a hunch. Backs off, and asks at once when
// the OS says the network is back.
import type { LookupResult } from '../../../preload/api-contract';
import { announcer } from './announcer.svelte';
import { i18n } from './i18n.svelte';
import { LatestRequest } from './request.svelte';

/** First wait; doubled after each failed check, up to MAX. */
export const FIRST_CHECK_MS = 15_000;
const MAX_CHECK_MS = 120_000;

class Reachability {
  /** 'back' once the portal answered while an offline copy was shown. */
  state = $state<'idle' | 'watching' | 'back'>('idle');
  /**
   * The portal (its origin) that last failed to answer, until it answers
   * again: what the header's dot shows. null = none known to be down.
   */
  unreachable = $state<string | null>(null);

  /** Whether `origin` is the portal last seen not answering. */
  isUnreachable(origin: string | null | undefined): boolean {
    return origin !== null && origin !== undefined && this.unreachable === origin;
  }

  /**
   * Learns from a lookup's answer: fresh from the portal means it answers; a
   * kept copy shown because the portal failed means it does not. A copy
   * opened on purpose (from history or search) says nothing either way.
   */
  learnFrom(result: LookupResult): void {
    if (result.offline === null) {
      if (this.unreachable === result.portal.origin) this.unreachable = null;
    } else if (result.offline.reason.code !== 'OFFLINE_BY_CHOICE') {
      this.unreachable = result.portal.origin;
    }
  }

  #timer: ReturnType<typeof setTimeout> | undefined;
  #delay = FIRST_CHECK_MS;
  readonly #probe = new LatestRequest();
  #onOnline = (): void => {
    if (this.state === 'watching') this.#schedule(0);
  };

  watch(): void {
    this.stop();
    this.state = 'watching';
    this.#delay = FIRST_CHECK_MS;
    window.addEventListener('online', this.#onOnline);
    this.#schedule(this.#delay);
  }

  stop(): void {
    this.#probe.forget();
    clearTimeout(this.#timer);
    window.removeEventListener('online', this.#onOnline);
    this.state = 'idle';
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#check(), ms);
  }

  async #check(): Promise<void> {
    const answer = await this.#probe.run((api) => api.probeConnection());
    if (!answer) return;
    if (answer.ok && answer.value.reachable) {
      window.removeEventListener('online', this.#onOnline);
      this.state = 'back';
      this.unreachable = null;
      announcer.announce(i18n.messages.offline.portalBack);
      return;
    }
    this.#delay = Math.min(this.#delay * 2, MAX_CHECK_MS);
    this.#schedule(this.#delay);
  }
}

export const reachability = new Reachability();

// While an offline copy is shown, asks main now and then whether the portal
// answers again, so the lead learns the moment a fresh answer is possible
// instead of pressing "Try again" on a hunch. Backs off, and asks at once when
// the OS says the network is back.
import { announcer } from './announcer.svelte';
import { i18n } from './i18n.svelte';
import { LatestRequest } from './request.svelte';

/** First wait; doubled after each failed check, up to MAX. */
export const FIRST_CHECK_MS = 15_000;
const MAX_CHECK_MS = 120_000;

class Reachability {
  /** 'back' once the portal answered while an offline copy was shown. */
  state = $state<'idle' | 'watching' | 'back'>('idle');

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
      announcer.announce(i18n.messages.offline.portalBack);
      return;
    }
    this.#delay = Math.min(this.#delay * 2, MAX_CHECK_MS);
    this.#schedule(this.#delay);
  }
}

export const reachability = new Reachability();

// What the stores do around a call to main that is asked again and again (the
// history's list, the kept-dialog search, the saved portals, a probe): busy
// while the newest call is out, its failure kept to be shown, and an answer
// that comes back after a newer call was made, or after `forget`, dropped, so
// a slow old answer never replaces a newer one.
import type { ErrorEnvelope, InspectorApi, Result } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';

export class LatestRequest {
  busy = $state(false);
  /** The newest answer's failure, null once one succeeds; what is shown stays while a new call is out. */
  error = $state.raw<ErrorEnvelope | null>(null);
  #seq = 0;

  /** The answer, or null when a newer call (or `forget`) made it stale: the caller then does nothing. */
  async run<T>(operation: (api: InspectorApi) => Promise<Result<T>>): Promise<Result<T> | null> {
    const seq = ++this.#seq;
    this.busy = true;
    const answer = await call(operation);
    if (seq !== this.#seq) return null;
    this.busy = false;
    this.error = answer.ok ? null : answer.error;
    return answer;
  }

  /** Whatever is on its way is no longer wanted; nothing is busy or failed. */
  forget(): void {
    this.#seq++;
    this.busy = false;
    this.error = null;
  }
}

/** An action with no place of its own on screen (pin, delete, open a kept copy) failed: a notice, which is also said. */
export function noticeFailure(error: ErrorEnvelope): void {
  announcer.showNotice(`${error.title}: ${error.message}`, 'error');
}

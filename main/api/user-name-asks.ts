// Which user ids each account's portal was already asked to name, so a user
// the portal has no name for (null) is not asked about at every lookup, and
// whether the account lacks the scope to ask at all (asked again after an
// hour: a webhook's scopes can be widened without it changing).
import { NAMES_SCOPE, type NamesAsked } from '../core/user-directory';

const SCOPE_RECHECK_MS = 60 * 60 * 1000;
/** Per account; beyond it the oldest ids are forgotten and may be asked again. */
const MAX_REMEMBERED = 5_000;

export class UserNameAsks {
  readonly #asked = new Map<string, Set<string>>();
  readonly #scopeMissingAt = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Whether the account was found without the scope that names users, within the hour. */
  missingScope(account: string): typeof NAMES_SCOPE | null {
    const at = this.#scopeMissingAt.get(account);
    return at !== undefined && this.#now() - at < SCOPE_RECHECK_MS ? NAMES_SCOPE : null;
  }

  /** Of `ids`, those worth asking the portal about now. */
  toAsk(account: string, ids: readonly string[]): string[] {
    if (this.missingScope(account)) return [];
    const asked = this.#asked.get(account);
    return asked ? ids.filter((id) => !asked.has(id)) : [...ids];
  }

  record(account: string, ids: readonly string[], outcome: NamesAsked): void {
    if (outcome.missingScope) {
      this.#scopeMissingAt.set(account, this.#now());
      return;
    }
    this.#scopeMissingAt.delete(account);
    const asked = this.#asked.get(account) ?? new Set<string>();
    for (const id of ids) asked.add(id);
    for (const id of asked) {
      if (asked.size <= MAX_REMEMBERED) break;
      asked.delete(id);
    }
    this.#asked.set(account, asked);
  }
}

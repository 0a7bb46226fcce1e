// Which user ids each account's portal was already asked to name, so a user
// the portal has no name for (null) is not asked about at every lookup, and
// whether the account lacks the scope to ask at all, or only im (so user.get
// names its employees); both asked again after an hour: a webhook's scopes
// can be widened without it changing.
import { NAMES_SCOPE, type NamesAsked } from '../core/user-directory';

const SCOPE_RECHECK_MS = 60 * 60 * 1000;
/** Per account; beyond it the oldest ids are forgotten and may be asked again. */
const MAX_REMEMBERED = 5_000;

export class UserNameAsks {
  readonly #asked = new Map<string, Set<string>>();
  /** When the account was found unable to name anyone (neither im nor a user scope). */
  readonly #noWayAt = new Map<string, number>();
  /** When the account was found without im (user.get named its employees). */
  readonly #noImAt = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #within(marks: Map<string, number>, account: string): boolean {
    const at = marks.get(account);
    return at !== undefined && this.#now() - at < SCOPE_RECHECK_MS;
  }

  /** Whether the account was found without the scope that names every user (im), within the hour. */
  missingScope(account: string): typeof NAMES_SCOPE | null {
    return this.#within(this.#noWayAt, account) || this.#within(this.#noImAt, account) ? NAMES_SCOPE : null;
  }

  /** Whether to ask user.get at once: im was refused within the hour. */
  skipIm(account: string): boolean {
    return this.#within(this.#noImAt, account);
  }

  /** Of `ids`, those worth asking the portal about now. */
  toAsk(account: string, ids: readonly string[]): string[] {
    if (this.#within(this.#noWayAt, account)) return [];
    const asked = this.#asked.get(account);
    return asked ? ids.filter((id) => !asked.has(id)) : [...ids];
  }

  record(account: string, ids: readonly string[], outcome: NamesAsked): void {
    if (outcome.missingScope && outcome.via === null) {
      this.#noWayAt.set(account, this.#now());
      return;
    }
    this.#noWayAt.delete(account);
    if (outcome.missingScope) this.#noImAt.set(account, this.#now());
    else this.#noImAt.delete(account);
    const asked = this.#asked.get(account) ?? new Set<string>();
    for (const id of ids) asked.add(id);
    for (const id of asked) {
      if (asked.size <= MAX_REMEMBERED) break;
      asked.delete(id);
    }
    this.#asked.set(account, asked);
  }
}

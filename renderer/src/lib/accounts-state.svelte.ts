// The saved portals, as main describes them (never a secret), and what the
// user does with them: switch, rename, set the rate-limit plan, remove.
import type { AccountSummary, ErrorEnvelope, RatePlan } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { connection } from './connection-state.svelte';
import { i18n } from './i18n.svelte';
import { LatestRequest } from './request.svelte';

class AccountsStore {
  list = $state.raw<AccountSummary[]>([]);
  /** Asked for after every action and whenever a list of portals is shown: the newest answer wins. */
  readonly #listing = new LatestRequest();
  /** The last failure of an action, by account id, shown beside that account. */
  errors = $state.raw<Record<string, ErrorEnvelope>>({});
  /** The account an action is running for. */
  busy = $state<string | null>(null);

  get loadError(): ErrorEnvelope | null {
    return this.#listing.error;
  }

  async load(): Promise<void> {
    const answer = await this.#listing.run((api) => api.listAccounts());
    if (answer?.ok) this.list = answer.value;
  }

  async use(id: string): Promise<boolean> {
    return this.#run(id, async () => {
      const answer = await call((api) => api.useAccount({ id }));
      if (answer.ok) connection.adopt(answer.value);
      return answer;
    });
  }

  /** Resolves with the problem to show beside the name field, or null when renamed. */
  async rename(id: string, name: string): Promise<ErrorEnvelope | null> {
    let problem: ErrorEnvelope | null = null;
    await this.#run(id, async () => {
      const answer = await call((api) => api.renameAccount({ id, name }));
      if (answer.ok) {
        this.list = answer.value;
        announcer.announce(i18n.messages.accounts.renamedTo(name.trim()));
      } else {
        problem = answer.error;
      }
      return { ok: true, value: null };
    });
    await this.#refreshConnection();
    return problem;
  }

  async setPlan(id: string, plan: RatePlan): Promise<void> {
    await this.#run(id, async () => {
      const answer = await call((api) => api.setAccountPlan({ id, plan }));
      if (answer.ok) this.list = answer.value;
      return answer;
    });
  }

  async remove(id: string): Promise<boolean> {
    const name = this.list.find((account) => account.id === id)?.name ?? i18n.messages.accounts.theAccount;
    const removed = await this.#run(id, async () => {
      const answer = await call((api) => api.removeAccount({ id }));
      if (answer.ok) connection.adopt(answer.value);
      return answer;
    });
    if (removed) announcer.announce(i18n.messages.accounts.removed(name));
    return removed;
  }

  /** The header shows the current account's name: keep it in step after a rename. */
  async #refreshConnection(): Promise<void> {
    const answer = await call((api) => api.getConnection());
    if (answer.ok && connection.current?.account?.id === answer.value.account?.id) connection.current = answer.value;
  }

  async #run(id: string, work: () => Promise<{ ok: boolean; error?: ErrorEnvelope }>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = id;
    const { [id]: _previous, ...others } = this.errors;
    this.errors = others;
    try {
      const answer = await work();
      if (!answer.ok && answer.error) {
        this.errors = { ...this.errors, [id]: answer.error };
        announcer.announce(answer.error.title);
      }
      return answer.ok;
    } finally {
      this.busy = null;
      await this.load();
    }
  }
}

export const accounts = new AccountsStore();

// Which portal the app talks to, and the one PortalClient for it: a saved
// account (AccountStore: webhook or OAuth, secrets sealed) or the built-in
// demo. Secrets live in main and the encrypted store, nowhere else: what
// leaves this module is a ConnectionState (host, user id, account summary).
//
// Changes of connection (webhook, demo, disconnect, dispose) run one at a
// time, and every await is followed by a check that the connection it was
// for is still the current one, so a slow demo start can never leave lookups
// going to the demo after the user connected their own portal.
import type { ConnectionState } from '../../preload/api-contract';
import { InspectorError, inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { parseWebhookUrl, type Webhook } from '../core/webhook';
import type { Emulator } from '../emulator/index';
import { createWebhookClient, type PortalClient, type PortalClientOptions } from '../rest/portal-client';
import type { KeyValueStore } from './settings';

import { clientForAccount } from '../accounts/account-client';
import type { AccountStore, AccountSummary } from '../accounts/account-store';
import type { SecretCipher } from '../accounts/secret-cipher';
import { verifyScope } from '../accounts/verify-scope';

export type { SecretCipher } from '../accounts/secret-cipher';

/** The demo choice; 'webhook' is the single connection of earlier versions, moved into an account at start. */
type StoredConnection =
  | { kind: 'demo' }
  | { kind: 'webhook'; origin: string; host: string; userId: number; encryptedKey: string };

export interface ConnectionDeps {
  store: KeyValueStore;
  secrets: SecretCipher;
  accounts: AccountStore;
  /** Starts the built-in demo portal (the emulator on loopback). */
  startDemo: () => Promise<Emulator>;
  /** Passed to every client; tests add the emulator's certificate here. */
  clientOptions?: PortalClientOptions;
  /** Said once, at start: why there is no connection (a damaged settings file, say). Worded when read. */
  initialNotice?: Notice | null;
}

const STORE_KEY = 'connection';

/** A notice is kept as what to say, and worded each time the state is read, in the language of that call. */
export type Notice = () => string;

/** The notices, in the language of the call that reads them. */
export const NOTICES = {
  get sessionOnly(): string {
    return messages().errors.connection.sessionOnly;
  },
  get unreadable(): string {
    return messages().errors.connection.unreadable;
  },
  get accountGone(): string {
    return messages().errors.connection.accountGone;
  },
  get demoFailed(): string {
    return messages().errors.connection.demoFailed;
  },
  settingsReset: (movedTo: string): string => messages().errors.connection.settingsReset(movedTo),
};

function isStoredConnection(value: unknown): value is StoredConnection {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.kind === 'demo') return true;
  return (
    record.kind === 'webhook' &&
    typeof record.origin === 'string' &&
    typeof record.host === 'string' &&
    typeof record.userId === 'number' &&
    typeof record.encryptedKey === 'string'
  );
}

/** Thrown internally when a connection changed while we were waiting; never reaches IPC. */
class Superseded extends Error {}

export class ConnectionManager {
  readonly #deps: ConnectionDeps;
  /** 'account' goes to #accountId. */
  #kind: 'none' | 'demo' | 'account' = 'none';
  #accountId: string | null = null;
  #notice: Notice | null = null;
  #client: PortalClient | null = null;
  #demo: Emulator | null = null;
  #demoStarting: Promise<Emulator> | null = null;
  /** Bumped by every change of connection. */
  #generation = 0;
  #changes: Promise<unknown> = Promise.resolve();
  #disposed = false;

  constructor(deps: ConnectionDeps) {
    this.#deps = deps;
    this.#notice = deps.initialNotice ?? null;
    this.#restore();
  }

  #restore(): void {
    const stored = this.#deps.store.get(STORE_KEY);
    if (isStoredConnection(stored) && stored.kind === 'demo') {
      this.#kind = 'demo';
      return;
    }
    if (isStoredConnection(stored) && stored.kind === 'webhook') this.#migrate(stored);
    const current = this.#deps.accounts.current();
    if (current) {
      this.#kind = 'account';
      this.#accountId = current.id;
    }
  }

  /** An earlier version's one webhook becomes the first account. */
  #migrate(stored: Extract<StoredConnection, { kind: 'webhook' }>): void {
    try {
      const key = this.#deps.secrets.decrypt(stored.encryptedKey);
      this.#deps.accounts.addWebhook({ webhook: { origin: stored.origin, host: stored.host, userId: stored.userId, key } });
    } catch {
      this.#notice = () => NOTICES.unreadable;
    }
    this.#deps.store.delete(STORE_KEY);
  }

  /** The current account as saved now (another program may have changed it); null when gone. */
  #account(): AccountSummary | null {
    return this.#accountId === null ? null : this.#deps.accounts.find(this.#accountId);
  }

  async state(): Promise<ConnectionState> {
    if (this.#kind === 'demo' && !this.#client) {
      try {
        await this.client();
      } catch (error) {
        // A remembered demo that cannot start must not lock the user out:
        // report no connection, with a notice, so they can choose again.
        if (!(error instanceof InspectorError) || error.envelope.code !== 'DEMO_UNAVAILABLE') throw error;
        this.#kind = 'none';
        this.#notice = () => NOTICES.demoFailed;
      }
    }
    return this.#snapshot();
  }

  #snapshot(): ConnectionState {
    const none: ConnectionState = { kind: 'none', portal: null, userId: null, notice: this.#notice?.() ?? null, account: null };
    if (this.#kind === 'demo') return this.#client ? { ...none, kind: 'demo', portal: this.#client.portal } : none;
    if (this.#kind === 'none') return none;
    const account = this.#account();
    if (!account) return { ...none, notice: NOTICES.accountGone };
    const notice = this.#notice?.() ?? (this.#deps.secrets.canPersist ? null : NOTICES.sessionOnly);
    return {
      kind: account.kind,
      portal: { origin: account.origin, host: account.host, demo: false },
      userId: account.userId,
      notice,
      account,
    };
  }

  /** The client for the current portal; throws NOT_CONNECTED when there is none. */
  async client(): Promise<PortalClient> {
    for (;;) {
      if (this.#disposed) throw inspectorError('NOT_CONNECTED');
      if (this.#client) return this.#client;
      if (this.#kind === 'account') {
        const account = this.#account();
        if (!account) throw inspectorError('NOT_CONNECTED', { message: NOTICES.accountGone });
        // Sign in again, unreadable secrets: each says so, in words, on this lookup.
        this.#client = clientForAccount(this.#deps.accounts, account.id, this.#deps.clientOptions);
        return this.#client;
      }
      if (this.#kind !== 'demo') throw inspectorError('NOT_CONNECTED');
      const generation = this.#generation;
      let client: PortalClient;
      try {
        client = await this.#demoClient();
      } catch (error) {
        if (error instanceof Superseded) continue;
        throw error;
      }
      if (generation === this.#generation && !this.#disposed && !this.#client) {
        this.#client = client;
        return client;
      }
      // The connection changed while the demo started: use whatever is current now.
      client.close();
    }
  }

  /**
   * Checks a webhook URL with the portal (it works, it has the scope), saves
   * it as an account (the same webhook user again updates its account) and
   * switches to it.
   */
  useWebhook(url: string, name?: string): Promise<ConnectionState> {
    const webhook = parseWebhookUrl(url);
    return this.#change(async (isCurrent) => {
      const client = createWebhookClient(webhook, this.#deps.clientOptions);
      let account: AccountSummary;
      try {
        await verifyScope(client);
        if (!isCurrent()) throw new Superseded();
        account = this.#deps.accounts.addWebhook({ webhook, ...(name !== undefined ? { name } : {}) });
      } catch (error) {
        client.close();
        throw error;
      }
      this.#deps.store.delete(STORE_KEY);
      await this.#install(client, account.id);
    });
  }

  /** Lookups go to this saved account from now on; its client is made on the first one. */
  useAccount(id: string): Promise<ConnectionState> {
    return this.#change(async () => {
      const account = this.#deps.accounts.setCurrent(id)!;
      this.#deps.store.delete(STORE_KEY);
      await this.#install(null, account.id);
    });
  }

  /** Forgets the account and its secrets; leaves the connection when it was the current one. */
  removeAccount(id: string): Promise<ConnectionState> {
    return this.#change(async () => {
      const removed = this.#deps.accounts.get(id);
      if (this.#kind === 'account' && this.#accountId === removed.id) await this.#install(null, null);
      this.#deps.accounts.remove(removed.id);
    });
  }


  useDemo(): Promise<ConnectionState> {
    return this.#change(async (isCurrent) => {
      if (this.#kind === 'demo' && this.#client) return; // already there: keep lookups in flight alive
      const client = await this.#demoClient();
      if (!isCurrent()) {
        client.close();
        throw new Superseded();
      }
      this.#deps.store.set(STORE_KEY, { kind: 'demo' } satisfies StoredConnection);
      this.#deps.accounts.setCurrent(null);
      await this.#install(client, 'demo');
    });
  }

  disconnect(): Promise<ConnectionState> {
    return this.#change(async () => {
      this.#deps.store.delete(STORE_KEY);
      this.#deps.accounts.setCurrent(null);
      await this.#install(null, null);
    });
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#generation += 1;
    await this.#changes;
    this.#client?.close();
    this.#client = null;
    this.#kind = 'none';
    this.#accountId = null;
    await this.#stopDemo();
  }

  /** Runs one change of connection after the previous one has finished. */
  #change(task: (isCurrent: () => boolean) => Promise<void>): Promise<ConnectionState> {
    const run = this.#changes.then(async () => {
      if (this.#disposed) throw inspectorError('NOT_CONNECTED');
      const generation = ++this.#generation;
      await task(() => generation === this.#generation && !this.#disposed);
      return this.#snapshot();
    });
    this.#changes = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      if (error instanceof Superseded) return this.#snapshot();
      throw error;
    });
  }

  /** `target`: an account id, 'demo', or null for none. A null client for an account is made on first use. */
  async #install(client: PortalClient | null, target: string | null): Promise<void> {
    if (this.#client && this.#client !== client) this.#client.close();
    this.#client = client;
    this.#kind = target === null ? 'none' : target === 'demo' ? 'demo' : 'account';
    this.#accountId = this.#kind === 'account' ? target : null;
    this.#notice = null;
    // Leaving the demo stops its server: nothing should listen on loopback for no reason.
    if (this.#kind !== 'demo') await this.#stopDemo();
  }

  async #stopDemo(): Promise<void> {
    const starting = this.#demoStarting;
    this.#demoStarting = null;
    const demo = this.#demo ?? (await starting?.catch(() => null)) ?? null;
    this.#demo = null;
    await demo?.close();
  }

  async #demoClient(): Promise<PortalClient> {
    if (!this.#demo) {
      const starting = (this.#demoStarting ??= this.#deps.startDemo());
      try {
        const demo = await starting;
        // Stopped while it was starting (a change of connection, or dispose): do not adopt it.
        if (this.#demoStarting !== starting) {
          await demo.close();
          throw new Superseded();
        }
        this.#demo = demo;
      } catch (error) {
        if (this.#demoStarting === starting) this.#demoStarting = null;
        if (error instanceof Superseded) throw error;
        throw inspectorError('DEMO_UNAVAILABLE', undefined, error);
      }
    }
    const webhook = parseWebhookUrl(this.#demo.webhookUrl());
    const options = this.#deps.clientOptions ?? {};
    return createWebhookClient(webhook, {
      ...options,
      demo: true,
      extraCertificates: [...(options.extraCertificates ?? []), this.#demo.certificate],
    });
  }
}

// Which portal the app talks to, and the one PortalClient for it. The webhook
// key lives here and in the encrypted store, nowhere else: what leaves this
// module is a ConnectionState (host and user id), never the key.
//
// Changes of connection (webhook, demo, disconnect, dispose) run one at a
// time, and every await is followed by a check that the connection it was
// for is still the current one, so a slow demo start can never leave lookups
// going to the demo after the user connected their own portal.
import type { ConnectionState } from '../../preload/api-contract';
import { InspectorError, inspectorError } from '../core/errors';
import { parseWebhookUrl, type Webhook } from '../core/webhook';
import type { Emulator } from '../emulator/index';
import { createWebhookClient, type PortalClient, type PortalClientOptions } from '../rest/portal-client';
import type { KeyValueStore } from './settings';

import type { SecretCipher } from '../accounts/secret-cipher';
import { verifyScope } from '../accounts/verify-scope';

export type { SecretCipher } from '../accounts/secret-cipher';

type StoredConnection =
  | { kind: 'demo' }
  | { kind: 'webhook'; origin: string; host: string; userId: number; encryptedKey: string };

export interface ConnectionDeps {
  store: KeyValueStore;
  secrets: SecretCipher;
  /** Starts the built-in demo portal (the emulator on loopback). */
  startDemo: () => Promise<Emulator>;
  /** Passed to every client; tests add the emulator's certificate here. */
  clientOptions?: PortalClientOptions;
  /** Said once, at start: why there is no connection (a damaged settings file, say). */
  initialNotice?: string | null;
}

const STORE_KEY = 'connection';

export const NOTICES = {
  sessionOnly:
    'This computer offers no secure storage for secrets, so the webhook key is kept only until you quit the app. Connect again next time.',
  unreadable: 'Your saved connection could not be read on this computer (its keychain may have been reset). Connect again.',
  demoFailed: 'The demo portal could not be started this time. Choose it again, or connect your own portal.',
  settingsReset: (movedTo: string) =>
    `Your settings file was damaged, so it was moved aside (${movedTo}) and the defaults are back. Connect again.`,
} as const;

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
  #kind: ConnectionState['kind'] = 'none';
  #userId: number | null = null;
  #notice: string | null = null;
  #client: PortalClient | null = null;
  /** A webhook restored from the store, connected on first use. */
  #pending: Webhook | null = null;
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
    if (!isStoredConnection(stored)) return;
    if (stored.kind === 'demo') {
      this.#kind = 'demo';
      return;
    }
    try {
      const key = this.#deps.secrets.decrypt(stored.encryptedKey);
      this.#pending = { origin: stored.origin, host: stored.host, userId: stored.userId, key };
      this.#kind = 'webhook';
      this.#userId = stored.userId;
    } catch {
      this.#deps.store.delete(STORE_KEY);
      this.#notice = NOTICES.unreadable;
    }
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
        this.#notice = NOTICES.demoFailed;
      }
    }
    return this.#snapshot();
  }

  #snapshot(): ConnectionState {
    const portal =
      this.#client?.portal ??
      (this.#pending ? { origin: this.#pending.origin, host: this.#pending.host, demo: false } : null);
    if (this.#kind === 'none' || !portal) return { kind: 'none', portal: null, userId: null, notice: this.#notice };
    return { kind: this.#kind, portal, userId: this.#userId, notice: this.#notice };
  }

  /** The client for the current portal; throws NOT_CONNECTED when there is none. */
  async client(): Promise<PortalClient> {
    for (;;) {
      if (this.#disposed) throw inspectorError('NOT_CONNECTED');
      if (this.#client) return this.#client;
      if (this.#pending) {
        this.#client = createWebhookClient(this.#pending, this.#deps.clientOptions);
        this.#pending = null;
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

  /** Connects with a webhook URL after checking with the portal that it works and has the scope. */
  useWebhook(url: string): Promise<ConnectionState> {
    const webhook = parseWebhookUrl(url);
    return this.#change(async (isCurrent) => {
      const client = createWebhookClient(webhook, this.#deps.clientOptions);
      try {
        await verifyScope(client);
        if (!isCurrent()) throw new Superseded();
      } catch (error) {
        client.close();
        throw error;
      }
      const persisted = this.#deps.secrets.canPersist;
      if (persisted) {
        this.#deps.store.set(STORE_KEY, {
          kind: 'webhook',
          origin: webhook.origin,
          host: webhook.host,
          userId: webhook.userId,
          encryptedKey: this.#deps.secrets.encrypt(webhook.key),
        } satisfies StoredConnection);
      } else {
        this.#deps.store.delete(STORE_KEY);
      }
      await this.#install(client, 'webhook', webhook.userId, persisted ? null : NOTICES.sessionOnly);
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
      await this.#install(client, 'demo', null, null);
    });
  }

  disconnect(): Promise<ConnectionState> {
    return this.#change(async () => {
      this.#deps.store.delete(STORE_KEY);
      await this.#install(null, 'none', null, null);
    });
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#generation += 1;
    await this.#changes;
    this.#client?.close();
    this.#client = null;
    this.#pending = null;
    this.#kind = 'none';
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

  async #install(client: PortalClient | null, kind: ConnectionState['kind'], userId: number | null, notice: string | null): Promise<void> {
    if (this.#client && this.#client !== client) this.#client.close();
    this.#client = client;
    this.#pending = null;
    this.#kind = kind;
    this.#userId = userId;
    this.#notice = notice;
    // Leaving the demo stops its server: nothing should listen on loopback for no reason.
    if (kind !== 'demo') await this.#stopDemo();
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

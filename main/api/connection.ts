// Which portal the app talks to, and the one PortalClient for it. The webhook
// key lives here and in the encrypted store, nowhere else: what leaves this
// module is a ConnectionState (host and user id), never the key.
import type { ConnectionState } from '../../preload/api-contract';
import { inspectorError } from '../core/errors';
import { parseWebhookUrl, type Webhook } from '../core/webhook';
import type { Emulator } from '../emulator/index';
import { createWebhookClient, type PortalClient, type PortalClientOptions } from '../rest/portal-client';
import type { KeyValueStore } from './settings';

/** Encrypts secrets at rest: Electron's safeStorage in the app. */
export interface SecretCipher {
  /** False when the OS offers no real encryption; the key is then kept for this run only. */
  readonly canPersist: boolean;
  encrypt(plain: string): string;
  /** Throws when the stored value cannot be decrypted (another machine, a reset keychain). */
  decrypt(stored: string): string;
}

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
}

const STORE_KEY = 'connection';
const REQUIRED_SCOPE = 'imopenlines';

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

export class ConnectionManager {
  readonly #deps: ConnectionDeps;
  #client: PortalClient | null = null;
  #kind: ConnectionState['kind'] = 'none';
  #userId: number | null = null;
  #demo: Emulator | null = null;
  #demoStarting: Promise<Emulator> | null = null;
  /** A webhook restored from the store, connected on first use. */
  #pending: Webhook | null = null;

  constructor(deps: ConnectionDeps) {
    this.#deps = deps;
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
      // Unreadable on this machine (a reset keychain, a copied profile): ask again.
      this.#deps.store.delete(STORE_KEY);
    }
  }

  async state(): Promise<ConnectionState> {
    if (this.#kind === 'none') return { kind: 'none', portal: null, userId: null };
    const client = await this.client();
    return { kind: this.#kind, portal: client.portal, userId: this.#userId };
  }

  /** The client for the current portal; throws NOT_CONNECTED when there is none. */
  async client(): Promise<PortalClient> {
    if (this.#client) return this.#client;
    if (this.#kind === 'demo') {
      this.#client = await this.#demoClient();
      return this.#client;
    }
    if (this.#pending) {
      this.#client = createWebhookClient(this.#pending, this.#deps.clientOptions);
      this.#pending = null;
      return this.#client;
    }
    throw inspectorError('NOT_CONNECTED');
  }

  /** Connects with a webhook URL after checking with the portal that it works and has the scope. */
  async useWebhook(url: string): Promise<ConnectionState> {
    const webhook = parseWebhookUrl(url);
    const client = createWebhookClient(webhook, this.#deps.clientOptions);
    try {
      await verifyScope(client);
    } catch (error) {
      client.close();
      throw error;
    }
    this.#replaceClient(client, 'webhook', webhook.userId);
    if (this.#deps.secrets.canPersist) {
      const stored: StoredConnection = {
        kind: 'webhook',
        origin: webhook.origin,
        host: webhook.host,
        userId: webhook.userId,
        encryptedKey: this.#deps.secrets.encrypt(webhook.key),
      };
      this.#deps.store.set(STORE_KEY, stored);
    } else {
      this.#deps.store.delete(STORE_KEY);
    }
    return this.state();
  }

  async useDemo(): Promise<ConnectionState> {
    const client = await this.#demoClient();
    this.#replaceClient(client, 'demo', null);
    this.#deps.store.set(STORE_KEY, { kind: 'demo' } satisfies StoredConnection);
    return this.state();
  }

  async disconnect(): Promise<ConnectionState> {
    this.#replaceClient(null, 'none', null);
    this.#pending = null;
    this.#deps.store.delete(STORE_KEY);
    return this.state();
  }

  async dispose(): Promise<void> {
    this.#client?.close();
    this.#client = null;
    const demo = this.#demo ?? (await this.#demoStarting?.catch(() => null));
    this.#demo = null;
    await demo?.close();
  }

  #replaceClient(client: PortalClient | null, kind: ConnectionState['kind'], userId: number | null): void {
    if (this.#client && this.#client !== client) this.#client.close();
    this.#client = client;
    this.#kind = kind;
    this.#userId = userId;
  }

  async #demoClient(): Promise<PortalClient> {
    if (!this.#demo) {
      this.#demoStarting ??= this.#deps.startDemo();
      try {
        this.#demo = await this.#demoStarting;
      } catch (error) {
        this.#demoStarting = null;
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

/** `scope` answers with the webhook's scopes: proof that the key works, and that it may read open lines. */
async function verifyScope(client: PortalClient): Promise<void> {
  const answer = await client.call('scope', {});
  const scopes = Array.isArray(answer.result) ? answer.result : [];
  if (!scopes.includes(REQUIRED_SCOPE)) {
    const granted = scopes.length > 0 ? scopes.join(', ') : 'none';
    throw inspectorError('insufficient_scope', {
      message: `The webhook works, but it was created without the "imopenlines" scope (its scopes: ${granted}).`,
    });
  }
}

// The portals a user has connected, each an account: a name, a kind (inbound
// webhook or OAuth 2.0 with their own local application), the portal's
// address and its rate-limit plan. Kept in config.json (electron-store in the
// app, conf in the CLI: the same file), secrets encrypted by the SecretCipher
// and never handed out in a summary. When the cipher cannot persist (Linux
// without a keyring), secrets live in memory for this run only.
//
// Every write goes through conf's atomic file write (write to a temporary
// file, then rename), so a crash leaves the old file or the new one, never half.
import crypto from 'node:crypto';
import { z } from 'zod';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { Webhook } from '../core/webhook';
import type { OAuthTokens } from '../oauth/token-client';
import type { KeyValueStore } from '../api/settings';
import type { AccountState, AccountSummary, RatePlan } from './account-types';
import type { SecretCipher } from './secret-cipher';

const STORE_KEY = 'accounts';
const NAME_MAX = 60;

export type { AccountKind, AccountState, AccountSummary, RatePlan } from './account-types';

export type AccountSecrets =
  | { kind: 'webhook'; webhook: Webhook }
  | { kind: 'oauth'; clientId: string; clientSecret: string; oauthServer: string; tokens: OAuthTokens };

const sealed = z.string().nullable();
const baseSchema = {
  id: z.string().min(1),
  name: z.string().min(1).max(NAME_MAX),
  origin: z.string().url(),
  host: z.string().min(1),
  plan: z.enum(['standard', 'enterprise']).catch('standard'),
  createdAt: z.string(),
};
const storedAccountSchema = z.discriminatedUnion('kind', [
  z.object({ ...baseSchema, kind: z.literal('webhook'), userId: z.number().int().positive(), key: sealed }),
  z.object({
    ...baseSchema,
    kind: z.literal('oauth'),
    clientId: z.string().min(1),
    oauthServer: z.string().url(),
    clientSecret: sealed,
    tokens: sealed,
    memberId: z.string().nullable(),
    signInAgain: z.boolean(),
  }),
]);
type StoredAccount = z.infer<typeof storedAccountSchema>;

const tokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  accessExpiresAt: z.number(),
  scope: z.array(z.string()),
  memberId: z.string(),
  clientEndpoint: z.string().optional(),
  userId: z.number().optional(),
});

interface StoredAccounts {
  current: string | null;
  list: StoredAccount[];
}

export interface NewWebhookAccount {
  webhook: Webhook;
  name?: string;
  plan?: RatePlan;
}

export interface NewOAuthAccount {
  origin: string;
  host: string;
  clientId: string;
  clientSecret: string;
  oauthServer: string;
  tokens: OAuthTokens;
  name?: string;
  plan?: RatePlan;
}

/** A name as shown: trimmed, one line, not empty, not too long. */
export function checkAccountName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > NAME_MAX || /[\u0000-\u001f\u007f]/.test(name)) {
    throw inspectorError('ACCOUNT_NAME_INVALID', { message: messages().errors.accounts.nameInvalid(NAME_MAX) });
  }
  return name;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export class AccountStore {
  readonly #store: KeyValueStore;
  readonly #cipher: SecretCipher;
  /** Secrets of this run only, by account id and field, when the cipher cannot persist. */
  readonly #sessionSecrets = new Map<string, string>();
  /** Records that did not parse at load: kept in the file untouched, not offered. */
  #skipped: unknown[] = [];

  constructor(store: KeyValueStore, cipher: SecretCipher) {
    this.#store = store;
    this.#cipher = cipher;
  }

  /** Accounts in the order they were added; none of them carries a secret. */
  list(): AccountSummary[] {
    const { list, current } = this.#read();
    return list.map((account) => this.#summary(account, account.id === current));
  }

  /** By id, or by name ignoring case. */
  find(idOrName: string): AccountSummary | null {
    const { list, current } = this.#read();
    const account = list.find((candidate) => candidate.id === idOrName) ?? list.find((candidate) => sameName(candidate.name, idOrName));
    return account ? this.#summary(account, account.id === current) : null;
  }

  /** Like find(), but a missing account is an error naming the ones there are. */
  get(idOrName: string): AccountSummary {
    const found = this.find(idOrName);
    if (found) return found;
    const names = this.list().map((account) => account.name);
    const said = messages().errors.accounts;
    throw inspectorError('ACCOUNT_NOT_FOUND', {
      message: names.length === 0 ? said.notFoundNoneSaved(idOrName) : said.notFound(idOrName, names),
    });
  }

  current(): AccountSummary | null {
    return this.list().find((account) => account.current) ?? null;
  }

  /**
   * Saves a webhook account; the same webhook user on the same portal again
   * replaces the key of the account it already has, keeping its name.
   */
  addWebhook(input: NewWebhookAccount): AccountSummary {
    const { webhook } = input;
    return this.#upsert(
      (account) => account.kind === 'webhook' && account.origin === webhook.origin && account.userId === webhook.userId,
      (id, existing) => ({
        ...this.#base(id, webhook.origin, webhook.host, input.name, input.plan, existing),
        kind: 'webhook',
        userId: webhook.userId,
        key: this.#seal(id, 'key', webhook.key),
      }),
    );
  }

  /** Saves a signed-in OAuth account; signing in again to the same portal with the same application updates it. */
  addOAuth(input: NewOAuthAccount): AccountSummary {
    return this.#upsert(
      (account) => account.kind === 'oauth' && account.origin === input.origin && account.clientId === input.clientId,
      (id, existing) => ({
        ...this.#base(id, input.origin, input.host, input.name, input.plan, existing),
        kind: 'oauth',
        clientId: input.clientId,
        oauthServer: input.oauthServer,
        clientSecret: this.#seal(id, 'clientSecret', input.clientSecret),
        tokens: this.#seal(id, 'tokens', JSON.stringify(input.tokens)),
        memberId: input.tokens.memberId,
        signInAgain: false,
      }),
    );
  }

  rename(idOrName: string, newName: string): AccountSummary {
    const { id } = this.get(idOrName);
    const name = checkAccountName(newName);
    this.#assertNameFree(name, id);
    this.#update(id, (account) => ({ ...account, name }));
    return this.get(id);
  }

  /** Which of the portal's documented rate limits lookups keep to (https://apidocs.bitrix24.com/settings/performance/limits.html). */
  setPlan(idOrName: string, plan: RatePlan): AccountSummary {
    const { id } = this.get(idOrName);
    this.#update(id, (account) => ({ ...account, plan }));
    return this.get(id);
  }

  /** Forgets the account and every secret of it. Its history and kept dialogs stay (they belong to the portal). */
  remove(idOrName: string): AccountSummary {
    const removed = this.get(idOrName);
    const data = this.#read();
    this.#write({ current: data.current === removed.id ? null : data.current, list: data.list.filter((account) => account.id !== removed.id) });
    for (const key of [...this.#sessionSecrets.keys()]) if (key.startsWith(`${removed.id}:`)) this.#sessionSecrets.delete(key);
    return removed;
  }

  setCurrent(idOrName: string | null): AccountSummary | null {
    const id = idOrName === null ? null : this.get(idOrName).id;
    this.#write({ ...this.#read(), current: id });
    return id === null ? null : this.get(id);
  }

  /** The secrets to connect with. Main only: never passed to the renderer or printed. */
  secrets(idOrName: string): AccountSecrets {
    const summary = this.get(idOrName);
    const account = this.#stored(summary.id);
    if (account.kind === 'webhook') {
      const key = this.#unseal(account.id, 'key', account.key);
      return { kind: 'webhook', webhook: { origin: account.origin, host: account.host, userId: account.userId, key } };
    }
    const stored = tokensSchema.parse(JSON.parse(this.#unseal(account.id, 'tokens', account.tokens)));
    // JSON drops undefined; OAuthTokens spells the two optional fields out.
    const tokens: OAuthTokens = { ...stored, clientEndpoint: stored.clientEndpoint, userId: stored.userId };
    return {
      kind: 'oauth',
      clientId: account.clientId,
      clientSecret: this.#unseal(account.id, 'clientSecret', account.clientSecret),
      oauthServer: account.oauthServer,
      tokens,
    };
  }

  /** Every secret the saved accounts hold that can be read now: what the log must never write. */
  everySecret(): string[] {
    const found: string[] = [];
    for (const { id } of this.list()) {
      try {
        const secrets = this.secrets(id);
        if (secrets.kind === 'webhook') found.push(secrets.webhook.key);
        else found.push(secrets.clientSecret, secrets.tokens.accessToken, secrets.tokens.refreshToken);
      } catch {
        // Unreadable or forgotten: it cannot be written either.
      }
    }
    return found;
  }

  /** The rotated pair, in place of the old one; returns once it is on disk (conf writes synchronously). */
  saveTokens(id: string, tokens: OAuthTokens): void {
    this.#update(id, (account) => (account.kind === 'oauth' ? { ...account, tokens: this.#seal(id, 'tokens', JSON.stringify(tokens)), signInAgain: false } : account));
  }

  /** The portal refused the refresh token: only a new sign-in helps. Nothing else about the account changes. */
  markSignInAgain(id: string): void {
    this.#update(id, (account) => (account.kind === 'oauth' ? { ...account, signInAgain: true } : account));
  }

  /** Records in the file that could not be read, left as they are. */
  get skipped(): number {
    this.#read();
    return this.#skipped.length;
  }

  #summary(account: StoredAccount, current: boolean): AccountSummary {
    const summary: AccountSummary = {
      id: account.id,
      name: account.name,
      kind: account.kind,
      origin: account.origin,
      host: account.host,
      plan: account.plan,
      state: this.#state(account),
      current,
      userId: account.kind === 'webhook' ? account.userId : null,
    };
    if (account.kind === 'oauth') {
      summary.clientId = account.clientId;
      summary.oauthServer = account.oauthServer;
    }
    return summary;
  }

  #state(account: StoredAccount): AccountState {
    const fields = account.kind === 'webhook' ? ([['key', account.key]] as const) : ([['clientSecret', account.clientSecret], ['tokens', account.tokens]] as const);
    for (const [field, value] of fields) {
      if (value === null) {
        if (!this.#sessionSecrets.has(`${account.id}:${field}`)) return 'secrets-forgotten';
        continue;
      }
      try {
        this.#cipher.decrypt(value);
      } catch {
        return 'secrets-unreadable';
      }
    }
    return account.kind === 'oauth' && account.signInAgain ? 'sign-in-again' : 'ready';
  }

  #base(id: string, origin: string, host: string, name: string | undefined, plan: RatePlan | undefined, existing: StoredAccount | null) {
    let chosen: string;
    if (name !== undefined) {
      chosen = checkAccountName(name);
      this.#assertNameFree(chosen, id);
    } else {
      chosen = existing?.name ?? this.#freeName(host);
    }
    return { id, name: chosen, origin, host, plan: plan ?? existing?.plan ?? 'standard', createdAt: existing?.createdAt ?? new Date().toISOString() };
  }

  /** The host, or "host (2)", "host (3)"… when another account already has it. */
  #freeName(host: string): string {
    const taken = this.#read().list.map((account) => account.name);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? host : `${host} (${n})`;
      if (!taken.some((name) => sameName(name, candidate))) return candidate;
    }
  }

  #assertNameFree(name: string, exceptId: string): void {
    if (this.#read().list.some((account) => account.id !== exceptId && sameName(account.name, name))) {
      throw inspectorError('ACCOUNT_NAME_TAKEN', { message: messages().errors.accounts.nameTaken(name) });
    }
  }

  #upsert(same: (account: StoredAccount) => boolean, build: (id: string, existing: StoredAccount | null) => StoredAccount): AccountSummary {
    const data = this.#read();
    const existing = data.list.find(same) ?? null;
    const id = existing?.id ?? crypto.randomUUID();
    const account = build(id, existing);
    const list = existing ? data.list.map((candidate) => (candidate.id === id ? account : candidate)) : [...data.list, account];
    // The first account, or one just signed in to, is the one lookups go to.
    this.#write({ current: id, list });
    return this.get(id);
  }

  #update(id: string, change: (account: StoredAccount) => StoredAccount): void {
    const data = this.#read();
    if (!data.list.some((account) => account.id === id)) throw inspectorError('ACCOUNT_NOT_FOUND');
    this.#write({ ...data, list: data.list.map((account) => (account.id === id ? change(account) : account)) });
  }

  #stored(id: string): StoredAccount {
    const account = this.#read().list.find((candidate) => candidate.id === id);
    if (!account) throw inspectorError('ACCOUNT_NOT_FOUND');
    return account;
  }

  #seal(id: string, field: string, plain: string): string | null {
    if (this.#cipher.canPersist) {
      this.#sessionSecrets.delete(`${id}:${field}`);
      return this.#cipher.encrypt(plain);
    }
    this.#sessionSecrets.set(`${id}:${field}`, plain);
    return null;
  }

  #unseal(id: string, field: string, value: string | null): string {
    if (value === null) {
      const kept = this.#sessionSecrets.get(`${id}:${field}`);
      if (kept !== undefined) return kept;
      throw inspectorError('ACCOUNT_SECRETS_FORGOTTEN');
    }
    try {
      return this.#cipher.decrypt(value);
    } catch (error) {
      throw inspectorError('ACCOUNT_SECRETS_UNREADABLE', undefined, error);
    }
  }

  /** Reads the file each time: the app and the CLI may both have changed it. */
  #read(): StoredAccounts {
    const raw = this.#store.get(STORE_KEY) as { current?: unknown; list?: unknown } | undefined;
    const records = Array.isArray(raw?.list) ? raw.list : [];
    const list: StoredAccount[] = [];
    const skipped: unknown[] = [];
    for (const record of records) {
      const parsed = storedAccountSchema.safeParse(record);
      if (parsed.success) list.push(parsed.data);
      else skipped.push(record);
    }
    this.#skipped = skipped;
    const current = typeof raw?.current === 'string' && list.some((account) => account.id === raw.current) ? raw.current : null;
    return { current, list };
  }

  #write(data: StoredAccounts): void {
    // Records this version could not read go back as they were: a newer app's may be among them.
    this.#store.set(STORE_KEY, { current: data.current, list: [...data.list, ...this.#skipped] });
  }
}

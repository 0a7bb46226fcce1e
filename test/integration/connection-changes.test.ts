// Changes of connection while something is still on its way: a slow demo
// start, a dispose mid-start, a demo that cannot start, a key that cannot be
// kept. Real emulators and a real settings file; only the timing is steered.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../../main/accounts/account-store';
import { ConnectionManager, NOTICES } from '../../main/api/connection';
import { openFileStore } from '../../main/api/file-store';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { makeTempDir } from '../support/temp-dir';
import { testCipher } from '../support/test-cipher';

let portal: Emulator;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
const managers: ConnectionManager[] = [];

beforeAll(async () => {
  portal = await startEmulator({ rateLimit: false });
});
afterAll(() => portal.close());
afterEach(async () => {
  await Promise.all(managers.splice(0).map((manager) => manager.dispose()));
  await temp?.remove();
});

/** A demo whose start the test releases by hand, and whose closing it can see. */
function gatedDemo() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started: Emulator[] = [];
  return {
    release,
    started,
    async start(): Promise<Emulator> {
      await gate;
      const demo = await startEmulator({ rateLimit: false });
      started.push(demo);
      return demo;
    },
  };
}

async function manager(options: { startDemo?: () => Promise<Emulator>; canPersist?: boolean; dir?: string } = {}) {
  temp ??= await makeTempDir();
  const store = openFileStore(options.dir ?? temp.dir);
  const secrets = testCipher(options.canPersist ?? true);
  const created = new ConnectionManager({
    store,
    secrets,
    accounts: new AccountStore(store, secrets),
    startDemo: options.startDemo ?? (() => startEmulator({ rateLimit: false })),
    clientOptions: { extraCertificates: [portal.certificate], rateLimit: false, timeoutMs: 5_000 },
  });
  managers.push(created);
  return created;
}

async function isListening(emulator: Emulator): Promise<boolean> {
  try {
    await fetch(emulator.origin);
    return true;
  } catch (error) {
    // A closed server refuses; a live one fails only on its self-signed certificate.
    return !String((error as { cause?: { code?: string } }).cause?.code).startsWith('ECONNREFUSED');
  }
}

describe('a slow demo start', () => {
  it('never wins over a webhook connected meanwhile', async () => {
    temp = await makeTempDir();
    openFileStore(temp.dir).set('connection', { kind: 'demo' });
    const demo = gatedDemo();
    const connection = await manager({ startDemo: demo.start });

    const restoring = connection.state(); // starts the remembered demo
    const connecting = connection.useWebhook(portal.webhookUrl());
    demo.release();
    await restoring;
    const state = await connecting;

    expect(state.kind).toBe('webhook');
    expect(state.portal?.origin).toBe(portal.origin);
    const client = await connection.client();
    expect(client.portal.origin).toBe(portal.origin);
    expect((await connection.state()).kind).toBe('webhook');
    // The webhook is the current account; the demo is no longer remembered.
    expect(openFileStore(temp.dir).get('connection')).toBeUndefined();
    expect(openFileStore(temp.dir).get('accounts')).toMatchObject({ current: state.account!.id, list: [{ kind: 'webhook', origin: portal.origin }] });
    // The demo that started too late is not left listening.
    for (const started of demo.started) expect(await isListening(started)).toBe(false);
  });

  it('is not adopted when the app quits while it starts', async () => {
    const demo = gatedDemo();
    const connection = await manager({ startDemo: demo.start });
    const choosing = connection.useDemo();
    const disposing = connection.dispose();
    demo.release();
    await disposing;
    await choosing.catch(() => undefined);
    for (const started of demo.started) expect(await isListening(started)).toBe(false);
    await expect(connection.client()).rejects.toMatchObject({ envelope: { code: 'NOT_CONNECTED' } });
  });
});

describe('leaving the demo', () => {
  it('stops its server when another portal is chosen, and choosing it twice keeps one', async () => {
    const demo = gatedDemo();
    demo.release();
    const connection = await manager({ startDemo: demo.start });
    await connection.useDemo();
    const first = await connection.client();
    await connection.useDemo();
    expect(await connection.client()).toBe(first);
    expect(demo.started).toHaveLength(1);
    await connection.useWebhook(portal.webhookUrl());
    expect(await isListening(demo.started[0]!)).toBe(false);
  });
});

describe('what the user is told', () => {
  it('a remembered demo that cannot start falls back to choosing, with a notice', async () => {
    temp = await makeTempDir();
    openFileStore(temp.dir).set('connection', { kind: 'demo' });
    const connection = await manager({ startDemo: () => Promise.reject(new Error('EADDRINUSE')) });
    expect(await connection.state()).toEqual({ kind: 'none', portal: null, userId: null, notice: NOTICES.demoFailed, account: null });
    expect((await connection.useWebhook(portal.webhookUrl())).kind).toBe('webhook');
  });

  it('a key that cannot be encrypted is kept for this run, and the user is told', async () => {
    const connection = await manager({ canPersist: false });
    const state = await connection.useWebhook(portal.webhookUrl());
    expect(state).toMatchObject({ kind: 'webhook', notice: NOTICES.sessionOnly });
  });

  it('a saved key that cannot be decrypted is dropped, and the user is told', async () => {
    temp = await makeTempDir();
    openFileStore(temp.dir).set('connection', { kind: 'webhook', origin: portal.origin, host: 'x', userId: 1, encryptedKey: 'from-another-machine' });
    const connection = await manager();
    expect(await connection.state()).toEqual({ kind: 'none', portal: null, userId: null, notice: NOTICES.unreadable, account: null });
    expect(openFileStore(temp.dir).get('connection')).toBeUndefined();
  });

  it('the one webhook an earlier version saved becomes the first account, and lookups go on', async () => {
    temp = await makeTempDir();
    const webhook = new URL(portal.webhookUrl());
    const [, , userId, key] = webhook.pathname.split('/');
    const sealed = testCipher().encrypt(key!);
    openFileStore(temp.dir).set('connection', { kind: 'webhook', origin: portal.origin, host: webhook.host, userId: Number(userId), encryptedKey: sealed });
    const connection = await manager();
    const state = await connection.state();
    expect(state).toMatchObject({ kind: 'webhook', portal: { origin: portal.origin }, userId: Number(userId), account: { name: webhook.host, state: 'ready', current: true } });
    expect(openFileStore(temp.dir).get('connection')).toBeUndefined();
    expect((await (await connection.client()).call('scope', {})).result).toContain('imopenlines');
  });
});

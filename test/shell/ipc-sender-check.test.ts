// IPC: every API channel is registered, and a message is answered only when it
// comes from the app's own top-level page. Runs the real MainApi over an
// in-memory store; only ipcMain and the sender frames are fakes.
import type { AppLog, LogDetails } from '../../main/core/app-log';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainApi, type MainApi } from '../../main/api/create-main-api';
import type { SecretCipher } from '../../main/api/connection';
import type { KeyValueStore } from '../../main/api/settings';
import { isTrustedSender, registerIpc } from '../../main/shell/ipc';
import { API_CHANNELS, type Result } from '../../preload/api-contract';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const ORIGINS = ['app://renderer'];
const APP_PAGE = 'app://renderer/index.html';

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
    delete: (key) => void data.delete(key),
  };
}

const fakeCipher: SecretCipher = {
  canPersist: true,
  encrypt: (plain) => `fake:${Buffer.from(plain).toString('hex')}`,
  decrypt: (stored) => Buffer.from(stored.slice(5), 'hex').toString(),
};

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const registrations: string[] = [];
  const ipcMain = {
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      registrations.push(channel);
      handlers.set(channel, handler);
    },
  };
  return { ipcMain: ipcMain as unknown as IpcMain, handlers, registrations };
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function topFrame(url: string): FakeFrame {
  return { url, parent: null };
}

function eventFrom(frame: FakeFrame | null): IpcMainInvokeEvent {
  return { senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

let store: ReturnType<typeof memoryStore>;
let api: MainApi;
let ipc: ReturnType<typeof fakeIpcMain>;
let dispatch: ReturnType<typeof vi.spyOn>;
/** What main wrote to its log: level, event, details. */
let logged: Array<[string, string, LogDetails | undefined]>;

beforeEach(() => {
  store = memoryStore();
  logged = [];
  const log: AppLog = {
    error: (event, details) => void logged.push(['error', event, details]),
    warn: (event, details) => void logged.push(['warn', event, details]),
    info: (event, details) => void logged.push(['info', event, details]),
  };
  api = createMainApi({
    store,
    secrets: fakeCipher,
    openExternal: async () => {},
    writeClipboard: (text) => {
      if (text === 'break') throw new Error('the clipboard is gone');
    },
    startDemo: () => Promise.reject(new Error('no demo in these tests')),
    log,
  });
  dispatch = vi.spyOn(api, 'dispatch');
  ipc = fakeIpcMain();
  registerIpc(ipc.ipcMain, Promise.resolve(api), Object.values(API_CHANNELS), ORIGINS, log);
});

afterEach(() => api.dispose());

async function invoke(channel: string, frame: FakeFrame | null, args?: unknown): Promise<Result<unknown>> {
  const handler = ipc.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(eventFrom(frame), args)) as Result<unknown>;
}

function expectRefused(result: Result<unknown>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('INVALID_ARGUMENT');
  expect(result.error.message).toMatch(/did not come from the app window/);
}

describe('registerIpc', () => {
  it('registers exactly the API channels, each once', () => {
    expect(ipc.registrations).toHaveLength(api.channels.length);
    expect([...ipc.registrations].sort()).toEqual([...api.channels].sort());
  });

  it('covers every channel the preload speaks on', () => {
    expect([...api.channels].sort()).toEqual(Object.values(API_CHANNELS).sort());
  });
});

describe('a message from the app page', () => {
  it('reaches the API: settings:get answers with the defaults', async () => {
    const result = await invoke('settings:get', topFrame(APP_PAGE));
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ numberAs: 'chat', historyMaxEntries: 10_000 }) });
    expect(dispatch).toHaveBeenCalledWith('settings:get', undefined);
  });

  it('changes settings through settings:update', async () => {
    const result = await invoke('settings:update', topFrame(APP_PAGE), { numberAs: 'session' });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ numberAs: 'session' }) });
    expect(store.data.get('settings.numberAs')).toBe('session');
  });

  it('from another page of the app is answered too', async () => {
    expect((await invoke('settings:get', topFrame('app://renderer/other.html#x'))).ok).toBe(true);
  });

  it('with a bad argument is refused with INVALID_ARGUMENT and changes nothing', async () => {
    for (const bad of [{ numberAs: 'both' }, { numberAs: 'session', extra: 1 }, 'session', null]) {
      const result = await invoke('settings:update', topFrame(APP_PAGE), bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
    }
    expect(store.data.has('settings.numberAs')).toBe(false);
  });
});

describe('a message from anywhere else is refused before the API runs', () => {
  const evilParent = topFrame('https://evil.example/');
  const appParent = topFrame(APP_PAGE);
  const senders: Array<[string, FakeFrame | null]> = [
    ['an iframe inside the app page', { url: APP_PAGE, parent: appParent }],
    ['the app page framed by another site', { url: APP_PAGE, parent: evilParent }],
    ['https://evil.example', topFrame('https://evil.example/index.html')],
    ['a file:// page', topFrame('file:///home/user/index.html')],
    ['another app:// host', topFrame('app://evil/index.html')],
    ['the dev server origin when it is not an app origin', topFrame('http://localhost:5173/')],
    ['a frame that is gone (null senderFrame)', null],
  ];

  it.each(senders)('%s: settings:update leaves the store untouched', async (_name, frame) => {
    const result = await invoke('settings:update', frame, { numberAs: 'session' });
    expectRefused(result);
    expect(dispatch).not.toHaveBeenCalled();
    expect(store.data.has('settings.numberAs')).toBe(false);
    // The same request from the app page does go through, so the refusal was the sender's.
    expect((await invoke('settings:update', topFrame(APP_PAGE), { numberAs: 'session' })).ok).toBe(true);
    expect(store.data.get('settings.numberAs')).toBe('session');
  });

  it.each(senders)('%s: settings:get is refused too, and written to the log', async (_name, frame) => {
    expectRefused(await invoke('settings:get', frame));
    expect(dispatch).not.toHaveBeenCalled();
    expect(logged).toEqual([['warn', 'ipc-refused', expect.objectContaining({ channel: 'settings:get', from: frame ? frame.url.split(/[?#]/)[0] : expect.any(String) })]]);
  });

  it('a sender without senderFrame at all is refused', async () => {
    const handler = ipc.handlers.get('settings:get')!;
    expectRefused((await handler({}, undefined)) as Result<unknown>);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('an unexpected failure', () => {
  it('answers INTERNAL, and the log gets the channel and the cause', async () => {
    const result = await invoke('clipboard:write-text', topFrame(APP_PAGE), { text: 'break' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('clipboard is gone');
    expect(logged).toEqual([['error', 'internal-error', { channel: 'clipboard:write-text', cause: expect.objectContaining({ message: 'the clipboard is gone' }) }]]);
  });
});

describe('isTrustedSender', () => {
  it('trusts only a top-level frame at an app origin', () => {
    expect(isTrustedSender(eventFrom(topFrame(APP_PAGE)), ORIGINS)).toBe(true);
    expect(isTrustedSender(eventFrom({ url: APP_PAGE, parent: topFrame(APP_PAGE) }), ORIGINS)).toBe(false);
    expect(isTrustedSender(eventFrom(topFrame('https://evil.example/')), ORIGINS)).toBe(false);
    expect(isTrustedSender(eventFrom(null), ORIGINS)).toBe(false);
  });

  it('trusts the dev server only when its origin is listed', () => {
    const dev = eventFrom(topFrame('http://localhost:5173/index.html'));
    expect(isTrustedSender(dev, ORIGINS)).toBe(false);
    expect(isTrustedSender(dev, [...ORIGINS, 'http://localhost:5173'])).toBe(true);
  });
});

describe('dispatch', () => {
  it('answers an unknown channel with INVALID_ARGUMENT', async () => {
    for (const channel of ['settings:delete', '__proto__', 'constructor', 'toString', '']) {
      const result = await api.dispatch(channel, undefined);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('registers no handler for an unknown channel', () => {
    expect(ipc.handlers.has('settings:delete')).toBe(false);
  });
});

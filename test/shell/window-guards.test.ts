// What the page may do: navigate only within the app, open no windows, attach
// no <webview>, and get no permission at all.
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installWindowGuards } from '../../main/shell/window';

type Listener = (...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => { action: string };
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details?: unknown) => boolean;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: OpenHandler | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: OpenHandler) {
      openHandler = handler;
    },
  };
  return {
    contents,
    listeners,
    get openHandler() {
      return openHandler;
    },
    /** Emits like Electron: an event whose preventDefault is recorded. */
    emit(event: string, ...args: unknown[]): { prevented: boolean } {
      const record = { prevented: false };
      const electronEvent = { preventDefault: () => (record.prevented = true) };
      const registered = listeners.get(event) ?? [];
      expect(registered.length, `a listener for ${event}`).toBeGreaterThan(0);
      for (const listener of registered) listener(electronEvent, ...args);
      return record;
    },
  };
}

function fakeSession() {
  const session = {
    requestHandler: null as PermissionRequestHandler | null,
    checkHandler: null as PermissionCheckHandler | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
      session.checkHandler = handler;
    },
  };
  return session;
}

const ORIGINS = ['app://renderer'];
let page: ReturnType<typeof fakeContents>;
let session: ReturnType<typeof fakeSession>;

beforeEach(() => {
  page = fakeContents();
  session = fakeSession();
  installWindowGuards(page.contents as unknown as WebContents, session as unknown as Session, ORIGINS);
});

describe.each(['will-navigate', 'will-redirect'])('%s', (event) => {
  it.each(['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)'])(
    'is prevented for %s',
    (url) => {
      expect(page.emit(event, url).prevented).toBe(true);
    },
  );

  it.each(['app://renderer/other.html', 'app://renderer/index.html#/dialog/1'])('is allowed for %s', (url) => {
    expect(page.emit(event, url).prevented).toBe(false);
  });
});

it('lets the dev server navigate only when its origin is one of the app origins', () => {
  const dev = fakeContents();
  installWindowGuards(dev.contents as unknown as WebContents, fakeSession() as unknown as Session, [...ORIGINS, 'http://localhost:5173']);
  expect(dev.emit('will-navigate', 'http://localhost:5173/index.html').prevented).toBe(false);
  expect(dev.emit('will-navigate', 'https://evil.example/').prevented).toBe(true);
});

it('prevents attaching any <webview>', () => {
  expect(page.emit('will-attach-webview', {}, { src: 'app://renderer/index.html' }).prevented).toBe(true);
});

it('denies every new window, whatever the URL', () => {
  const handler = page.openHandler;
  expect(handler).toBeTypeOf('function');
  for (const url of ['https://evil.example/', 'app://renderer/index.html', 'about:blank']) {
    expect(handler!({ url })).toEqual({ action: 'deny' });
  }
});

describe('permissions', () => {
  it.each(['media', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'openExternal', 'fullscreen', 'pointerLock'])(
    'request for %s is answered false',
    (permission) => {
      const callback = vi.fn();
      expect(session.requestHandler).toBeTypeOf('function');
      session.requestHandler!(page.contents, permission, callback, { requestingUrl: 'app://renderer/index.html' });
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it.each(['media', 'notifications', 'clipboard-read', 'geolocation'])('check for %s returns false', (permission) => {
    expect(session.checkHandler).toBeTypeOf('function');
    expect(session.checkHandler!(page.contents, permission, 'app://renderer', {})).toBe(false);
  });
});

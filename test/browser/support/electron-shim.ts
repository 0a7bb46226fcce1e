// Stands in for `electron` when the real preload is bundled for a plain
// browser page: only Electron's transport is replaced. The bridge object is
// exposed the way contextBridge exposes it (frozen, not writable), and every
// invoke goes to `__inspectorIpc`, a function Playwright exposes that calls
// the real main-process dispatcher.

type IpcTransport = (channel: string, args: unknown) => Promise<unknown>;
type IpcListener = (event: unknown, payload: unknown) => void;

const page = globalThis as unknown as Record<string, unknown> & {
  __inspectorIpc?: IpcTransport;
  __inspectorEmit?: (channel: string, payload: unknown) => void;
};

// Stands in for webContents.send: tests call `__inspectorEmit(channel, payload)`
// in the page to push what main would push.
const listeners = new Map<string, Set<IpcListener>>();
Object.defineProperty(page, '__inspectorEmit', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, payload);
  },
  writable: false,
  configurable: false,
});

export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown): void {
    Object.defineProperty(page, name, {
      value: Object.freeze(api),
      writable: false,
      configurable: false,
      enumerable: true,
    });
  },
};

export const ipcRenderer = {
  invoke(channel: string, args: unknown): Promise<unknown> {
    const transport = page.__inspectorIpc;
    if (typeof transport !== 'function') return Promise.reject(new Error('The test IPC transport is not exposed.'));
    return transport(channel, args);
  },
  on(channel: string, listener: IpcListener): void {
    const set = listeners.get(channel) ?? new Set<IpcListener>();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener(channel: string, listener: IpcListener): void {
    listeners.get(channel)?.delete(listener);
  },
};

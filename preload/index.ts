// The bridge: one frozen object on `window.inspector`, one named method per
// operation and one `on…` subscription per event, all made from the contract's
// maps. The renderer never sees ipcRenderer, a channel name, or a generic
// invoke, so a compromised page can only ask for what these methods ask for.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, EVENTS, NO_ARGUMENT, OPERATIONS, subscriptionName, type EventName, type EventPayload, type InspectorApi } from './api-contract';

function method(channel: string, takesArgument: boolean): (args?: unknown) => Promise<unknown> {
  // One argument at most crosses, and none for an operation that takes none, whatever the page passes.
  return takesArgument ? (args?: unknown) => ipcRenderer.invoke(channel, args) : () => ipcRenderer.invoke(channel, undefined);
}

function subscription<E extends EventName>(event: E): (listener: (payload: EventPayload<E>) => void) => () => void {
  const { channel } = EVENTS[event];
  return (listener) => {
    // The page gets the payload alone, never the IPC event (whose `sender` reaches ipcRenderer).
    const relay = (_event: unknown, payload: EventPayload<E>): void => listener(payload);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  };
}

const methods = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, { channel, args }]) => [name, method(channel, (args as unknown) !== NO_ARGUMENT)]),
);
const subscriptions = Object.fromEntries((Object.keys(EVENTS) as EventName[]).map((event) => [subscriptionName(event), subscription(event)]));

const api = Object.freeze({ ...methods, ...subscriptions }) as InspectorApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);

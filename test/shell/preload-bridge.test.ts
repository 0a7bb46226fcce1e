// The preload exposes one frozen object with one named method per operation:
// no ipcRenderer, no generic invoke or send, nothing of Electron itself.
// Electron is mocked; the bridge module is the real one.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, API_GLOBAL, EVENT_CHANNELS, EVENTS, NO_ARGUMENT, OPERATIONS, subscriptionName, type AppCommand, type EventName } from '../../preload/api-contract';

const exposed: Array<[string, unknown]> = [];
const invoked: Array<[string, unknown]> = [];
type Listener = (event: unknown, payload: unknown) => void;
const listening = new Map<string, Listener[]>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.push([name, value]) },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) => {
      invoked.push([channel, args]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: Listener) => listening.set(channel, [...(listening.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: Listener) =>
      listening.set(channel, (listening.get(channel) ?? []).filter((each) => each !== listener)),
  },
}));

beforeAll(async () => {
  await import('../../preload/index');
});

describe('the preload bridge', () => {
  it('exposes exactly one object, under window.inspector', () => {
    expect(exposed.map(([name]) => name)).toEqual([API_GLOBAL]);
  });

  it('is frozen and holds only the named operations of the contract, each a function', () => {
    const api = exposed[0]![1] as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_CHANNELS), 'onBulkProgress', 'onCommand', 'onLookupProgress', 'onOverviewRefreshed', 'onOverviewSchedule', 'onWatchChange', 'onWatchStatus'].sort());
    expect(Object.keys(EVENTS).map((event) => subscriptionName(event as EventName)).sort()).toEqual(['onBulkProgress', 'onCommand', 'onLookupProgress', 'onOverviewRefreshed', 'onOverviewSchedule', 'onWatchChange', 'onWatchStatus']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'require', 'process']) expect(api).not.toHaveProperty(forbidden);
  });

  it('sends each operation on its own channel, with the argument as given', async () => {
    const api = exposed[0]![1] as Record<string, (arg?: unknown) => Promise<unknown>>;
    let passedOn = 0;
    for (const [method, channel] of Object.entries(API_CHANNELS)) {
      invoked.length = 0;
      const argument = { probe: method };
      await api[method]!(argument);
      expect(invoked).toHaveLength(1);
      expect(invoked[0]![0]).toBe(channel);
      // As given to the methods that take one; the others send nothing.
      expect([argument, undefined]).toContainEqual(invoked[0]![1]);
      if (invoked[0]![1] !== undefined) passedOn += 1;
    }
    // Every method the contract gives an argument, and only those.
    const withArgument = Object.values(OPERATIONS).filter(({ args }) => (args as unknown) !== NO_ARGUMENT).length;
    expect(passedOn).toBe(withArgument);
    expect(withArgument).toBeGreaterThan(10);
    expect(withArgument).toBeLessThan(Object.keys(OPERATIONS).length);
  });

  it('hands the page only the command main pushed, never the IPC event, until it unsubscribes', () => {
    const api = exposed[0]![1] as { onCommand(listener: (command: AppCommand) => void): () => void };
    const received: unknown[][] = [];
    const unsubscribe = api.onCommand((...args: unknown[]) => received.push(args));
    const [relay] = listening.get(EVENT_CHANNELS.command) ?? [];
    relay!({ sender: { send: () => undefined } }, { kind: 'lookup', input: 'chat1777' });
    expect(received).toEqual([[{ kind: 'lookup', input: 'chat1777' }]]);
    unsubscribe();
    expect(listening.get(EVENT_CHANNELS.command)).toEqual([]);
  });

  it('hands the page each lookup progress main pushes, on its own channel, until it unsubscribes', () => {
    const api = exposed[0]![1] as { onLookupProgress(listener: (progress: unknown) => void): () => void };
    const received: unknown[] = [];
    const unsubscribe = api.onLookupProgress((progress) => received.push(progress));
    const [relay] = listening.get(EVENT_CHANNELS.lookupProgress) ?? [];
    const progress = { requestId: 'r1', waiting: { reason: 'rate-limit', attempt: 1, waitMs: 1500 } };
    relay!({ sender: {} }, progress);
    expect(received).toEqual([progress]);
    expect(EVENT_CHANNELS.lookupProgress).not.toBe(EVENT_CHANNELS.command);
    unsubscribe();
    expect(listening.get(EVENT_CHANNELS.lookupProgress)).toEqual([]);
  });
});

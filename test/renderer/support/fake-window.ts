// The little of a browser window the renderer's stores touch, for running them
// under Node: `window.inspector` (the preload's bridge, faked per test, see
// fake-inspector.ts), window events (reachability listens for "online"),
// matchMedia (the history's wide/narrow switch: wide here) and the root
// element's lang (set when the language changes).
const listeners = new Map<string, Set<() => void>>();

Object.assign(globalThis, {
  window: {
    inspector: undefined,
    addEventListener(type: string, listener: () => void) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener);
    },
    removeEventListener(type: string, listener: () => void) {
      listeners.get(type)?.delete(listener);
    },
    dispatchEvent(event: { type: string }) {
      for (const listener of [...(listeners.get(event.type) ?? [])]) listener();
      return true;
    },
    matchMedia: (media: string) => ({ media, matches: true, addEventListener() {}, removeEventListener() {} }),
  },
  document: { documentElement: { lang: '' } },
});

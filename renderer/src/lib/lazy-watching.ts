// The Watching view, with its texts, in a chunk of its own: fetched when the
// lead opens it, so the first screen carries only the header's button and count.
type WatchingChunk = typeof import('../components/WatchingView.svelte');

let loading: Promise<WatchingChunk> | null = null;

/** Asked once; every later call gets the same module. */
export function loadWatching(): Promise<WatchingChunk> {
  loading ??= import('../components/WatchingView.svelte');
  return loading;
}

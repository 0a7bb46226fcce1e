// The timeline tab in a chunk of its own, with its texts: fetched the first
// time a lead opens it.
type TimelineChunk = typeof import('../components/TimelineView.svelte');

let loading: Promise<TimelineChunk> | null = null;

/** Asked once; every later call gets the same module. */
export function loadTimeline(): Promise<TimelineChunk> {
  loading ??= import('../components/TimelineView.svelte');
  return loading;
}

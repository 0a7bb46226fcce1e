// The overview's view, with its data, table logic and texts, in a chunk of
// its own: fetched when the lead opens it, so the first screen does not carry it.
type OverviewChunk = typeof import('../components/OverviewView.svelte');

let loading: Promise<OverviewChunk> | null = null;

/** Asked once; every later call gets the same module. */
export function loadOverview(): Promise<OverviewChunk> {
  loading ??= import('../components/OverviewView.svelte');
  return loading;
}

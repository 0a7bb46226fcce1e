// The bulk run's view, with its rows, texts and CSV, in a chunk of its own:
// fetched when a list is offered, so the first screen does not carry it.
type BulkChunk = typeof import('../components/BulkView.svelte');

let loading: Promise<BulkChunk> | null = null;

/** Asked once; every later call gets the same module. */
export function loadBulk(): Promise<BulkChunk> {
  loading ??= import('../components/BulkView.svelte');
  return loading;
}

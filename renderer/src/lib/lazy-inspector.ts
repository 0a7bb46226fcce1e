// The dialog inspector (the card, the changes, the fields, the raw answer) in
// a chunk of its own: the first screen is the lookup field, so it does not wait
// for the code that draws an answer. Fetched right after the first screen,
// before the first answer can arrive.
type InspectorChunk = typeof import('../components/DialogInspector.svelte');
export type InspectorComponent = InspectorChunk['default'];

let loading: Promise<InspectorChunk> | null = null;

/** Asked once; every later call gets the same module. */
export function loadInspector(): Promise<InspectorChunk> {
  loading ??= import('../components/DialogInspector.svelte');
  return loading;
}

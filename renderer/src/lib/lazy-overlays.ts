// The command palette and the shortcut sheet, in a chunk of their own: the
// first screen does not wait for code it needs only when a key is pressed.
type Overlays = [typeof import('../components/CommandPalette.svelte'), typeof import('../components/ShortcutSheet.svelte')];

let loading: Promise<Overlays> | null = null;

/** Asked once; every later call gets the same modules. */
export function loadOverlays(): Promise<Overlays> {
  loading ??= Promise.all([import('../components/CommandPalette.svelte'), import('../components/ShortcutSheet.svelte')]);
  return loading;
}

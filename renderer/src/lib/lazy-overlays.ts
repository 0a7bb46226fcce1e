// The command palette and the shortcut sheet, and the settings and sign-in
// dialogs, in chunks of their own: the first screen does not wait for code it
// needs only when a key is pressed or a button clicked.
type Overlays = [typeof import('../components/CommandPalette.svelte'), typeof import('../components/ShortcutSheet.svelte')];
type Dialogs = [typeof import('../components/SettingsDialog.svelte'), typeof import('../components/SignInDialog.svelte')];

let loading: Promise<Overlays> | null = null;
let loadingDialogs: Promise<Dialogs> | null = null;

/** Asked once; every later call gets the same modules. */
export function loadOverlays(): Promise<Overlays> {
  loading ??= Promise.all([import('../components/CommandPalette.svelte'), import('../components/ShortcutSheet.svelte')]);
  return loading;
}

/** Asked once; every later call gets the same modules. */
export function loadDialogs(): Promise<Dialogs> {
  loadingDialogs ??= Promise.all([import('../components/SettingsDialog.svelte'), import('../components/SignInDialog.svelte')]);
  return loadingDialogs;
}

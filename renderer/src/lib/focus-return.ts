// Where focus goes when a modal closes: back to what had it when the modal
// opened. When that is gone (a sign-in finished on the Portals page, which the
// inspector then replaced), hidden, or in a dialog now closed, focus would fall
// to the page itself; the lookup field takes it instead, when it is on screen.
import { connection } from './connection-state.svelte';
import { LOOKUP_INPUT_ID, focusById } from './inspector-view.svelte';

/** Notes what has focus now; the returned function gives focus back to it. */
export function rememberFocus(): () => void {
  const active = document.activeElement;
  const returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
  return () => {
    if (returnTo?.isConnected && !returnTo.closest('dialog:not([open])')) returnTo.focus();
    // Still not there: gone, or hidden since (in a panel that closed).
    if (document.activeElement !== returnTo && connection.connected && !connection.choosing) focusById(LOOKUP_INPUT_ID);
  };
}

// A panel that covers the page like a modal (the history over a narrow window)
// makes what is behind it inert: neither reachable with Tab nor read out by a
// screen reader, as a <dialog> opened with showModal() would. Left alone: the
// modal <dialog>s (they may open over the panel), the live regions (what is
// announced while the panel is open must still be heard), and what the caller
// names (the scrim, which closes the panel on a click).

const KEEP = 'dialog, [aria-live], [role="status"], [role="alert"]';

/** Makes every element beside `element` and beside each of its ancestors inert; returns the undo, safe to call twice. */
export function inertAround(element: HTMLElement, except: readonly Element[] = []): () => void {
  const made: Element[] = [];
  for (let node: HTMLElement = element; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || except.includes(sibling) || sibling.matches(KEEP) || sibling.hasAttribute('inert')) continue;
      if (sibling instanceof HTMLScriptElement || sibling instanceof HTMLStyleElement) continue;
      sibling.setAttribute('inert', '');
      made.push(sibling);
    }
  }
  return () => {
    for (const sibling of made.splice(0)) sibling.removeAttribute('inert');
  };
}

// Tab wrapping for modal <dialog>s. showModal() makes the page behind inert, but
// Tab past the dialog's last control still leaves it for the browser's own UI
// (in Chromium, the document itself) before coming back; Shift+Tab from the first
// does the same. A keyboard user of a modal expects to go round inside it.

const CANDIDATES = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** What Tab can land on inside `container`, in order: shown, enabled, one radio per group. */
function tabStops(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(CANDIDATES)].filter((element) => {
    if (element.tabIndex < 0 || element.matches(':disabled') || !element.checkVisibility()) return false;
    if (element instanceof HTMLInputElement && element.type === 'hidden') return false;
    // Tab stops on a radio group once, at its checked radio when one is checked.
    if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked && element.name !== '') {
      return container.querySelector(`input[type="radio"][name="${CSS.escape(element.name)}"]:checked`) === null;
    }
    return true;
  });
}

/** A keydown handler for the <dialog>: Tab from the last stop goes to the first, Shift+Tab from the first to the last. */
export function keepTabInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const container = event.currentTarget;
  if (!(container instanceof HTMLElement)) return;
  const stops = tabStops(container);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const leaving = !container.contains(active) || (event.shiftKey ? active === first : active === last);
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

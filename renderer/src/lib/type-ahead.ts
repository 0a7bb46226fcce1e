// Keys typed between asking for the command palette and its text box taking
// focus. The palette's code may still be loading (a chunk of its own), and
// until it mounts the keys would land in whatever had focus: "demo" typed
// fast after Ctrl+K lost its "d" to the lookup field, and Enter ran the wrong
// command. They are held here and handed to the palette when it opens.

export interface TypedAhead {
  text: string;
  /** Enter was pressed: choose the first match once the palette shows it. */
  enter: boolean;
}

let held: TypedAhead = { text: '', enter: false };
let listener: ((event: KeyboardEvent) => void) | null = null;

function stop(): void {
  if (listener) window.removeEventListener('keydown', listener, true);
  listener = null;
}

/**
 * Starts holding keys while `wanted()` (the palette is on its way or open but
 * has not taken them yet); Esc calls `cancel` instead, as it would close the palette.
 */
export function holdTypedKeys(wanted: () => boolean, cancel: () => void): void {
  stop();
  held = { text: '', enter: false };
  listener = (event) => {
    if (!wanted()) {
      // Closed before it ever showed: the keys are the page's again.
      stop();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.key === 'Escape') {
      stop();
      cancel();
    } else if (event.key === 'Enter') held.enter = true;
    else if (event.key === 'Backspace') held.text = held.text.slice(0, -1);
    else if ([...event.key].length === 1) held.text += event.key;
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  window.addEventListener('keydown', listener, true);
}

/** What was typed while the palette was on its way, once; stops holding keys. */
export function takeTypedKeys(): TypedAhead {
  stop();
  const taken = held;
  held = { text: '', enter: false };
  return taken;
}

// The keys and the focus of a view's table rows (overview, bulk run,
// Watching), in one place so the tables cannot drift apart: ↑/↓/Home/End
// move (list-navigation), and a row of a virtual list is focused once virtua
// has drawn it where it stays.
import { tick } from 'svelte';
import { listAction } from './list-navigation';

/** What a view hands each row of its table (the overview's, a bulk run's). */
export interface TableRowProps {
  /** The row the arrow keys are on: the list's one Tab stop. */
  active: boolean;
  onopen: () => void;
  onkey: (event: KeyboardEvent) => void;
  /** Whether its dialog is on the watch list; null when it cannot be watched from here (another portal's rows, a row with no chat). */
  watched: boolean | null;
  onwatch: () => void;
}

/**
 * The position ↑/↓/Home/End on the row at `position` moves to, the key's
 * default stopped; null for any other key: Enter is the row's own (it is a
 * button), and Esc is left to the window.
 */
export function rowMove(event: KeyboardEvent, position: number, count: number): number | null {
  const action = listAction(event.key, position, count);
  if (!action || action.kind !== 'move') return null;
  event.preventDefault();
  return action.index;
}

/**
 * Focuses the element `id` of a virtual list the caller has just scrolled to:
 * virtua measures rows as they are drawn, so a long jump settles over a few
 * frames, and a row it moves in the page loses focus. So it is focused again
 * until it has kept the focus for a few frames, or until `stillWanted` says
 * the lead has moved on.
 */
export async function focusWhenSettled(id: string, stillWanted: () => boolean): Promise<void> {
  let kept = 0;
  for (let frame = 0; frame < 30 && kept < 3; frame++) {
    await tick();
    const element = document.getElementById(id);
    if (!stillWanted()) return;
    if (element && document.activeElement === element) kept++;
    else if (element) element.focus();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

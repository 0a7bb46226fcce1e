// The window's overlays that are not tied to one feature: the command palette,
// the shortcut sheet, and a deep link that could not be carried out.
import type { ErrorEnvelope } from '../../../preload/api-contract';

class Overlays {
  palette = $state(false);
  shortcuts = $state(false);
  /** A link main refused, or one that could not be carried out here: said until dismissed. */
  linkProblem = $state.raw<ErrorEnvelope | null>(null);

  /** The palette and the sheet give way to whatever is asked for next. */
  closeTransient(): void {
    this.palette = false;
    this.shortcuts = false;
  }
}

export const overlays = new Overlays();

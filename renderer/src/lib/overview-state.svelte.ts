// Whether the overview is shown in place of the inspector: all the first
// screen needs of it (the view, its data and texts load as a chunk of their
// own, lazy-overview.ts). A dialog shown in the inspector or a bulk run
// started takes its place; closing it gives the place back.
import { on } from './app-events';

class OverviewShown {
  shown = $state(false);

  show(): void {
    this.shown = true;
  }

  close(): void {
    this.shown = false;
  }

  toggle(): void {
    this.shown = !this.shown;
  }
}

export const overview = new OverviewShown();

on('single-dialog', () => overview.close());
on('bulk-requested', () => overview.close());

// A dialog's timeline as the window sees it: plain types only, so the
// window's contract can name them without the comparing code.
import type { DialogChanges } from './dialog-types';

/** A kept copy as the window's timeline shows it: when, which session, what changed since the one before. */
export interface TimelineCopy {
  fetchedAt: string;
  /** The session the copy was in (entity_data_1, position 6); null when it names none. */
  sessionId: number | null;
  changes: DialogChanges | null;
}

/** A dialog's kept copies, oldest first, for the window (the answers themselves stay in main). */
export interface DialogTimeline {
  account: string;
  chatId: number;
  copies: TimelineCopy[];
}

// A dialog's marks (pinned, silent mode, replies blocked) in the words of
// the inspector's summary card, so the card, the rows of every view and the
// bulk run's CSV say them alike. Pure.
import type { Messages } from './messages/en';

export const MARKS = ['pinned', 'silent', 'blocked'] as const;
export type Mark = (typeof MARKS)[number];

/** Each mark's words, from the window's catalogue. */
export function markWords(messages: Messages): Record<Mark, string> {
  const summary = messages.summary;
  return { pinned: summary.pinned, silent: summary.silent, blocked: summary.blockedNoDate };
}

/** The marks a dialog has, in that order. */
export function dialogMarks(flags: Record<Mark, boolean>): Mark[] {
  return MARKS.filter((mark) => flags[mark]);
}

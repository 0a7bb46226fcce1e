// The timeline tab's English texts: the reference for its Russian twin, in
// the tab's lazy chunk (the tab's name is in en.ts, with the other tabs').
import { count } from './words-en';

const timelineEn = {
  label: 'Kept copies of this dialog, newest first',
  summary: (copies: number) => `${count(copies, 'copy', 'copies')} kept on this computer, one for each lookup, and for each background refresh that found it changed.`,
  first: 'The first copy kept.',
  unchanged: 'No change since the copy before.',
  changed: (changes: number) => `${count(changes, 'change', 'changes')} since the copy before:`,
  viewerDiffers: (keys: string) => `Also differ, as they depend on who asks: ${keys}`,
  session: (id: number) => `Session ${id}`,
  latest: 'the copy shown',
  compare: 'Compare',
  compareName: (when: string) => `Compare the copy of ${when}`,
  pickHint: 'Choose two copies to see everything that changed between them.',
  pickOneMore: 'Choose one more copy to compare with.',
  comparedTitle: (from: string, to: string) => `From the copy of ${from} to the copy of ${to}`,
  comparedNone: 'Nothing changed between these two copies.',
  clear: 'Clear the comparison',
  failed: 'The timeline could not be read',
  compareFailed: 'The two copies could not be compared',
  onlyOne: 'Only one copy is kept so far: each later lookup adds one, with what changed since.',
};

export type TimelineMessages = typeof timelineEn;
export default timelineEn;

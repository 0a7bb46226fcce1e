// The conversation view's English texts: the reference for its Russian twin.
// A catalogue of its own, in the view's lazy chunk, so the first screen's
// script does not carry them (the card's status badge is in en.ts).
import { TIMESTAMP_FORMATS, type TimestampStyle } from '../bbcode';
import { count, isolate, num } from './words-en';

const days = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
/** "7 Dec", local time. */
const day = (iso: string): string => days.format(Date.parse(iso));

const conversationEn = {
  tab: 'Conversation',
  messagesLabel: (total: number) => `Messages, ${count(total, 'message', 'messages')}`,
  messageCount: (total: number) => count(total, 'message', 'messages'),
  roles: { client: 'client', operator: 'operator', bot: 'bot', system: 'system' },
  systemName: 'System',
  unknownAuthor: (id: string) => `User ${id}`,
  deleted: 'The message was deleted.',
  empty: 'The session has no messages.',
  sessionStarted: 'Session started',
  votedLike: 'Rated the conversation: good',
  votedDislike: 'Rated the conversation: bad',
  files: 'Files',
  fileMeta: (type: string, size: string | null) => (size ? `${type}, ${size}` : type),
  card: 'Card',
  units: { bytes: (value: number) => `${num(value)} B`, kb: 'KB', mb: 'MB', gb: 'GB' },
  duration: {
    s: (value: number) => `${num(value)} s`,
    min: (value: number) => `${num(value)} min`,
    h: (value: number) => `${num(value)} h`,
    d: (value: number) => `${num(value)} d`,
  },
  timings: {
    label: 'Timings',
    start: 'Session start',
    firstResponse: 'First response',
    longestWait: 'Longest client wait',
    lastWrote: 'Wrote last',
    waitingSince: 'Client waiting since',
    duration: 'Duration',
    none: '—',
    noResponse: 'No operator answer yet',
    within: (target: string, which: string) => `within the ${target} ${which} target`,
    over: (target: string, which: string, by: string) => `over the ${target} ${which} target by ${by}`,
    targets: { first: 'first-answer', further: 'further-answer' },
    lastAuthor: (name: string, role: string) => `${isolate(name)} (${role})`,
  },
  status: {
    label: 'Status',
    clientWaiting: 'Client waiting',
    operatorAnswered: 'Operator answered',
    closed: 'Closed',
  },
  rating: {
    label: 'Rating',
    client: 'Client',
    supervisor: 'Supervisor',
    like: 'Good',
    dislike: 'Bad',
    stars: (value: number) => `${num(value)} of 5`,
    notRated: 'Not rated',
  },
  glance: {
    waitingSince: (when: string, ago: string) => `Client waiting since ${when} (${ago})`,
    lastWrote: (who: string) => `Wrote last: ${who}`,
    latest: 'Latest messages',
    noText: '(no text)',
  },
  /** A message's tags that stand for something else (nothing is fetched or performed): words in their place. */
  tags: {
    attachment: '[attachment]',
    image: '[image]',
    file: '[file]',
    icon: (title: string | null) => (title ? `[icon: ${title}]` : '[icon]'),
    rating: (value: number | null) => (value === null ? '[rating]' : `[rating ${num(value)}/5]`),
    timestamp: (date: Date, style: TimestampStyle) => new Intl.DateTimeFormat('en-GB', TIMESTAMP_FORMATS[style]).format(date),
  },
  find: {
    open: 'Find in conversation',
    label: 'Find in messages',
    placeholder: 'Find in messages',
    count: (current: number, total: number) => `${num(current)} of ${num(total)}`,
    none: 'No matches',
    next: 'Next match (Enter)',
    previous: 'Previous match (Shift+Enter)',
    close: 'Close find (Esc)',
  },
  link: {
    heading: 'Open this link?',
    intro: 'The message links to this address. Check it before you open it:',
    open: 'Open in browser',
    cancel: 'Cancel',
    notOpened: 'Only http and https links can be opened; this one is shown as text.',
  },
  notFetched: {
    title: 'The conversation was not fetched',
    message: 'Fetching the conversation is turned off in Settings.',
    absent: 'This copy was kept without its conversation. Look the dialog up again to fetch it.',
  },
  failed: 'The conversation could not be fetched',
  sessions: {
    label: 'Session',
    // Session ids are identifiers, written without grouping.
    current: (id: number) => `${id} · current`,
    kept: (id: number, at: string) => `${id} · kept ${day(at)}`,
    notKept: (id: number) => `${id} · not kept`,
    keptAsOf: (when: string) => `Kept copy, as of ${when}`,
    fetchedAt: (when: string) => `Fetched from the portal at ${when}`,
    fetch: 'Fetch from the portal',
    fetching: 'Fetching…',
    loading: 'Loading the session…',
    notKeptTitle: 'This session’s conversation is not kept on this computer',
    notKeptMessage: 'Fetch it from the portal to read it.',
    offline: 'The portal cannot be asked now: this copy is shown offline, or another portal is connected.',
  },
};

export type ConversationMessages = typeof conversationEn;
export default conversationEn;

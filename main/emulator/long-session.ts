// A session of 5,000 messages: a helpdesk ticket imported into chat 2013
// (the acme_helpdesk connector) and worked on for two days. Generated, not
// written: the same text every time, so tests can count on it, and big
// enough to show that a client copes with a history that has no paging.
import type { EmulatedSession } from './emulator-types';
import { DEMO_BOT, demoOperator } from './demo-directory';
import { DAY, DEMO_EPOCH } from './portal-clock';
import { TranscriptBuilder } from './transcript-builder';

export const LONG_SESSION = Object.freeze({
  chatId: 2013,
  sessionId: 5130,
  messageCount: 5000,
  firstMessageId: 80001,
});

const CLIENT = { id: 622, name: 'Acme Ticket #4013', kind: 'client' as const };
const OPERATOR_ID = 27;
/** Chat 2013 was created on day 13 of the demo clock at 15:00 (dataset.ts); the import began a minute later. */
const START = DEMO_EPOCH + 13 * DAY + 6 * 3600 + 60;
const STEP_SECONDS = 30;

const CLIENT_LINES = [
  'The sync job failed again on node {n}.',
  'Attached is the latest log, see line {n}.',
  'Restarted the worker, still failing after {n} records.',
  'Could this be the [b]timeout[/b] we discussed?',
  '>>increase the batch size\nTried {n}, same result.',
  'Customer is asking for an ETA, update #{n}.',
];

const OPERATOR_LINES = [
  'Thanks, looking at node {n} now.',
  'Please try again with [code]--batch-size={n}[/code].',
  'I see it in the log: the lock is held for {n} ms.#BR#That is too long.',
  'Escalated to the backend team, reference [u]BE-{n}[/u].',
  'Status page: https://status.example.com/incidents/{n}',
  '[i]Still investigating[/i], next update within the hour.',
];

export function longSession(): EmulatedSession {
  const builder = new TranscriptBuilder({
    sessionId: LONG_SESSION.sessionId,
    chatId: LONG_SESSION.chatId,
    configId: 9,
    operatorId: OPERATOR_ID,
    clientId: CLIENT.id,
    start: START,
  });
  builder
    .started()
    .client(0, 'Ticket #4013 imported from Acme Helpdesk: nightly sync fails with "lock wait timeout".')
    .bot(3, 'Hello! You have reached [b]Night shift[/b].[br]An operator will answer you shortly.')
    .joined(60);
  // Four messages above, three closing ones below: the rest fill the count.
  const middle = LONG_SESSION.messageCount - 7;
  for (let k = 0; k < middle; k += 1) {
    const at = (k + 4) * STEP_SECONDS;
    const n = k + 1;
    if (k % 250 === 249) {
      builder.file(at, CLIENT.id, { id: 700000 + n, type: 'file', name: `sync-${n}.log`, size: 20000 + n * 37 });
    } else if (k % 2 === 0) {
      builder.client(at, line(CLIENT_LINES, k, n));
    } else {
      builder.operator(at, line(OPERATOR_LINES, k, n));
    }
  }
  const end = (middle + 4) * STEP_SECONDS;
  builder
    .client(end, 'Confirmed fixed on all nodes. Thank you for the marathon!')
    .vote(end + 10, 'like')
    .finished(end + 20, 4);
  return builder.build(
    { firstId: LONG_SESSION.firstMessageId },
    {
      users: [CLIENT, demoOperator(OPERATOR_ID), DEMO_BOT],
      voteHead: 4,
      commentHead: 'Long, but well documented.',
    },
  );
}

function line(lines: string[], k: number, n: number): string {
  return (lines[Math.floor(k / 2) % lines.length] ?? '').replaceAll('{n}', String(n));
}

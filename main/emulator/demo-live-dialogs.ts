// The demo portal's open-line traffic of the moment: a few hundred chats
// across its lines, channels and operators, their current sessions waiting
// for an operator (for minutes, or hours), answered, or closed. Their
// dialog.get records are written by dataset.ts's dialogRecord, so that
// im.recent.get, crm.activity.list and dialog.get tell the same story; their
// dates count back from `now`, so a client waits "12 minutes" whenever the
// demo is opened. Deterministic apart from `now`: the same offsets every run.
import type { EmulatedDialog, EmulatedLiveState } from './emulator-types';
import { base, CLIENT_NAMES, CRM_TYPES, DEMO_CONNECTORS, DEMO_WEBHOOK, dialogRecord, externalChatId, mulberry32 } from './dataset';
import { demoLines } from './demo-lines';
import { DAY } from './portal-clock';

export const LIVE_DIALOG_COUNT = 300;
export const FIRST_LIVE_CHAT_ID = 3001;

const MINUTE = 60;
const HOUR = 3600;

/** Lines the traffic is spread over (5 is paused and has CRM off: its chats have no activities). */
const LIVE_LINES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The lines the demo's own user supervises: they are in those chats' manager lists, so in their recent list. */
const SUPERVISED_LINES = new Set([1, 2, 3]);

const MORE_CLIENTS = ['Hannah Schmidt', 'Carlos Ruiz', 'Иван Петров', 'Sofia Rossi', 'Yuki Sato', 'Amara Okafor', 'Liam Murphy'];

const CLIENT_TEXTS = [
  'Hello, is anyone there?',
  'My order has not arrived yet',
  'Can I change the delivery address?',
  'The payment failed twice',
  'Здравствуйте, подскажите по заказу',
  'I still need help with this',
];
const OPERATOR_TEXTS = [
  'I have checked it for you: the courier picks it up today.',
  'Thank you for waiting, the refund is on its way.',
  'Could you send me the order number, please?',
  'Done! Anything else I can help with?',
];

type Bucket = 'waiting' | 'answered' | 'closed';

/** `count` beyond the demo's 300 is for benchmarks: chat ids run on from 3001. */
export function demoLiveDialogs(now: number, count = LIVE_DIALOG_COUNT): EmulatedDialog[] {
  const rng = mulberry32(3001);
  const queues = new Map(demoLines().map((line) => [Number(line.settings['ID']), line.queue.map((member) => member.userId)]));
  const clients = [...CLIENT_NAMES, ...MORE_CLIENTS];
  const dialogs: EmulatedDialog[] = [];
  for (let k = 0; k < count; k += 1) {
    const id = FIRST_LIVE_CHAT_ID + k;
    const line = LIVE_LINES[k % LIVE_LINES.length]!;
    const connector = DEMO_CONNECTORS[(k * 7 + Math.floor(k / 9)) % DEMO_CONNECTORS.length]!;
    const queue = queues.get(line) ?? [27];
    const owner = queue[Math.floor(rng() * queue.length)] ?? 27;
    const clientUserId = 7000 + k;
    const clientName = clients[(k * 5) % clients.length] ?? 'Guest';
    const crmType = CRM_TYPES[(k * 3) % CRM_TYPES.length] ?? 'NONE';
    const draw = rng();
    const bucket: Bucket = draw < 0.34 ? 'waiting' : draw < 0.66 ? 'answered' : 'closed';
    const live = liveState(bucket, now, rng, owner, clientUserId);
    const sessionCount = 1 + (k % 3);
    const current = 40000 + k * 4 + sessionCount;
    const sessionIds = Array.from({ length: sessionCount }, (_, n) => current - n);
    // The session began before its last message; an unanswered client's wait began with it.
    const sessionStart = live.lastMessageDate - (bucket === 'waiting' && !live.answered ? Math.floor(rng() * 3 * MINUTE) : MINUTE * (5 + Math.floor(rng() * 110)));
    const created = sessionStart - (sessionCount - 1) * 9 * DAY - Math.floor(rng() * 20) * DAY - HOUR;
    const messageCount = 4 + ((k * 11) % 60);
    const lastMessageId = 500000 + k * 1000 + messageCount;
    const unread = bucket === 'waiting' ? 1 + (k % 4) : 0;
    const managers = SUPERVISED_LINES.has(line) && owner !== DEMO_WEBHOOK.userId ? [owner, DEMO_WEBHOOK.userId] : [owner];
    const spec = base(id, connector, line, externalChatId(connector, id, rng), clientUserId, clientName, {
      owner,
      crmType,
      crmId: crmType === 'NONE' ? 0 : 2000 + k,
      pinned: bucket !== 'closed' && k % 11 === 4,
      waiting: bucket === 'answered' && k % 5 === 0,
      sessionLine: k % 2 === 0 ? line : 0,
      block: connector === 'whatsappbytwilio' && bucket === 'closed' && k % 3 === 0 ? { date: live.closedAt ?? now, reason: 1 } : null,
      sessionIds,
      created,
      sessionStart,
      messageCount,
      lastMessageId,
      counter: unread,
      readers: [{ user_id: clientUserId, user_name: clientName, message_id: lastMessageId - unread, date: null }],
      viewers: [owner],
      managers,
      muted: k % 13 === 7 ? [owner] : [],
      entityData3: k % 17 === 5 ? 'Y' : 'N',
      description: null,
    });
    dialogs.push({ dialog: dialogRecord(spec), sessionIds, live });
  }
  return dialogs;
}

function liveState(bucket: Bucket, now: number, rng: () => number, owner: number, client: number): EmulatedLiveState {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  if (bucket === 'waiting') {
    // Most clients wait minutes; some have waited for hours.
    const wait = rng() < 0.6 ? MINUTE * (1 + Math.floor(rng() * 58)) : HOUR + Math.floor(rng() * 7 * HOUR);
    const status = pick([0, 5, 20, 20, 25]);
    return { status, lastMessageDate: now - wait, lastMessageAuthorId: client, lastMessageText: pick(CLIENT_TEXTS), closedAt: null, answered: status === 25 };
  }
  if (bucket === 'answered') {
    const ago = MINUTE * (2 + Math.floor(rng() * 300));
    return { status: pick([40, 40, 40, 50]), lastMessageDate: now - ago, lastMessageAuthorId: owner, lastMessageText: pick(OPERATOR_TEXTS), closedAt: null, answered: true };
  }
  const closedAt = now - (30 * MINUTE + Math.floor(rng() * 3 * DAY));
  const status = pick([60, 60, 60, 60, 65, 69, 75]);
  return {
    status,
    lastMessageDate: closedAt - MINUTE * (1 + Math.floor(rng() * 20)),
    lastMessageAuthorId: status === 65 ? client : owner,
    lastMessageText: status === 65 ? pick(CLIENT_TEXTS) : pick(OPERATOR_TEXTS),
    closedAt,
    answered: status !== 65,
  };
}

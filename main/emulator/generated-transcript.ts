// A transcript for any session of any dialog that has no written one: a
// short support conversation on the line's usual topic, placed in time and in
// message ids where the dialog says its sessions were. The newest session
// starts at entity_data_1[6] and ends at the chat's last_message_id; older
// ones sit between the chat's creation and it, and are closed with a rating.
// Deterministic: it depends on the dialog and the session id only.
import type { EmulatedDialog, EmulatedSession, EmulatedUser } from './emulator-types';
import { DEMO_BOT, demoOperator } from './demo-directory';
import { dialogFacts, type DialogFacts } from './dialog-facts';
import { DAY } from './portal-clock';
import { ENGLISH_VOTE, TranscriptBuilder, type VoteTexts } from './transcript-builder';

type SessionState = 'waiting' | 'answered' | 'closed';

interface Topic {
  question: string;
  answer: string;
  followUp: string;
  answer2: string;
  thanks: string;
}

interface Language {
  greeting: (line: string) => string;
  topics: Record<number, Topic>;
  /** Older sessions: earlier, unrelated questions. */
  earlier: Topic[];
  vote: VoteTexts;
  /** The text of the system message that closes a session. */
  completed: string;
}

const ENGLISH: Language = {
  greeting: (line) =>
    `Hello! You have reached [b]${line}[/b].[br]An operator will answer you shortly. Meanwhile our help centre is at https://helpdesk.example.com/`,
  topics: {
    1: {
      question: 'Hi, I placed order #48213 yesterday and the tracking page still says "processing". Is that normal?',
      answer: 'Hello! I checked order [b]#48213[/b]: it was packed this morning.#BR#The courier picks it up at 4 pm, and tracking updates after that.',
      followUp: 'Great. Can I still change the delivery address?',
      answer2: 'Yes, until pickup. I have updated it; you can check it here: https://shop.example.com/orders/48213',
      thanks: 'Perfect, thank you!',
    },
    2: {
      question: 'Hello, we need 20 licences for our team. Do you offer a volume discount?',
      answer: 'Good day! For 20 licences the [b]Team[/b] plan gives [i]15% off[/i] the list price.#BR#Annual billing takes another 5% off.',
      followUp: 'Could you send a formal quote to our finance department?',
      answer2: 'Of course. The quote is on its way to the e-mail in your profile; it is valid for 30 days.',
      thanks: 'Received it, thanks a lot.',
    },
    3: {
      question: "I can't log in: the password reset e-mail never arrives.",
      answer: 'Sorry about that! I have resent it from a different server.#BR#Please check the [u]spam folder[/u] too.',
      followUp: 'Still nothing after 10 minutes.',
      answer2: 'I see a typo in the address on file (gmial.com). I corrected it and sent the link again.',
      thanks: 'That was it, I am in. Thanks!',
    },
    4: {
      question: 'I was charged twice for invoice INV-2026-0117.',
      answer: 'Hello! I can see both payments. The second one is a [b]duplicate[/b] and will be refunded.#BR#Refunds take 3–5 business days.',
      followUp: 'Will I get a corrected invoice?',
      answer2: 'Yes, the corrected invoice is in your account: https://billing.example.com/invoices/INV-2026-0117',
      thanks: 'Thank you for sorting it out.',
    },
    5: {
      question: 'We are a reseller in Lisbon. How do we join the partner programme?',
      answer: 'Welcome! The first step is the partner application form; approval takes about a week.#BR#You get [b]demo licences[/b] once approved.',
      followUp: 'Is there a minimum number of sales per year?',
      answer2: 'Five deals a year keep the Silver level. Details: https://partners.example.com/levels',
      thanks: 'Clear, we will apply today.',
    },
    7: {
      question: 'Our onboarding call was scheduled for today but nobody joined.',
      answer: 'My apologies! Your account manager was taken ill.#BR#I can run the call myself [b]in 30 minutes[/b] if that suits you.',
      followUp: 'Yes, please. Same meeting link?',
      answer2: 'Same link. I will also send the recording afterwards.',
      thanks: 'Thanks for the quick fix.',
    },
    8: {
      question: 'Hi, I wrote you on WhatsApp yesterday. Where is my parcel?',
      answer: 'Hi! Your parcel is at the local depot and goes out for delivery [b]tomorrow morning[/b].',
      followUp: 'Can the courier leave it with my neighbour at no. 12?',
      answer2: 'Done: I added a note for the courier to leave it at no. 12.',
      thanks: 'Great, thanks!',
    },
    9: {
      question: 'URGENT: our shop has been down since 2 am, customers get error 502.',
      answer: 'On it. Our monitoring shows the load balancer restarted.#BR#[b]Service is coming back now[/b]; please reload in a minute.',
      followUp: 'It works again. What happened?',
      answer2: 'A certificate renewal stalled the balancer. A full report will follow by e-mail in the morning.',
      thanks: 'Thanks for the quick reaction at night.',
    },
  },
  earlier: [
    {
      question: 'Hello, how do I change the e-mail address on my account?',
      answer: 'Hi! Go to [b]Profile → Contact details[/b] and press "Change".#BR#We send a confirmation to the new address.',
      followUp: 'Found it. Does the old address stop working at once?',
      answer2: 'It keeps working until you confirm the new one.',
      thanks: 'Thanks!',
    },
    {
      question: 'Do you have opening hours on public holidays?',
      answer: 'On public holidays we answer from 10 am to 4 pm.',
      followUp: 'And on 1 January?',
      answer2: 'On 1 January we are closed; the chat still takes messages and we answer on the 2nd.',
      thanks: 'Good to know, thank you.',
    },
    {
      question: 'Can I get my last three invoices as one PDF?',
      answer: 'Certainly. I have merged them for you.',
      followUp: 'Could you add our VAT number on them?',
      answer2: 'Added: you will find the updated PDF in your account.',
      thanks: 'Perfect.',
    },
  ],
  vote: ENGLISH_VOTE,
  completed: 'Dialogue completed.',
};

const RUSSIAN: Language = {
  greeting: (line) =>
    `Здравствуйте! Вы написали в [b]${line}[/b].[br]Оператор скоро ответит. А пока загляните в справку: https://help.example.ru/`,
  topics: {
    6: {
      question: 'Добрый день! Заказ №7741 должен был прийти вчера, но его до сих пор нет.',
      answer: 'Здравствуйте! Заказ [b]№7741[/b] задержался на складе.#BR#Курьер привезёт его [b]сегодня до 20:00[/b].',
      followUp: 'Можно перенести доставку на завтра после 18:00?',
      answer2: 'Перенёс на завтра, интервал 18:00–21:00. Курьер позвонит за час.',
      thanks: 'Спасибо большое!',
    },
  },
  earlier: [
    {
      question: 'Подскажите, как вернуть товар, который не подошёл?',
      answer: 'Оформите возврат в [b]личном кабинете[/b] в течение 14 дней.#BR#Курьер заберёт товар бесплатно.',
      followUp: 'А деньги вернутся на ту же карту?',
      answer2: 'Да, на ту же карту, в течение 5 рабочих дней.',
      thanks: 'Спасибо!',
    },
    {
      question: 'Есть ли у вас пункты самовывоза в Казани?',
      answer: 'Да, три пункта. Список: https://example.ru/pickup/kazan',
      followUp: 'Работают ли они в воскресенье?',
      answer2: 'Два из трёх работают без выходных.',
      thanks: 'Отлично, спасибо.',
    },
  ],
  vote: {
    question: 'Пожалуйста, оцените качество обслуживания.',
    like: 'Спасибо за отзыв!',
    dislike: 'Нам жаль, что не смогли помочь. Мы постараемся стать лучше.',
  },
  completed: 'Диалог завершён.',
};

const DEFAULT_TOPIC = ENGLISH.earlier[0] as Topic;

/** How a chat's newest session stands when no script says otherwise. */
function currentState(chatId: number): SessionState {
  const states: SessionState[] = ['closed', 'waiting', 'answered'];
  return states[chatId % 3] ?? 'answered';
}

/** `handledBy`: an operator other than the chat's owner worked this session (an earlier one, by a colleague). */
export function generatedSession(
  entry: EmulatedDialog,
  sessionId: number,
  overrides: { handledBy?: number; deniedUserIds?: number[] } = {},
): EmulatedSession {
  const facts = dialogFacts(entry);
  const ordered = facts.sessionIds.includes(sessionId)
    ? facts.sessionIds
    : [...facts.sessionIds, sessionId].sort((a, b) => a - b);
  const rank = ordered.indexOf(sessionId);
  // The session entity_data_1 names starts when it says and ends at the chat's last message.
  const currentRank = Math.max(0, ordered.indexOf(facts.currentSessionId ?? sessionId));
  const currentStart = facts.currentSessionStart ?? facts.created + 2 * DAY;
  const isNewest = rank === ordered.length - 1;
  let start: number;
  let anchor: { lastId: number } | { firstId: number };
  if (rank === currentRank) {
    start = currentStart;
    anchor = { lastId: facts.lastMessageId };
  } else if (rank < currentRank) {
    // Earlier sessions share the time between the chat's creation and the current one.
    const slot = Math.max(3600, Math.floor((currentStart - facts.created) / currentRank));
    start = facts.created + rank * slot + 300;
    anchor = { firstId: facts.lastMessageId - 400 + rank * 40 };
  } else {
    // Newer than entity_data_1 says: a session added since (Emulator.updateDialog).
    const later = rank - currentRank;
    start = currentStart + later * 3600;
    anchor = { firstId: facts.lastMessageId + 1 + (later - 1) * 40 };
  }
  const operatorId = overrides.handledBy ?? (facts.ownerId > 0 ? facts.ownerId : 27);
  const language = facts.lineId === 6 ? RUSSIAN : ENGLISH;
  const topic = rank >= currentRank
    ? (language.topics[facts.lineId] ?? ENGLISH.topics[facts.lineId] ?? DEFAULT_TOPIC)
    : (language.earlier[(sessionId + rank) % language.earlier.length] ?? DEFAULT_TOPIC);
  const state = isNewest ? currentState(facts.chatId) : 'closed';
  const voteHead = state === 'closed' && sessionId % 5 === 0 ? 5 : 0;

  const builder = new TranscriptBuilder({
    sessionId,
    chatId: facts.chatId,
    configId: facts.lineId,
    operatorId,
    clientId: facts.clientId,
    start,
  });
  const [asker, other] = clientAuthors(facts);
  builder.started().client(0, topic.question, asker.id).bot(3, language.greeting(facts.lineName)).joined(45);
  builder.operator(80, topic.answer).client(150, topic.followUp, other.id);
  if (state !== 'waiting') builder.operator(230, topic.answer2);
  if (state === 'closed') {
    builder
      .client(300, topic.thanks, asker.id)
      .vote(320, sessionId % 4 === 0 ? 'dislike' : 'like', language.vote)
      .finished(330, voteHead, language.completed);
  }
  const deniedUserIds = overrides.deniedUserIds ?? entry.deniedUserIds;
  const users = [...new Map([asker, other, demoOperator(operatorId), DEMO_BOT].map((user) => [user.id, user])).values()];
  return builder.build(anchor, {
    users,
    voteHead,
    commentHead: voteHead > 0 ? 'Friendly and to the point.' : null,
    ...(deniedUserIds ? { deniedUserIds } : {}),
  });
}

/** The client, or for a chat the connector groups (user 0) two of the group's members. */
function clientAuthors(facts: DialogFacts): [EmulatedUser, EmulatedUser] {
  if (facts.clientId > 0) {
    const client: EmulatedUser = { id: facts.clientId, name: facts.clientName, kind: 'client' };
    return [client, client];
  }
  const base = facts.chatId * 10;
  return [
    { id: base + 1, name: 'Alex Novak', kind: 'client' },
    { id: base + 2, name: 'Sam Reed', kind: 'client' },
  ];
}

// The demo portal's written conversations: the sessions worth reading in the
// demo and worth pinning in tests. Each sits where its dialog (dataset.ts)
// says: it starts at entity_data_1[6] when it is the current session, ends at
// the chat's last_message_id, and is worked by the operator dialog.get names.
// Every other session of a dialog gets a generated transcript
// (generated-transcript.ts).
import type { EmulatedDialog, EmulatedSession, EmulatedUser } from './emulator-types';
import { DEMO_WEBHOOK, demoDataset } from './dataset';
import { DEMO_BOT, demoOperator } from './demo-directory';
import { generatedSession } from './generated-transcript';
import { longSession, LONG_SESSION } from './long-session';
import { TranscriptBuilder } from './transcript-builder';

/** Sessions with a known shape, for tests and the demo (the chats are in DEMO_IDS). */
export const DEMO_SESSION_IDS = Object.freeze({
  /** Chat 1777, its current session: the client wrote last and is waiting (since 20:50:08). */
  waitingSessionId: 343,
  /** Chat 1777, the session before: closed, rated "like" by the client and 5 by the supervisor. */
  closedSessionId: 287,
  /** Chat 2001 (Russian, Telegram), current: Daniel Kim (31) hands it to Олег Соколов (52); a removed message; the operator answered last. */
  answeredSessionId: 5012,
  /** Chat 2002 (Arabic, WhatsApp), current: closed, rated "dislike". */
  closedCurrentSessionId: 5021,
  /** Chat 2005, current: every BB code the inspector renders, emoji and an HTML entity; operator answered. */
  formattingSessionId: 5051,
  /** Chat 2013, earlier: 5,000 messages in one answer. */
  longSessionId: LONG_SESSION.sessionId,
  longSessionMessageCount: LONG_SESSION.messageCount,
  /** Chat 2007 (the legacy six-field session): its messages were purged, so `message` is []. */
  emptySessionId: 1765,
  /** Chat 2999, which the demo webhook's user may not open: ACCESS_DENIED. */
  deniedSessionId: 9991,
  /** Chat 2015, readable, but this earlier session was María García's and its history is not the demo user's to read. */
  foreignSessionId: 5150,
});

export function demoSessions(dialogs: readonly EmulatedDialog[] = demoDataset()): EmulatedSession[] {
  const sessions = [
    waiting343(),
    closed287(),
    answered5012(),
    closed5021(),
    formatting5051(),
    purged1765(),
    longSession(),
  ];
  const vip = dialogs.find((entry) => entry.dialog['id'] === 2015);
  if (vip) {
    const foreign = { handledBy: 44, deniedUserIds: [DEMO_WEBHOOK.userId] };
    sessions.push(generatedSession(vip, DEMO_SESSION_IDS.foreignSessionId, foreign));
  }
  return sessions;
}

// --- Chat 1777: the documented sample (livechat, line 22, Guest 599, Samantha Johnson 27) ---------

const GUEST: EmulatedUser = { id: 599, name: 'Guest', kind: 'client' };
const DOCS_GREETING = 'Hello! You have reached [b]Bitrix24 Documentation[/b].[br]An operator will answer you shortly.';

/** Chat 1777 was created with its first session, 2026-03-13T16:50:15+01:00 (a Friday). */
function closed287(): EmulatedSession {
  return new TranscriptBuilder({ sessionId: 287, chatId: 1777, configId: 22, operatorId: 27, clientId: 599, start: 1773417015 })
    .started()
    .crmCard(0, 'A new lead has been created', { title: 'Lead: Green Guest #17', link: '/crm/lead/details/1209/' }, [
      ['Source', 'Live chat'],
      ['Open Channel', 'Bitrix24 Documentation'],
    ])
    .client(1, 'Hello! Where do I find the session id of a dialog? The docs mention SESSION_ID but not where it comes from.')
    .bot(3, DOCS_GREETING)
    .gap(2)
    .joined(62)
    .operator(
      75,
      'Hi! It is the sixth field of [b]entity_data_1[/b] in the answer of imopenlines.dialog.get.#BR#For example [code]Y|LEAD|1209|N|N|287|1773417015|0|0|0[/code] is session 287.',
    )
    .gap(3)
    .client(140, '>>It is the sixth field of entity_data_1\nSo, counting from zero, it is index 5?')
    .operator(180, 'Exactly: [i]index 5[/i]. The next one, index 6, is when the session started, in unix seconds.')
    .client(240, 'Got it, thanks a lot!')
    .gap(1)
    .vote(250, 'like')
    .finished(262, 5)
    .build({ lastId: 86101 }, {
      users: [GUEST, demoOperator(27), DEMO_BOT],
      voteHead: 5,
      commentHead: 'Clear answer, with an example from the docs.',
    });
}

/** Started 2026-03-16T18:41:58+01:00 (entity_data_1[6]); the guest's last message is 86313, the chat's last_message_id. */
function waiting343(): EmulatedSession {
  const quote = [
    '------------------------------------------------------',
    'Guest [16.03.2026 18:45:48]',
    'Answer: {"error":"ACCESS_ERROR"}',
    '------------------------------------------------------',
    "This answer means the webhook's user cannot see the line. Open [b]Contact Center → Open Channels → Access permissions[/b] and check the role of [USER=1][/USER].",
  ].join('\n');
  return new TranscriptBuilder({ sessionId: 343, chatId: 1777, configId: 22, operatorId: 27, clientId: 599, start: 1773682918 })
    .started()
    .client(0, 'Hi again! I set up a webhook and imopenlines.dialog.get answers ACCESS_ERROR. What am I missing?')
    .bot(2, `${DOCS_GREETING} Meanwhile the REST docs are at https://apidocs.bitrix24.com/`)
    .gap(4)
    .joined(95)
    .operator(140, 'Hello again! Happy to help. Could you send the exact request and the answer?#BR#Please [b]remove the webhook key[/b] before you paste it.')
    .client(
      230,
      'Sure:\n[code]POST /rest/1/****/imopenlines.dialog.get.json\n{&quot;CHAT_ID&quot;: 1777}[/code]\nAnswer: {&quot;error&quot;:&quot;ACCESS_ERROR&quot;}',
    )
    .file(250, 599, { id: 5401, type: 'image', name: 'access-error.png', size: 84213, image: { width: 1280, height: 720 } })
    .gap(2)
    .operator(330, quote)
    .client(395, '>>check the role of Vladimir Loginov\nI am the administrator though. Could it be the [u]webhook scope[/u]?')
    .operator(
      460,
      '[s]It is the scope.[/s] Scope [b]imopenlines[/b] is needed [i]and[/i] access to the line; your webhook has both now.[br]The method page explains it: [URL=https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html]imopenlines.dialog.get[/URL]',
    )
    .client(520, 'Let me check the permissions and come back.')
    .operator(535, 'Sure, take your time. [i]I will keep the conversation open.[/i]')
    .gap(5)
    .client(7480, "I'm back! dialog.get works now 🎉")
    .client(7550, 'But imopenlines.session.history.get with SESSION_ID=287 says ACCESS_DENIED.')
    .gap(1)
    .client(7690, 'Is reading history a separate permission?#BR#That session is from last Friday.')
    .build({ lastId: 86313 }, { users: [GUEST, demoOperator(27), DEMO_BOT] });
}

// --- Chat 2001: Cyrillic, Telegram, line 6, Анна Смирнова 569, Олег Соколов 52, deal 4410 ---------

/**
 * Started 2026-01-08T10:30:00+01:00: the bot's menu in Bitrix24's action and
 * time tags, Daniel Kim takes it and transfers it to Олег Соколов, the client
 * removes a message, the operator answered last (90411).
 */
function answered5012(): EmulatedSession {
  return new TranscriptBuilder({ sessionId: 5012, chatId: 2001, configId: 6, operatorId: 52, clientId: 569, start: 1767864600 })
    .started()
    .client(0, 'Здравствуйте! Подскажите, где мой заказ по сделке №4410? Обещали доставить вчера.')
    .bot(3, 'Здравствуйте! Вы написали в [b]Служба поддержки[/b].[br]Оператор скоро ответит.')
    // The bot's menu as Bitrix24 writes it: buttons ([SEND]), a phone ([CALL]), a time ([TIMESTAMP]), a card ([ATTACH]).
    .bot(
      5,
      'Пока ждёте: [SEND=Статус заказа]Статус заказа[/SEND] · [SEND=/operator]Позвать оператора[/SEND][br]Или позвоните: [CALL=+74951234567]+7 495 123-45-67[/CALL], мы работаем с [TIMESTAMP=1767852000 FORMAT=SHORT_TIME_FORMAT]. [ATTACH=1]',
    )
    .removed(10)
    .joined(20, 31)
    .transferred(30, 31, 52)
    .joined(40)
    .operator(70, 'Здравствуйте, Анна! Проверяю заказ по сделке [b]№4410[/b].#BR#Минуту, пожалуйста.')
    .operator(
      130,
      'Заказ задержался на складе: не хватало одной позиции. Сегодня его отгрузили.[br]Трек-номер [b]RU-4410-7781[/b], отследить можно здесь: https://track.example.ru/RU-4410-7781',
    )
    .client(200, 'Спасибо. Можете перезвонить мне после 18:00? Днём я на работе.')
    .file(260, 52, { id: 5402, type: 'file', name: 'Накладная-4410.pdf', size: 48211 }, 'Накладная по заказу во вложении.')
    .operator(290, 'Конечно! Поставил звонок на [u]18:15[/u]. Если время неудобно, напишите сюда. [i]Хорошего дня![/i]')
    .build({ lastId: 90411 }, {
      users: [{ id: 569, name: 'Анна Смирнова', kind: 'client' }, demoOperator(52), DEMO_BOT],
    });
}

// --- Chat 2002: Arabic (RTL), WhatsApp, line 3, أحمد محمود 611, فاطمة الزهراء 63 ---------------------

/** Started 2026-01-09T11:30:00+01:00; closed with a "dislike" (90822). */
function closed5021(): EmulatedSession {
  return new TranscriptBuilder({ sessionId: 5021, chatId: 2002, configId: 3, operatorId: 63, clientId: 611, start: 1767954600 })
    .started()
    .client(0, 'مرحباً، لم أستلم رمز التحقق عبر الرسائل القصيرة.')
    .bot(3, 'Hello! You have reached [b]Support[/b].[br]An operator will answer you shortly.')
    .joined(50)
    .operator(90, 'أهلاً أحمد! سأرسل الرمز مرة أخرى الآن.#BR#يرجى التأكد من أن الرقم [b]+971 50 123 4567[/b] صحيح.')
    .client(180, 'الرقم صحيح لكن الرمز لم يصل بعد.')
    .operator(260, 'نعتذر، مزوّد الرسائل يواجه عطلاً في الإمارات. يمكنك استخدام التحقق عبر البريد الإلكتروني مؤقتاً.')
    .client(320, 'هذا لا يساعدني، أحتاج الرمز على الهاتف.')
    .vote(330, 'dislike')
    .finished(335, 3)
    .build({ lastId: 90822 }, {
      users: [{ id: 611, name: 'أحمد محمود', kind: 'client' }, demoOperator(63), DEMO_BOT],
      voteHead: 3,
      commentHead: 'Should have offered a callback once the SMS failed.',
    });
}

// --- Chat 2005: emoji, livechat, line 1, Olivia 🌸 Brown 614, Samantha Johnson 27 --------------------

/** Started 2026-01-12T14:30:00+01:00; the operator answered last (92055). */
function formatting5051(): EmulatedSession {
  return new TranscriptBuilder({ sessionId: 5051, chatId: 2005, configId: 1, operatorId: 27, clientId: 614, start: 1768224600 })
    .started()
    .client(0, 'Hi 👋 Do you have 🚀 express delivery to Manchester?')
    .bot(3, 'Hello! You have reached [b]Website chat[/b].[br]An operator will answer you shortly.')
    .joined(40)
    .operator(
      60,
      'Hi Olivia! Yes, we do 🚀#BR#[b]Express[/b]: next day, £9.99[br][i]Standard[/i]: 3–5 days, free over £50[br][s]Same day[/s] (paused over the holidays)',
    )
    .client(120, '>>[b]Express[/b]: next day, £9.99\nIs that guaranteed before noon? 🕛')
    .operator(180, '[u]Before noon[/u] is guaranteed for orders placed by 8 pm. Details: https://shop.example.com/delivery#express.')
    .client(240, 'Can I add a gift note? Something like:\n[code]Happy birthday, Mum! 🎂\n— Liv[/code]')
    .operator(300, 'Of course, [USER=614][/USER]! Paste it in the [b]Gift note[/b] field at checkout.#BR#&lt;3 from the whole team')
    .build({ lastId: 92055 }, {
      users: [{ id: 614, name: 'Olivia 🌸 Brown', kind: 'client' }, demoOperator(27), DEMO_BOT],
    });
}

// --- Chat 2007: the legacy session, whose messages the portal no longer keeps -------------------

function purged1765(): EmulatedSession {
  return {
    sessionId: 1765,
    chatId: 2007,
    configId: 2,
    operatorId: 27,
    messages: [],
    users: [{ id: 616, name: 'Guest #56', kind: 'client' }],
  };
}

// The demo portal's open lines: every line a demo dialog is on (entity_id's
// second part), with its settings as imopenlines.config.list.get writes them.
// The field set and order, the values-as-strings, the {} a date becomes and
// the [""] of an empty day list follow the method's documented sample; each
// line's queue holds the operators its dialogs are assigned to, under the
// names dialog.get gives them. KPI thresholds are in seconds ("0" = off).
import type { EmulatedLine, EmulatedQueueMember } from './emulator-types';
import { DEMO_BOT, DEMO_LINE_NAMES, demoOperator } from './demo-directory';

interface LineSpec {
  id: number;
  queue: number[];
  kpi: [first: number, further: number];
  overrides?: Record<string, string | string[] | boolean | null>;
  /** Queue members shown without a name of their own (USER_NAME null), as in the documented sample. */
  unnamedQueue?: boolean;
  /** The queue is a department's members (CONFIG_QUEUE). */
  department?: number;
  visibleTo?: number[];
}

const SPECS: LineSpec[] = [
  // The demo's own user (the webhook's, the administrator) takes chats on the first two lines too,
  // so their im.recent.get carries the session status (facts §2.3: only for queue members).
  { id: 1, queue: [27, 31, 44, 70, 1], kpi: [120, 300], overrides: { QUEUE_TYPE: 'evenly' } },
  { id: 2, queue: [27, 52, 63, 70, 1], kpi: [120, 300], overrides: { QUEUE_TYPE: 'strictly', CRM_CREATE: 'deal' } },
  {
    id: 3,
    queue: [52, 63, 70, 81],
    kpi: [120, 300],
    department: 1,
    overrides: { MAX_CHAT: '5', TYPE_MAX_CHAT: 'answered_new' },
  },
  {
    id: 4,
    queue: [27, 70, 81],
    kpi: [300, 600],
    overrides: {
      WORKTIME_ENABLE: 'Y',
      WORKTIME_FROM: '9',
      WORKTIME_TO: '18.30',
      WORKTIME_DAYOFF: 'SA,SU',
      WORKTIME_HOLIDAYS: '1.1,25.12,26.12',
    },
  },
  // Paused: its dialogs stay, new ones go elsewhere.
  { id: 5, queue: [31, 70, 81], kpi: [600, 900], overrides: { ACTIVE: 'N', CRM: 'N' } },
  {
    id: 6,
    queue: [52, 27, 63],
    kpi: [120, 300],
    overrides: {
      LANGUAGE_ID: 'ru',
      WORKTIME_TIMEZONE: 'Europe/Moscow',
      WELCOME_MESSAGE_TEXT: 'Здравствуйте! Вы написали в [b]Служба поддержки[/b].[br]Оператор скоро ответит.',
      VOTE_MESSAGE_1_TEXT: 'Пожалуйста, оцените качество обслуживания.',
      VOTE_MESSAGE_1_LIKE: 'Спасибо за отзыв!',
      VOTE_MESSAGE_1_DISLIKE: 'Нам жаль, что не смогли помочь. Мы постараемся стать лучше.',
    },
  },
  {
    id: 7,
    queue: [44, 31, 52, 81],
    kpi: [60, 180],
    visibleTo: [31, 44, 52, 81],
    overrides: { SESSION_PRIORITY: '600', KPI_FIRST_ANSWER_LIST: ['44'] },
  },
  { id: 8, queue: [27, 52, 81], kpi: [120, 300] },
  // Answered when someone is around: no SLA.
  { id: 9, queue: [81, 27, 31, 52], kpi: [0, 0], overrides: { KPI_FIRST_ANSWER_ALERT: 'N', KPI_FURTHER_ANSWER_ALERT: 'N' } },
  {
    id: 22,
    queue: [27],
    kpi: [120, 300],
    unnamedQueue: true,
    overrides: {
      CRM: 'N',
      QUEUE_TYPE: 'evenly',
      CHECK_AVAILABLE: 'Y',
      WATCH_TYPING: 'N',
      WELCOME_MESSAGE: 'N',
      WELCOME_MESSAGE_TEXT:
        'Welcome to the open line [b]«Bitrix24 Documentation»[/b][br]The first available operator will respond to you.',
      WELCOME_BOT_TIME: '180',
      WELCOME_BOT_LEFT: 'close',
      NO_ANSWER_RULE: 'text',
      WORKTIME_ENABLE: 'Y',
      WORKTIME_FROM: '0',
      WORKTIME_TO: '23.59',
      CLOSE_RULE: 'text',
      CLOSE_TEXT: 'Thank you for reaching out to us, please rate the quality of service.',
      FULL_CLOSE_TIME: '0',
      AUTO_CLOSE_TIME: '3600',
      MODIFY_USER_ID: '27',
      LANGUAGE_ID: 'de',
      QUICK_ANSWERS_IBLOCK_ID: '181',
      TYPE_MAX_CHAT: 'answered_new',
      OPERATOR_DATA: 'profile',
      WELCOME_FORM_ID: '111',
      SEND_WELCOME_EACH_SESSION: 'Y',
    },
  },
];

export function demoLines(): EmulatedLine[] {
  return SPECS.map((spec) => ({
    settings: settings(spec),
    queue: spec.queue.map((userId, k) => queueMember(userId, k, spec.unnamedQueue === true)),
    configQueue:
      spec.department === undefined
        ? spec.queue.map((userId) => ({ entityType: 'user' as const, entityId: userId }))
        : [{ entityType: 'department' as const, entityId: spec.department }],
    ...(spec.visibleTo ? { visibleTo: [...spec.visibleTo] } : {}),
  }));
}

function queueMember(userId: number, k: number, unnamed: boolean): EmulatedQueueMember {
  const operator = demoOperator(userId);
  return {
    userId,
    name: unnamed ? null : operator.name,
    workPosition: unnamed ? null : (operator.workPosition ?? null),
    avatar: null,
    avatarId: k === 0 && !unnamed ? 4100 + userId : 0,
  };
}

/** The settings row, in the documented sample's field order. */
function settings(spec: LineSpec): Record<string, unknown> {
  const name = DEMO_LINE_NAMES[spec.id] ?? `Open line ${spec.id}`;
  const [first, further] = spec.kpi;
  const row: Record<string, unknown> = {
    ID: String(spec.id),
    ACTIVE: 'Y',
    LINE_NAME: name,
    CRM: 'Y',
    CRM_CREATE: 'lead',
    CRM_CREATE_SECOND: '0',
    CRM_CREATE_THIRD: 'Y',
    CRM_FORWARD: 'Y',
    CRM_CHAT_TRACKER: 'N',
    CRM_TRANSFER_CHANGE: 'Y',
    CRM_SOURCE: 'create',
    QUEUE_TIME: '60',
    NO_ANSWER_TIME: '60',
    QUEUE_TYPE: 'all',
    CHECK_AVAILABLE: 'N',
    WATCH_TYPING: 'Y',
    WELCOME_BOT_ENABLE: 'Y',
    WELCOME_MESSAGE: 'Y',
    WELCOME_MESSAGE_TEXT: `Welcome to [b]${name}[/b][br]The first available operator will respond to you.`,
    VOTE_MESSAGE: 'Y',
    VOTE_TIME_LIMIT: '0',
    VOTE_BEFORE_FINISH: 'Y',
    VOTE_CLOSING_DELAY: 'N',
    VOTE_MESSAGE_1_TEXT: 'Please rate the quality of service.',
    VOTE_MESSAGE_1_LIKE: 'Thank you for your feedback!',
    VOTE_MESSAGE_1_DISLIKE: "We are sorry we couldn't assist you, we will strive to improve.",
    VOTE_MESSAGE_2_TEXT: 'Please rate the quality of service.\r\n\r\nSend: 1 - good, 0 - bad',
    VOTE_MESSAGE_2_LIKE: 'Thank you for your feedback!',
    VOTE_MESSAGE_2_DISLIKE: "We are sorry we couldn't assist you, we will strive to improve.",
    AGREEMENT_MESSAGE: 'N',
    AGREEMENT_ID: '0',
    CATEGORY_ENABLE: 'N',
    CATEGORY_ID: '0',
    WELCOME_BOT_JOIN: 'always',
    WELCOME_BOT_ID: String(DEMO_BOT.id),
    WELCOME_BOT_TIME: '600',
    WELCOME_BOT_LEFT: 'queue',
    NO_ANSWER_RULE: 'none',
    NO_ANSWER_FORM_ID: '0',
    NO_ANSWER_BOT_ID: '0',
    NO_ANSWER_TEXT: 'Unfortunately, we cannot respond to you at this moment, we will definitely get back to you.',
    WORKTIME_ENABLE: 'N',
    WORKTIME_FROM: '9',
    WORKTIME_TO: '18',
    WORKTIME_TIMEZONE: 'Europe/Berlin',
    // Stored comma-separated; the answer splits them, so "" becomes [""].
    WORKTIME_HOLIDAYS: '',
    WORKTIME_DAYOFF: '',
    WORKTIME_DAYOFF_RULE: 'text',
    WORKTIME_DAYOFF_FORM_ID: '0',
    WORKTIME_DAYOFF_BOT_ID: '0',
    WORKTIME_DAYOFF_TEXT:
      'Unfortunately, we cannot respond to you at this moment.[br][br]Please write your question and we will definitely get back to you during working hours.',
    CLOSE_RULE: 'none',
    CLOSE_FORM_ID: '0',
    CLOSE_BOT_ID: '0',
    CLOSE_TEXT: 'Thank you for contacting our company.',
    FULL_CLOSE_TIME: '10',
    AUTO_CLOSE_RULE: 'none',
    AUTO_CLOSE_FORM_ID: '0',
    AUTO_CLOSE_BOT_ID: '0',
    AUTO_CLOSE_TIME: '2678400',
    AUTO_CLOSE_TEXT: '',
    AUTO_EXPIRE_TIME: '86400',
    // Date objects, which json_encode writes as empty objects.
    DATE_CREATE: {},
    DATE_MODIFY: {},
    MODIFY_USER_ID: '1',
    TEMPORARY: 'N',
    XML_ID: null,
    LANGUAGE_ID: 'en',
    QUICK_ANSWERS_IBLOCK_ID: String(50 + spec.id),
    SESSION_PRIORITY: '0',
    TYPE_MAX_CHAT: 'answered',
    MAX_CHAT: '0',
    OPERATOR_DATA: 'queue',
    DEFAULT_OPERATOR_DATA: [],
    KPI_FIRST_ANSWER_TIME: String(first),
    KPI_FIRST_ANSWER_ALERT: first > 0 ? 'Y' : 'N',
    KPI_FIRST_ANSWER_LIST: false,
    KPI_FIRST_ANSWER_TEXT:
      "Employee #OPERATOR# exceeded the allowable response time to the client's first message. Dialog №#DIALOG#.",
    KPI_FURTHER_ANSWER_TIME: String(further),
    KPI_FURTHER_ANSWER_ALERT: further > 0 ? 'Y' : 'N',
    KPI_FURTHER_ANSWER_LIST: false,
    KPI_FURTHER_ANSWER_TEXT:
      "Employee #OPERATOR# exceeded the allowable response time to the client's message. Dialog №#DIALOG#.",
    KPI_CHECK_OPERATOR_ACTIVITY: first > 0 ? 'Y' : 'N',
    SEND_NOTIFICATION_EMPTY_QUEUE: 'N',
    USE_WELCOME_FORM: 'N',
    WELCOME_FORM_ID: '5',
    WELCOME_FORM_DELAY: 'Y',
    SEND_WELCOME_EACH_SESSION: 'N',
    CONFIRM_CLOSE: 'Y',
    IGNORE_WELCOME_FORM_RESPONSIBLE: 'N',
  };
  for (const [field, value] of Object.entries(spec.overrides ?? {})) {
    if (Object.hasOwn(row, field)) row[field] = value;
  }
  return row;
}

// The conversation view's Russian texts, typed by the English reference: a
// text missing here fails the type check.
import { TIMESTAMP_FORMATS } from '../bbcode';
import type { ConversationMessages } from './conversation-en';
import { count, isolate, num } from './words-ru';

const days = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short' });
const day = (iso: string): string => days.format(Date.parse(iso));

const conversationRu: ConversationMessages = {
  tab: 'Переписка',
  messagesLabel: (total: number) => `Сообщения, ${count(total, 'сообщение', 'сообщения', 'сообщений')}`,
  messageCount: (total: number) => count(total, 'сообщение', 'сообщения', 'сообщений'),
  roles: { client: 'клиент', operator: 'оператор', bot: 'бот', system: 'система' },
  systemName: 'Система',
  unknownAuthor: (id: string) => `Пользователь ${id}`,
  deleted: 'Сообщение удалено.',
  empty: 'В сессии нет сообщений.',
  sessionStarted: 'Сессия началась',
  votedLike: 'Оценка переписки: хорошо',
  votedDislike: 'Оценка переписки: плохо',
  files: 'Файлы',
  fileMeta: (type: string, size: string | null) => (size ? `${type}, ${size}` : type),
  card: 'Карточка',
  units: { bytes: (value: number) => `${num(value)} Б`, kb: 'КБ', mb: 'МБ', gb: 'ГБ' },
  duration: {
    s: (value: number) => `${num(value)} с`,
    min: (value: number) => `${num(value)} мин`,
    h: (value: number) => `${num(value)} ч`,
    d: (value: number) => `${num(value)} дн.`,
  },
  timings: {
    label: 'Время',
    start: 'Начало сессии',
    firstResponse: 'Первый ответ',
    longestWait: 'Дольше всего клиент ждал',
    lastWrote: 'Последним писал',
    waitingSince: 'Клиент ждёт с',
    duration: 'Длительность',
    none: '—',
    noResponse: 'Оператор ещё не ответил',
    within: (target: string, which: string) => `в пределах нормы ${which} (${target})`,
    over: (target: string, which: string, by: string) => `дольше нормы ${which} (${target}) на ${by}`,
    targets: { first: 'первого ответа', further: 'следующих ответов' },
    lastAuthor: (name: string, role: string) => `${isolate(name)} (${role})`,
  },
  status: {
    label: 'Статус',
    clientWaiting: 'Клиент ждёт',
    operatorAnswered: 'Оператор ответил',
    closed: 'Закрыта',
  },
  rating: {
    label: 'Оценка',
    client: 'Клиент',
    supervisor: 'Руководитель',
    like: 'Хорошо',
    dislike: 'Плохо',
    stars: (value: number) => `${num(value)} из 5`,
    notRated: 'Без оценки',
  },
  glance: {
    waitingSince: (when: string, ago: string) => `Клиент ждёт с ${when} (${ago})`,
    lastWrote: (who: string) => `Последним писал: ${who}`,
    latest: 'Последние сообщения',
    noText: '(без текста)',
  },
  tags: {
    attachment: '[вложение]',
    image: '[изображение]',
    file: '[файл]',
    icon: (title) => (title ? `[значок: ${title}]` : '[значок]'),
    rating: (value) => (value === null ? '[оценка]' : `[оценка ${num(value)}/5]`),
    timestamp: (date, style) => new Intl.DateTimeFormat('ru-RU', TIMESTAMP_FORMATS[style]).format(date),
  },
  find: {
    open: 'Найти в переписке',
    label: 'Найти в сообщениях',
    placeholder: 'Найти в сообщениях',
    count: (current: number, total: number) => `${num(current)} из ${num(total)}`,
    none: 'Не найдено',
    next: 'Следующее совпадение (Enter)',
    previous: 'Предыдущее совпадение (Shift+Enter)',
    close: 'Закрыть поиск (Esc)',
  },
  link: {
    heading: 'Открыть ссылку?',
    intro: 'Сообщение ведёт по этому адресу. Проверьте его, прежде чем открывать:',
    open: 'Открыть в браузере',
    cancel: 'Отмена',
    notOpened: 'Открыть можно только ссылки http и https; эта показана как текст.',
  },
  notFetched: {
    title: 'Переписка не загружена',
    message: 'Загрузка переписки выключена в настройках.',
    absent: 'Эта копия сохранена без переписки. Найдите диалог снова, чтобы загрузить её.',
  },
  sessions: {
    label: 'Сессия',
    current: (id: number) => `${id} · текущая`,
    kept: (id: number, at: string) => `${id} · сохранена ${day(at)}`,
    notKept: (id: number) => `${id} · не сохранена`,
    keptAsOf: (when: string) => `Сохранённая копия на ${when}`,
    fetchedAt: (when: string) => `Получена с портала ${when}`,
    fetch: 'Запросить с портала',
    fetching: 'Запрос…',
    loading: 'Загрузка сессии…',
    notKeptTitle: 'Переписка этой сессии на этом компьютере не сохранена',
    notKeptMessage: 'Запросите её с портала, чтобы прочитать.',
    offline: 'Портал сейчас не спросить: эта копия показана офлайн или подключён другой портал.',
  },
  failed: 'Не удалось загрузить переписку',
};

export default conversationRu;

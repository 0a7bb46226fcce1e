// The Watching view's Russian texts, typed by the English reference: a text
// missing here fails the type check.
import type { WatchMessages } from './watch-en';
import { count, num } from './words-ru';

const percent = (value: number): string => `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} %`;

/** "5 min": the number and its unit never split over two lines. */
function span(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${num(whole)}\u00a0с`;
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return `${num(minutes)}\u00a0мин`;
  return `${num(Math.floor(minutes / 60))}\u00a0ч${minutes % 60 ? ` ${num(minutes % 60)}\u00a0мин` : ''}`;
}

const watchRu: WatchMessages = {
  title: 'Наблюдение',
  closeTitle: 'Закрыть список наблюдения и вернуться к инспектору',
  refresh: 'Перечитать',
  refreshTitle: 'Перечитать список наблюдения с этого компьютера (портал опрашивается в фоне, в своём темпе)',
  statusLabel: 'Как идёт наблюдение',
  stateLabel: 'Состояние',
  state: {
    watching: 'Идёт',
    paused: 'Пауза',
    offline: 'Нет связи',
    stopped: 'Остановлено',
  },
  stateDetail: {
    watching: 'Каждый диалог запрашивается снова в фоне.',
    paused: 'Пока компьютер спит, ничего не запрашивается; после пробуждения наблюдение продолжится.',
    offline: 'Последний запрос не прошёл; он будет повторён.',
    stopped: 'Для этой учётной записи сейчас ничего не запрашивается.',
  },
  notRunning: 'Ещё не запущено',
  notRunningDetail: 'Наблюдение начнётся с первым диалогом.',
  cycle: 'Каждый круг',
  cycleValue: (dialogs, seconds, requests, reads) =>
    `${count(dialogs, 'диалог', 'диалога', 'диалогов')} за ${count(requests, 'запрос', 'запроса', 'запросов')}${reads > 0 ? ` и ещё ${num(reads)} на ожидание клиентов` : ''}, каждые ${span(seconds)}`,
  cycleReadsTitle: (reads) =>
    `Правило ожидания само читает переписку ждущих клиентов и нормативы ответа линий: ${count(reads, 'запрос', 'запроса', 'запросов')} за последний круг, каждый в темпе наблюдения, поэтому круг на столько же длиннее. Бюджет их учитывает.`,
  budget: 'Бюджет',
  budgetValue: (used, allowed) => `занято ${percent(used)} лимита запросов портала, разрешено ${percent(allowed)}`,
  budgetTitle: (perSecond, allowedPerSecond) =>
    `Не больше ${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 }).format(perSecond)} запроса в секунду; настройка разрешает ${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 }).format(allowedPerSecond)}. Ваши собственные запросы всегда идут первыми.`,
  budgetNothingYet: (allowed) => `Пока ничего не отправлено; разрешено ${percent(allowed)} лимита запросов портала`,
  next: 'Следующий запрос',
  nextPaused: 'Когда продолжится',
  nextIn: (seconds) => (seconds <= 0 ? 'сейчас' : `через ${span(seconds)}`),
  nextNone: '—',
  dialogsLabel: 'Диалоги под наблюдением',
  rowKeys: '↑ и ↓ переходят по диалогам; Enter открывает диалог в инспекторе и отмечает его изменения просмотренными; Delete снимает с наблюдения.',
  unseen: (value) => count(value, 'непросмотренное изменение', 'непросмотренных изменения', 'непросмотренных изменений'),
  unseenShort: (value) => `${num(value)} нов.`,
  noName: '(без названия)',
  chat: (id) => `chat${id}`,
  line: (id) => `Линия ${num(id)}`,
  user: (id) => `Пользователь ${id}`,
  noOperator: 'Без оператора',
  notFetched: 'Ещё не запрошен: наблюдение прочитает его следующим запросом.',
  noCopy: 'Его копии пока нет.',
  askedAgo: (relative) => `запрошен ${relative}`,
  lastChange: 'Последнее изменение',
  noChange: 'Без изменений с начала наблюдения.',
  moreChanges: (more) => `и ещё ${count(more, 'изменение', 'изменения', 'изменений')}`,
  changedAgo: (relative) => `изменён ${relative}`,
  refreshedAgo: (relative) => `обновлён ${relative}`,
  notRefreshed: 'ещё не обновлён',
  watchedSince: (when) => `под наблюдением с ${when}`,
  facts: { channel: 'Канал', line: 'Линия', operator: 'Оператор', crm: 'CRM' },
  refused: (title, code) => `Портал отказал при последнем обновлении: ${title} (${code}). Запрос повторяется каждый круг.`,
  unwatch: 'Не наблюдать',
  unwatchLabel: (name) => `Не наблюдать: ${name}`,
  rules: {
    label: 'Уведомления',
    followsList: 'по правилам списка',
    own: (parts: string[]) => `свои правила — ${parts.join(', ')}`,
    ownNothing: 'свои правила — никаких',
    waitsOver: (minutes: number) => `ждёт дольше ${num(minutes)} мин`,
    waitsOverKpi: 'ждёт дольше норматива линии',
    flags: {
      newSession: 'новая сессия',
      clientWaiting: 'клиент ждёт ответа',
      operatorChanged: 'смена оператора',
      closed: 'закрыт',
      blocked: 'заблокирован',
      anyChange: 'любое изменение',
    },
    button: 'Правила…',
    buttonLabel: (name: string) => `Правила уведомлений для ${name}`,
    dialogTitle: 'Правила уведомлений',
    dialogFor: (name: string) => `Для ${name}`,
    follow: 'Как у списка наблюдения',
    followHelp: 'Правила из настроек, раздел «Наблюдение»; меняются вместе с ними.',
    ownChoice: 'Свои правила',
    ownHelp: 'Для этого диалога уведомляют только они, что бы ни было в настройках.',
    notifyWhen: 'Уведомлять, когда',
    flagLabels: {
      newSession: 'Началась новая сессия',
      clientWaiting: 'Клиент ждёт ответа',
      operatorChanged: 'Сменился оператор',
      closed: 'Диалог закрыт',
      blocked: 'Ответы заблокированы',
      anyChange: 'Изменилось что угодно',
    },
    wait: 'Когда клиент ждёт дольше',
    waitOff: 'Выкл.',
    waitMinutes: 'Минут',
    waitKpi: 'Норматива ответа линии',
    minutesLabel: 'Минут ожидания',
    minutesUnit: 'мин',
    minutesHelp: `От ${num(1)} до ${num(1440)} минут (сутки).`,
    problems: {
      empty: 'Укажите, сколько минут: от 1 до 1 440.',
      notWhole: 'Минуты — целое число, например 15.',
      outOfRange: 'Ожидание — от 1 до 1 440 минут (сутки).',
    },
    kpiNote: 'О нормативе линии:',
    save: 'Сохранить',
    saving: 'Сохранение…',
    cancel: 'Отмена',
    close: 'Закрыть',
    saved: (name: string) => `Правила для ${name} сохранены.`,
    failed: (title: string, message: string) => `Не удалось сохранить правила: ${title}. ${message}`,
  },
  emptyTitle: 'Пока ни один диалог не под наблюдением',
  emptyHow: 'Найдите диалог и нажмите «Наблюдать» на его карточке или откройте палитру команд и выберите «Наблюдать за этим диалогом». Глаз рядом с запросом в истории или в строке пакетного поиска тоже добавляет диалог; пакетный поиск может добавить все найденные.',
  emptyWhat: 'Диалоги под наблюдением запрашиваются снова в фоне, в пределах доли лимита запросов портала из настроек; каждое изменение появится здесь и в счётчике в заголовке.',
  loading: 'Читаем список наблюдения…',
  rowWatch: (chatId) => `Наблюдать за chat${chatId}`,
  rowWatchTitle: (chatId) => `Наблюдать за chat${chatId}: обновляется в фоне, каждое изменение видно в «Наблюдении»`,
  rowUnwatch: (chatId) => `Не наблюдать за chat${chatId}`,
};

export default watchRu;

// The overview's Russian texts, typed by the English reference: a text
// missing here fails the type check.
import type { OverviewMessages } from './overview-en';
import { count, num } from './words-ru';

function waited(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'меньше минуты';
  if (minutes < 60) return `${num(minutes)} мин`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${num(hours)} ч ${String(minutes % 60).padStart(2, '0')} мин`;
  return `${num(Math.floor(hours / 24))} д ${num(hours % 24)} ч`;
}

const dialogs = (n: number): string => count(n, 'диалог', 'диалога', 'диалогов');
/** After «из»: из 1 диалога, из 5 диалогов. */
const ofDialogs = (n: number): string => count(n, 'диалога', 'диалогов', 'диалогов');

const overviewRu: OverviewMessages = {
  title: 'Обзор открытых линий',
  closeTitle: 'Закрыть обзор и вернуться к инспектору',
  refresh: 'Обновить',
  refreshing: 'Обновление…',
  refreshTitle: 'Спросить портал заново: свой список недавних, активности сессий и сохранённые диалоги',
  stop: 'Остановить',
  stopTitle: 'Остановить обновление; показанное до него останется',
  progressLabel: 'Обновление обзора',
  asking: 'Запрашиваем у портала диалоги открытых линий… на большом портале это займёт время.',
  showKept: 'Показать сохранённые',
  showKeptTitle: 'Показать диалоги, сохранённые на этом компьютере, не спрашивая портал',
  refreshedAt: (relative) => `Обновлено ${relative}`,
  refreshedTitle: (exact) => `Обновлено ${exact}`,
  keptReadAt: (relative) => `Сохранённые копии, прочитаны ${relative}`,
  keptReadTitle: (exact) => `Диалоги, сохранённые на этом компьютере, прочитаны ${exact}`,
  keptOnly: 'Показаны только диалоги, сохранённые на этом компьютере: портал не спрашивали. Их статус неизвестен.',
  portalFailed: 'Портал не ответил: показаны только диалоги, сохранённые на этом компьютере. Их статус неизвестен.',
  lastRefreshShown: (why, exact) =>
    `Портал недоступен${why ? ` (${why})` : ''}: показано последнее обновление, дошедшее до него, — от ${exact}, со статусами на тот момент. Обновите, когда портал снова ответит.`,
  truncated: 'Диалогов больше, чем читает одно обновление: самые старые не показаны.',
  summaryLabel: 'Коротко',
  waitingNow: 'Ждут сейчас',
  waitingNowDetail: (total) => `из ${ofDialogs(total)}`,
  pastTargetDetail: (n) => `${num(n)} дольше нормы линии`,
  pastTarget: 'дольше нормы ответа линии',
  targetTitle: (exact, target) => `Ждёт с ${exact}. Норма ответа линии: ${target}`,
  pastTargetTitle: (exact, target, past) => `Ждёт с ${exact}. Норма ответа линии: ${target}, превышена на ${past}`,
  longestWait: 'Дольше всех ждёт',
  longestNone: 'Никто не ждёт',
  notKnown: 'Без портала неизвестно',
  waited,
  openSessions: (n) => `Открытых сессий: ${num(n)}`,
  byChannel: 'По каналам',
  byLine: 'По линиям',
  byOperator: 'По операторам',
  noOperator: 'Без оператора',
  unknownGroup: 'Неизвестно',
  others: (groups) => `ещё ${num(groups)}`,
  noOpen: 'Открытых сессий нет.',
  barTitle: (name, n) => `${name}: ${count(n, 'открытая сессия', 'открытые сессии', 'открытых сессий')} — показать только их`,
  sourcesLabel: 'Источники',
  sources: { recent: 'Ваш список недавних', crm: 'Активности сессий в CRM', kept: 'Сохранённые диалоги' },
  sourceUsed: (rows) => dialogs(rows),
  sourceNeedsScope: (scope) => `нужно право «${scope}»`,
  sourceNeedsScopeTitle: (scope) => `Дайте вебхуку или приложению право «${scope}» в Битрикс24, чтобы использовать этот источник`,
  sourceFailed: (title) => `ошибка: ${title}`,
  sourceNotAsked: 'не спрашивали',
  filtersLabel: 'Фильтр диалогов',
  statusLegend: 'Статус',
  all: 'Все',
  allOf: (n) => `Все ${num(n)}`,
  statusOption: (label, n) => `${label} ${num(n)}`,
  status: { clientWaiting: 'Клиент ждёт', operatorAnswered: 'Отвечен', closed: 'Закрыт', unknown: 'Неизвестно' },
  channel: 'Канал',
  line: 'Линия',
  operator: 'Оператор',
  anyChannel: 'Любой канал',
  anyLine: 'Любая линия',
  anyOperator: 'Любой оператор',
  grouping: 'Группировать диалоги',
  groupings: { none: 'Без группировки', status: 'По статусу', channel: 'По каналу', line: 'По линии', operator: 'По оператору' },
  groupCount: (n) => dialogs(n),
  foldTitle: 'Свернуть группу (Enter)',
  unfoldTitle: 'Показать диалоги группы (Enter)',
  search: 'Поиск',
  searchPlaceholder: 'Диалог, клиент или оператор',
  clearFilters: 'Сбросить фильтры',
  shown: (shown, total) => (shown === total ? dialogs(total) : `${num(shown)} из ${ofDialogs(total)}`),
  sortLabel: 'Сортировка диалогов',
  sortedBy: (column, direction) => `Сортировка: ${column}, ${direction === 'ascending' ? 'по возрастанию' : 'по убыванию'}`,
  columns: {
    status: 'Статус',
    waitingSince: 'Ждёт',
    client: 'Клиент',
    channel: 'Канал',
    line: 'Линия',
    operator: 'Оператор',
    crm: 'CRM',
    sessionStart: 'Начало',
    unread: 'Новые',
  },
  waitingSinceTitle: (exact) => `Ждёт с ${exact}`,
  noName: '(без названия)',
  unreadTitle: (n) => count(n, 'непрочитанное сообщение', 'непрочитанных сообщения', 'непрочитанных сообщений'),
  rowKeys: '↑ и ↓ — по диалогам, Home и End — к первому и последнему; Enter открывает диалог в инспекторе, а на заголовке группы сворачивает или разворачивает её.',
  empty: 'Открытых диалогов нет: никто не ждёт, и на линиях, которые видит эта учётная запись, нет открытых сессий.',
  emptyKept: 'Для этого портала на компьютере пока не сохранено ни одного диалога.',
  emptyFilter: 'Под эти фильтры не подходит ни один диалог.',
  loadingFirst: 'Читаем диалоги открытых линий…',
  scheduleEvery: (minutes) => `Обновляется раз в ${num(minutes)} мин`,
  scheduleNext: (time) => `следующее в ${time}`,
  scheduleBudget: (used, allowed) => `израсходовано ${used}% из ${allowed}%`,
  scheduleBudgetTitle: (requests) => `Последнее обновление заняло ${count(requests, 'запрос', 'запроса', 'запросов')}; доля — от лимита запросов портала, задаётся в настройках`,
  scheduleByHand: 'Обновляется только вручную (задаётся в настройках)',
  scheduleRefreshing: (requests) => `Обновление по расписанию… пока ${count(requests, 'запрос', 'запроса', 'запросов')}`,
  scheduleWaitsLonger: (requests, allowed, minutes) =>
    `Последнее обновление заняло ${count(requests, 'запрос', 'запроса', 'запросов')} — больше, чем ${allowed}% лимита позволяют за ${num(minutes)} мин: следующее подождёт дольше.`,
  scheduleOffline: (title, earlier) =>
    `${earlier ? `Последнее обновление по расписанию не дошло до портала (${title}): показано предыдущее.` : `Обновление по расписанию не дошло до портала (${title}), как и все до него.`} Следующее попробует снова; проверьте соединение или нажмите «Обновить».`,
  refreshed: (rows, waiting) => `Обзор обновлён: ${dialogs(rows)}, ждут ${num(waiting)}`,
};

export default overviewRu;

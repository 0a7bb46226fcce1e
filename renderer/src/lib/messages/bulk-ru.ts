// The bulk run view's Russian texts, typed by the English reference: a text
// missing here fails the type check.
import type { BulkMessages } from './bulk-en';
import { count, isolate, num, plural } from './words-ru';

/** Identifiers a second, to a tenth. */
const rate = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

function roughly(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 90 ? `около ${num(seconds)} с` : `около ${num(Math.round(seconds / 60))} мин`;
}

function outcomes(found: number, kept: number, failed: number): string {
  return [
    `${plural(found, 'найден', 'найдено', 'найдено')} ${num(found)}`,
    kept > 0 ? count(kept, 'сохранённая копия', 'сохранённые копии', 'сохранённых копий') : '',
    `с ошибкой ${num(failed)}`,
  ]
    .filter(Boolean)
    .join(', ');
}

const bulkRu: BulkMessages = {
  /** A list dropped on the window (read by dropped-list.ts, which loads with this chunk). */
  drop: {
    tooLarge: (name, megabytes) => `${isolate(name)} — ${megabytes} МБ, а перетащить можно список не больше 2 МБ. Разделите файл или вставьте его часть.`,
    textTooLarge: (megabytes) => `Перетащенный текст — ${megabytes} МБ, а можно не больше 2 МБ. Перетащите его часть.`,
    notText: (name) => `${isolate(name)} — не текстовый файл и не CSV. Перетащите список идентификаторов: по одному в строке или через запятую.`,
    unreadable: (name) => `Не удалось прочитать ${isolate(name)}.`,
    dropped: (name) => `${isolate(name)} — в поле поиска.`,
    empty: (name) => `В ${isolate(name)} нет идентификаторов: поле поиска не изменилось.`,
  },
  historyBadge: 'Список',
  historyTally: (total, found, kept, failed) => `${count(total, 'идентификатор', 'идентификатора', 'идентификаторов')}: ${outcomes(found, kept, failed)}`,
  reopenFailed: (title, message) => `Прогон не удалось открыть: ${title}. ${message}`,
  regionLabel: 'Массовый поиск',
  lookingUp: (total) => `Ищем ${count(total, 'диалог', 'диалога', 'диалогов')}`,
  progressLabel: 'Найдено диалогов',
  progress: (done, total) => `${num(done)} из ${num(total)}`,
  perSecond: (value) => `${rate.format(value >= 10 ? Math.round(value) : value)} в секунду`,
  left: (ms) => `осталось ${roughly(ms)}`,
  waiting: (ms) => `Ждём лимита запросов портала: ${num(Math.max(1, Math.ceil(ms / 1000)))} с`,
  done: (found, kept, failed) => `Готово: ${outcomes(found, kept, failed)}`,
  stopped: (found, kept, failed, left) => `Остановлено: ${outcomes(found, kept, failed)}${left > 0 ? `; не запрошено ${num(left)}` : ''}`,
  notRun: 'Поиск не запустился',
  took: (ms) => `за ${ms < 1000 ? `${num(Math.round(ms))} мс` : `${rate.format(ms / 1000)} с`}`,
  cancel: 'Отмена',
  cancelling: 'Останавливаем…',
  closeTitle: 'Закрыть результаты и вернуться к диалогу',
  copyCsv: 'Копировать как CSV',
  copiedCsv: (rows) => `Скопировано как CSV: ${count(rows, 'строка', 'строки', 'строк')}`,
  copyFailed: (title) => `Не удалось скопировать: ${title}`,
  watchAll: 'Наблюдать за всеми найденными',
  watchAllTitle: 'Добавить в наблюдение каждый диалог, найденный в этом запуске, по одному',
  watchAllProgress: (done, total) => `Добавление… ${num(done)} из ${num(total)}`,
  watchAllNone: 'За всеми найденными диалогами уже идёт наблюдение.',
  watchAllDone: (added, already, failed) =>
    [
      `Добавлено в наблюдение: ${count(added, 'диалог', 'диалога', 'диалогов')}`,
      already > 0 ? `уже наблюдались: ${num(already)}` : '',
      failed > 0 ? `не удалось добавить: ${num(failed)}` : '',
    ]
      .filter(Boolean)
      .join('; ') + '.',
  watchAllFailed: (title, message) => `${title}. ${message}`,
  filterLegend: 'Показать',
  filters: {
    all: (n) => `Все ${num(n)}`,
    found: (n) => `Найдены ${num(n)}`,
    kept: (n) => `Копии ${num(n)}`,
    failed: (n) => `Ошибки ${num(n)}`,
  },
  columns: {
    input: 'Идентификатор',
    outcome: 'Итог',
    name: 'Диалог',
    channel: 'Канал',
    line: 'Линия',
    operator: 'Оператор',
    crm: 'CRM',
    sessionStart: 'Начало сессии',
  },
  outcome: { found: 'Найден', kept: 'Сохранённая копия', failed: 'Ошибка' },
  keptWhy: (title) => `Портал не ответил (${title}): показана копия, сохранённая на этом компьютере`,
  line: (id) => `Линия ${num(id)}`,
  user: (id) => `пользователь ${id}`,
  noName: '(без названия)',
  rowKeys: '↑ и ↓ — по строкам; Enter открывает диалог или переносит неудачный идентификатор в поле поиска.',
  empty: 'Строк пока нет.',
  emptyFilter: 'Нет строк с таким итогом.',
  started: (total) => `Ищем ${count(total, 'диалог', 'диалога', 'диалогов')}`,
  csv: {
    input: 'идентификатор',
    outcome: 'итог',
    name: 'диалог',
    chatId: 'ID чата',
    dialogId: 'ID диалога',
    channel: 'канал',
    line: 'линия',
    operator: 'оператор',
    crm: 'CRM',
    sessionId: 'ID сессии',
    sessionStart: 'начало сессии',
    marks: 'отметки',
    errorCode: 'код ошибки',
    error: 'ошибка',
  },
};

export default bulkRu;

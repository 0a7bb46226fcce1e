// Тексты сохраняемых файлов по-русски.
import type { Messages } from '../en';
import { TIMESTAMP_FORMATS } from '../../bbcode';

export const files: Messages['files'] = {
  dialog: {
    lookedUp: (query, host, fetchedAt) => `Запрошен как ${query} на ${host}, получен ${fetchedAt}.`,
    keptCopy: (query, host, fetchedAt) => `Копия, сохранённая на этом компьютере ${fetchedAt}, найдена как ${query} на ${host}.`,
    demoHost: 'демо-портале',
    openInBitrix: 'Открыть в Битрикс24',
    field: 'Поле',
    key: 'Ключ',
    value: 'Значение',
    empty: '(пусто)',
    callerNote: '\\* зависит от того, кто спрашивает (пользователь вебхука).',
  },
  save: {
    title: {
      bulk: 'Сохранить таблицу',
      dialog: 'Сохранить диалог',
      history: 'Сохранить историю',
      overview: 'Сохранить обзор',
      transcript: 'Сохранить переписку',
    },
    filters: {
      csv: 'CSV (таблицы)',
      json: 'JSON',
      markdown: 'Markdown',
      text: 'Текст',
    },
  },
  messageTags: {
    attachment: '[вложение]',
    image: '[изображение]',
    file: '[файл]',
    icon: (title) => (title ? `[значок: ${title}]` : '[значок]'),
    rating: (value) => (value === null ? '[оценка]' : `[оценка ${value}/5]`),
    timestamp: (date, style) => new Intl.DateTimeFormat('ru-RU', TIMESTAMP_FORMATS[style]).format(date),
  },
  /** The OS open dialog for a list to look up (export/read-list-file.ts). */
  open: {
    title: 'Открыть список идентификаторов',
    filter: 'Списки (CSV, текст)',
  },
};

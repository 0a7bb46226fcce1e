import type { Messages } from '../en';

export const menu: Messages['menu'] = {
  file: 'Файл',
  edit: 'Правка',
  lookup: 'Поиск',
  view: 'Вид',
  help: 'Справка',
  settings: 'Настройки…',
  managePortals: 'Порталы…',
  commandPalette: 'Палитра команд…',
  goToLookupField: 'К полю поиска',
  findInDialog: 'Найти в диалоге…',
  toggleHistory: 'Показать или скрыть историю',
  keyboardShortcuts: 'Сочетания клавиш (?)',
};

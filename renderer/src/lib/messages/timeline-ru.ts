// The timeline tab's Russian texts, typed by the English reference: a text
// missing here fails the type check.
import type { TimelineMessages } from './timeline-en';
import { count, num } from './words-ru';

const timelineRu: TimelineMessages = {
  label: 'Сохранённые копии диалога, сначала новые',
  summary: (copies: number) => `Копий на этом компьютере: ${num(copies)} — по одной на каждый запрос и на каждое фоновое обновление, заставшее диалог изменившимся.`,
  first: 'Первая сохранённая копия.',
  unchanged: 'С предыдущей копии ничего не изменилось.',
  changed: (changes: number) => `${count(changes, 'изменение', 'изменения', 'изменений')} с предыдущей копии:`,
  viewerDiffers: (keys: string) => `Также отличаются, потому что зависят от того, кто спрашивает: ${keys}`,
  session: (id: number) => `Сессия ${id}`,
  latest: 'показанная копия',
  compare: 'Сравнить',
  compareName: (when: string) => `Сравнить копию от ${when}`,
  pickHint: 'Выберите две копии, чтобы увидеть всё, что изменилось между ними.',
  pickOneMore: 'Выберите ещё одну копию для сравнения.',
  comparedTitle: (from: string, to: string) => `От копии ${from} к копии ${to}`,
  comparedNone: 'Между этими двумя копиями ничего не изменилось.',
  clear: 'Сбросить сравнение',
  failed: 'Не удалось прочитать хронологию',
  compareFailed: 'Не удалось сравнить две копии',
  onlyOne: 'Пока сохранена только одна копия: каждый следующий запрос добавит новую, с тем, что изменилось.',
};

export default timelineRu;

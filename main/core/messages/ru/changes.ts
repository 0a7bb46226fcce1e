// Что изменилось в диалоге между двумя копиями, словами руководителя поддержки.
// Ключи и значения Битрикс24 не переводятся.
import { plural } from '../../i18n';
import type { Messages } from '../en';

export const changes: Messages['changes'] = {
  absent: '(нет поля)',
  none: 'нет',
  nobody: 'никто',
  person: (name, id) => `${name} (${id})`,
  crmEntity: (type, id) => `${type.toLowerCase()} ${id}`,
  noBinding: 'нет привязки',
  sessionStarted: (after, before) => (before === null ? `Началась новая сессия: ${after}` : `Началась новая сессия: ${after} (была ${before})`),
  sessionEnded: (before) => `Сессия ${before} завершилась: у диалога нет текущей сессии`,
  sessionClosed: 'Сессия закрыта',
  waitingOn: 'Сессия теперь ждёт автоматического действия (линия закрыта, нерабочее время, нет ответа или открыта снова после оценки)',
  waitingOff: 'Сессия больше не ждёт автоматического действия',
  clientWaiting: (since) => (since === null ? 'Клиент теперь ждёт ответа' : `Клиент теперь ждёт ответа с ${since}`),
  clientAnswered: 'Клиент больше не ждёт: оператор ответил',
  pinned: 'Закреплён за оператором',
  unpinned: 'Откреплён от оператора',
  blocked: (reason, since) => `Заблокирован${reason === null ? '' : ` (причина: ${reason})`}${since === null ? '' : `, с ${since}`}`,
  unblocked: 'Разблокирован',
  silentOn: '«Тихий режим» включён: сообщения операторов не отправляются клиенту',
  silentOff: '«Тихий режим» выключен',
  silentOther: (before, after) => `«Тихий режим»: ${before} → ${after}`,
  owner: (before, after) => `Сменился ответственный оператор: ${before} → ${after}`,
  crmMoved: (before, after) => `Привязка к CRM перенесена: ${before} → ${after}`,
  crmBindings: (before, after) => `Привязки к CRM: ${before} → ${after}`,
  renamed: (before, after) => `Переименован: «${before}» → «${after}»`,
  newMessages: (count) => `${count} ${plural(count, { one: 'новое сообщение', few: 'новых сообщения', many: 'новых сообщений', other: 'нового сообщения' })}`,
  lastFrom: (who, role, when) => `последнее от ${who} (${role})${when === null ? '' : ` в ${when}`}`,
  roles: { client: 'клиент', operator: 'оператор', bot: 'бот', system: 'система' },
  managers: (before, after) => `Менеджеры: ${before} → ${after}`,
  line: (before, after) => `Перенесён на линию ${after} (была ${before})`,
  field: (label, before, after) => `${label}: ${before} → ${after}`,
  sessionField: (position) => `entity_data_1, поле ${position + 1} из 10`,
  viewerDiffers: (keys) => `Также отличаются значения, зависящие от того, кто спрашивает (это не изменения диалога): ${keys}`,
  notice: {
    title: (name) => `Изменения: ${name}`,
    more: (count) => `и ещё ${count}`,
    heldTitle: 'Пока был включён тихий режим',
    held: (changes, dialogs) =>
      `${changes} ${plural(changes, { one: 'изменение', few: 'изменения', many: 'изменений', other: 'изменения' })} в ${dialogs} ${plural(dialogs, { one: 'отслеживаемом диалоге', few: 'отслеживаемых диалогах', many: 'отслеживаемых диалогах', other: 'отслеживаемых диалогах' })}. Откройте список отслеживаемых, чтобы их увидеть.`,
  },
};

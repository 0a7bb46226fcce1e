// Тексты области cli по-русски. Команды, параметры, заполнители (NAME, URL,
// <identifier>) и термины Битрикс24 (USER_CODE, imol|) остаются как есть:
// их набирают именно так.
import { plural } from '../../i18n';
import type { Messages } from '../en';

const usage = (dataDir: string) => `Использование:
  openlines-inspector lookup <identifier>... [--account NAME | --webhook URL | --demo] [параметры]
  openlines-inspector lookup --from FILE [<identifier>...] [--format table|csv|json] [параметры]
  openlines-inspector transcript <identifier> [--session ID] [--offline] [--account NAME | --webhook URL | --demo]
        [--json | --format text|markdown]
  openlines-inspector watch <identifier>... [--interval SECONDS] [--account NAME | --webhook URL | --demo] [--json]
  openlines-inspector overview [--source recent|crm|kept] [--format table|csv|json] [--offline]
        [--account NAME | --webhook URL | --demo]
  openlines-inspector show <identifier>... [--account NAME] [--as chat|session] [--json | --format text|json|markdown]
        [--data-dir DIR]
  openlines-inspector search <текст> [--account NAME] [--limit N] [--json] [--data-dir DIR]
  openlines-inspector history [--account NAME] [--limit N] [--json | --format text|csv|json] [--data-dir DIR]
  openlines-inspector login --portal URL --client-id ID --client-secret SECRET
        [--oauth-server URL] [--port N] [--name NAME] [--no-browser] [--data-dir DIR]
  openlines-inspector login --webhook URL [--name NAME] [--data-dir DIR]
  openlines-inspector accounts [list | use NAME | rename NAME NEW-NAME | remove NAME] [--json]

lookup   находит диалоги Открытых линий Битрикс24 и выводит всё, что портал
         знает о каждом, в расшифрованном виде. Каждый запрос записывается в
         историю, а диалог сохраняется для чтения без сети в папке данных
         приложения; если портал недоступен, выводится сохранённая копия с
         пометкой об этом.
transcript выводит переписку сессии (текущей или --session ID) от первого
         сообщения к последнему: кто писал последним и сколько ждал клиент;
         приложение её сохраняет, а --offline выводит сохранённую копию.
watch    обновляет диалоги каждые --interval секунд (по умолчанию 30) через
         batch, пока не нажато Ctrl+C, и выводит каждое изменение строкой
         (--json: объект на диалог и обновление, {chatId, at, changes}); о
         недоступном портале или отказе по диалогу говорит один раз в stderr
         и продолжает следить.
overview выводит диалоги Открытых линий, важные руководителю, по строке на
         диалог, сначала ждущие клиенты (дольше всех ждущие — первыми):
         статус, с какого времени ждёт, канал, линия, оператор, клиент, CRM,
         начало сессии, непрочитанные и отметки. Источники: недавние чаты
         самой учётной записи (право im; статус сессии — если она в очереди
         линии), открытые сессии в CRM портала (право crm) и диалоги,
         сохранённые на этом компьютере; источник, которого не позволяют
         права, назван в stderr вместе с нужным правом. Каждый прочитанный
         диалог сохраняется.
show     выводит копию, сохранённую на этом компьютере, с её временем
         («по состоянию на»), не обращаясь к порталу (именно это означает
         --offline, поэтому указывать его не нужно); подходит любой вид
         идентификатора.
search   ищет сохранённые диалоги по названию, ID (chat17 находит chat1777),
         коду пользователя или его частям (livechat|22), привязке к CRM
         («lead 1209»), линии, имени оператора или прочитавшего; по началу
         слова, без учёта регистра и диакритики; совпадения — в « ».
history  показывает записанные запросы, сначала новые.
login    сохраняет портал как учётную запись. OAuth 2.0 с вашим локальным
         приложением: выводит адрес входа отдельной строкой и открывает его в
         браузере (кроме --no-browser); браузер возвращается на
         http://127.0.0.1:<port>/oauth/callback (порт 31417, если не задан
         --port), или вставьте код либо весь адрес, который он покажет. Или
         входящий вебхук, предварительно проверенный на портале. Секрет можно
         передать в OPENLINES_CLIENT_SECRET вместо --client-secret.
accounts показывает сохранённые учётные записи (без секретов; * отмечает
         ту, что lookup использует по умолчанию), переключает,
         переименовывает или удаляет учётную запись.

Идентификаторы:
  1777                  ID чата (или ID сессии с --as session)
  chat1777              ID диалога
  livechat|1|1373|211   код пользователя (начальный imol| допустим)

Параметры:
  --webhook URL         входящий вебхук, https://<портал>/rest/<пользователь>/<ключ>/
                        (или переменная OPENLINES_WEBHOOK: так ключ не попадёт
                        в историю командной оболочки)
  --demo                встроенный демо-портал (учётная запись не нужна)
  --account NAME        lookup, transcript, overview: сохранённая учётная запись
                        (по умолчанию — текущая); show, search, history,
                        overview --offline: только один портал (имя
                        сохранённой учётной записи, её адрес или «demo»)
  --as chat|session     как понимать просто число (по умолчанию: chat)
  --json                вывод в JSON (lookup: массив, по объекту на идентификатор)
  --from FILE           lookup: идентификаторы из файла или - для стандартного
                        ввода, через строки, запятые, пробелы или табуляцию;
                        из .csv — столбец идентификаторов (dialog_id,
                        chat_id, input…), иначе первый
  --output FILE         lookup, transcript, overview, show, search, history:
                        записать то, что было бы напечатано, в FILE —
                        целиком или никак
  --format table|csv|json
                        lookup: по строке на диалог (итог, чат, клиент, канал,
                        линия, оператор, CRM, начало сессии, отметки), по 50
                        диалогов за запрос через batch; без него --from или
                        несколько идентификаторов — таблица (один — целиком);
                        код 0, только если найдены все;
                        show: json или markdown — каждый диалог, как его
                        сохраняет окно; history: csv или json, как в окне
  --source recent|crm|kept
                        overview: только эти источники (несколько — через
                        запятую; по умолчанию все три)
  --timeout SECONDS     сколько ждать ответа на запрос целиком (по умолчанию: 60)
  --max-answer-mb N     сколько мегабайт ответа читать самое большее
                        (по умолчанию: 32)
  --no-history          не записывать запрос и не сохранять диалог
  --verbose             также печатать в stderr итог каждого запроса и то, что
                        пишется в журнал (logs/cli.log в папке данных)
  --offline             (show) только копия на этом компьютере: так show
                        работает всегда, параметр допустим, но не нужен;
                        (overview) только сохранённые диалоги, без портала
  --limit N             не больше N записей (history: 50, search: 20)
  --interval SECONDS    watch: от конца одного обновления до следующего (по умолчанию: 30)
  --data-dir DIR        папка данных приложения (по умолчанию: ${dataDir})
  -h, --help            эта справка
  -v, --version         версия

Код завершения: 0 — все запросы успешны, 1 — хотя бы один не удался, 2 — ошибка в команде
(overview: 1 — источник не прочитан или у названного в --source нет нужного права),
141 — читающая программа закрыла вывод (… | head -1).
Портал с сертификатом частного удостоверяющего центра: укажите его в NODE_EXTRA_CA_CERTS.`;

export const cli: Messages['cli'] = {
  usage,
  transcript: {
    title: (chatId, sessionId, name) => `Переписка чата chat${chatId}, сессия ${sessionId}${name ? ` — ${name}` : ''}`,
    source: (source, when, count) =>
      `${source === 'portal' ? 'С портала' : 'Копия, сохранённая на этом компьютере'}, ${when}; сообщений: ${count}`,
    status: { clientWaiting: 'клиент ждёт', operatorAnswered: 'оператор ответил', closed: 'закрыт' },
    waitingSince: (when) => `ждёт с ${when}`,
    firstResponse: (wait) => `первый ответ через ${wait}`,
    longestWait: (wait) => `самое долгое ожидание ${wait}`,
    wroteLast: (role) => `последним писал: ${role}`,
    clientRated: { like: 'клиенту понравилось', dislike: 'клиенту не понравилось' },
    supervisorRated: (stars, comment) => `руководитель: ${stars}/5${comment ? ` («${comment}»)` : ''}`,
    roles: { client: 'клиент', operator: 'оператор', bot: 'бот', system: 'Система' },
    deleted: '(сообщение удалено)',
    file: (name, size) => `[файл] ${name}${size === null ? '' : ` (${size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} КБ` : `${(size / 1024 / 1024).toFixed(1)} МБ`})`}`,
    units: {
      seconds: (s) => `${s} с`,
      minutes: (m, s) => (s === 0 ? `${m} мин` : `${m} мин ${s} с`),
      hours: (h, m) => (m === 0 ? `${h} ч` : `${h} ч ${m} мин`),
    },
    notKept: (input) => `Переписка ${input} на этом компьютере не сохранена. Найдите диалог один раз без --offline, чтобы сохранить её.`,
    noSession: (input) => `У ${input} нет сессии, поэтому переписки нет.`,
    otherChat: (session, input, chatId) => `Сессия ${session} принадлежит чату chat${chatId}, а не ${input}.`,
  },

  bulk: {
    columns: {
      input: 'Идентификатор',
      outcome: 'Итог',
      chat: 'Чат',
      name: 'Клиент',
      channel: 'Канал',
      line: 'Линия',
      operator: 'Оператор',
      crm: 'CRM',
      sessionStart: 'Начало сессии',
      marks: 'Отметки',
      problem: 'Проблема',
    },
    outcomes: { found: 'найден', kept: 'сохранённая копия', failed: 'ошибка' },
    marks: { pinned: 'закреплён', silent: 'скрытый', blocked: 'заблокирован' },
    line: (id) => `линия ${id}`,
    user: (id) => `пользователь ${id}`,
    summary: (total, found, kept, failed, seconds) =>
      `Идентификаторов: ${total}; найдено: ${found}, из сохранённых копий: ${kept} (портал не ответил), с ошибкой: ${failed}; ${seconds} с.`,
    tooLarge: (file, megabytes) => `${file} больше ${megabytes} МБ: это больше идентификаторов, чем принимает один запуск.`,
  },

  overview: {
    columns: {
      status: 'Статус',
      waiting: 'Ждёт',
      chat: 'Чат',
      client: 'Клиент',
      channel: 'Канал',
      line: 'Линия',
      operator: 'Оператор',
      crm: 'CRM',
      sessionStart: 'Начало сессии',
      unread: 'Непрочит.',
      marks: 'Отметки',
    },
    statuses: { clientWaiting: 'ждёт клиент', operatorAnswered: 'оператор ответил', closed: 'закрыт' },
    unknownStatus: 'неизвестно',
    pastTarget: (target) => `дольше нормы ${target}`,
    sources: { recent: 'недавние чаты (im.recent.get)', crm: 'сессии в CRM (crm.activity.list)', kept: 'сохранённые диалоги' },
    used: (source, rows) => `${source}: диалогов — ${rows}`,
    needsScope: (source, scope) => `${source}: не использованы; вебхуку или приложению для этого нужно право «${scope}».`,
    failed: (source, problem) => `${source}: не удалось прочитать: ${problem}`,
    notAsked: (source) => `${source}: не запрашивались`,
    summary: (rows, seconds) => `Диалогов: ${rows}; ${seconds} с.`,
    truncated: (max) => `Показаны только первые ${max} диалогов.`,
    none: 'Диалогов нет.',
  },

  usageErrors: {
    noCommand: 'Не указана команда.',
    numberInRange: (option, max) => `${option}: нужно число больше 0 и не больше ${max}.`,
    wholeNumberInRange: (option, max) => `${option}: нужно целое число от 1 до ${max}.`,
    unknownOption: (option, nearest) => `Неизвестный параметр ${option}.${nearest ? ` Возможно, имелся в виду ${nearest}?` : ''}`,
    optionNeedsValue: (option, placeholder) => `Для ${option} нужно значение: ${option} ${placeholder}.`,
    optionTakesNoValue: (option) => `${option} не принимает значения: укажите просто ${option}.`,
    historyTakesNoIds: 'history не принимает идентификаторы; портал выбирается через --account.',
    searchWhat: 'Укажите, что искать: название, ID вроде chat17, код пользователя или «lead 1209».',
    unknownCommand: (command) =>
      `Неизвестная команда «${command}». Команды: «lookup», «transcript», «overview», «watch», «show», «search», «history», «login» и «accounts».`,
    watchWhat: 'Укажите хотя бы один идентификатор, за которым следить.',
    watchNoFormat: 'watch выводит строку на каждое изменение или, с --json, объект JSON на строку; --format он не принимает.',
    giveIdentifier: (command) => `Укажите хотя бы один идентификатор, ${command === 'show' ? 'копию которого показать' : 'который найти'}.`,
    asTakes: '--as принимает «chat» или «session».',
    formatTakes: '--format принимает «table», «csv» или «json».',
    showFormat: 'show --format принимает «text», «json» или «markdown».',
    historyFormat: 'history --format принимает «text», «csv» или «json».',
    outputFor: (command) => `--output — для lookup, transcript, overview, show, search и history, не для ${command}.`,
    sourceTakes: '--source принимает «recent», «crm» или «kept» либо несколько через запятую.',
    overviewTakesNoIds: 'overview не принимает идентификаторы; источники выбираются через --source.',
    overviewJsonOrFormat: 'Укажите либо --json, либо --format, но не оба.',
    transcriptOne: 'transcript принимает один идентификатор: диалог, переписку которого вывести (--session ID — для другой его сессии).',
    transcriptFormat: 'transcript --format принимает «text» или «markdown» (--json — для JSON).',
    jsonOrFormat: 'Укажите либо --json (каждый диалог целиком), либо --format (по записи на диалог), но не оба.',
    onePortal: (given) => `Укажите один портал: заданы сразу ${given.join(' и ')}.`,
    loginOptionsOnly: 'login принимает только параметры: --portal, --client-id, --client-secret или --webhook.',
    webhookOrOAuth: 'Укажите либо --webhook, либо --portal с --client-id, но не то и другое.',
    howToSignIn:
      'Укажите, как войти: --portal URL --client-id ID --client-secret SECRET (или OPENLINES_CLIENT_SECRET) для OAuth, либо --webhook URL.',
    portRange: '--port: нужно целое число от 0 до 65535 (0 — любой свободный порт).',
    accountsTakes: 'accounts принимает: list, use NAME, rename NAME NEW-NAME или remove NAME.',
    noPortal: 'Укажите, какой портал спросить: --account NAME (сохранённая учётная запись), --webhook URL (или OPENLINES_WEBHOOK) либо --demo.',
    noneSaved: 'Сохранённых учётных записей пока нет: добавьте учётную запись командой openlines-inspector login.',
    noneCurrent: 'Ни одна сохранённая учётная запись не выбрана текущей: выберите её командой openlines-inspector accounts use NAME.',
  },
  watch: {
    started: (count, host, demo, seconds) =>
      `Слежу за ${count} ${plural(count, { one: 'диалогом', other: 'диалогами' })} на ${demo ? 'демо-портале' : host}, каждые ${seconds} с. Ctrl+C — остановить.`,
    seen: (input, chatId) => (input === `chat${chatId}` ? `Слежу за ${input}` : `Слежу за ${input} (chat${chatId})`),
    goingOn: 'Продолжаю следить: спрошу снова при каждом обновлении.',
    portalBack: 'Портал снова отвечает.',
    dialogBack: (input) => `${input}: снова отвечает.`,
    stopped: (cycles) => `Остановлено после ${cycles} ${plural(cycles, { one: 'обновления', other: 'обновлений' })}.`,
  },
  lookup: {
    openInBitrix: (url) => `открыть в Битрикс24: ${url}`,
    lookedUp: (query, host, demo, ms) => `запрошен как ${query} на ${host}${demo ? ' (демо-портал)' : ''} за ${ms} мс`,
    noChanges: (since) => `Без изменений с прошлого запроса (${since})`,
    changedSince: (since) => `Изменилось с прошлого запроса (${since}):`,
    keptCopyAsked: (asOf, query, host, demo) =>
      `Копия, сохранённая на этом компьютере ${asOf}, найдена как ${query} на ${demo ? 'демо-портале' : host}: show не обращается к порталу (это делает lookup).`,
    keptCopyFallback: (asOf, query, host, demo, reason) =>
      `НЕТ СВЯЗИ: копия, сохранённая на этом компьютере ${asOf}, найдена как ${query} на ${demo ? 'демо-портале' : host}, потому что портал недоступен: ${reason}.`,
    callerNote: '* зависит от того, кто спрашивает (пользователь вебхука)',
    empty: '(пусто)',
    seconds: (value) => `${value} с`,
  },
  saved: (file, bytes) => `Сохранено: ${file} (${bytes}).`,
  errors: {
    whatToDo: 'Что делать:',
    portalSaid: 'Ответ портала:',
    warning: 'Внимание:',
  },
  actions: {
    ACCESS_ERROR:
      'Проверьте идентификатор (число без префикса — это ID чата; для ID сессии добавьте --as session). Если он верный, попросите администратора Битрикс24 дать вам доступ к этому диалогу Открытых линий или используйте вебхук пользователя, у которого такой доступ есть (--webhook URL или --account NAME).',
    INVALID_IDENTIFIER:
      'Укажите ID чата (1777), ID диалога (chat1777), ID сессии (число с --as session) или код пользователя (livechat|1|1373|211).',
    NOT_CONNECTED:
      'Укажите, какой портал спросить: --account NAME (сохранённая учётная запись), --webhook URL (или OPENLINES_WEBHOOK) либо --demo для демо-портала.',
    expired_token:
      'Войдите снова: openlines-inspector login --portal URL --client-id ID --client-secret SECRET; учётную запись с вебхуком можно сохранить заново: openlines-inspector login --webhook URL.',
    invalid_token:
      'Войдите снова: openlines-inspector login --portal URL --client-id ID --client-secret SECRET или сохраните учётную запись с вебхуком заново: openlines-inspector login --webhook URL.',
    TLS_ERROR:
      'Проверьте адрес портала. Если портал использует собственный удостоверяющий центр, запустите команду с переменной NODE_EXTRA_CA_CERTS, указывающей на его сертификат (файл PEM).',
    ANSWER_TOO_LARGE:
      'Настоящий диалог намного меньше: что-то между вами и порталом присылает лишнее. Если ответ настоящий, увеличьте предел через --max-answer-mb N.',
    UNEXPECTED_SHAPE:
      'Повторите; если ошибка не проходит, сообщите о ней, указав запрошенный идентификатор и версию портала (чтобы увидеть ответ как есть, запросите диалог ещё раз с --json).',
    NOT_CACHED:
      'Запросите диалог один раз командой openlines-inspector lookup, пока портал доступен (без --no-history): каждый запрошенный диалог сохраняется для чтения без сети.',
    ACCOUNT_NOT_FOUND: 'Посмотрите список сохранённых учётных записей (openlines-inspector accounts) и укажите одно из имён.',
  },
  otherPortal: {
    useAccount: (name, linkHost) => `Запустите запрос снова с --account "${name}" — это ваша сохранённая учётная запись для ${linkHost}.`,
    noneSaved: (linkHost) =>
      `Сохранённой учётной записи для ${linkHost} нет. Сохраните её командой openlines-inspector login (--webhook URL или --portal URL с вашим приложением) и запустите запрос с --account NAME.`,
  },
  login: {
    kindOAuth: 'OAuth',
    kindWebhook: 'вебхук',
    saved: (name, kind, host) =>
      `Аккаунт «${name}» сохранён (${kind}, ${host}). Теперь запросы идут через него: openlines-inspector lookup <identifier>`,
    pasteInstead: 'Продолжаем без него: вставьте код вручную.',
    pasteAgain: 'Вставьте код ещё раз или завершите вход в браузере.',
    signInWithRedirect: (redirectUri) =>
      `Войдите на портал в браузере по адресу ниже. Браузер вернётся на ${redirectUri};\nлибо вставьте сюда код (или весь адрес, который покажет браузер) и нажмите Enter.`,
    signInPaste: 'Войдите на портал в браузере по адресу ниже, затем вставьте сюда код (или весь адрес, который покажет браузер) и нажмите Enter.',
    noBrowser: 'Не удалось открыть браузер: откройте адрес выше сами.',
    scopeMissing: (scope, scopes) =>
      `Приложение работает, но создано без права «${scope}» (его права: ${scopes.join(', ') || 'нет'}).`,
  },
  accounts: {
    states: {
      ready: 'готов',
      'sign-in-again': 'нужно войти снова (openlines-inspector login …)',
      'secrets-unreadable': 'учётные данные здесь не прочитать: подключитесь снова',
      'secrets-forgotten': 'учётные данные хранились одну сессию: подключитесь снова',
    },
    kindOAuth: (clientId) => `OAuth, приложение ${clientId}`,
    kindWebhook: 'вебхук',
    enterprise: ', лимиты Энтерпрайз',
    none: 'Сохранённых учётных записей пока нет. Добавьте учётную запись: openlines-inspector login --webhook URL или --portal URL --client-id ID --client-secret SECRET',
    nowCurrent: (name) => `Теперь запросы идут на «${name}».`,
    renamed: (before, after) => `«${before}» переименован в «${after}».`,
    removed: (name) => `Аккаунт «${name}» и его учётные данные удалены. История и сохранённые диалоги остались.`,
  },
  show: {
    notCached: (input, account) => `Копия «${input}» в этой папке данных${account ? ` для ${account}` : ''} не сохранена.`,
  },
  accountChoice: {
    unknown: (given, names) => `Учётной записи «${given}» нет. Сохранённые учётные записи: ${names.map((name) => `«${name}»`).join(', ')}.`,
    unknownNoneSaved: (given) =>
      `Учётной записи «${given}» нет: сохранённых учётных записей нет, и для портала с таким именем ничего не сохранено.`,
    action: 'Укажите имя сохранённой учётной записи, адрес портала (например, your-portal.bitrix24.ru) или «demo».',
  },
  search: {
    noMatch: (text) => `Среди сохранённых диалогов нет совпадений с «${text}».`,
    asOf: (when) => `по состоянию на ${when}`,
  },
  history: {
    ok: 'успешно',
    okOffline: 'успешно (копия без сети)',
    empty: 'Запросов пока не было.',
  },
  milliseconds: (ms) => `${ms} мс`,
  store: {
    recovered: (reason, movedTo) =>
      `Повреждённая база истории отложена [STORE_RECOVERED]\n  ${reason}: она перенесена в ${movedTo}, начата новая.\n  Что делать: ничего; сохраните старый файл, если хотите попытаться его восстановить.`,
    unavailable: (reason, dataDir) =>
      `История и копии без сети недоступны [STORE_UNAVAILABLE]\n  Не удалось открыть базу в папке данных (${reason}).\n  Что делать: проверьте, что в ${dataDir} можно писать, или выберите другую папку через --data-dir.`,
    unknownError: 'неизвестная ошибка',
  },
};

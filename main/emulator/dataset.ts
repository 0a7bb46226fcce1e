// The demo portal's dialogs: the documented sample (chat 1777) plus generated
// chats that exercise every encoding edge the inspector must survive (the
// entity_id and entity_data_1..3 forms of docs/architecture.md's decode/ row). Deterministic: the same build always serves the same answers, so
// screenshots, tests and benchmarks can rely on them.
import type { RawDialog } from '../core/dialog-types';
import type { EmulatedDialog, EmulatorOAuthApp, EmulatorWebhook } from './emulator-types';
import documented from './data/documented-chat-1777.json' with { type: 'json' };
import { DEMO_LINE_NAMES as LINE_NAMES, DEMO_OPERATORS as OPERATORS, demoPersonName } from './demo-directory';
import { DAY, DEMO_EPOCH as EPOCH, portalDate as iso } from './portal-clock';

export const DEMO_WEBHOOK: EmulatorWebhook = Object.freeze({
  userId: 1,
  key: 'demo0inspector0key',
  scopes: Object.freeze(['imopenlines', 'im', 'crm', 'user_brief']) as string[],
});

/**
 * The demo portal's local application. No handler path is registered, so unless the client names a
 * redirect_uri the portal shows the code for the user to paste, as Bitrix24 does for such apps.
 */
export const DEMO_OAUTH_APP: EmulatorOAuthApp = Object.freeze({
  clientId: 'local.0demo0inspector0.00000001',
  clientSecret: 'demo0inspector0client0secret',
  scopes: Object.freeze(['imopenlines', 'im', 'crm', 'user_brief']) as string[],
});

/** The demo portal's member_id: 32 hex digits, like a real portal's. */
export const DEMO_MEMBER_ID = '0d1e2a3b4c5d6e7f8091a2b3c4d5e6f7';

/** Chats and sessions with a known shape, for tests and the demo's sample queries. */
export const DEMO_IDS = Object.freeze({
  documentedChatId: 1777,
  documentedSessionId: 343,
  documentedOlderSessionId: 287,
  documentedUserCode: 'livechat|22|1775|599',
  cyrillicChatId: 2001,
  rtlChatId: 2002,
  chineseChatId: 2003,
  japaneseChatId: 2004,
  emojiChatId: 2005,
  /** Name `<img src=x onerror=alert(1)>`, a reader named `<script>alert(2)</script>`. */
  markupChatId: 2006,
  /** entity_data_1 in the older 6-field form `Y|LEAD|56|N|N|1765`. */
  legacySessionChatId: 2007,
  legacySessionId: 1765,
  /** entity_data_1/2/3 all "" and no session ids. */
  emptyEntityDataChatId: 2008,
  /** A WhatsApp dialog with a block date and reason, waiting for an action. */
  blockedChatId: 2009,
  /** entity_data_2 out of the documented order, with an unknown ORDER pair. */
  reorderedCrmChatId: 2010,
  /** Carries fields the docs do not list (ai_summary_enabled, copilot{…}). */
  unknownFieldsChatId: 2011,
  /** entity_data_3 = "Y". */
  silentModeChatId: 2012,
  /** Custom REST connector `acme_helpdesk`. */
  customConnectorChatId: 2013,
  /** Telegram group: connector user id 0, negative external chat id. */
  groupChatChatId: 2014,
  /** Several readers with `date: null`, several first viewers, managers and muted users. */
  manyReadersChatId: 2015,
  firstGeneratedChatId: 2001,
  lastGeneratedChatId: 2040,
  /** Exists, but DEMO_WEBHOOK's user may not open it: ACCESS_ERROR. */
  deniedChatId: 2999,
  /** Not in the dataset at all. */
  missingChatId: 9999,
});

export const DEMO_CONNECTORS = [
  'livechat',
  'telegrambot',
  'whatsappbytwilio',
  'imessage',
  'network',
  'facebook',
  'vkgroup',
  'instagram',
  'viber',
  'acme_helpdesk',
] as const;

export function demoDataset(): EmulatedDialog[] {
  const rng = mulberry32(1777);
  const dialogs: EmulatedDialog[] = [
    { dialog: structuredClone(documented.result) as RawDialog, sessionIds: [343, 287] },
    ...specialDialogs().map((spec) => entry(spec)),
  ];
  for (let id = 2016; id <= DEMO_IDS.lastGeneratedChatId; id += 1) dialogs.push(entry(generated(id, rng)));
  dialogs.push({
    ...entry(
      base(DEMO_IDS.deniedChatId, 'livechat', 1, '2999', 699, 'Restricted Guest #99', {
        owner: 44,
        description: 'VIP escalation: visible to the VIP line supervisors only',
        sessionIds: [9991, 9990],
      }),
    ),
    deniedUserIds: [DEMO_WEBHOOK.userId],
  });
  return dialogs;
}

// ---------------------------------------------------------------------------

export const COLORS = ['#58cc47', '#ab7761', '#29619b', '#e8a441', '#00a2e8', '#df532d', '#4ba984', '#8474c8'];

export type CrmType = 'LEAD' | 'DEAL' | 'CONTACT' | 'COMPANY' | 'NONE';

interface Reader {
  user_id: number;
  user_name: string;
  message_id: number;
  date: string | null;
}

/** One demo dialog as the generators describe it; dialogRecord() writes it as dialog.get answers. */
export interface Spec {
  id: number;
  connector: string;
  line: number;
  externalChatId: string;
  clientUserId: number;
  clientName: string;
  name: string;
  description: string | null;
  owner: number;
  crmType: CrmType;
  crmId: number;
  pinned: boolean;
  waiting: boolean;
  /** Line id as written into entity_data_1[7]; 0 = take it from entity_id. */
  sessionLine: number;
  block: { date: number; reason: number } | null;
  sessionIds: number[];
  created: number;
  sessionStart: number;
  messageCount: number;
  lastMessageId: number;
  counter: number;
  role: string;
  avatar: string;
  readers: Reader[];
  viewers: number[];
  managers: number[];
  muted: number[];
  entityData1?: string;
  entityData2?: string;
  entityData3: string;
  extra?: Record<string, unknown>;
}

export function base(
  id: number,
  connector: string,
  line: number,
  externalChatId: string,
  clientUserId: number,
  clientName: string,
  overrides: Partial<Spec> = {},
): Spec {
  const n = id - 2000;
  const created = EPOCH + n * DAY + (n % 7) * 3600;
  const lastMessageId = 90000 + n * 411;
  const owner = overrides.owner ?? 27;
  return {
    id,
    connector,
    line,
    externalChatId,
    clientUserId,
    clientName,
    name: `${clientName} - ${LINE_NAMES[line] ?? 'Open line'}`,
    description: null,
    owner,
    crmType: 'LEAD',
    crmId: 1300 + n,
    pinned: false,
    waiting: false,
    sessionLine: 0,
    block: null,
    sessionIds: [5000 + n * 10 + 1, 5000 + n * 10],
    created,
    sessionStart: created + 2 * DAY + 1800,
    messageCount: 10 + ((n * 13) % 90),
    lastMessageId,
    counter: 0,
    role: 'owner',
    avatar: '',
    readers: [{ user_id: clientUserId, user_name: clientName, message_id: lastMessageId - 2, date: null }],
    viewers: [owner],
    managers: [owner],
    muted: [],
    entityData3: 'N',
    ...overrides,
  };
}

function specialDialogs(): Spec[] {
  const ids = DEMO_IDS;
  return [
    base(ids.cyrillicChatId, 'telegrambot', 6, '173633217', 569, 'Анна Смирнова', {
      owner: 52,
      crmType: 'DEAL',
      crmId: 4410,
      pinned: true,
      description: 'Клиент просит перезвонить после 18:00',
      muted: [31],
      sessionIds: [5012, 5011, 5010],
    }),
    base(ids.rtlChatId, 'whatsappbytwilio', 3, 'whatsapp:+971501234567', 611, 'أحمد محمود', {
      name: 'أحمد محمود - خدمة العملاء',
      owner: 63,
      crmType: 'CONTACT',
      crmId: 318,
    }),
    base(ids.chineseChatId, 'network', 5, '9f86d081884c7d659a2feaa0c55ad015', 612, '王小明', {
      name: '王小明 - 客户支持',
      owner: 70,
      crmType: 'COMPANY',
      crmId: 77,
    }),
    base(ids.japaneseChatId, 'viber', 8, 'dmliZXItdXNlci0yMDA0PT0=', 613, '佐藤 花子', {
      name: '佐藤 花子 - サポート窓口',
      crmType: 'NONE',
      crmId: 0,
    }),
    base(ids.emojiChatId, 'livechat', 1, '1805', 614, 'Olivia 🌸 Brown', {
      name: 'Olivia 🌸 Brown - Website chat 💬',
      avatar: '/upload/resize_cache/im/avatar/2005/100_100_2/olivia.png',
      description: 'Asked about 🚀 express delivery',
    }),
    base(ids.markupChatId, 'livechat', 1, '1806', 615, '<img src=x onerror=alert(1)>', {
      description: '<b>bold?</b> "quotes" & ampersands',
      readers: [
        { user_id: 615, user_name: '<script>alert(2)</script>', message_id: 92460, date: null },
        { user_id: 31, user_name: OPERATORS[31] ?? '', message_id: 92466, date: iso(EPOCH + 8 * DAY) },
      ],
      viewers: [31],
      managers: [27, 31],
    }),
    base(ids.legacySessionChatId, 'livechat', 2, '1765', 616, 'Guest #56', {
      entityData1: 'Y|LEAD|56|N|N|1765',
      entityData2: 'LEAD|56|COMPANY|0|CONTACT|0|DEAL|0',
      sessionIds: [ids.legacySessionId],
    }),
    base(ids.emptyEntityDataChatId, 'livechat', 1, '1808', 617, 'Guest #8', {
      entityData1: '',
      entityData2: '',
      entityData3: '',
      sessionIds: [],
    }),
    base(ids.blockedChatId, 'whatsappbytwilio', 8, 'whatsapp:+15550102009', 618, 'Jordan Reyes', {
      crmType: 'CONTACT',
      crmId: 902,
      waiting: true,
      sessionLine: 8,
      block: { date: EPOCH + 12 * DAY, reason: 1 },
    }),
    base(ids.reorderedCrmChatId, 'facebook', 2, '4820193348571920', 619, 'Lukas Becker', {
      crmType: 'DEAL',
      crmId: 4410,
      entityData2: 'DEAL|4410|CONTACT|318|LEAD|0|COMPANY|77|ORDER|12',
    }),
    base(ids.unknownFieldsChatId, 'instagram', 4, '17841405822304914', 620, 'Chiara Rossi', {
      crmType: 'NONE',
      crmId: 0,
      extra: {
        ai_summary_enabled: true,
        copilot: { enabled: true, role: 'assistant', engine: { id: 'copilot-7', version: '2026.1' } },
      },
    }),
    base(ids.silentModeChatId, 'vkgroup', 3, '2000000112', 621, 'Дмитрий Орлов', {
      entityData3: 'Y',
      owner: 52,
    }),
    base(ids.customConnectorChatId, 'acme_helpdesk', 9, 'TICKET-4013', 622, 'Acme Ticket #4013', {
      crmType: 'COMPANY',
      crmId: 1013,
      description: 'Imported from the Acme helpdesk REST connector',
    }),
    base(ids.groupChatChatId, 'telegrambot', 8, '-1001234567890', 0, 'Dev team group', {
      crmType: 'NONE',
      crmId: 0,
      readers: [],
      sessionLine: 8,
    }),
    base(ids.manyReadersChatId, 'imessage', 7, 'urn:mbid:AQAAY2015xr0mEq', 623, 'Emily Chen', {
      owner: 31,
      role: 'manager',
      counter: 3,
      managers: [31, 44, 81],
      muted: [44, 81],
      readers: [
        { user_id: 623, user_name: 'Emily Chen', message_id: 96150, date: null },
        { user_id: 31, user_name: OPERATORS[31] ?? '', message_id: 96165, date: iso(EPOCH + 17 * DAY + 600) },
        { user_id: 44, user_name: OPERATORS[44] ?? '', message_id: 96160, date: null },
        { user_id: 81, user_name: OPERATORS[81] ?? '', message_id: 96101, date: iso(EPOCH + 17 * DAY + 60) },
      ],
      viewers: [31, 44, 81],
    }),
  ];
}

export const CLIENT_NAMES = [
  'Green Guest #21',
  'Mateo Fernández',
  'Priya Sharma',
  'Zofia Nowak',
  'Mehmet Yılmaz',
  'Ольга Кузнецова',
  'Noah Williams',
  'Aiko Tanaka',
  'Lea Müller',
  'Omar Haddad',
  'Grace Lee',
];

export const CRM_TYPES: CrmType[] = ['LEAD', 'DEAL', 'CONTACT', 'COMPANY', 'NONE'];

function generated(id: number, rng: () => number): Spec {
  const i = id - 2016;
  const connector = DEMO_CONNECTORS[i % DEMO_CONNECTORS.length] ?? 'livechat';
  const line = 1 + (i % 9);
  const crmType = CRM_TYPES[i % CRM_TYPES.length] ?? 'NONE';
  const clientUserId = 630 + i;
  const clientName = CLIENT_NAMES[i % CLIENT_NAMES.length] ?? 'Guest';
  const sessionCount = 1 + (i % 3);
  const first = 5000 + (id - 2000) * 10;
  const sessionIds = Array.from({ length: sessionCount }, (_, k) => first + sessionCount - 1 - k);
  const operatorIds = Object.keys(OPERATORS).map(Number);
  const owner = operatorIds[Math.floor(rng() * operatorIds.length)] ?? 27;
  return base(id, connector, line, externalChatId(connector, id, rng), clientUserId, clientName, {
    owner,
    crmType,
    crmId: crmType === 'NONE' ? 0 : 1000 + Math.floor(rng() * 9000),
    pinned: i % 3 === 0,
    waiting: i % 4 === 1,
    sessionLine: i % 2 === 0 ? line : 0,
    sessionIds,
    description: i % 5 === 2 ? `Follow-up #${i}: callback requested` : null,
    counter: i % 4,
    role: i % 6 === 5 ? 'member' : 'owner',
    managers: i % 7 === 6 ? [] : [owner],
    muted: i % 8 === 3 ? [owner] : [],
    viewers: [owner],
    entityData3: i % 7 === 3 ? 'Y' : i % 7 === 5 ? '' : 'N',
  });
}

export function externalChatId(connector: string, id: number, rng: () => number): string {
  const digits = (count: number): string =>
    Array.from({ length: count }, (_, k) => (k === 0 ? 1 + Math.floor(rng() * 9) : Math.floor(rng() * 10))).join(
      '',
    );
  switch (connector) {
    case 'livechat':
      return String(id - 200);
    case 'telegrambot':
      return digits(9);
    case 'whatsappbytwilio':
      return `whatsapp:+1555${digits(7)}`;
    case 'imessage':
      return `urn:mbid:AQAAY${digits(6)}`;
    case 'network':
      return Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
    case 'facebook':
      return digits(16);
    case 'vkgroup':
      return `2000000${digits(3)}`;
    case 'instagram':
      return digits(17);
    case 'viber':
      return Buffer.from(`viber-${id}`).toString('base64');
    default:
      return `TICKET-${id * 2}`;
  }
}

function entry(spec: Spec): EmulatedDialog {
  return { dialog: dialogRecord(spec), sessionIds: [...spec.sessionIds] };
}

/** Builds the answer with the documented sample's fields, in its order. */
export function dialogRecord(spec: Spec): RawDialog {
  const userCode = `${spec.connector}|${spec.line}|${spec.externalChatId}|${spec.clientUserId}`;
  const currentSession = Math.max(0, ...spec.sessionIds);
  const bound = spec.crmType !== 'NONE';
  const entityData1 =
    spec.entityData1 ??
    [
      bound ? 'Y' : 'N',
      spec.crmType,
      spec.crmId,
      spec.pinned ? 'Y' : 'N',
      spec.waiting ? 'Y' : 'N',
      currentSession,
      spec.sessionStart,
      spec.sessionLine,
      spec.block?.date ?? 0,
      spec.block?.reason ?? 0,
    ].join('|');
  const crm = (type: CrmType): number => (spec.crmType === type ? spec.crmId : 0);
  const entityData2 =
    spec.entityData2 ?? `LEAD|${crm('LEAD')}|COMPANY|${crm('COMPANY')}|CONTACT|${crm('CONTACT')}|DEAL|${crm('DEAL')}`;
  const viewers = spec.viewers.map((userId, k) => ({
    user_id: userId,
    user_name: demoPersonName(userId),
    date: iso(spec.sessionStart + 600 + k * 90),
  }));

  return {
    id: spec.id,
    parent_chat_id: 0,
    parent_message_id: 0,
    name: spec.name,
    description: spec.description,
    owner: spec.owner,
    extranet: false,
    avatar: spec.avatar,
    color: COLORS[spec.id % COLORS.length] ?? '#58cc47',
    type: 'lines',
    counter: spec.counter,
    user_counter: 1 + spec.readers.length,
    message_count: spec.messageCount,
    unread_id: spec.counter > 0 ? spec.lastMessageId - spec.counter + 1 : 0,
    restrictions: {
      avatar: true,
      rename: true,
      extend: true,
      call: true,
      mute: true,
      leave: true,
      leave_owner: true,
      send: true,
      user_list: true,
    },
    last_message_id: spec.lastMessageId,
    last_id: spec.lastMessageId,
    marked_id: 0,
    disk_folder_id: spec.id % 4 === 0 ? 30000 + spec.id : 0,
    entity_type: 'LINES',
    entity_id: userCode,
    entity_data_1: entityData1,
    entity_data_2: entityData2,
    entity_data_3: spec.entityData3,
    mute_list: [...spec.muted],
    date_create: iso(spec.created),
    message_type: 'L',
    public: '',
    role: spec.role,
    entity_link: { type: 'LINES', url: '', id: userCode },
    text_field_enabled: spec.block === null,
    background_id: null,
    permissions: {
      manage_users_add: 'member',
      manage_users_delete: 'manager',
      manage_ui: 'member',
      manage_settings: 'owner',
      manage_messages: 'member',
      can_post: 'member',
    },
    is_new: false,
    readed_list: spec.readers.map((reader) => ({ ...reader })),
    manager_list: [...spec.managers],
    last_message_views: {
      message_id: spec.lastMessageId,
      first_viewers: viewers,
      count_of_viewers: viewers.length,
    },
    ...structuredClone(spec.extra ?? {}),
    dialog_id: `chat${spec.id}`,
  };
}

/** A small seeded PRNG, so "random" ids are the same on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

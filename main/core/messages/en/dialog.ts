// English texts of the dialog area: the reference for ru/dialog.ts. Labels,
// section titles and explanations of a described dialog. Raw Bitrix24 keys
// (entity_id, USER_CODE, LINES…) and values stay as sent in every language:
// they are what a support lead searches the portal and the docs for.

/** A field's label and, when it needs one, a short explanation. */
interface FieldWords {
  label: string;
  hint?: string;
}

// `satisfies` checks each entry's shape but keeps the exact keys, so that
// ru/dialog.ts must word the same fields, with a hint exactly where English has one.
const overview = {
  name: { label: 'Dialog name', hint: 'Bitrix24 builds it as "<client name> - <line name>"; the client part comes from the client.' },
  dialog_id: { label: 'Dialog id', hint: 'chat<id>; the DIALOG_ID parameter of imopenlines.dialog.get.' },
  id: { label: 'Chat id', hint: 'The CHAT_ID parameter; one chat holds all sessions with this client.' },
  type: { label: 'Chat type', hint: 'lines = open-line chat.' },
  entity_type: { label: 'Chat entity type', hint: 'LINES = the operators\u2019 side of an open line; LIVECHAT = the website widget side.' },
  owner: {
    label: 'Responsible operator',
    hint: 'The chat owner: the operator who answered or received the transfer; 0 = nobody yet. Named as this answer or an earlier lookup on this portal named them.',
  },
  description: { label: 'Description' },
  date_create: { label: 'Chat created', hint: 'When the chat was created, not the current session: a chat holds many sessions.' },
  message_count: { label: 'Messages in the chat', hint: 'All messages, across every session of this chat.' },
  last_message_id: { label: 'Last message id' },
  color: { label: 'Colour', hint: 'Chat colour in hex.' },
  avatar: { label: 'Avatar URL', hint: 'Empty = no avatar.' },
} satisfies Record<string, FieldWords>;

const technical = {
  message_type: { label: 'Message type', hint: 'L = open-line chat.' },
  user_counter: { label: 'Participants with unread messages' },
  last_id: { label: 'Last message id (service)' },
  marked_id: { label: 'Marked message id', hint: '0 = none.' },
  parent_chat_id: { label: 'Parent chat id', hint: 'Thread parent; normally 0.' },
  parent_message_id: { label: 'Parent message id', hint: 'Thread parent; normally 0.' },
  disk_folder_id: { label: 'Drive folder id', hint: 'Folder holding the chat\u2019s files; 0 = none yet.' },
  background_id: { label: 'Background id', hint: 'Chat background; null when none.' },
  extranet: { label: 'Extranet chat' },
  public: { label: 'Public flag' },
  is_new: { label: 'New chat' },
} satisfies Record<string, FieldWords>;

const caller = {
  role: { label: 'Your role in this chat', hint: 'owner, manager or member: the role of the webhook or token user.' },
  counter: { label: 'Unread messages (yours)' },
  unread_id: { label: 'First unread message (yours)', hint: '0 = nothing unread.' },
  text_field_enabled: { label: 'Message input enabled', hint: 'Whether the input box is available to you.' },
} satisfies Record<string, FieldWords>;

const time = {
  duration: { label: 'Duration', hint: 'Time the portal took to answer this request.' },
  processing: { label: 'Processing', hint: 'Processing time reported by the portal.' },
  operating: {
    label: 'Method time used (s)',
    hint: 'Seconds of imopenlines.dialog.get this webhook or app used in the last 10 minutes. The documented budget is 480 s per 10 minutes (an estimate: the cloud sets the real value); past it the method answers OPERATION_TIME_LIMIT.',
  },
  operating_reset_at: {
    label: 'Method time frees up at',
    hint: 'When the oldest minute of that 10-minute budget drops out (unix seconds in the answer).',
  },
  date_start: { label: 'Request started', hint: 'Portal time.' },
  date_finish: { label: 'Request finished', hint: 'Portal time.' },
  start: { label: 'Request started (unix)', hint: 'Unix seconds in the answer.' },
  finish: { label: 'Request finished (unix)', hint: 'Unix seconds in the answer.' },
} satisfies Record<string, FieldWords>;

export const dialog = {
  /** How a boolean, a JSON null and an absent name read in a row. */
  values: {
    yes: 'yes',
    no: 'no',
    none: 'none',
    nobody: 'nobody',
    nobodyYet: 'nobody yet',
    timeUnknown: 'time unknown',
    noName: '(no name)',
  },
  sections: {
    overview: 'Overview',
    channel: 'Channel and client',
    session: 'Current session',
    crm: 'CRM bindings',
    silent: 'Silent mode',
    people: 'People',
    caller: 'Your access (depends on who asks)',
    technical: 'Technical',
    time: 'Request timing',
    other: 'Other fields',
  },
  overview,
  technical,
  caller,
  time,
  /** "Label › key" for a key inside a known object that this app has no words for. */
  nested: (label: string, key: string) => `${label} › ${key}`,
  /** The n-th item of a list ("Reader 2"), and a hint prefixed with it. */
  numbered: (label: string, n: number) => `${label} ${n}`,
  hintFor: (label: string, hint: string) => `${label}. ${hint}`,
  timingOther: 'Timing',
  otherFieldHint: 'Not part of the documented answer; shown as sent.',
  permissions: {
    title: 'Permissions',
    unknown: 'Permission',
    hint: 'The lowest chat role allowed to do this: member, manager or owner. Compare it with your role.',
    labels: {
      manage_users_add: 'Who may add participants',
      manage_users_delete: 'Who may remove participants',
      manage_ui: 'Who may manage the chat interface',
      manage_settings: 'Who may change chat settings',
      manage_messages: 'Who may manage messages',
      can_post: 'Who may post messages',
    },
  },
  restrictions: {
    title: 'Restrictions',
    unknown: 'Restriction',
    notDocumented: 'Not documented.',
    /** Added after each restriction's hint: what its value means. */
    valueMeaning: ' yes = allowed in this chat.',
    labels: {
      avatar: { label: 'Change the avatar', hint: 'Permission to change the chat avatar.' },
      rename: { label: 'Rename the chat', hint: 'Permission to change the chat name.' },
      extend: { label: 'Extend chat settings', hint: 'Permission to extend chat settings.' },
      call: { label: 'Calls', hint: 'Permission for calls in the chat.' },
      mute: { label: 'Turn off notifications', hint: 'Permission to turn off notifications.' },
      leave: { label: 'Leave the chat', hint: 'Permission to leave the chat.' },
      leave_owner: { label: 'Owner may leave', hint: 'Permission for the chat owner to leave.' },
      send: { label: 'Send messages', hint: 'Permission to send messages.' },
      user_list: { label: 'See the participant list', hint: 'Permission to view the list of participants.' },
    },
  },
  /** Added to a hint when a position could not be read as a number. */
  unreadable: ' Not a number; shown as sent.',
  channel: {
    connector: 'Connector',
    connectorHint: 'The channel the client writes from (user code part 1).',
    customConnector: (id: string) => `custom connector ${id}`,
    lineId: 'Open line id',
    lineIdHint: 'Open line (config) id, user code part 2; imopenlines.config.get gives its name.',
    externalChatId: 'Chat id in the channel',
    externalChatIdHint: 'User code part 3: for the website widget, the widget-side Bitrix24 chat; for messengers, their own chat id.',
    clientUserId: 'Client\u2019s Bitrix24 user id',
    clientUserIdHint:
      'User code part 4: the client\u2019s internal Bitrix24 user (guest or connector user), not their messenger id. 0 when the connector groups by chat.',
    extraPart: (part: number) => `Extra user code part ${part}`,
    extraPartHint: 'User codes have four parts; this one is kept as sent.',
    wellFormed: 'User code well formed',
    wellFormedHint: 'connector|line id|chat id|user id, with numeric line and user ids (an imol| prefix is allowed).',
    raw: 'User code (entity_id)',
    rawHint: 'As sent; also accepted as the USER_CODE parameter.',
    link: 'Channel link',
    linkType: { label: 'Channel link type', hint: 'LINES for open lines.' },
    linkUrl: { label: 'Channel link URL', hint: 'Link to the object in the external channel; often empty.' },
    linkId: { label: 'Channel link id', hint: 'The dialog\u2019s id in the channel; for open lines, the user code.' },
  },
  session: {
    raw: 'Session data (entity_data_1)',
    rawHint: 'CRM|type|id|pinned|waiting|session id|started|line id|blocked since|block reason',
    format: 'Session data format',
    formatHint: 'Current chats carry 10 fields; older chats 6 (CRM, type, id, two service flags, session id); other chats none.',
    widgetFormat: 'widget-side layout (LIVECHAT); not decoded',
    widgetFormatHint: 'The website widget\u2019s own chat stores other data here; only the operators\u2019 LINES chat uses the session layout.',
    formFull: 'current 10-field form',
    formLegacy: 'older 6-field form',
    formEmpty: 'empty (no session data)',
    formPartialOf: (count: number, documented: number) => `partial: ${count} of ${documented} fields`,
    formPartialBeyond: (count: number, documented: number) =>
      `partial: ${count} fields (${count - documented} beyond the documented ${documented})`,
    /** A Y/N flag sent as something else. */
    sentAs: (sent: string) => ` Sent as "${sent}", read as no.`,
    notUnixSeconds: ' Not unix seconds; shown as sent.',
    crmBound: 'CRM bound',
    crmBoundHint: 'Y in field 1 of 10 of entity_data_1: the dialog is bound to a CRM entity.',
    crmType: 'Primary CRM entity type',
    crmTypeHint: 'Field 2 of 10: LEAD, DEAL, CONTACT or COMPANY; NONE when unbound.',
    crmId: 'Primary CRM entity id',
    crmIdHint: 'Field 3 of 10: the id of the primary CRM binding; entity_data_2 lists all of them.',
    pinned: 'Pinned to operator',
    pinnedHint: 'Y in field 4 of 10: the dialog stays with its operator.',
    waiting: 'Waiting for an automatic action',
    waitingHint:
      'Y in field 5 of 10: the session waits for an automatic action (closed line, after hours, no answer, or reopened after a vote).',
    sessionId: 'Session id',
    sessionIdHint: 'Field 6 of 10: the SESSION_ID for imopenlines.session.history.get.',
    started: 'Session started',
    notRecorded: 'not recorded',
    startedHint: 'Field 7 of 10, in unix seconds. The chat itself may be much older.',
    lineId: 'Line id from session',
    notWritten: 'not written',
    notWrittenFromEntity: (line: number) => `not written (the line is ${line}, from entity_id)`,
    lineIdHint: 'Field 8 of 10: written only when above 0; otherwise the line comes from entity_id part 2.',
    blockedSince: 'Blocked since',
    notBlocked: 'not blocked',
    blockedSinceHint:
      'Field 9 of 10, unix seconds; 0 = not blocked. Probably the reply window of messenger channels (unconfirmed).',
    blockReason: 'Block reason',
    blockReasonHint: 'Field 10 of 10; 0 = none. Bitrix24 writes codes such as DEFAULT or USER (list unconfirmed).',
    extraField: (field: number) => `Extra field ${field}`,
    extraFieldHint: 'Beyond the documented ten fields; kept as sent.',
  },
  crm: {
    raw: 'CRM bindings (entity_data_2)',
    rawHint: 'TYPE|ID pairs; 0 = not bound.',
    types: {
      LEAD: { name: 'Lead', hint: 'The lead this dialog is bound to.' },
      COMPANY: { name: 'Company', hint: 'The company this dialog is bound to.' },
      CONTACT: { name: 'Contact', hint: 'The contact this dialog is bound to.' },
      DEAL: { name: 'Deal', hint: 'The deal this dialog is bound to.' },
    },
    otherNoType: 'Other binding (no type)',
    other: (type: string) => `Other binding: ${type}`,
    otherHint: 'A type this app does not know; kept as sent.',
    noId: 'no id',
    endedBeforeId: ' The string ended before its id.',
    opensCard: ' Opens the CRM card.',
  },
  silent: {
    raw: 'Silent mode (entity_data_3)',
    rawHint: 'Y = on, N = off.',
    label: 'Silent mode',
    on: 'on (Y)',
    off: 'off (N)',
    notSet: 'not set',
    unrecognised: (sent: string) => `unrecognised: ${sent}`,
    hint: 'entity_data_3: Y = operator messages are not sent to the client (imopenlines.session.mode.silent, now deprecated); N or empty = normal.',
  },
  people: {
    managers: 'Managers',
    managersHint: 'Operators marked as managers of this chat. Named as this answer or an earlier lookup on this portal named them.',
    muted: 'Notifications off',
    mutedHint: 'Users who muted this chat. Named as this answer or an earlier lookup on this portal named them.',
    readStatus: 'Read status',
    readStatusHint: 'The last message this participant has read; the client (guest) appears here too.',
    reader: 'Reader',
    /** `who` is "Name (#id)", kept as sent. */
    readUpTo: (who: string, messageId: string) => `${who} read up to message ${messageId}`,
    views: 'Last message views',
    viewedMessageId: 'Viewed message id',
    viewedMessageIdHint: 'The message these view statistics are about.',
    firstViewers: 'First viewers',
    firstViewer: 'First viewer',
    firstViewersHint: 'Users who viewed the message first.',
    viewedIt: (who: string) => `${who} viewed it`,
    otherViewers: 'Other viewers',
    otherViewersHint: 'How many other users viewed the message.',
  },
  /** Channel names by connector id. Brand names stay as the brand writes them. */
  connectors: {
    livechat: 'Live chat (website widget)',
    telegrambot: 'Telegram',
    whatsappbytwilio: 'WhatsApp (Twilio)',
    whatsappbyedna: 'WhatsApp (Edna)',
    imessage: 'Apple Messages for Business',
    network: 'Bitrix24.Network',
    facebook: 'Facebook',
    facebookcomments: 'Facebook comments',
    fbinstagramdirect: 'Instagram',
    // The older Instagram connector; ids of finished chats keep it.
    instagram: 'Instagram',
    fbinstagram: 'Instagram Business (post comments)',
    vkgroup: 'VK',
    viber: 'Viber',
    ok: 'Odnoklassniki',
    avito: 'Avito',
    wechat: 'WeChat',
    yandex: 'Yandex Chat',
    notifications: 'Bitrix24 SMS & WhatsApp (CRM notifications)',
    olx: 'OLX',
    botframework: 'Microsoft Bot Framework',
  },
  /** The portal answered with something that is not a dialog; `where` names the field and zod's reason. */
  unexpectedShape: (where: string | null) =>
    `The portal answered, but the dialog data does not have the shape Bitrix24 documents${where === null ? '' : ` (field ${where})`}.`,
};

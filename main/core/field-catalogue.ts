// Plain-English labels and hints for the fields of an imopenlines.dialog.get
// answer (brief §1.2, the method's doc page, §4 for `time`). Kept apart from
// the section logic so wording can change without touching how rows are built.
import type { RowOptions } from './field-rows';

export interface FieldSpec extends RowOptions {
  key: string;
  label: string;
}

export const SECTION_TITLES = {
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
} as const;

export type SectionId = keyof typeof SECTION_TITLES;

export const OVERVIEW_FIELDS: readonly FieldSpec[] = [
  {
    key: 'name',
    label: 'Dialog name',
    hint: 'Bitrix24 builds it as "<client name> - <line name>"; the client part comes from the client.',
  },
  { key: 'dialog_id', label: 'Dialog id', hint: 'chat<id>; the DIALOG_ID parameter of imopenlines.dialog.get.' },
  { key: 'id', label: 'Chat id', hint: 'The CHAT_ID parameter; one chat holds all sessions with this client.' },
  { key: 'type', label: 'Chat type', hint: 'lines = open-line chat.' },
  {
    key: 'entity_type',
    label: 'Chat entity type',
    hint: 'LINES = the operators\u2019 side of an open line; LIVECHAT = the website widget side.',
  },
  {
    key: 'owner',
    label: 'Responsible operator (user id)',
    hint: 'The chat owner: the operator who answered or received the transfer; 0 = nobody yet.',
  },
  { key: 'description', label: 'Description' },
  {
    key: 'date_create',
    label: 'Chat created',
    date: 'iso',
    hint: 'When the chat was created, not the current session: a chat holds many sessions.',
  },
  { key: 'message_count', label: 'Messages in the chat', hint: 'All messages, across every session of this chat.' },
  { key: 'last_message_id', label: 'Last message id' },
  { key: 'color', label: 'Colour', hint: 'Chat colour in hex.' },
  { key: 'avatar', label: 'Avatar URL', hint: 'Empty = no avatar.' },
];

export const TECHNICAL_FIELDS: readonly FieldSpec[] = [
  { key: 'message_type', label: 'Message type', hint: 'L = open-line chat.' },
  { key: 'user_counter', label: 'Participants with unread messages' },
  { key: 'last_id', label: 'Last message id (service)' },
  { key: 'marked_id', label: 'Marked message id', hint: '0 = none.' },
  { key: 'parent_chat_id', label: 'Parent chat id', hint: 'Thread parent; normally 0.' },
  { key: 'parent_message_id', label: 'Parent message id', hint: 'Thread parent; normally 0.' },
  { key: 'disk_folder_id', label: 'Drive folder id', hint: 'Folder holding the chat\u2019s files; 0 = none yet.' },
  { key: 'background_id', label: 'Background id', hint: 'Chat background; null when none.' },
  { key: 'extranet', label: 'Extranet chat' },
  { key: 'public', label: 'Public flag' },
  { key: 'is_new', label: 'New chat' },
];

export const CALLER_SCALAR_FIELDS: readonly FieldSpec[] = [
  { key: 'role', label: 'Your role in this chat', hint: 'owner, manager or member: the role of the webhook or token user.' },
  { key: 'counter', label: 'Unread messages (yours)' },
  { key: 'unread_id', label: 'First unread message (yours)', hint: '0 = nothing unread.' },
  { key: 'text_field_enabled', label: 'Message input enabled', hint: 'Whether the input box is available to you.' },
];

export const PERMISSION_LABELS: Readonly<Record<string, string>> = {
  manage_users_add: 'Who may add participants',
  manage_users_delete: 'Who may remove participants',
  manage_ui: 'Who may manage the chat interface',
  manage_settings: 'Who may change chat settings',
  manage_messages: 'Who may manage messages',
  can_post: 'Who may post messages',
};

export const PERMISSION_HINT = 'The lowest chat role allowed to do this: member, manager or owner. Compare it with your role.';

export const RESTRICTION_LABELS: Readonly<Record<string, { label: string; hint: string }>> = {
  avatar: { label: 'Change the avatar', hint: 'Permission to change the chat avatar.' },
  rename: { label: 'Rename the chat', hint: 'Permission to change the chat name.' },
  extend: { label: 'Extend chat settings', hint: 'Permission to extend chat settings.' },
  call: { label: 'Calls', hint: 'Permission for calls in the chat.' },
  mute: { label: 'Turn off notifications', hint: 'Permission to turn off notifications.' },
  leave: { label: 'Leave the chat', hint: 'Permission to leave the chat.' },
  leave_owner: { label: 'Owner may leave', hint: 'Permission for the chat owner to leave.' },
  send: { label: 'Send messages', hint: 'Permission to send messages.' },
  user_list: { label: 'See the participant list', hint: 'Permission to view the list of participants.' },
};

export const RESTRICTION_HINT_SUFFIX = ' yes = allowed in this chat.';

export const TIME_FIELDS: readonly FieldSpec[] = [
  { key: 'duration', label: 'Duration (s)', hint: 'Time the portal took to answer this request.' },
  { key: 'processing', label: 'Processing (s)', hint: 'Processing time reported by the portal.' },
  {
    key: 'operating',
    label: 'Method time used (s)',
    hint:
      'Seconds of imopenlines.dialog.get this webhook or app used in the last 10 minutes. The documented budget is 480 s per 10 minutes (an estimate: the cloud sets the real value); past it the method answers OPERATION_TIME_LIMIT.',
  },
  {
    key: 'operating_reset_at',
    label: 'Method time frees up at',
    date: 'unix',
    hint: 'When the oldest minute of that 10-minute budget drops out (unix seconds in the answer).',
  },
  { key: 'date_start', label: 'Request started', date: 'iso', hint: 'Portal time.' },
  { key: 'date_finish', label: 'Request finished', date: 'iso', hint: 'Portal time.' },
  { key: 'start', label: 'Request started (unix)', date: 'unix', hint: 'Unix seconds in the answer.' },
  { key: 'finish', label: 'Request finished (unix)', date: 'unix', hint: 'Unix seconds in the answer.' },
];

export const OTHER_FIELD_HINT = 'Not part of the documented answer; shown as sent.';

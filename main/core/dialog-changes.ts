// "Changed since the previous lookup": the fields a support lead watches, old
// and new, between the cached copy and the fresh answer.
import { decodeSessionData } from './decode/session-data';
import type { RawDialog } from './dialog-types';

export interface FieldChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

export interface DialogChanges {
  /** When the previous copy was fetched (ISO 8601). */
  since: string;
  /** Empty when nothing watched has changed. */
  fields: FieldChange[];
}

function text(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value === null) return '—';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => text(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function sessionId(dialog: RawDialog): string {
  const raw = dialog.entity_data_1;
  if (typeof raw !== 'string') return text(raw);
  const id = decodeSessionData(raw).sessionId;
  return id === null ? 'none' : String(id);
}

const WATCHED: Array<{ path: string; label: string; read: (dialog: RawDialog) => string }> = [
  { path: 'owner', label: 'Responsible operator (user id)', read: (d) => text(d.owner) },
  { path: 'entity_data_1[5]', label: 'Session id', read: sessionId },
  { path: 'entity_data_2', label: 'CRM bindings', read: (d) => text(d.entity_data_2) },
  { path: 'message_count', label: 'Messages in the chat', read: (d) => text(d.message_count) },
  { path: 'counter', label: 'Unread messages (yours)', read: (d) => text(d.counter) },
  { path: 'unread_id', label: 'First unread message (yours)', read: (d) => text(d.unread_id) },
  { path: 'user_counter', label: 'Participants with unread messages', read: (d) => text(d.user_counter) },
  { path: 'manager_list', label: 'Managers (user ids)', read: (d) => text(d.manager_list) },
];

export function compareDialogs(previous: RawDialog, current: RawDialog, since: string): DialogChanges {
  const fields: FieldChange[] = [];
  for (const { path, label, read } of WATCHED) {
    const before = read(previous);
    const after = read(current);
    if (before !== after) fields.push({ path, label, before, after });
  }
  return { since, fields };
}

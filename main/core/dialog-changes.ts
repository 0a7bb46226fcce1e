// "Changed since the previous lookup": the fields a support lead watches, old
// and new, between the cached copy and the fresh answer.
import { decodeSessionData } from './decode/session-data';
import type { DialogChanges, FieldChange, RawDialog } from './dialog-types';

export type { DialogChanges, FieldChange } from './dialog-types';
import { messages } from './messages/index';

function text(value: unknown): string {
  if (value === undefined) return messages().dialog.changes.absent;
  if (value === null) return '—';
  if (Array.isArray(value)) return value.length === 0 ? messages().dialog.values.none : value.map((item) => text(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function sessionId(dialog: RawDialog): string {
  const raw = dialog.entity_data_1;
  if (typeof raw !== 'string') return text(raw);
  const id = decodeSessionData(raw).sessionId;
  return id === null ? messages().dialog.values.none : String(id);
}

type DialogWords = ReturnType<typeof messages>['dialog'];

// Labels are read when two copies are compared, in the language of the call;
// they are the same words the field's own row uses.
const WATCHED: Array<{ path: string; label: (w: DialogWords) => string; read: (dialog: RawDialog) => string }> = [
  { path: 'owner', label: (w) => w.overview.owner.label, read: (d) => text(d.owner) },
  { path: 'entity_data_1[5]', label: (w) => w.session.sessionId, read: sessionId },
  { path: 'entity_data_2', label: (w) => w.changes.crmBindings, read: (d) => text(d.entity_data_2) },
  { path: 'message_count', label: (w) => w.overview.message_count.label, read: (d) => text(d.message_count) },
  { path: 'counter', label: (w) => w.caller.counter.label, read: (d) => text(d.counter) },
  { path: 'unread_id', label: (w) => w.caller.unread_id.label, read: (d) => text(d.unread_id) },
  { path: 'user_counter', label: (w) => w.technical.user_counter.label, read: (d) => text(d.user_counter) },
  { path: 'manager_list', label: (w) => w.people.managers, read: (d) => text(d.manager_list) },
];

export function compareDialogs(previous: RawDialog, current: RawDialog, since: string): DialogChanges {
  const fields: FieldChange[] = [];
  const words = messages().dialog;
  for (const { path, label, read } of WATCHED) {
    const before = read(previous);
    const after = read(current);
    if (before !== after) fields.push({ path, label: label(words), before, after });
  }
  return { since, fields };
}

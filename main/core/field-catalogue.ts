// Which fields of an imopenlines.dialog.get answer each section shows, and how
// to read their values (the method's page, https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html; https://apidocs.bitrix24.com/settings/performance/limits.html for `time`). The
// words live in the message catalogue (messages/<language>/dialog.ts) and are
// read when a dialog is described, so each call gets its user's language.
import type { RowOptions } from './field-rows';
import { messages, type Messages } from './messages/index';

export interface FieldSpec extends RowOptions {
  key: string;
  label: string;
}

type DialogWords = Messages['dialog'];

export type SectionId = keyof DialogWords['sections'];

/** The section titles in the language of the call. */
export function sectionTitle(id: SectionId): string {
  return messages().dialog.sections[id];
}

/** A field of a section: its key, and how to read a date. Its words come from the catalogue's group of the same name. */
interface FieldPlace<Key extends string> {
  key: Key;
  date?: 'iso' | 'unix';
}

type Group = 'overview' | 'technical' | 'caller' | 'time';

// Typed by the catalogue, so a field cannot be listed here without words there.
const OVERVIEW: ReadonlyArray<FieldPlace<keyof DialogWords['overview']>> = [
  { key: 'name' },
  { key: 'dialog_id' },
  { key: 'id' },
  { key: 'type' },
  { key: 'entity_type' },
  { key: 'owner' },
  { key: 'description' },
  { key: 'date_create', date: 'iso' },
  { key: 'message_count' },
  { key: 'last_message_id' },
  { key: 'color' },
  { key: 'avatar' },
];

const TECHNICAL: ReadonlyArray<FieldPlace<keyof DialogWords['technical']>> = [
  { key: 'message_type' },
  { key: 'user_counter' },
  { key: 'last_id' },
  { key: 'marked_id' },
  { key: 'parent_chat_id' },
  { key: 'parent_message_id' },
  { key: 'disk_folder_id' },
  { key: 'background_id' },
  { key: 'extranet' },
  { key: 'public' },
  { key: 'is_new' },
];

const CALLER_SCALARS: ReadonlyArray<FieldPlace<keyof DialogWords['caller']>> = [
  { key: 'role' },
  { key: 'counter' },
  { key: 'unread_id' },
  { key: 'text_field_enabled' },
];

const TIME: ReadonlyArray<FieldPlace<keyof DialogWords['time']>> = [
  { key: 'duration' },
  { key: 'processing' },
  { key: 'operating' },
  { key: 'operating_reset_at', date: 'unix' },
  { key: 'date_start', date: 'iso' },
  { key: 'date_finish', date: 'iso' },
  { key: 'start', date: 'unix' },
  { key: 'finish', date: 'unix' },
];

const PLACES: Record<Group, ReadonlyArray<FieldPlace<string>>> = {
  overview: OVERVIEW,
  technical: TECHNICAL,
  caller: CALLER_SCALARS,
  time: TIME,
};

/** The top-level keys a group shows; language-free, so it can be read at module load. */
export function fieldKeys(group: Group): string[] {
  return PLACES[group].map((place) => place.key);
}

/** A group's fields with their label and hint in the language of the call. */
export function fieldSpecs(group: Group): FieldSpec[] {
  const words: Readonly<Record<string, { label: string; hint?: string }>> = messages().dialog[group];
  return PLACES[group].map(({ key, date }) => {
    const { label, hint } = words[key]!;
    return { key, label, ...(hint !== undefined ? { hint } : {}), ...(date !== undefined ? { date } : {}) };
  });
}

/** permissions.<key>: a label for the keys the docs name, else null. */
export function permissionLabel(key: string): string | null {
  const labels: Readonly<Record<string, string>> = messages().dialog.permissions.labels;
  return Object.hasOwn(labels, key) ? (labels[key] ?? null) : null;
}

/** restrictions.<key>: words for the keys the docs name, else null. */
export function restrictionWords(key: string): { label: string; hint: string } | null {
  const labels: Readonly<Record<string, { label: string; hint: string }>> = messages().dialog.restrictions.labels;
  return Object.hasOwn(labels, key) ? (labels[key] ?? null) : null;
}

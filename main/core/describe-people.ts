// Rows for who is in the dialog: managers, muted users, who read what, and
// who saw the last message. Each reader or viewer is two rows, labelled like
// every other row ("Reader 1"): who (and up to which message) as the value,
// then when, as a date value so the edges can show it in local time. Names are
// kept exactly as sent (the edges render text).
import type { FieldRow, PersonRef, RawDialog } from './dialog-types';
import { childPath, inlineText, isPlainObject, makeRow, valueRows } from './field-rows';
import { messages } from './messages/index';
import { userIdText, type UserNames } from './user-names';

const words = () => messages().dialog;

type Item = Record<string, unknown>;

function field(item: Item, key: string, missing: string): string {
  return Object.hasOwn(item, key) ? inlineText(item[key]) : missing;
}

/** The item's `date` as a date row, or a plain "time unknown" when Bitrix24 sent none. */
function whenRow(path: string, label: string, item: Item, hint: string): FieldRow {
  const date = item['date'];
  if (typeof date === 'string' && date !== '') return makeRow(path, label, date, 'date', { hint });
  return makeRow(path, label, words().values.timeUnknown, 'text', { hint });
}

/** A reader or viewer: who (the sentence) at the item's path, when at its `date`; both under the item's label. */
function personRows(path: string, label: string, sentence: string, item: Item, hint: string): FieldRow[] {
  return [
    makeRow(path, label, sentence, 'text', { hint }),
    whenRow(childPath(path, 'date'), words().nested(label, 'date'), item, hint),
  ];
}

function who(item: Item): string {
  return `${field(item, 'user_name', words().values.noName)} (#${field(item, 'user_id', '?')})`;
}

/** Rows for the keys of an item that the sentence does not carry, so nothing is dropped. */
function leftoverRows(path: string, label: string, item: Item, used: readonly string[]): FieldRow[] {
  return Object.entries(item)
    .filter(([key]) => !used.includes(key))
    .flatMap(([key, value]) => valueRows(childPath(path, key), words().nested(label, key), value));
}

/** "Samantha Johnson (#27)" when the user's name is known, else the id as sent. */
export function personText(id: string, names: UserNames): string {
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return name === undefined ? id : `${name} (#${id})`;
}

/** The row's users, for the page to isolate each name; nothing when no name is known. */
function withPeople(row: FieldRow, ids: readonly string[], names: UserNames): FieldRow {
  const people: PersonRef[] = ids.map((id) => ({ id, name: Object.hasOwn(names, id) ? names[id]! : null }));
  if (people.some((person) => person.name !== null)) row.people = people;
  return row;
}

/** A list of user ids as one row: "Samantha Johnson (#27), 31", or "nobody" in words. */
function idListRows(raw: RawDialog, key: string, label: string, hint: string, names: UserNames): FieldRow[] {
  if (!Object.hasOwn(raw, key)) return [];
  const list = raw[key];
  const scalar = (v: unknown): boolean => typeof v === 'number' || typeof v === 'string';
  if (!Array.isArray(list) || !list.every(scalar)) return valueRows(key, label, list, { hint });
  if (list.length === 0) return [makeRow(key, label, words().values.nobody, 'text', { hint })];
  const ids = list.map((id) => userIdText(id));
  if (ids.some((id) => id === null)) return [makeRow(key, label, list.map((id) => inlineText(id)).join(', '), 'text', { hint })];
  const known = ids as string[];
  return [withPeople(makeRow(key, label, known.map((id) => personText(id, names)).join(', '), 'text', { hint }), known, names)];
}

/** The responsible operator's row, named when the name is known. */
export function ownerRow(row: FieldRow, raw: RawDialog, names: UserNames): FieldRow {
  const id = userIdText(raw['owner']);
  if (id === null || !Object.hasOwn(names, id)) return row;
  return withPeople({ ...row, value: personText(id, names), kind: 'text' }, [id], names);
}

const READER_KEYS = ['user_id', 'user_name', 'message_id', 'date'] as const;

function readerRows(raw: RawDialog): FieldRow[] {
  if (!Object.hasOwn(raw, 'readed_list')) return [];
  const list = raw['readed_list'];
  const w = words();
  const hint = w.people.readStatusHint;
  if (!Array.isArray(list)) return valueRows('readed_list', w.people.readStatus, list, { hint });
  if (list.length === 0) return [makeRow('readed_list', w.people.readStatus, w.values.nobodyYet, 'text', { hint })];

  return list.flatMap((item, index) => {
    const path = childPath('readed_list', index);
    const label = w.numbered(w.people.reader, index + 1);
    if (!isPlainObject(item)) return valueRows(path, label, item, { hint });
    const reader = w.people.readUpTo(who(item), field(item, 'message_id', '?'));
    return [...personRows(path, label, reader, item, hint), ...leftoverRows(path, label, item, READER_KEYS)];
  });
}

const VIEWER_KEYS = ['user_id', 'user_name', 'date'] as const;
const VIEWS_KEYS = ['message_id', 'first_viewers', 'count_of_viewers'] as const;

function viewRows(raw: RawDialog): FieldRow[] {
  if (!Object.hasOwn(raw, 'last_message_views')) return [];
  const views = raw['last_message_views'];
  const base = 'last_message_views';
  const w = words();
  if (!isPlainObject(views)) return valueRows(base, w.people.views, views);

  const rows: FieldRow[] = [];
  if (Object.hasOwn(views, 'message_id')) {
    rows.push(
      ...valueRows(childPath(base, 'message_id'), w.people.viewedMessageId, views['message_id'], { hint: w.people.viewedMessageIdHint }),
    );
  }
  if (Object.hasOwn(views, 'first_viewers')) {
    const viewers = views['first_viewers'];
    const path = childPath(base, 'first_viewers');
    const hint = w.people.firstViewersHint;
    if (!Array.isArray(viewers)) rows.push(...valueRows(path, w.people.firstViewers, viewers, { hint }));
    else if (viewers.length === 0) rows.push(makeRow(path, w.people.firstViewers, w.values.none, 'text', { hint }));
    else {
      viewers.forEach((viewer, index) => {
        const itemPath = childPath(path, index);
        const label = w.numbered(w.people.firstViewer, index + 1);
        if (!isPlainObject(viewer)) {
          rows.push(...valueRows(itemPath, label, viewer, { hint }));
          return;
        }
        rows.push(...personRows(itemPath, label, w.people.viewedIt(who(viewer)), viewer, hint), ...leftoverRows(itemPath, label, viewer, VIEWER_KEYS));
      });
    }
  }
  if (Object.hasOwn(views, 'count_of_viewers')) {
    rows.push(
      ...valueRows(childPath(base, 'count_of_viewers'), w.people.otherViewers, views['count_of_viewers'], { hint: w.people.otherViewersHint }),
    );
  }
  rows.push(...leftoverRows(base, w.people.views, views, VIEWS_KEYS));
  return rows;
}

export function peopleRows(raw: RawDialog, names: UserNames = {}): FieldRow[] {
  const w = words().people;
  return [
    ...idListRows(raw, 'manager_list', w.managers, w.managersHint, names),
    ...idListRows(raw, 'mute_list', w.muted, w.mutedHint, names),
    ...readerRows(raw),
    ...viewRows(raw),
  ];
}


// How a value reads inside a change's words: a user as their name and id, a
// list as its items, an absent key as "(absent)", a key as its field's label.
import { fieldSpecs, permissionLabel, restrictionWords } from './field-catalogue';
import { messages } from './messages/index';
import { userIdText, type UserNames } from './user-names';

/** Any JSON value in running text. */
export function valueText(value: unknown): string {
  const says = messages().changes;
  if (value === undefined) return says.absent;
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? messages().dialog.values.yes : messages().dialog.values.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return says.none;
    if (value.every((item) => typeof item !== 'object' || item === null)) return value.map((item) => valueText(item)).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A user id as "Samantha Johnson (27)" when the name is known, else the id; anything else as sent. */
export function personText(value: unknown, names: UserNames): string {
  const id = userIdText(value);
  if (id === null) return value === 0 || value === '0' || value === null || value === undefined ? messages().changes.nobody : valueText(value);
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return name === undefined ? id : messages().changes.person(name, id);
}

/** A list of user ids, each as personText. */
export function peopleText(value: unknown, names: UserNames): string {
  if (!Array.isArray(value)) return valueText(value);
  return value.length === 0 ? messages().changes.none : value.map((item) => personText(item, names)).join(', ');
}

/** The label a key's row carries in the inspector, else the key itself. */
export function keyLabel(key: string): string {
  for (const group of ['overview', 'technical', 'caller'] as const) {
    const spec = fieldSpecs(group).find((field) => field.key === key);
    if (spec) return spec.label;
  }
  const nested = /^(permissions|restrictions)\.(.+)$/.exec(key);
  if (nested) {
    const label = nested[1] === 'permissions' ? permissionLabel(nested[2]!) : (restrictionWords(nested[2]!)?.label ?? null);
    if (label !== null) return `${label} (${key})`;
  }
  return key;
}

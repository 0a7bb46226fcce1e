// The presentation model of one dialog: every field of the answer, labelled,
// decoded and grouped, so the Svelte inspector and the CLI say the same thing.
// Every top-level key is claimed by exactly one section; whatever no section
// knows lands in "other", flattened, so an unknown field is never dropped.
//
// Representation: JSON null → kind 'null', value NULL_TEXT ('—'); booleans →
// kind 'boolean', yes/no in the language of the call; numbers → decimal text; strings → as sent;
// ISO dates → kind 'date' as sent (portal offset kept); unix seconds → kind
// 'date', ISO UTC. Sections without rows are left out; ids never change.
import type { DecodedDialog, FieldRow, FieldSection, RawDialog, TimeBlock } from './dialog-types';
import { fieldKeys, fieldSpecs, permissionLabel, restrictionWords, sectionTitle, type FieldSpec, type SectionId } from './field-catalogue';
import { messages } from './messages/index';
import { childPath, isPlainObject, valueRows } from './field-rows';
import { channelRows, crmRows, sessionRows, silentRows } from './describe-packed';
import { ownerRow, peopleRows } from './describe-people';
import type { UserNames } from './user-names';

export { NULL_TEXT } from './field-rows';

/** Top-level keys each dedicated section shows; the rest go to "other". */
const CLAIMED_KEYS: ReadonlySet<string> = new Set([
  ...fieldKeys('overview'),
  ...fieldKeys('technical'),
  ...fieldKeys('caller'),
  'permissions',
  'restrictions',
  'entity_id',
  'entity_link',
  'entity_data_1',
  'entity_data_2',
  'entity_data_3',
  'manager_list',
  'mute_list',
  'readed_list',
  'last_message_views',
]);

function specRows(source: Record<string, unknown>, parent: string, specs: readonly FieldSpec[], callerDependent = false): FieldRow[] {
  return specs
    .filter((spec) => Object.hasOwn(source, spec.key))
    .flatMap(({ key, label, ...options }) =>
      valueRows(childPath(parent, key), label, source[key], callerDependent ? { ...options, callerDependent } : options),
    );
}

/** permissions.* or restrictions.*: known keys get words, unknown keys are kept as sent. */
function mapRows(
  raw: RawDialog,
  key: string,
  title: string,
  describe: (child: string) => { label: string; hint: string },
): FieldRow[] {
  if (!Object.hasOwn(raw, key)) return [];
  const value = raw[key];
  if (!isPlainObject(value)) return valueRows(key, title, value, { callerDependent: true });
  return Object.entries(value).flatMap(([child, item]) => {
    const { label, hint } = describe(child);
    return valueRows(childPath(key, child), label, item, { hint, callerDependent: true });
  });
}

function callerRows(raw: RawDialog): FieldRow[] {
  const words = messages().dialog;
  return [
    ...specRows(raw, '', fieldSpecs('caller'), true),
    ...mapRows(raw, 'permissions', words.permissions.title, (child) => ({
      label: permissionLabel(child) ?? words.nested(words.permissions.unknown, child),
      hint: words.permissions.hint,
    })),
    ...mapRows(raw, 'restrictions', words.restrictions.title, (child) => {
      const known = restrictionWords(child);
      const meaning = words.restrictions.valueMeaning;
      return known === null
        ? { label: words.nested(words.restrictions.unknown, child), hint: words.restrictions.notDocumented + meaning }
        : { label: known.label, hint: known.hint + meaning };
    }),
  ];
}

function timeRows(time: TimeBlock | null): FieldRow[] {
  if (time === null) return [];
  const source: Record<string, unknown> = time;
  const known = new Set(fieldKeys('time'));
  const words = messages().dialog;
  return [
    ...specRows(source, 'time', fieldSpecs('time')),
    ...Object.entries(source)
      .filter(([key]) => !known.has(key))
      .flatMap(([key, value]) => valueRows(childPath('time', key), words.nested(words.timingOther, key), value)),
  ];
}

function otherRows(raw: RawDialog): FieldRow[] {
  const hint = messages().dialog.otherFieldHint;
  return Object.entries(raw)
    .filter(([key]) => !CLAIMED_KEYS.has(key))
    .flatMap(([key, value]) => valueRows(childPath('', key), key, value, { hint }));
}

/** `names`: who the dialog's user ids are (namesForDialog), so that an id the answer only numbers reads as a person. */
export function describeDialog(raw: RawDialog, decoded: DecodedDialog, time: TimeBlock | null, names: UserNames = {}): FieldSection[] {
  const sections: Array<[SectionId, FieldRow[]]> = [
    ['overview', specRows(raw, '', fieldSpecs('overview')).map((row) => (row.path === 'owner' ? ownerRow(row, raw, names) : row))],
    ['channel', channelRows(raw, decoded)],
    ['session', sessionRows(raw, decoded)],
    ['crm', crmRows(raw, decoded)],
    ['silent', silentRows(raw, decoded)],
    ['people', peopleRows(raw, names)],
    ['caller', callerRows(raw)],
    ['technical', specRows(raw, '', fieldSpecs('technical'))],
    ['time', timeRows(time)],
    ['other', otherRows(raw)],
  ];
  return sections
    .filter(([, rows]) => rows.length > 0)
    .map(([id, rows]) => ({ id, title: sectionTitle(id), rows }));
}

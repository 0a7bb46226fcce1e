// The presentation model of one dialog: every field of the answer, labelled,
// decoded and grouped, so the Svelte inspector and the CLI say the same thing.
// Every top-level key is claimed by exactly one section; whatever no section
// knows lands in "other", flattened, so an unknown field is never dropped.
//
// Representation: JSON null → kind 'null', value NULL_TEXT ('—'); booleans →
// kind 'boolean', 'yes'/'no'; numbers → decimal text; strings → as sent;
// ISO dates → kind 'date' as sent (portal offset kept); unix seconds → kind
// 'date', ISO UTC. Sections without rows are left out; ids never change.
import type { DecodedDialog, FieldRow, FieldSection, RawDialog, TimeBlock } from './dialog-types';
import {
  CALLER_SCALAR_FIELDS,
  OTHER_FIELD_HINT,
  OVERVIEW_FIELDS,
  PERMISSION_HINT,
  PERMISSION_LABELS,
  RESTRICTION_HINT_SUFFIX,
  RESTRICTION_LABELS,
  SECTION_TITLES,
  TECHNICAL_FIELDS,
  TIME_FIELDS,
  type FieldSpec,
  type SectionId,
} from './field-catalogue';
import { childPath, isPlainObject, valueRows } from './field-rows';
import { channelRows, crmRows, sessionRows, silentRows } from './describe-packed';
import { peopleRows } from './describe-people';

export { NULL_TEXT } from './field-rows';

/** Top-level keys each dedicated section shows; the rest go to "other". */
const CLAIMED_KEYS: ReadonlySet<string> = new Set([
  ...OVERVIEW_FIELDS.map((f) => f.key),
  ...TECHNICAL_FIELDS.map((f) => f.key),
  ...CALLER_SCALAR_FIELDS.map((f) => f.key),
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
  return [
    ...specRows(raw, '', CALLER_SCALAR_FIELDS, true),
    ...mapRows(raw, 'permissions', 'Permissions', (child) => ({
      label: PERMISSION_LABELS[child] ?? `Permission › ${child}`,
      hint: PERMISSION_HINT,
    })),
    ...mapRows(raw, 'restrictions', 'Restrictions', (child) => {
      const known = Object.hasOwn(RESTRICTION_LABELS, child) ? RESTRICTION_LABELS[child] : undefined;
      return known === undefined
        ? { label: `Restriction › ${child}`, hint: `Not documented.${RESTRICTION_HINT_SUFFIX}` }
        : { label: known.label, hint: known.hint + RESTRICTION_HINT_SUFFIX };
    }),
  ];
}

function timeRows(time: TimeBlock | null): FieldRow[] {
  if (time === null) return [];
  const source: Record<string, unknown> = time;
  const known = new Set(TIME_FIELDS.map((f) => f.key));
  return [
    ...specRows(source, 'time', TIME_FIELDS),
    ...Object.entries(source)
      .filter(([key]) => !known.has(key))
      .flatMap(([key, value]) => valueRows(childPath('time', key), `Timing › ${key}`, value)),
  ];
}

function otherRows(raw: RawDialog): FieldRow[] {
  return Object.entries(raw)
    .filter(([key]) => !CLAIMED_KEYS.has(key))
    .flatMap(([key, value]) => valueRows(childPath('', key), key, value, { hint: OTHER_FIELD_HINT }));
}

export function describeDialog(raw: RawDialog, decoded: DecodedDialog, time: TimeBlock | null): FieldSection[] {
  const sections: Array<[SectionId, FieldRow[]]> = [
    ['overview', specRows(raw, '', OVERVIEW_FIELDS)],
    ['channel', channelRows(raw, decoded)],
    ['session', sessionRows(raw, decoded)],
    ['crm', crmRows(raw, decoded)],
    ['silent', silentRows(raw, decoded)],
    ['people', peopleRows(raw)],
    ['caller', callerRows(raw)],
    ['technical', specRows(raw, '', TECHNICAL_FIELDS)],
    ['time', timeRows(time)],
    ['other', otherRows(raw)],
  ];
  return sections
    .filter(([, rows]) => rows.length > 0)
    .map(([id, rows]) => ({ id, title: SECTION_TITLES[id], rows }));
}

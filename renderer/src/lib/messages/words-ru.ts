// The pieces every Russian catalogue builds its texts with: numbers in ru-RU,
// the form of a noun for a count (Intl.PluralRules: one/few/many), a name from
// Bitrix24 marked for isolation.

const numbers = new Intl.NumberFormat('ru-RU');
const rules = new Intl.PluralRules('ru-RU');

export const num = (value: number): string => numbers.format(value);

/** The form of a word for a count: 1 чат, 2 чата, 5 чатов (and 1,5 чата). */
export function plural(value: number, one: string, few: string, many: string): string {
  switch (rules.select(value)) {
    case 'one':
      return one;
    case 'many':
      return many;
    default:
      return few;
  }
}

export const count = (value: number, one: string, few: string, many: string): string => `${num(value)} ${plural(value, one, few, many)}`;

/** A name from Bitrix24 inside our words, marked for the page to isolate (see isolatedParts in lib/format.ts). */
export const isolate = (name: string): string => `\u2068${name}\u2069`;

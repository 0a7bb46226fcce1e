// The pieces every English catalogue builds its texts with: numbers in
// en-GB, a count with its noun, a name from Bitrix24 marked for isolation.

const numbers = new Intl.NumberFormat('en-GB');

export const num = (value: number): string => numbers.format(value);

export const count = (value: number, one: string, other: string): string => `${num(value)} ${value === 1 ? one : other}`;

/** A name from Bitrix24 inside our words, marked for the page to isolate (see isolatedParts in lib/format.ts). */
export const isolate = (name: string): string => `\u2068${name}\u2069`;

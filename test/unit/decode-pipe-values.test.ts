import { describe, expect, it } from 'vitest';
import { parseNonNegativeInt, parsePositiveInt, splitPipes, unixTextToIso, unixToIso } from '../../main/core/decode/pipe-values';

describe('pipe values', () => {
  it('parses only plain ASCII digits', () => {
    expect(parseNonNegativeInt('0')).toBe(0);
    expect(parseNonNegativeInt('007')).toBe(7);
    expect(parseNonNegativeInt('')).toBeNull();
    expect(parseNonNegativeInt(' 1')).toBeNull();
    expect(parseNonNegativeInt('1e3')).toBeNull();
    expect(parseNonNegativeInt('٣')).toBeNull();
    expect(parseNonNegativeInt('9007199254740993')).toBeNull();
    expect(parsePositiveInt('0')).toBeNull();
    expect(parsePositiveInt('5')).toBe(5);
  });

  it('converts unix seconds to ISO UTC and refuses what cannot be a date', () => {
    expect(unixToIso(1773684278)).toBe('2026-03-16T18:04:38.000Z');
    expect(unixToIso(1773683678.423382)).toBe('2026-03-16T17:54:38.423Z');
    expect(unixToIso(0)).toBeNull();
    expect(unixToIso(-5)).toBeNull();
    expect(unixToIso(Number.POSITIVE_INFINITY)).toBeNull();
    expect(unixToIso(1e13)).toBeNull();
    expect(unixTextToIso('1773682918')).toBe('2026-03-16T17:41:58.000Z');
    expect(unixTextToIso('now')).toBeNull();
  });

  it('splits "" into no parts', () => {
    expect(splitPipes('')).toEqual([]);
    expect(splitPipes('a||b')).toEqual(['a', '', 'b']);
  });
});

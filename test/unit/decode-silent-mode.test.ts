import { describe, expect, it } from 'vitest';
import { decodeSilentMode } from '../../main/core/decode/silent-mode';

describe('decodeSilentMode', () => {
  it.each([
    ['Y', true],
    ['N', false],
    ['', null],
    ['y', null],
    ['1', null],
    [' Y', null],
  ] as const)('%j → %s', (raw, enabled) => {
    expect(decodeSilentMode(raw)).toEqual({ raw, enabled });
  });
});

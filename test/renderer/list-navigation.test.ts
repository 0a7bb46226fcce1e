// The keys every list of the window shares, decided without a browser.
import { describe, expect, it as test } from 'vitest';
import { listAction } from '../../renderer/src/lib/list-navigation';

const moveTo = (index: number) => ({ kind: 'move', index });

describe('a list that does not wrap (the history)', () => {
  test('↓ and ↑ step one item', () => {
    expect(listAction('ArrowDown', 0, 3)).toEqual(moveTo(1));
    expect(listAction('ArrowUp', 2, 3)).toEqual(moveTo(1));
  });

  test('↑ on the first and ↓ on the last leave the list toward what is above or below it', () => {
    expect(listAction('ArrowUp', 0, 3)).toEqual({ kind: 'leave', toward: 'before' });
    expect(listAction('ArrowDown', 2, 3)).toEqual({ kind: 'leave', toward: 'after' });
    expect(listAction('ArrowDown', 0, 1)).toEqual({ kind: 'leave', toward: 'after' });
  });

  test('Home and End jump to the ends', () => {
    expect(listAction('Home', 2, 5)).toEqual(moveTo(0));
    expect(listAction('End', 0, 5)).toEqual(moveTo(4));
  });
});

describe('a list that wraps (the palette, the portal menu)', () => {
  test('past either end comes the other end', () => {
    expect(listAction('ArrowDown', 2, 3, { wrap: true })).toEqual(moveTo(0));
    expect(listAction('ArrowUp', 0, 3, { wrap: true })).toEqual(moveTo(2));
  });

  test('in between, ↑/↓ step as in any list', () => {
    expect(listAction('ArrowDown', 0, 3, { wrap: true })).toEqual(moveTo(1));
    expect(listAction('ArrowUp', 2, 3, { wrap: true })).toEqual(moveTo(1));
  });
});

describe('with no current item, or one past the end', () => {
  test('↓ enters at the first item and ↑ at the last', () => {
    expect(listAction('ArrowDown', -1, 3)).toEqual(moveTo(0));
    expect(listAction('ArrowUp', -1, 3)).toEqual(moveTo(2));
    expect(listAction('ArrowUp', -1, 3, { wrap: true })).toEqual(moveTo(2));
  });

  test('an index the list outgrew (it shrank) is brought back inside it', () => {
    expect(listAction('ArrowUp', 5, 3)).toEqual(moveTo(2));
    expect(listAction('ArrowDown', 5, 3, { wrap: true })).toEqual(moveTo(0));
  });
});

describe('Enter and Esc', () => {
  test('Enter chooses the current item, and nothing when there is none', () => {
    expect(listAction('Enter', 1, 3)).toEqual({ kind: 'choose', index: 1 });
    expect(listAction('Enter', -1, 3)).toBeNull();
    expect(listAction('Enter', 0, 0)).toBeNull();
  });

  test('Esc dismisses, even an empty list', () => {
    expect(listAction('Escape', 0, 3)).toEqual({ kind: 'dismiss' });
    expect(listAction('Escape', -1, 0, { wrap: true })).toEqual({ kind: 'dismiss' });
  });
});

test('an empty list leaves the moving keys alone', () => {
  for (const key of ['ArrowDown', 'ArrowUp', 'Home', 'End']) expect(listAction(key, -1, 0), key).toBeNull();
});

test('keys that are not the list’s are left to the caller', () => {
  for (const key of ['a', 'Tab', 'Delete', 'ArrowLeft', ' ']) expect(listAction(key, 1, 3), key).toBeNull();
});

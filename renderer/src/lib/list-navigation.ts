// The keys of every list in the window (the history's lookups and kept
// dialogs, the command palette, the portal menu), decided in one place so the
// lists cannot drift apart and the shortcut sheet says what they all do. Pure:
// given the key, where the list is and how long it is, what to do; moving
// focus or the active option is the caller's business.

export type ListAction =
  | { kind: 'move'; index: number }
  /** ↑ on the first item or ↓ on the last of a list that does not wrap: whatever is above or below the list takes over. */
  | { kind: 'leave'; toward: 'before' | 'after' }
  | { kind: 'choose'; index: number }
  | { kind: 'dismiss' };

export interface ListOptions {
  /** Past the last item comes the first, and the other way round (a palette, a menu). */
  wrap?: boolean;
}

/** The keys as the shortcut sheet shows them. */
export const LIST_KEYS = { next: '↓', previous: '↑', first: 'Home', last: 'End', choose: 'Enter' } as const;

/**
 * What `key` does on a list of `count` items whose current one is `index`
 * (-1 when none is); null when the key is not the list's, or there is
 * nothing for it to act on, so the caller leaves the event alone.
 */
export function listAction(key: string, index: number, count: number, { wrap = false }: ListOptions = {}): ListAction | null {
  if (key === 'Escape') return { kind: 'dismiss' };
  if (count <= 0) return null;
  const inside = index >= 0 && index < count;
  switch (key) {
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: count - 1 };
    case 'ArrowDown':
      if (index < 0) return { kind: 'move', index: 0 };
      if (index < count - 1) return { kind: 'move', index: index + 1 };
      return wrap ? { kind: 'move', index: 0 } : { kind: 'leave', toward: 'after' };
    case 'ArrowUp':
      if (index < 0 || index > count - 1) return { kind: 'move', index: count - 1 };
      if (index > 0) return { kind: 'move', index: index - 1 };
      return wrap ? { kind: 'move', index: count - 1 } : { kind: 'leave', toward: 'before' };
    case 'Enter':
      return inside ? { kind: 'choose', index } : null;
    default:
      return null;
  }
}

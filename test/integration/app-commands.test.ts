// Commands for the window (deep links, menu items) wait in main until the page
// asks for them, then go straight to it; a reloaded page gets what came meanwhile.
import { describe, expect, it } from 'vitest';
import { AppCommandQueue } from '../../main/api/command-queue';
import type { AppCommand } from '../../preload/api-contract';

describe('the window command queue', () => {
  it('holds commands that arrive before the page listens and hands each over once, oldest first', () => {
    const queue = new AppCommandQueue();
    const pushed: AppCommand[] = [];
    queue.connect((command) => pushed.push(command));
    queue.push({ kind: 'lookup', input: 'chat1777' });
    queue.push({ kind: 'focus-lookup' });
    expect(pushed).toEqual([]);
    expect(queue.take()).toEqual([{ kind: 'lookup', input: 'chat1777' }, { kind: 'focus-lookup' }]);
    expect(queue.take()).toEqual([]);
  });

  it('pushes at once while the page listens, and holds again after the page goes away', () => {
    const queue = new AppCommandQueue();
    const pushed: AppCommand[] = [];
    queue.connect((command) => pushed.push(command));
    queue.take();
    queue.push({ kind: 'open-settings' });
    expect(pushed).toEqual([{ kind: 'open-settings' }]);
    queue.disconnect();
    queue.push({ kind: 'lookup', input: '343' });
    expect(pushed).toHaveLength(1);
    queue.connect((command) => pushed.push(command));
    expect(queue.take()).toEqual([{ kind: 'lookup', input: '343' }]);
  });
});

// A desktop notification from main: shown only where the system has them;
// clicking one does what main asked and brings the window forward.
import { expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { showDesktopNotice } from '../../main/shell/desktop-notice';

function fakeNotifications(supported: boolean) {
  const made: Array<{ options: { title: string; body: string }; click?: () => void; shown: boolean }> = [];
  class FakeNotification {
    readonly entry: (typeof made)[number];
    constructor(options: { title: string; body: string }) {
      this.entry = { options, shown: false };
      made.push(this.entry);
    }
    static isSupported() {
      return supported;
    }
    on(event: string, listener: () => void) {
      if (event === 'click') this.entry.click = listener;
      return this;
    }
    show() {
      this.entry.shown = true;
    }
  }
  return { made, FakeNotification };
}

it('shows the title and body as given, and a click runs the action, restores and focuses the window', () => {
  const { made, FakeNotification } = fakeNotifications(true);
  const window = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
  const onClick = vi.fn();
  showDesktopNotice(FakeNotification as never, () => window as unknown as BrowserWindow, { title: 'Changed: <b>Anna</b>', body: 'A new session', onClick });
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ options: { title: 'Changed: <b>Anna</b>', body: 'A new session' }, shown: true });
  made[0]!.click!();
  expect(onClick).toHaveBeenCalledOnce();
  expect(window.restore).toHaveBeenCalledOnce();
  expect(window.focus).toHaveBeenCalledOnce();
});

it('shows nothing where the system has no notifications', () => {
  const { made, FakeNotification } = fakeNotifications(false);
  showDesktopNotice(FakeNotification as never, () => null, { title: 't', body: 'b', onClick: () => undefined });
  expect(made).toEqual([]);
});

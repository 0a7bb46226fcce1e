// A desktop notification from main (Electron's Notification): clicking it
// does what main asked and brings the window forward. Where the system offers
// none (a Linux without a notification daemon), nothing is shown.
import type { BrowserWindow, Notification, NotificationConstructorOptions } from 'electron';

interface NotificationClass {
  new (options: NotificationConstructorOptions): Pick<Notification, 'on' | 'show'>;
  isSupported(): boolean;
}

export function showDesktopNotice(
  notifications: NotificationClass,
  window: () => BrowserWindow | null,
  notice: { title: string; body: string; onClick: () => void },
): void {
  if (!notifications.isSupported()) return;
  // Text only: a notification's body is never markup, whatever the portal wrote.
  const shown = new notifications({ title: notice.title, body: notice.body, silent: false });
  shown.on('click', () => {
    notice.onClick();
    const current = window();
    if (!current || current.isDestroyed()) return;
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
  });
  shown.show();
}

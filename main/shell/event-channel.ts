// Pushes the contract's events to a window's page, on the event's own channel.
// A window closed or a page gone since is skipped: an event is news, and the
// next page asks for what it needs (commands wait in their queue for it).
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNELS, type EventName, type EventPayload } from '../../preload/api-contract';

export type EventWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'send' | 'isDestroyed'>;
};

export function sendEvent<E extends EventName>(window: EventWindow | null, event: E, payload: EventPayload<E>): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNELS[event], payload);
}

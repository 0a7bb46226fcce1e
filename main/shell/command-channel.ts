// Connects the main API's command queue (deep links, menu items) to the
// window's page. A page that is loading again (a reload, a crash) has lost its
// listener: commands then wait in the queue until the new page asks for them
// with app:take-commands, instead of being sent into nothing.
import type { BrowserWindow } from 'electron';
import type { AppCommand } from '../../preload/api-contract';
import type { AppCommandQueue } from '../api/command-queue';
import { sendEvent, type EventWindow } from './event-channel';

type CommandWindow = EventWindow &
  Pick<BrowserWindow, 'on'> & {
    webContents: Pick<BrowserWindow['webContents'], 'on'>;
  };

export function connectCommandChannel(window: CommandWindow, commands: AppCommandQueue): void {
  const send = (command: AppCommand): void => sendEvent(window, 'command', command);
  const pageGone = (): void => {
    commands.disconnect();
    commands.connect(send);
  };
  commands.connect(send);
  window.webContents.on('did-start-navigation', (details) => {
    // Only a new document in the top frame replaces the page that listens; a
    // same-document change (#hash, pushState) or an iframe does not.
    if (details.isMainFrame && !details.isSameDocument) pageGone();
  });
  window.webContents.on('render-process-gone', pageGone);
  window.on('closed', () => commands.disconnect());
}

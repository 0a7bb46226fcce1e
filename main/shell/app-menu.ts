// The application menu, as a template (Menu.buildFromTemplate makes it in
// index.ts). Its items only ask the window to do something (an AppCommand);
// the standard roles give copy and paste on macOS, zoom and full screen.
// Accelerators live here, in the menu, and never in globalShortcut: they act
// only while the app is focused, and never take keys from other programs.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../preload/api-contract';
import { messages } from '../core/messages/index';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Reload and the developer tools are for development only. */
  isPackaged: boolean;
  appName: string;
  send(command: AppCommand): void;
}

/**
 * Our own accelerators, one per command. Shift+H for the history on every
 * platform: Cmd+H is Hide on macOS, and one shortcut is easier to document
 * than two. The shortcut sheet has no accelerator: `?` would take the key from
 * the lookup field, so the page answers `?` itself when no field has focus.
 */
export const MENU_ACCELERATORS = {
  'open-palette': 'CmdOrCtrl+K',
  'focus-lookup': 'CmdOrCtrl+L',
  'find-in-dialog': 'CmdOrCtrl+F',
  'open-settings': 'CmdOrCtrl+,',
  'toggle-history': 'CmdOrCtrl+Shift+H',
} as const satisfies Partial<Record<AppCommand['kind'], string>>;

// Commands that carry data come from elsewhere (a link, a notification), never from the menu.
type MenuCommand = Exclude<AppCommand, { kind: 'lookup' } | { kind: 'link-refused' } | { kind: 'open-kept' }>['kind'];

/** In the language of the call it is made in (index.ts makes it again when the language changes). */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const text = messages().menu;
  const item = (kind: MenuCommand, label: string): MenuItemConstructorOptions => {
    const accelerator = (MENU_ACCELERATORS as Partial<Record<MenuCommand, string>>)[kind];
    return { id: kind, label, ...(accelerator ? { accelerator } : {}), click: () => options.send({ kind }) };
  };
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // Alt+letter opens a menu on Windows and Linux; macOS has no such keys and would show the &.
  const top = (label: string): string => (mac ? label : `&${label}`);
  const settings = item('open-settings', text.settings);
  const portals = item('manage-portals', text.managePortals);
  const development = !options.isPackaged;

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      settings,
      portals,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: top(text.file),
    submenu: [settings, portals, separator, { role: 'quit' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: top(text.edit),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const lookupMenu: MenuItemConstructorOptions = {
    label: top(text.lookup),
    submenu: [
      item('open-palette', text.commandPalette),
      item('focus-lookup', text.goToLookupField),
      item('find-in-dialog', text.findInDialog),
      separator,
      item('toggle-history', text.toggleHistory),
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: top(text.view),
    submenu: [
      ...(development ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  // Electron fills it per platform: minimise, zoom and bring all to front on macOS; minimise and close elsewhere.
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const helpMenu: MenuItemConstructorOptions = {
    label: top(text.help),
    role: 'help',
    submenu: [item('show-shortcuts', text.keyboardShortcuts)],
  };

  return mac ? [appMenu, editMenu, lookupMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, lookupMenu, viewMenu, windowMenu, helpMenu];
}

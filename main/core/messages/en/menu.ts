// English labels of the application menu (main/shell/app-menu.ts). The
// standard items (copy, paste, zoom…) are Electron's roles, labelled by the OS.
export const menu = {
  file: 'File',
  edit: 'Edit',
  lookup: 'Lookup',
  view: 'View',
  help: 'Help',
  settings: 'Settings…',
  managePortals: 'Manage Portals…',
  commandPalette: 'Command Palette…',
  goToLookupField: 'Go to Lookup Field',
  findInDialog: 'Find in Dialog…',
  toggleHistory: 'Show or Hide History',
  keyboardShortcuts: 'Keyboard Shortcuts (?)',
};

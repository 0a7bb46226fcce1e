// What the window may ask main to save, and what came of it. The window names
// what to save, never where: main asks the user through the OS's save dialog.
// And the list a user opens through the OS's open dialog, read by main.

export type ExportRequest =
  | { what: 'bulk'; runId: string; format: 'csv' | 'json' }
  /** A kept dialog or transcript; `account` (the store's name of a portal) defaults to the connected portal's. */
  | { what: 'dialog'; chatId: number; account?: string; format: 'json' | 'markdown' }
  | { what: 'history'; allAccounts?: boolean; format: 'csv' | 'json' }
  /** The overview as its newest refresh left it. */
  | { what: 'overview'; format: 'csv' | 'json' }
  | { what: 'transcript'; chatId: number; sessionId: number; account?: string; format: 'markdown' | 'text' };

export type ExportFormat = ExportRequest['format'];

/** `saved: false` when the user closed the save dialog; `fileName` is the name only, never the folder. */
export type ExportOutcome = { saved: false } | { saved: true; fileName: string; bytes: number };

/** What the OS save dialog is opened with. */
export interface SaveFileOptions {
  title: string;
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** What the OS open dialog for a list is opened with. */
export interface OpenFileOptions {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** A list the user opened: the file's name (never its folder) and its text. */
export interface OpenedList {
  name: string;
  text: string;
}

// What each command is asked to do, as run-cli.ts reads it from the command
// line, and the streams it writes to. Not in run-cli.ts: that module imports
// every command, so a command importing these from it closed an import circle.
import type { NumberAs } from '../core/identifier';
import type { OverviewSource } from '../core/overview-types';

export interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Where `login` reads a pasted code; absent, only the browser's redirect counts. */
  input?: NodeJS.ReadableStream;
  /** Ends `watch`; absent, the process's SIGINT and SIGTERM do. */
  stop?: AbortSignal;
}

export interface LookupOptions {
  command: 'lookup';
  ids: string[];
  webhook: string | null;
  demo: boolean;
  /** A saved account by name; null with no webhook and no demo means the current account. */
  account: string | null;
  numberAs: NumberAs;
  json: boolean;
  timeoutMs: number;
  /** The most of an answer read. */
  maxAnswerBytes: number;
  dataDir: string;
  history: boolean;
  /** Also print what the log file gets, and each lookup's outcome, on stderr. */
  verbose: boolean;
  /** A file of identifiers (or '-': standard input), read on top of `ids`. */
  from: string | null;
  /** One line (or record) per dialog, through batch; null prints each dialog in full. */
  format: BulkFormat | null;
}

export const BULK_FORMATS = ['table', 'csv', 'json'] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];

export interface TranscriptOptions extends Omit<LookupOptions, 'command' | 'ids' | 'json' | 'from' | 'format'> {
  command: 'transcript';
  id: string;
  /** A session of the chat other than its current one. */
  session: number | null;
  /** Only the copy kept on this computer. */
  offline: boolean;
  output: 'text' | 'markdown' | 'json';
}

export interface WatchOptions extends Omit<LookupOptions, 'command' | 'from' | 'format'> {
  command: 'watch';
  /** From the end of one refresh to the start of the next. */
  intervalMs: number;
}

export interface OverviewOptions extends Omit<LookupOptions, 'command' | 'ids' | 'json' | 'from' | 'format' | 'numberAs'> {
  command: 'overview';
  /** In OVERVIEW_SOURCES order, each once. */
  sources: OverviewSource[];
  /** Whether --source named them (a missing scope is then a failure, not a notice). */
  sourcesNamed: boolean;
  format: BulkFormat;
  /** Only the kept dialogs; no portal is asked. */
  offline: boolean;
}

export interface ShowOptions {
  command: 'show';
  ids: string[];
  account: string | null;
  numberAs: NumberAs;
  /** text: the terminal's sections; json: every copy in an array; markdown: each as the window saves it. */
  format: 'text' | 'json' | 'markdown';
  dataDir: string;
}

export interface SearchOptions {
  command: 'search';
  text: string;
  account: string | null;
  limit: number;
  json: boolean;
  dataDir: string;
}

export interface HistoryOptions {
  command: 'history';
  account: string | null;
  limit: number;
  /** text: a line per lookup; csv and json: the files the window saves. */
  format: 'text' | 'csv' | 'json';
  dataDir: string;
}

export interface LoginOptions {
  command: 'login';
  /** Webhook login when set; OAuth otherwise. */
  webhook: string | null;
  portal: string | null;
  clientId: string | null;
  clientSecret: string | null;
  oauthServer: string | null;
  port: number | null;
  name: string | null;
  openBrowser: boolean;
  dataDir: string;
}

export type AccountsOptions = { command: 'accounts'; dataDir: string } & (
  | { action: 'list'; json: boolean }
  | { action: 'use' | 'remove'; name: string }
  | { action: 'rename'; name: string; newName: string }
);

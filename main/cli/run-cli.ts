// openlines-inspector: the app's lookup from a terminal, on the same core.
// Errors go to stderr with the app's own wording; stdout carries only results,
// so `--json` output can be piped.
// (index.ts is the executable entry; this module is importable without side effects.)
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { defaultDataDir } from '../core/data-dir';
import type { NumberAs } from '../core/identifier';
import { runHistory } from './history-command';
import { runLookup } from './lookup-command';
import { runSearch } from './search-command';
import { runShow } from './show-command';
import { USAGE, UsageError } from './usage';

export interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export interface LookupOptions {
  command: 'lookup';
  ids: string[];
  webhook: string | null;
  demo: boolean;
  numberAs: NumberAs;
  json: boolean;
  timeoutMs: number;
  dataDir: string;
  history: boolean;
}

export interface ShowOptions {
  command: 'show';
  ids: string[];
  account: string | null;
  numberAs: NumberAs;
  json: boolean;
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
  json: boolean;
  dataDir: string;
}

type Command = LookupOptions | ShowOptions | SearchOptions | HistoryOptions | { command: 'help' } | { command: 'version' };

const OPTIONS = {
  webhook: { type: 'string' },
  demo: { type: 'boolean', default: false },
  as: { type: 'string', default: 'chat' },
  json: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  'no-history': { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  account: { type: 'string' },
  limit: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

function positiveNumber(text: string | undefined, name: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(`${name} takes a number between 0 and ${max}.`);
  return value;
}

function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(env));
  if (command === undefined) throw new UsageError('No command given.');

  if (command === 'history') {
    if (rest.length > 0) throw new UsageError('history takes no identifiers; use --account to choose a portal.');
    const limit = positiveNumber(values.limit, '--limit', 10_000) ?? 50;
    if (!Number.isInteger(limit)) throw new UsageError('--limit takes a whole number.');
    return { command: 'history', account: values.account ?? null, limit, json: values.json, dataDir };
  }
  if (command === 'search') {
    const text = rest.join(' ').trim();
    if (text === '') throw new UsageError('Say what to search for: a name, an id such as chat17, a user code, or "lead 1209".');
    const limit = positiveNumber(values.limit, '--limit', 1_000) ?? 20;
    if (!Number.isInteger(limit)) throw new UsageError('--limit takes a whole number.');
    return { command: 'search', text, account: values.account ?? null, limit, json: values.json, dataDir };
  }
  if (command !== 'lookup' && command !== 'show') {
    throw new UsageError(`Unknown command "${command}". The commands are "lookup", "show", "search" and "history".`);
  }
  if (rest.length === 0) throw new UsageError(`Give at least one identifier to ${command === 'show' ? 'show' : 'look up'}.`);
  if (values.as !== 'chat' && values.as !== 'session') throw new UsageError('--as takes "chat" or "session".');
  if (command === 'show') {
    if (!values.offline) throw new UsageError('show prints the cached copy only: add --offline (or use lookup to ask the portal).');
    return { command: 'show', ids: rest, account: values.account ?? null, numberAs: values.as, json: values.json, dataDir };
  }
  const webhook = values.webhook ?? env.OPENLINES_WEBHOOK ?? null;
  if (values.demo && values.webhook) throw new UsageError('Use either --webhook or --demo, not both.');
  if (!values.demo && !webhook) throw new UsageError('Say which portal to ask: --webhook URL (or OPENLINES_WEBHOOK), or --demo.');
  const seconds = positiveNumber(values.timeout, '--timeout', 600);
  return {
    command: 'lookup',
    ids: rest,
    webhook: values.demo ? null : webhook,
    demo: values.demo,
    numberAs: values.as,
    json: values.json,
    timeoutMs: seconds === undefined ? 60_000 : seconds * 1000,
    dataDir,
    history: !values['no-history'],
  };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let command: Command;
  try {
    command = parseCommandLine(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  switch (command.command) {
    case 'help':
      out.write(`${USAGE}\n`);
      return 0;
    case 'version':
      out.write(`${packageJson.version}\n`);
      return 0;
    case 'history':
      return runHistory(command, { out, err });
    case 'show':
      return runShow(command, { out, err });
    case 'search':
      return runSearch(command, { out, err });
    case 'lookup':
      return runLookup(command, { out, err });
  }
}

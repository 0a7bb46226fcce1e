// openlines-inspector: the app's lookup from a terminal, on the same core.
// Errors go to stderr with the app's own wording; stdout carries only results,
// so `--json` output can be piped.
// (index.ts is the executable entry; this module is importable without side effects.)
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { defaultDataDir } from '../core/data-dir';
import { inLanguage, resolveLanguage, setDefaultLanguage, type Language } from '../core/i18n';
import { runAccounts } from './accounts-command';
import type { AccountsOptions, HistoryOptions, LoginOptions, LookupOptions, SearchOptions, ShowOptions } from './cli-options';
import { runHistory } from './history-command';
import { runLogin } from './login-command';
import { runLookup } from './lookup-command';
import { runSearch } from './search-command';
import { runShow } from './show-command';
import { messages } from '../core/messages/index';
import { DEFAULT_MAX_ANSWER_BYTES } from '../rest/portal-client';
import { usage, UsageError } from './usage';

type Command =
  | LookupOptions
  | ShowOptions
  | SearchOptions
  | HistoryOptions
  | LoginOptions
  | AccountsOptions
  | { command: 'help' }
  | { command: 'version' };

const OPTIONS = {
  webhook: { type: 'string' },
  demo: { type: 'boolean', default: false },
  as: { type: 'string', default: 'chat' },
  json: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  'max-answer-mb': { type: 'string' },
  'no-history': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  account: { type: 'string' },
  portal: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'oauth-server': { type: 'string' },
  port: { type: 'string' },
  name: { type: 'string' },
  'no-browser': { type: 'boolean', default: false },
  limit: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

function positiveNumber(text: string | undefined, name: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(messages().cli.usageErrors.numberBetween(name, max));
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
  const says = messages().cli.usageErrors;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(env));
  if (command === undefined) throw new UsageError(says.noCommand);

  if (command === 'history') {
    if (rest.length > 0) throw new UsageError(says.historyTakesNoIds);
    const limit = positiveNumber(values.limit, '--limit', 10_000) ?? 50;
    if (!Number.isInteger(limit)) throw new UsageError(says.wholeNumber('--limit'));
    return { command: 'history', account: values.account ?? null, limit, json: values.json, dataDir };
  }
  if (command === 'search') {
    const text = rest.join(' ').trim();
    if (text === '') throw new UsageError(says.searchWhat);
    const limit = positiveNumber(values.limit, '--limit', 1_000) ?? 20;
    if (!Number.isInteger(limit)) throw new UsageError(says.wholeNumber('--limit'));
    return { command: 'search', text, account: values.account ?? null, limit, json: values.json, dataDir };
  }
  if (command === 'login') return parseLogin(values, rest, env, dataDir);
  if (command === 'accounts') return parseAccounts(rest, values.json, dataDir);
  if (command !== 'lookup' && command !== 'show') {
    throw new UsageError(says.unknownCommand(command));
  }
  if (rest.length === 0) throw new UsageError(says.giveIdentifier(command));
  if (values.as !== 'chat' && values.as !== 'session') throw new UsageError(says.asTakes);
  if (command === 'show') {
    if (!values.offline) throw new UsageError(says.showNeedsOffline);
    return { command: 'show', ids: rest, account: values.account ?? null, numberAs: values.as, json: values.json, dataDir };
  }
  const chosen = [values.demo && '--demo', values.webhook !== undefined && '--webhook', values.account !== undefined && '--account'].filter(
    (option): option is string => option !== false,
  );
  if (chosen.length > 1) throw new UsageError(says.onePortal(chosen));
  // An explicit --account wins over OPENLINES_WEBHOOK in the environment.
  const webhook = values.account !== undefined ? null : (values.webhook ?? env.OPENLINES_WEBHOOK ?? null);
  const seconds = positiveNumber(values.timeout, '--timeout', 600);
  const megabytes = positiveNumber(values['max-answer-mb'], '--max-answer-mb', 1024);
  return {
    command: 'lookup',
    ids: rest,
    webhook: values.demo ? null : webhook,
    demo: values.demo,
    account: values.account ?? null,
    numberAs: values.as,
    json: values.json,
    timeoutMs: seconds === undefined ? 60_000 : seconds * 1000,
    maxAnswerBytes: megabytes === undefined ? DEFAULT_MAX_ANSWER_BYTES : Math.round(megabytes * 1024 * 1024),
    dataDir,
    history: !values['no-history'],
    verbose: values.verbose,
  };
}

type ParsedValues = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

function parseLogin(values: ParsedValues, rest: string[], env: NodeJS.ProcessEnv, dataDir: string): LoginOptions {
  const says = messages().cli.usageErrors;
  if (rest.length > 0) throw new UsageError(says.loginOptionsOnly);
  const name = values.name ?? null;
  const common = { command: 'login' as const, name, openBrowser: !values['no-browser'], dataDir };
  const none = { portal: null, clientId: null, clientSecret: null, oauthServer: null, port: null };
  if (values.webhook !== undefined) {
    if (values.portal !== undefined || values['client-id'] !== undefined) throw new UsageError(says.webhookOrOAuth);
    return { ...common, ...none, webhook: values.webhook };
  }
  const clientSecret = values['client-secret'] ?? env.OPENLINES_CLIENT_SECRET ?? null;
  if (values.portal === undefined || values['client-id'] === undefined || clientSecret === null) {
    throw new UsageError(says.howToSignIn);
  }
  let port: number | null = null;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65_535) throw new UsageError(says.portRange);
  }
  return {
    ...common,
    webhook: null,
    portal: values.portal,
    clientId: values['client-id'],
    clientSecret,
    oauthServer: values['oauth-server'] ?? null,
    port,
  };
}

function parseAccounts(rest: string[], json: boolean, dataDir: string): AccountsOptions {
  const [action, ...names] = rest;
  const base = { command: 'accounts' as const, dataDir };
  if (action === undefined || action === 'list') return { ...base, action: 'list', json };
  if ((action === 'use' || action === 'remove') && names.length === 1) return { ...base, action, name: names[0]! };
  if (action === 'rename' && names.length === 2) return { ...base, action, name: names[0]!, newName: names[1]! };
  throw new UsageError(messages().cli.usageErrors.accountsTakes);
}

/** The terminal's language, as POSIX orders the variables: LC_ALL, then LC_MESSAGES, then LANG. */
export function terminalLanguage(env: NodeJS.ProcessEnv): Language {
  const set = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return resolveLanguage('system', set ? [set] : []);
}

export function main(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  input?: NodeJS.ReadableStream,
): Promise<number> {
  const chosen = terminalLanguage(env);
  // Also the default for text made outside the call (the entry's last-resort error).
  setDefaultLanguage(chosen);
  return inLanguage(chosen, () => runCommandLine(argv, env, out, err, input));
}

async function runCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  input?: NodeJS.ReadableStream,
): Promise<number> {
  let command: Command;
  try {
    command = parseCommandLine(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n\n${usage()}\n`);
    return 2;
  }
  switch (command.command) {
    case 'help':
      out.write(`${usage()}\n`);
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
    case 'login':
      return runLogin(command, { out, err, ...(input ? { input } : {}) });
    case 'accounts':
      return runAccounts(command, { out, err });
  }
}

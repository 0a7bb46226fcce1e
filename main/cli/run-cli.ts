// openlines-inspector: the app's lookup from a terminal, on the same core.
// Errors go to stderr with the app's own wording; stdout carries only results,
// so `--json` output can be piped.
// (index.ts is the executable entry; this module is importable without side effects.)
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { defaultDataDir } from '../core/data-dir';
import { inLanguage, resolveLanguage, setDefaultLanguage, type Language } from '../core/i18n';
import { toEnvelope } from '../core/error-codes';
import { saveWhole } from '../export/save-file';
import { runAccounts } from './accounts-command';
import { CollectedText } from './collected-text';
import { formatBytes, formatError } from './format-human';
import { BULK_FORMATS, type AccountsOptions, type BulkFormat, type HistoryOptions, type LoginOptions, type LookupOptions, type OverviewOptions, type SearchOptions, type ShowOptions, type TranscriptOptions, type WatchOptions } from './cli-options';
import { OVERVIEW_SOURCES, type OverviewSource } from '../core/overview-types';
import { runOverview } from './overview-command';
import { runHistory } from './history-command';
import { runLogin } from './login-command';
import { runLookup } from './lookup-command';
import { runBulkLookup } from './bulk-command';
import { runTranscript } from './transcript-command';
import { runSearch } from './search-command';
import { runShow } from './show-command';
import { runWatch } from './watch-command';
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
  | TranscriptOptions
  | WatchOptions
  | OverviewOptions
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
  from: { type: 'string' },
  format: { type: 'string' },
  session: { type: 'string' },
  output: { type: 'string' },
  interval: { type: 'string' },
  source: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

type OptionName = keyof typeof OPTIONS;

/** How the usage names each option's value; typed as it stands in every language. */
const VALUE_NAMES: Partial<Record<OptionName, string>> = {
  webhook: 'URL',
  as: 'chat|session',
  timeout: 'SECONDS',
  'max-answer-mb': 'N',
  account: 'NAME',
  portal: 'URL',
  'client-id': 'ID',
  'client-secret': 'SECRET',
  'oauth-server': 'URL',
  port: 'N',
  name: 'NAME',
  limit: 'N',
  'data-dir': 'DIR',
  from: 'FILE',
  format: 'table|csv|json',
  session: 'ID',
  output: 'FILE',
  interval: 'SECONDS',
  source: 'recent|crm|kept',
};

/** A number more than 0 and at most `max` (a whole one when `whole`); absent stays absent. */
function positiveNumber(text: string | undefined, name: string, max: number, whole = false): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const says = messages().cli.usageErrors;
  if (!Number.isFinite(value) || value <= 0 || value > max || (whole && !Number.isInteger(value))) {
    throw new UsageError(whole ? says.wholeNumberInRange(name, max) : says.numberInRange(name, max));
  }
  return value;
}

/** Edits (insert, delete, change, swap two neighbours) from one word to another. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known option a mistyped one was most likely meant to be ("--jsn" → "--json"), if one is near enough. */
function nearestOption(typed: string): string | null {
  const word = typed.replace(/^-+/, '').toLowerCase();
  if (word === '') return null;
  const names = Object.keys(OPTIONS);
  // A unique beginning ("--time") is taken as meant.
  const started = names.filter((name) => name.startsWith(word));
  if (started.length === 1) return `--${started[0]}`;
  // A slip of a key or two, fewer for a short word: "jsn" is json, "web" is not webhook.
  const allowed = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(word, name);
    if (distance <= allowed && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best ? `--${best.name}` : null;
}

type ParsedValues = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

/**
 * The command line read by Node's parser, with its mistakes said in our words
 * and the terminal's language: an unknown option (and the one it is nearest
 * to), an option missing its value, a value given to a switch.
 */
function readArguments(argv: string[]): { values: ParsedValues; positionals: string[] } {
  const says = messages().cli.usageErrors;
  // Not strict, so that nothing is refused before it is looked at here.
  const loose = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: false, tokens: true });
  for (const token of loose.tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as OptionName] : undefined;
    if (option === undefined) {
      // "-json" is read as the short options -j -s -o -n: name what was typed.
      const typed = argv[token.index]!;
      const shown = /^-[^-]./.test(typed) ? typed.split('=')[0]! : token.rawName;
      throw new UsageError(says.unknownOption(shown, nearestOption(shown)));
    }
    if (option.type === 'string') {
      const value = token.value;
      // "--timeout" last, or followed by another option ("--timeout --json"); "--timeout -1" is a value, refused by its range;
      // a lone "-" is standard input ("--from -").
      if (value === undefined || (!token.inlineValue && value !== '-' && /^-(?![\d.])/.test(value))) {
        throw new UsageError(says.optionNeedsValue(token.rawName, VALUE_NAMES[token.name as OptionName] ?? 'VALUE'));
      }
    } else if (token.value !== undefined) {
      throw new UsageError(says.optionTakesNoValue(token.rawName));
    }
  }
  // Checked above: every option is known, a string option has its text and a switch none, as strict parsing requires.
  return { values: loose.values as ParsedValues, positionals: loose.positionals };
}

function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = readArguments(argv);
  const says = messages().cli.usageErrors;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(env));
  if (command === undefined) throw new UsageError(says.noCommand);

  if (command === 'history') {
    if (rest.length > 0) throw new UsageError(says.historyTakesNoIds);
    const limit = positiveNumber(values.limit, '--limit', 10_000, true) ?? 50;
    const format = textOrFormat(values, ['text', 'csv', 'json'], says.historyFormat);
    return { command: 'history', account: values.account ?? null, limit, format, dataDir };
  }
  if (command === 'search') {
    const text = rest.join(' ').trim();
    if (text === '') throw new UsageError(says.searchWhat);
    const limit = positiveNumber(values.limit, '--limit', 1_000, true) ?? 20;
    return { command: 'search', text, account: values.account ?? null, limit, json: values.json, dataDir };
  }
  if (command === 'login') return parseLogin(values, rest, env, dataDir);
  if (command === 'accounts') return parseAccounts(rest, values.json, dataDir);
  if (command === 'transcript') return parseTranscript(values, rest, env, dataDir);
  if (command === 'watch') return parseWatch(values, rest, env, dataDir);
  if (command === 'overview') return parseOverview(values, rest, env, dataDir);
  if (command !== 'lookup' && command !== 'show') {
    throw new UsageError(says.unknownCommand(command));
  }
  const from = command === 'lookup' ? (values.from ?? null) : null;
  if (rest.length === 0 && from === null) throw new UsageError(says.giveIdentifier(command));
  if (values.as !== 'chat' && values.as !== 'session') throw new UsageError(says.asTakes);
  if (command === 'show') {
    // show only ever reads the kept copy: --offline, which says so, is accepted and changes nothing.
    const format = textOrFormat(values, ['text', 'json', 'markdown'], says.showFormat);
    return { command: 'show', ids: rest, account: values.account ?? null, numberAs: values.as, format, dataDir };
  }
  const portal = portalChoice(values, env, dataDir);
  let format: BulkFormat | null = null;
  if (values.format !== undefined) {
    if (!(BULK_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(says.formatTakes);
    format = values.format as BulkFormat;
  }
  if (format !== null && values.json) throw new UsageError(says.jsonOrFormat);
  // A list (from a file, or several identifiers) is a table unless said otherwise: forty full lookups
  // were thousands of lines. One identifier prints in full, and --json keeps each dialog in full.
  if (format === null && (from !== null || rest.length > 1) && !values.json) format = 'table';
  return { command: 'lookup', ids: rest, numberAs: values.as, json: values.json, ...portal, from, format };
}

/** --format of a command that prints text by default; --json is its json, and the two together are refused. */
function textOrFormat<F extends string>(values: ParsedValues, formats: readonly F[], refusal: string): F {
  if (values.format !== undefined && values.json) throw new UsageError(messages().cli.usageErrors.overviewJsonOrFormat);
  if (values.json) return 'json' as F;
  if (values.format === undefined) return formats[0]!;
  if (!(formats as readonly string[]).includes(values.format)) throw new UsageError(refusal);
  return values.format as F;
}

/** The portal options lookup and transcript share: which portal, its bounds, the store. */
function portalChoice(values: ParsedValues, env: NodeJS.ProcessEnv, dataDir: string) {
  const says = messages().cli.usageErrors;
  const chosen = [values.demo && '--demo', values.webhook !== undefined && '--webhook', values.account !== undefined && '--account'].filter(
    (option): option is string => option !== false,
  );
  if (chosen.length > 1) throw new UsageError(says.onePortal(chosen));
  // An explicit --account wins over OPENLINES_WEBHOOK in the environment.
  const webhook = values.account !== undefined ? null : (values.webhook ?? env.OPENLINES_WEBHOOK ?? null);
  const seconds = positiveNumber(values.timeout, '--timeout', 600);
  const megabytes = positiveNumber(values['max-answer-mb'], '--max-answer-mb', 1024);
  return {
    webhook: values.demo ? null : webhook,
    demo: values.demo,
    account: values.account ?? null,
    timeoutMs: seconds === undefined ? 60_000 : seconds * 1000,
    maxAnswerBytes: megabytes === undefined ? DEFAULT_MAX_ANSWER_BYTES : Math.round(megabytes * 1024 * 1024),
    dataDir,
    history: !values['no-history'],
    verbose: values.verbose,
  };
}

function parseTranscript(values: ParsedValues, rest: string[], env: NodeJS.ProcessEnv, dataDir: string): TranscriptOptions {
  const says = messages().cli.usageErrors;
  if (rest.length !== 1) throw new UsageError(says.transcriptOne);
  if (values.as !== 'chat' && values.as !== 'session') throw new UsageError(says.asTakes);
  const session = positiveNumber(values.session, '--session', Number.MAX_SAFE_INTEGER, true) ?? null;
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'markdown') throw new UsageError(says.transcriptFormat);
  if (values.format !== undefined && values.json) throw new UsageError(says.jsonOrFormat);
  const output = values.json ? 'json' : ((values.format as 'text' | 'markdown' | undefined) ?? 'text');
  return { command: 'transcript', id: rest[0]!, session, offline: values.offline, output, numberAs: values.as, ...portalChoice(values, env, dataDir) };
}

/** The longest --interval: a day. */
const MAX_INTERVAL_SECONDS = 86_400;
const DEFAULT_INTERVAL_SECONDS = 30;

function parseWatch(values: ParsedValues, rest: string[], env: NodeJS.ProcessEnv, dataDir: string): WatchOptions {
  const says = messages().cli.usageErrors;
  if (rest.length === 0) throw new UsageError(says.watchWhat);
  if (values.as !== 'chat' && values.as !== 'session') throw new UsageError(says.asTakes);
  if (values.format !== undefined) throw new UsageError(says.watchNoFormat);
  const seconds = positiveNumber(values.interval, '--interval', MAX_INTERVAL_SECONDS) ?? DEFAULT_INTERVAL_SECONDS;
  // The same identifier twice is one dialog to watch.
  const ids = [...new Set(rest)];
  return { command: 'watch', ids, numberAs: values.as, json: values.json, intervalMs: Math.round(seconds * 1000), ...portalChoice(values, env, dataDir) };
}

function parseOverview(values: ParsedValues, rest: string[], env: NodeJS.ProcessEnv, dataDir: string): OverviewOptions {
  const says = messages().cli.usageErrors;
  if (rest.length > 0) throw new UsageError(says.overviewTakesNoIds);
  let sources: OverviewSource[] = [...OVERVIEW_SOURCES];
  if (values.source !== undefined) {
    const named = values.source.split(',').map((part) => part.trim().toLowerCase());
    if (named.some((part) => !(OVERVIEW_SOURCES as readonly string[]).includes(part))) throw new UsageError(says.sourceTakes);
    sources = OVERVIEW_SOURCES.filter((source) => named.includes(source));
  }
  if (values.format !== undefined && !(BULK_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(says.formatTakes);
  if (values.format !== undefined && values.json) throw new UsageError(says.overviewJsonOrFormat);
  const format: BulkFormat = values.json ? 'json' : ((values.format as BulkFormat | undefined) ?? 'table');
  return { command: 'overview', sources, sourcesNamed: values.source !== undefined, format, offline: values.offline, ...portalChoice(values, env, dataDir) };
}

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

/** The commands whose output --output can take: each prints once and ends. */
const WRITES_OUTPUT: ReadonlySet<Command['command']> = new Set(['lookup', 'transcript', 'overview', 'show', 'search', 'history']);

/** --output FILE: the file, resolved from the working folder; null without it. */
function outputFile(argv: string[], command: Command): string | null {
  const file = readArguments(argv).values.output;
  if (file === undefined) return null;
  if (!WRITES_OUTPUT.has(command.command)) throw new UsageError(messages().cli.usageErrors.outputFor(command.command));
  return path.resolve(file);
}

async function runCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  input?: NodeJS.ReadableStream,
): Promise<number> {
  let command: Command;
  let output: string | null;
  try {
    command = parseCommandLine(argv, env);
    output = outputFile(argv, command);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n\n${usage()}\n`);
    return 2;
  }
  if (output === null) return runCommand(command, out, err, input);
  // What would be printed, collected and written whole: a failed run leaves no half file.
  const printed = new CollectedText();
  const code = await runCommand(command, printed, err, input);
  if (printed.text === '') return code;
  try {
    const bytes = await saveWhole(output, printed.text);
    err.write(`${messages().cli.saved(output, formatBytes(bytes))}\n`);
    return code;
  } catch (error) {
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  }
}

function runCommand(command: Command, out: NodeJS.WritableStream, err: NodeJS.WritableStream, input?: NodeJS.ReadableStream): Promise<number> | number {
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
    case 'transcript':
      return runTranscript(command, { out, err });
    case 'watch':
      return runWatch(command, { out, err });
    case 'overview':
      return runOverview(command, { out, err });
    case 'lookup':
      return command.format === null ? runLookup(command, { out, err }) : runBulkLookup(command, { out, err, ...(input ? { input } : {}) });
    case 'login':
      return runLogin(command, { out, err, ...(input ? { input } : {}) });
    case 'accounts':
      return runAccounts(command, { out, err });
  }
}

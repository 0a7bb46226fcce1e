// The app's log file, written with electron-log (made for Electron apps, and
// usable from plain Node: the CLI and the tests write it the same way). One
// file in the data folder's logs/, rotated at 1 MB (the previous one kept as
// .old.log), readable by the user only. Every line is scrubbed of the
// accounts' secrets and of anything that looks like one before it is written.
import fs from 'node:fs';
import path from 'node:path';
import { scrubLogText, type AppLog, type LogDetails } from '../core/app-log';

export interface FileLogOptions {
  /** The log file; its folder is made if missing. */
  file: string;
  /** Every secret the app holds now (keys, client secrets, tokens): never written. */
  secrets?: () => readonly string[];
  /** Also write each line here (the CLI's --verbose: stderr), info included. */
  echo?: NodeJS.WritableStream;
}

export const MAX_LOG_BYTES = 1024 * 1024;

/** Where a program's log lives in a data folder: `logs/main.log` for the app, `logs/cli.log` for the CLI. */
export function logFileOf(dataDir: string, program: 'main' | 'cli'): string {
  return path.join(dataDir, 'logs', `${program}.log`);
}

/** A line's details as JSON, kept small: a log line is not a dump. */
function detailsText(details: LogDetails | undefined): string {
  if (details === undefined) return '';
  try {
    const text = JSON.stringify(details);
    return text.length > 8_000 ? `${text.slice(0, 8_000)}…` : text;
  } catch {
    return '"(details could not be written)"';
  }
}

export async function openFileLog(options: FileLogOptions): Promise<AppLog> {
  const { default: electronLog } = await import('electron-log/node');
  // Its own instance: the library's default one is shared by whatever else imports it.
  const logger = electronLog.create({ logId: `openlines-inspector:${options.file}` });
  fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: 0o700 });
  logger.transports.file.resolvePathFn = () => options.file;
  logger.transports.file.maxSize = MAX_LOG_BYTES;
  logger.transports.file.level = 'warn';
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.transports.file.writeOptions = { encoding: 'utf8', flag: 'a', mode: 0o600 };
  logger.transports.console.level = false;
  if (options.echo) {
    const echo = options.echo;
    const echoTransport = Object.assign((message: { level: string; data: unknown[] }) => {
      echo.write(`[${message.level}] ${message.data.map(String).join(' ')}\n`);
    }, { level: 'info' as const, transforms: [] });
    logger.transports.echo = echoTransport as unknown as (typeof logger.transports)[string];
  }
  // Runs before every transport: nothing unscrubbed reaches the file or the terminal.
  logger.hooks.push((message) => {
    // Asked once a line: unsealing every account's secrets is not free.
    const secrets = options.secrets?.() ?? [];
    return { ...message, data: message.data.map((item) => scrubLogText(typeof item === 'string' ? item : String(item), secrets)) };
  });
  const write = (level: 'error' | 'warn' | 'info') => (event: string, details?: LogDetails) => {
    try {
      logger[level](event, detailsText(details));
    } catch {
      // A log that cannot be written (a full disk) must never fail what it describes.
    }
  };
  return { error: write('error'), warn: write('warn'), info: write('info') };
}

// openlines-inspector: the app's lookup from a terminal, on the same core.
// (index.ts is the executable entry; this module is importable without side effects.)
// Errors go to stderr with the app's own wording; stdout carries only results,
// so `--json` output can be piped.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { defaultDataDir } from '../core/data-dir';
import type { LookupResult } from '../core/dialog-types';
import { errorEnvelope, toEnvelope, type ErrorEnvelope } from '../core/errors';
import type { NumberAs } from '../core/identifier';
import { lookupDialog } from '../core/lookup';
import { parseWebhookUrl } from '../core/webhook';
import type { Emulator } from '../emulator/index';
import { createWebhookClient, type PortalClient } from '../rest/portal-client';
import { formatError, formatLookup } from './format-human';

const USAGE = `Usage:
  openlines-inspector lookup <identifier>... (--webhook URL | --demo) [options]

Looks up Bitrix24 Open Lines dialogs and prints everything the portal knows
about each, decoded.

Identifiers:
  1777                  a chat id (or a session id with --as session)
  chat1777              a dialog id
  livechat|1|1373|211   a user code (a leading imol| is accepted)

Options:
  --webhook URL         inbound webhook, https://<portal>/rest/<user>/<key>/
                        (or set OPENLINES_WEBHOOK, which keeps the key out of
                        your shell history)
  --demo                use the built-in demo portal (no account needed)
  --as chat|session     how a bare number is read (default: chat)
  --json                print JSON: one object per identifier, in an array
  --timeout SECONDS     give up on a request after this long (default: 60)
  --data-dir DIR        the app's data folder (default: ${defaultDataDir()});
                        the CLI keeps nothing there yet: history and the
                        offline cache will live there
  -h, --help            show this help
  -v, --version         print the version

Exit status: 0 when every lookup succeeded, 1 when any failed, 2 on a usage error.
A portal behind a private certificate authority works through NODE_EXTRA_CA_CERTS.`;

const VERSION = packageJson.version;

class UsageError extends Error {}

interface Options {
  ids: string[];
  webhook: string | null;
  demo: boolean;
  numberAs: NumberAs;
  json: boolean;
  timeoutMs: number;
  dataDir: string;
  dataDirGiven: boolean;
}

function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        webhook: { type: 'string' },
        demo: { type: 'boolean', default: false },
        as: { type: 'string', default: 'chat' },
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...ids] = positionals;
  if (command === undefined) throw new UsageError('No command given.');
  if (command !== 'lookup') throw new UsageError(`Unknown command "${command}". The command is "lookup".`);
  if (ids.length === 0) throw new UsageError('Give at least one identifier to look up.');
  if (values.as !== 'chat' && values.as !== 'session') throw new UsageError('--as takes "chat" or "session".');
  const webhook = values.webhook ?? env.OPENLINES_WEBHOOK ?? null;
  if (values.demo && values.webhook) throw new UsageError('Use either --webhook or --demo, not both.');
  if (!values.demo && !webhook) throw new UsageError('Say which portal to ask: --webhook URL (or OPENLINES_WEBHOOK), or --demo.');
  let timeoutMs = 60_000;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw new UsageError('--timeout takes a number of seconds between 0 and 600.');
    timeoutMs = seconds * 1000;
  }
  return {
    ids,
    webhook: values.demo ? null : webhook,
    demo: values.demo,
    numberAs: values.as,
    json: values.json,
    timeoutMs,
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir(env)),
    dataDirGiven: values['data-dir'] !== undefined,
  };
}

type Outcome = { input: string; ok: true; result: LookupResult } | { input: string; ok: false; error: ErrorEnvelope };

function toJson(outcome: Outcome): unknown {
  if (!outcome.ok) return { input: outcome.input, ok: false, error: outcome.error };
  const { sections: _sections, ...result } = outcome.result;
  return { input: outcome.input, ok: true, ...result };
}

async function openClient(options: Options): Promise<{ client: PortalClient; demo: Emulator | null }> {
  if (options.demo) {
    const { startEmulator } = await import('../emulator/index');
    const demo = await startEmulator({ recordRequests: false });
    const client = createWebhookClient(parseWebhookUrl(demo.webhookUrl()), {
      demo: true,
      extraCertificates: [demo.certificate],
      timeoutMs: options.timeoutMs,
    });
    return { client, demo };
  }
  return { client: createWebhookClient(parseWebhookUrl(options.webhook ?? ''), { timeoutMs: options.timeoutMs }), demo: null };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let options: Options | 'help' | 'version';
  try {
    options = parseCommandLine(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    out.write(`${VERSION}\n`);
    return 0;
  }

  if (options.dataDirGiven) {
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch {
      err.write(`${formatError(null, errorEnvelope('INVALID_ARGUMENT', { message: 'The data folder cannot be created.', action: 'Choose a writable folder with --data-dir.' }))}\n`);
      return 2;
    }
  }

  let connection: { client: PortalClient; demo: Emulator | null };
  try {
    connection = await openClient(options);
  } catch (error) {
    const envelope = toEnvelope(error);
    err.write(`${formatError(null, envelope)}\n`);
    // A malformed --webhook is a usage error; a demo that cannot start is not.
    return envelope.code === 'INVALID_WEBHOOK_URL' ? 2 : 1;
  }

  const outcomes: Outcome[] = [];
  try {
    for (const input of options.ids) {
      try {
        outcomes.push({ input, ok: true, result: await lookupDialog(connection.client, input, options.numberAs) });
      } catch (error) {
        const envelope = toEnvelope(error);
        outcomes.push({ input, ok: false, error: envelope });
        err.write(`${formatError(input, envelope)}\n`);
      }
      const last = outcomes.at(-1);
      if (!options.json && last?.ok) out.write(`${outcomes.length > 1 ? '\n' : ''}${formatLookup(last.result)}\n`);
    }
  } finally {
    connection.client.close();
    await connection.demo?.close();
  }
  if (options.json) out.write(`${JSON.stringify(outcomes.map(toJson), null, 2)}\n`);
  return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
}

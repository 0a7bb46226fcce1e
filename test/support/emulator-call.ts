// Raw HTTPS calls to the emulator, as a client that is not ours would make
// them (any method, body, content type or path), and the emulators a test
// file starts, closed after each test.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { afterEach } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions, type EmulatorWebhook } from '../../main/emulator/index';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface CallOptions {
  webhook?: EmulatorWebhook;
  /** Raw body; default: JSON of params. */
  body?: string;
  contentType?: string;
  httpMethod?: 'GET' | 'POST';
  /** Path after the webhook URL; default: the method. */
  path?: string;
  /** Full URL, overriding everything. */
  url?: string;
  timeoutMs?: number;
}

/** A start function for this test file: each emulator it starts is closed after the test. `defaults` go to every start. */
export function startedEmulators(defaults: EmulatorOptions = {}): (options?: EmulatorOptions) => Promise<Emulator> {
  const running: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  return async (options = {}) => {
    const emulator = await startEmulator({ ...defaults, ...options });
    running.push(emulator);
    return emulator;
  };
}

export function callEmulator(
  emulator: Emulator,
  method: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<Reply> {
  const url = options.url ?? emulator.webhookUrl(options.webhook) + (options.path ?? method);
  const body = options.body ?? (options.httpMethod === 'GET' ? '' : JSON.stringify(params));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.httpMethod ?? 'POST',
        ca: emulator.certificate,
        agent: false,
        headers: body === '' ? {} : { 'content-type': options.contentType ?? 'application/json' },
        ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
      },
      (res) => readReply(res, resolve, reject),
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** A whole answer read: its status, headers, text, and JSON when it is JSON. */
export function readReply(res: IncomingMessage, resolve: (reply: Reply) => void, reject: (error: Error) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('error', reject);
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
  });
}

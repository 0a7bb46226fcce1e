// A portal that misbehaves on purpose, as a user's network can: a real HTTPS
// server on 127.0.0.1 that answers `scope` and the documented dialog like
// Bitrix24 until a test hands it a misbehaviour for imopenlines.dialog.get.
// Beside it, a bystander: another host (plain HTTP and HTTPS) that records
// whatever reaches it, so a test can prove a redirect sent it nothing.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import documented from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { emulatorCertificate } from '../../main/emulator/certificate';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What a dialog.get request asked, and the raw exchange to answer on. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The JSON body as sent (the SDK posts JSON). */
  params: Record<string, unknown>;
}

export type Misbehaviour = (exchange: Exchange) => void;

export interface HostilePortal {
  origin: string;
  certificate: string;
  /** Every request that reached the portal, dialog.get and scope alike. */
  received: Received[];
  webhookUrl(key: string, userId?: number): string;
  /** From now on requests for `method` (dialog.get unless said) get this; `behave()` restores Bitrix24's answers. */
  misbehave(misbehaviour: Misbehaviour, method?: string): void;
  behave(): void;
  close(): Promise<void>;
}

export const DOCUMENTED_DIALOG = documented.result;

export function timeBlock(): Record<string, unknown> {
  const now = Date.now() / 1000;
  return { start: now, finish: now + 0.01, duration: 0.01, processing: 0.005, date_start: new Date().toISOString(), date_finish: new Date().toISOString(), operating: 0, operating_reset_at: Math.floor(now) + 600 };
}

function asked(params: Record<string, unknown>): boolean {
  return (
    params.CHAT_ID === 1777 ||
    params.DIALOG_ID === 'chat1777' ||
    params.SESSION_ID === 343 ||
    params.USER_CODE === 'livechat|22|1775|599'
  );
}

/** Bitrix24's own answers: the scope list, the documented dialog, ACCESS_ERROR for anything else. */
function answerAsBitrix(method: string, params: Record<string, unknown>, res: ServerResponse): void {
  const json = (status: number, value: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
  };
  if (method === 'scope') return json(200, { result: ['imopenlines', 'im', 'crm'], time: timeBlock() });
  if (method === 'imopenlines.dialog.get' && asked(params)) return json(200, { result: DOCUMENTED_DIALOG, time: timeBlock() });
  json(400, { error: 'ACCESS_ERROR', error_description: 'You do not have access to the specified dialog' });
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function record(req: IncomingMessage, body: string): Received {
  return { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
}

/** Tracks sockets so close() never waits for a connection a misbehaviour left open on purpose. */
function closable(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** `certificate` defaults to the emulator's; pass another to present a certificate the client does not trust. */
export async function startHostilePortal(certificate?: { key: string; cert: string }): Promise<HostilePortal> {
  const pem = certificate ?? (await emulatorCertificate());
  const received: Received[] = [];
  let misbehaviour: { act: Misbehaviour; method: string } | null = null;
  const server = createHttpsServer({ key: pem.key, cert: pem.cert }, async (req, res) => {
    const body = await readAll(req);
    received.push(record(req, body));
    const method = /\/([a-z0-9_.]+?)(?:\.json)?$/i.exec(new URL(req.url ?? '/', 'https://x').pathname)?.[1] ?? '';
    let params: Record<string, unknown> = {};
    try {
      params = JSON.parse(body || '{}') as Record<string, unknown>;
    } catch {
      // A form body: the misbehaviour does not care.
    }
    if (misbehaviour && method === misbehaviour.method) return misbehaviour.act({ req, res, params });
    answerAsBitrix(method, params, res);
  });
  const close = closable(server);
  const port = await listen(server);
  const origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    certificate: pem.cert,
    received,
    webhookUrl: (key, userId = 5) => `${origin}/rest/${userId}/${key}/`,
    misbehave(act, method = 'imopenlines.dialog.get') {
      misbehaviour = { act, method };
    },
    behave() {
      misbehaviour = null;
    },
    close,
  };
}

export interface Bystander {
  /** http://localhost:<port>, a host the portal is not. */
  httpOrigin: string;
  httpPort: number;
  /** https://localhost:<port>, with the same certificate the client trusts: only the missing redirect keeps it out. */
  httpsOrigin: string;
  received: Received[];
  close(): Promise<void>;
}

/** Another host, answering every request with the documented dialog renamed, so that any answer of its that is shown or kept is caught. */
export async function startBystander(): Promise<Bystander> {
  const pem = await emulatorCertificate();
  const received: Received[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    received.push(record(req, await readAll(req)));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result: { ...DOCUMENTED_DIALOG, name: 'BYSTANDER ANSWER' }, time: timeBlock() }));
  };
  const http = createHttpServer(handler);
  const https = createHttpsServer({ key: pem.key, cert: pem.cert }, handler);
  const closers = [closable(http), closable(https)];
  const [httpPort, httpsPort] = await Promise.all([listen(http), listen(https)]);
  return {
    httpOrigin: `http://localhost:${httpPort}`,
    httpPort,
    httpsOrigin: `https://localhost:${httpsPort}`,
    received,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}

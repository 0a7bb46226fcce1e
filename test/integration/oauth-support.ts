// Shared by the OAuth integration tests: a browser's part (load a page, read
// its redirect) and a bare REST call with an access token, over real sockets.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net from 'node:net';
import { inspectorError } from '../../main/core/error-codes';
import { emulatorCertificate } from '../../main/emulator/certificate';
import { startEmulator, type Emulator, type EmulatorOAuthApp, type EmulatorOptions } from '../../main/emulator/index';
import { startSignIn } from '../../main/oauth/sign-in-flow';
import { createTokenClient, type OAuthTokens, type TokenClient } from '../../main/oauth/token-client';
import { errorFromAnswer } from '../../main/rest/answer-reading';
export { rejection } from '../support/inspector-errors';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** GET over http or https (trusting `ca`), one connection per request, as a fresh browser tab would. */
export function get(url: string, options: { ca?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    };
    const common = { agent: false as const, headers: options.headers ?? {} };
    const req = url.startsWith('https:')
      ? httpsRequest(url, { ...common, ...(options.ca ? { ca: options.ca } : {}) }, onResponse)
      : httpRequest(url, common, onResponse);
    req.on('error', reject);
    req.end();
  });
}

/** What a browser does with the authorize URL: the portal's answer, and where it sends the browser. */
export async function openAuthorizePage(url: string, ca: string): Promise<string> {
  const page = await get(url, { ca });
  const location = page.headers.location;
  if (page.status !== 302 || typeof location !== 'string') throw new Error(`authorize answered ${page.status} without a redirect`);
  return location;
}

/** https://<portal>/rest/scope?auth=<token>, with the portal's errors as our InspectorError. */
export async function callScope(origin: string, ca: string, accessToken: string): Promise<string[]> {
  const reply = await get(`${origin}/rest/scope?auth=${encodeURIComponent(accessToken)}`, { ca });
  const body: unknown = JSON.parse(reply.text);
  if (reply.status === 200) return (body as { result: string[] }).result;
  throw errorFromAnswer(body, reply.status) ?? inspectorError('NOT_BITRIX_JSON');
}

/** Resolves with the connection error, or null when something accepted the connection. */
export function connectError(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** 'pending' when the promise has not settled by the next turn of the event loop. */
export function settledYet(promise: Promise<unknown>): Promise<'settled' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'settled' as const,
      () => 'settled' as const,
    ),
    new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending'))),
  ]);
}

/** Resolves with 'pending' when the promise is still unsettled after `ms`: long enough for an answer already sent to arrive. */
export function stillPendingAfter(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'settled' as const,
      () => 'settled' as const,
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

export interface ReceivedRequest {
  method: string;
  url: string;
  body: string;
  res: ServerResponse;
}

/** A hand-driven HTTPS server on 127.0.0.1 (a hostile token server, or a bystander that must hear nothing). */
export interface LocalHttpsServer {
  origin: string;
  port: number;
  /** The emulator's: valid for 127.0.0.1 and localhost. */
  certificate: string;
  /** TCP connections accepted, whether or not a request followed. */
  readonly connections: number;
  readonly received: ReceivedRequest[];
  /** The next request with its body read, answered (or not) by the test through `res`. */
  nextRequest(): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

export async function startLocalHttps(): Promise<LocalHttpsServer> {
  const { key, cert } = await emulatorCertificate();
  const received: ReceivedRequest[] = [];
  const unclaimed: ReceivedRequest[] = [];
  const waiters: Array<(request: ReceivedRequest) => void> = [];
  let connections = 0;
  const server = createHttpsServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), res };
      received.push(request);
      const waiter = waiters.shift();
      if (waiter) waiter(request);
      else unclaimed.push(request);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    port,
    certificate: cert,
    get connections() {
      return connections;
    },
    received,
    nextRequest: () => {
      const waiting = unclaimed.shift();
      return waiting ? Promise.resolve(waiting) : new Promise((resolve) => waiters.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A token answer as oauth.bitrix.info gives it, with recognisable tokens. */
export function tokenAnswer(memberId = 'a'.repeat(32)): Record<string, unknown> {
  return {
    access_token: `access${'1'.repeat(60)}`,
    expires_in: 3600,
    scope: 'imopenlines,im,crm,user_brief',
    client_endpoint: 'https://portal.example/rest/',
    member_id: memberId,
    user_id: 1,
    refresh_token: `refresh${'2'.repeat(60)}`,
  };
}

export function answerJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** A local application installed on the emulated portal, with recognisable secrets. */
export const APP: EmulatorOAuthApp = {
  clientId: 'local.65f0a1b2c3d4e5.12345678',
  clientSecret: 'Secr3tOfTheLocalApp0000000000000000000000000000',
  scopes: ['imopenlines', 'im', 'crm', 'user_brief'],
};

export interface SignedIn {
  portal: Emulator;
  client: TokenClient;
  tokens: OAuthTokens;
}

/** A signed-in account, the way the app gets one: the whole browser round trip. The caller closes `portal`. */
export async function signIn(emulatorOptions: EmulatorOptions = {}): Promise<SignedIn> {
  const portal = await startEmulator({ rateLimit: false, ...emulatorOptions, oauth: { apps: [APP], ...emulatorOptions.oauth } });
  const options = { serverOrigin: portal.oauth.serverOrigin, extraCertificates: [portal.certificate] };
  const flow = await startSignIn({
    portal: portal.origin,
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    oauthServer: options.serverOrigin,
    extraCertificates: options.extraCertificates,
    port: 0,
  });
  await get(await openAuthorizePage(flow.authorizeUrl, portal.certificate));
  const { tokens } = await flow.result;
  const client = createTokenClient({ clientId: APP.clientId, clientSecret: APP.clientSecret, ...options });
  return { portal, client, tokens };
}

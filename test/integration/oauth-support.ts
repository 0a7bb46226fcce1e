// Shared by the OAuth integration tests: a browser's part (load a page, read
// its redirect) and a bare REST call with an access token, over real sockets.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import net from 'node:net';
import { inspectorError } from '../../main/core/errors';
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

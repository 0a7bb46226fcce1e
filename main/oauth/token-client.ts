// Steps 3 and 4 of Bitrix24's OAuth (https://apidocs.bitrix24.com/settings/oauth/index.html): the authorization server
// (oauth.bitrix.info, not the portal) turns a code or a refresh token into a
// new access/refresh pair. The client secret goes only here.
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { inspectorError, InspectorError, withoutSecrets, type ErrorCode } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { errorFromTransport } from '../rest/answer-reading';

export const DEFAULT_OAUTH_SERVER = 'https://oauth.bitrix.info';
/** A code lives 30 s, so an exchange that takes longer is lost anyway. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** A token answer is a few hundred bytes; anything far bigger is not one. */
const MAX_ANSWER_BYTES = 256 * 1024;

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /**
   * Unix ms on this computer's clock (now + expires_in). Informational: the
   * docs say to refresh on expired_token, not ahead of time or on a timer.
   */
  accessExpiresAt: number;
  scope: string[];
  /** Identifies the portal, whatever its address. */
  memberId: string;
  /** https://<portal>/rest/ as the server reports it; calls go to the portal the user chose, not blindly here. */
  clientEndpoint: string | undefined;
  userId: number | undefined;
}

export interface TokenClientOptions {
  clientId: string;
  clientSecret: string;
  /** Default DEFAULT_OAUTH_SERVER; the emulator's serverOrigin in tests. */
  serverOrigin?: string;
  /** The only certificates to trust (the emulator's); left out, Node's store and NODE_EXTRA_CA_CERTS apply. */
  extraCertificates?: string[];
  /** The whole of each request (connect, headers, body); default 30 s. */
  timeoutMs?: number;
  /** For tests. Default Date.now. */
  now?: () => number;
}

export interface TokenRequestOptions {
  signal?: AbortSignal;
}

export interface TokenClient {
  readonly serverOrigin: string;
  /** Exchange at once: the code lives 30 s and works once. */
  exchangeCode(code: string, options?: TokenRequestOptions): Promise<OAuthTokens>;
  /** The old refresh token stops working as soon as this succeeds: persist the answer before anything else. */
  refresh(refreshToken: string, options?: TokenRequestOptions): Promise<OAuthTokens>;
}

/** The server's origin, https only: it receives the client secret. */
export function parseServerOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw inspectorError('OAUTH_INVALID_SERVER', { message: messages().errors.oauth.serverNotWebAddress });
  }
  if (url.protocol !== 'https:' || url.username || url.password) throw inspectorError('OAUTH_INVALID_SERVER');
  return url.origin;
}

const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/** Loose: Bitrix24 adds fields (expires, status, domain…) we do not need. */
const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: count,
  scope: z.string().nullish(),
  member_id: z.string().min(1),
  client_endpoint: z.string().nullish(),
  user_id: count.nullish(),
});

const oauthErrorSchema = z.looseObject({
  error: z.string().min(1),
  error_description: z.string().nullish(),
});

type Grant = { grant_type: 'authorization_code'; code: string } | { grant_type: 'refresh_token'; refresh_token: string };

export function createTokenClient(options: TokenClientOptions): TokenClient {
  const serverOrigin = parseServerOrigin(options.serverOrigin ?? DEFAULT_OAUTH_SERVER);
  const host = new URL(serverOrigin).host;
  const tokenUrl = `${serverOrigin}/oauth/token/`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const agent =
    options.extraCertificates && options.extraCertificates.length > 0 ? new https.Agent({ ca: [...options.extraCertificates] }) : undefined;

  const request = async (grant: Grant, requestOptions: TokenRequestOptions): Promise<OAuthTokens> => {
    // POST with a form body, as the official SDK sends it: the documented GET would put
    // the client secret and the code into every proxy's and server's access log.
    const body = new URLSearchParams({ ...grant, client_id: options.clientId, client_secret: options.clientSecret }).toString();
    try {
      const { status, text, contentType } = await post(tokenUrl, body, { agent, timeoutMs, signal: requestOptions.signal, host });
      return readTokenAnswer(text, status, contentType, grant.grant_type, now());
    } catch (error) {
      // The server's description may echo what it was sent, and a redirect's host is the server's to choose.
      const sent = [options.clientSecret, grant.grant_type === 'authorization_code' ? grant.code : grant.refresh_token];
      throw error instanceof InspectorError ? withoutSecrets(error, sent) : error;
    }
  };

  return {
    serverOrigin,
    exchangeCode: (code, requestOptions = {}) => request({ grant_type: 'authorization_code', code }, requestOptions),
    refresh: (refreshToken, requestOptions = {}) => request({ grant_type: 'refresh_token', refresh_token: refreshToken }, requestOptions),
  };
}

/** Exported for unit tests: every answer a server or a proxy can give, without a network. */
export function readTokenAnswer(
  text: string,
  status: number,
  contentType: string | undefined,
  grantType: Grant['grant_type'],
  nowMs: number,
): OAuthTokens {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const page = /html/i.test(contentType ?? '') || text.trimStart().startsWith('<');
    const said = messages().errors.oauth;
    throw inspectorError('OAUTH_BAD_ANSWER', {
      status,
      message: text.trim() === '' ? said.serverEmptyBody(status) : page ? said.serverWebPage(status) : said.serverNotJson(status),
    });
  }
  const failure = oauthErrorSchema.safeParse(value);
  if (failure.success) throw oauthError(failure.data.error, failure.data.error_description ?? undefined, status, grantType);
  if (status < 200 || status > 299) {
    throw inspectorError('OAUTH_BAD_ANSWER', { status, message: messages().errors.oauth.serverNoErrorCode(status) });
  }
  const parsed = tokenAnswerSchema.safeParse(value);
  if (!parsed.success) {
    // Field names only: the values may be tokens.
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '?')))].join(', ');
    throw inspectorError('OAUTH_BAD_ANSWER', { status, message: messages().errors.oauth.serverGarbled(fields) });
  }
  const answer = parsed.data;
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessExpiresAt: nowMs + answer.expires_in * 1000,
    scope: (answer.scope ?? '').split(/[,\s]+/).filter(Boolean),
    memberId: answer.member_id,
    clientEndpoint: answer.client_endpoint ?? undefined,
    userId: answer.user_id ?? undefined,
  };
}

function oauthError(code: string, description: string | undefined, status: number, grantType: Grant['grant_type']): InspectorError {
  const extras = { status, ...(description ? { portalDescription: description.slice(0, 500) } : {}) };
  if (code === 'invalid_grant') {
    return inspectorError('OAUTH_SIGN_IN_AGAIN', {
      ...extras,
      ...(grantType === 'authorization_code'
        ? { message: messages().errors.oauth.codeRefused, action: messages().errors.oauth.codeRefusedAction }
        : {}),
    });
  }
  if (code === 'invalid_client') return inspectorError('OAUTH_INVALID_CLIENT', extras);
  return inspectorError('OAUTH_REFUSED', { ...extras, message: messages().errors.oauth.serverRefusedWith(code.slice(0, 100)) });
}

/**
 * The network codes of answer-reading.ts, worded for the sign-in server: the
 * catalogue's own sentences speak of the portal, and the browser's page shows
 * the title as well as the message.
 */
function signInServerWords(code: ErrorCode, host: string): { title?: string; message: string; action?: string } | undefined {
  const said = messages().errors.oauth;
  switch (code) {
    case 'PORTAL_UNREACHABLE':
      return { title: said.serverUnreachableTitle, message: said.serverUnreachable(host), action: said.serverUnreachableAction };
    case 'TIMEOUT':
      return { title: said.serverTimeoutTitle, message: said.serverTimeout(host) };
    case 'TLS_ERROR':
      return { message: said.serverTls(host) };
    case 'CONNECTION_RESET':
      return { message: said.serverReset(host) };
    default:
      return undefined;
  }
}

/** The catalogue's title belongs to the code; this error happened elsewhere. */
function retitled(error: InspectorError, title: string | undefined): InspectorError {
  return title === undefined ? error : new InspectorError({ ...error.envelope, title }, { cause: error.cause });
}

function transportError(error: NodeJS.ErrnoException, host: string): InspectorError {
  if (error.name === 'AbortError' || error.code === 'ABORT_ERR') return inspectorError('OAUTH_CANCELLED', {}, error);
  const code = errorFromTransport(error.code, error.message).envelope.code;
  const words = signInServerWords(code, host);
  return retitled(inspectorError(code, words ?? {}, error), words?.title);
}

/** Where a redirect pointed, as scheme://host[:port] only: its path and query may carry the code. */
function redirectTarget(location: string | undefined, base: string): string | undefined {
  if (!location) return undefined;
  try {
    const target = new URL(location, base);
    return target.host !== '' && target.host.length <= 260 ? `${target.protocol}//${target.host}` : undefined;
  } catch {
    return undefined;
  }
}

function redirectRefused(status: number, location: string | undefined, base: string): InspectorError {
  const said = messages().errors.oauth;
  const target = redirectTarget(location, base);
  const refused = inspectorError('REDIRECT_REFUSED', {
    status,
    message: target === undefined ? said.serverRedirectNowhere(status) : said.serverRedirect(status, target),
    action: said.serverRedirectAction,
  });
  return retitled(refused, said.serverRedirectTitle);
}

interface PostOptions {
  agent: https.Agent | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  host: string;
}

function post(url: string, body: string, options: PostOptions): Promise<{ status: number; text: string; contentType: string | undefined }> {
  return new Promise((resolve, reject) => {
    let deadline: NodeJS.Timeout | undefined;
    const fail = (error: NodeJS.ErrnoException): void => {
      clearTimeout(deadline);
      reject(transportError(error, options.host));
    };
    const refuse = (error: InspectorError): void => {
      clearTimeout(deadline);
      req.destroy();
      reject(error);
    };
    const req = https.request(
      url,
      {
        method: 'POST',
        ...(options.agent ? { agent: options.agent } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
        },
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        // https.request never follows a redirect; read on, a 3xx would pass for a broken answer
        // and hide that the server tried to send the secret's request somewhere else.
        if (status >= 300 && status <= 399) {
          refuse(redirectRefused(status, res.headers.location, url));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            refuse(inspectorError('OAUTH_BAD_ANSWER', { status, message: messages().errors.oauth.serverTooBig }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status, text: Buffer.concat(chunks).toString('utf8'), contentType: res.headers['content-type'] });
        });
      },
    );
    // One deadline for connecting, the headers and the body together: req.setTimeout only
    // notices a quiet socket, so a server dripping a byte at a time would never trip it.
    deadline = setTimeout(() => {
      fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
      req.destroy();
    }, options.timeoutMs);
    req.on('error', fail);
    req.end(body);
  });
}

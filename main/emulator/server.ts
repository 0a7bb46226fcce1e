// The HTTPS front of the emulated portal: URL and auth handling, injected
// faults, the portal-wide rate limit, then method dispatch. Everything a
// client can observe goes through here, in the order a real portal applies it.
// It also mounts the OAuth routes: the portal's authorize page and the
// authorization server's token endpoint, which in production live on another
// host (oauth.bitrix.info) and here share this one.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type {
  Emulator,
  EmulatorFault,
  EmulatorOptions,
  EmulatorRequest,
  EmulatorTokenRequest,
  EmulatorWebhook,
  FaultOptions,
} from './emulator-types';
import { emulatorCertificate } from './certificate';
import { DEMO_WEBHOOK, demoDataset } from './dataset';
import { demoLines } from './demo-lines';
import { demoLiveDialogs } from './demo-live-dialogs';
import { demoSessions } from './demo-transcripts';
import { DialogIndex } from './dialog-get';
import { callMethod, type Portal } from './dispatch';
import { FaultQueue, htmlPage } from './faults';
import type { HttpAnswer } from './http-answer';
import { LeakyBucket } from './leaky-bucket';
import { OperatingBudget } from './operating-ledger';
import { authorizeRoute } from './oauth-authorize';
import { tokenRoute } from './oauth-token';
import { OAuthTokens } from './oauth-tokens';
import { phpJson } from './php-json';
import { normaliseMethod, requestParams } from './request-params';
import { errorBody, restError, type RestError } from './rest-errors';
import { SessionStore } from './session-store';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const { key, cert } = await emulatorCertificate();
  const startedAt = Date.now() / 1000;
  const webhooks: EmulatorWebhook[] = (options.webhooks ?? [DEMO_WEBHOOK]).map((w) => ({
    userId: w.userId,
    key: w.key,
    scopes: [...w.scopes],
  }));
  // The live dialogs are dated back from the moment the demo starts, to the minute.
  const liveNow = options.liveNow ?? Math.floor(Date.now() / 60_000) * 60;
  const index = new DialogIndex(options.dialogs ?? [...demoDataset(), ...demoLiveDialogs(liveNow)]);
  const portal: Portal = {
    index,
    // Built on the first history call: the demo's transcripts include a 5,000-message session.
    sessions: new SessionStore(index, () => options.sessions ?? demoSessions(options.dialogs)),
    lines: options.lines ?? demoLines(),
    budget: new OperatingBudget(options.operatingLimitSeconds ?? 480, options.operatingCostSeconds ?? 0.05),
    imInstalled: options.imInstalled ?? true,
    legacySessionHistory: options.legacySessionHistory ?? false,
    // A demo dated from liveNow keeps its "waiting for 12 minutes" as real time passes.
    now: () => liveNow + Math.floor(Date.now() / 1000 - startedAt),
  };
  const rateLimit = options.rateLimit ?? { burst: 50, drainPerSecond: 2 };
  const rateLimitClock = options.rateLimitClock;
  const bucket =
    rateLimit === false
      ? null
      : new LeakyBucket(rateLimit.burst, rateLimit.drainPerSecond, rateLimitClock ? () => rateLimitClock.now() : Date.now);
  const latencyMs = options.latencyMs ?? 0;
  const faults = new FaultQueue();
  const requests: EmulatorRequest[] = [];
  const tokens = new OAuthTokens(options.oauth);
  const tokenRequests: EmulatorTokenRequest[] = [];
  const recordRequests = options.recordRequests ?? true;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `https://${HOST}`);
    const segments = url.pathname.split('/').filter((s) => s !== '');
    const oauthRoute = segments[0] === 'oauth' && segments.length === 2 ? segments[1] : undefined;
    if (segments[0] !== 'rest' && oauthRoute !== 'authorize' && oauthRoute !== 'token') {
      sendHtml(res, 404);
      return;
    }
    const body = await readBody(req);
    if (body === 'aborted') return;
    if (body === 'too-large') {
      sendHtml(res, 413);
      req.socket.destroy();
      return;
    }
    if (latencyMs > 0) await delay(latencyMs);
    if (closed) return;
    // The portal's own time on the call, from here to the answer written: what a bench subtracts to see ours.
    const answering = performance.now();

    if (oauthRoute === 'authorize') {
      send(res, authorizeRoute({ tokens, portalHost: host, serverHost: host }, url.searchParams));
      return;
    }
    if (oauthRoute === 'token') {
      const { answer: tokenAnswer, record } = tokenRoute(
        { tokens, serverHost: host, serverEndpoint: `${origin}/rest/`, clientEndpoint: `${origin}/rest/` },
        requestParams(url.search.slice(1), body, req.headers['content-type']),
      );
      tokenRequests.push(record);
      send(res, tokenAnswer);
      return;
    }

    // /rest/<user>/<key>/<method> for webhooks, /rest/<method> with `auth=<access token>` for OAuth.
    const oauthForm = segments.length === 2;
    const methodPath = segments.length >= 4 ? segments.slice(3).join('/') : oauthForm ? segments[1] : '';
    const method = normaliseMethod(safeDecode(methodPath ?? ''));
    const params = requestParams(url.search.slice(1), body, req.headers['content-type']);
    const accessToken = oauthForm ? params['auth'] : undefined;
    // The token is how the call authenticates, not a parameter of the method.
    if (oauthForm) delete params['auth'];
    const authenticated = oauthForm
      ? authenticateToken(accessToken)
      : authenticateWebhook(segments, webhooks);
    const auth = oauthForm ? 'oauth' : 'webhook';
    const log = (userId: number | null, status: number): void => {
      if (recordRequests) requests.push({ method, params, userId, auth: userId === null ? null : auth, status, answeredInMs: performance.now() - answering });
    };
    if ('error' in authenticated) {
      log(null, sendError(res, authenticated.error));
      return;
    }
    const caller = authenticated.caller;
    const fault = faults.take(method);
    if (fault) {
      applyFault(fault, req, res, () => answer(portal, caller, method, params), (status) => log(caller.userId, status));
      return;
    }
    if (bucket && !bucket.tryAdd()) {
      log(caller.userId, sendError(res, restError('QUERY_LIMIT_EXCEEDED')));
      return;
    }
    const { status, payload } = answer(portal, caller, method, params);
    log(caller.userId, sendJson(res, status, payload));
  };

  const authenticateToken = (token: unknown): { caller: EmulatorWebhook } | { error: RestError } => {
    if (typeof token !== 'string' || token === '') return { error: restError('NO_AUTH_FOUND') };
    const check = tokens.checkAccess(token);
    if (check.kind === 'expired') return { error: restError('expired_token') };
    if (check.kind === 'unknown') return { error: restError('invalid_token') };
    // Limits are kept per application, so the app stands in for the webhook key.
    return { caller: { userId: check.token.userId, key: `oauth:${check.token.clientId}`, scopes: [...check.token.scopes] } };
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    req.on('error', () => undefined);
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendError(res, restError('INTERNAL_SERVER_ERROR'));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that distrusts the certificate or drops mid-handshake is its own business.
  server.on('tlsClientError', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const host = `${HOST}:${port}`;
  const origin = `https://${host}`;
  const firstClientId = tokens.firstClientId();

  return {
    origin,
    port,
    certificate: cert,
    requests,
    webhookUrl(webhook?: EmulatorWebhook): string {
      const target = webhook ?? webhooks[0];
      if (!target) throw new Error('This emulator has no webhooks');
      return `${origin}/rest/${target.userId}/${encodeURIComponent(target.key)}/`;
    },
    injectFault(fault: EmulatorFault, faultOptions?: FaultOptions): void {
      faults.add(fault, faultOptions);
    },
    clearFaults(): void {
      faults.clear();
    },
    oauth: {
      tokenUrl: `${origin}/oauth/token/`,
      serverOrigin: origin,
      memberId: tokens.memberId,
      tokenRequests,
      authorizeUrl(authorize = {}): string {
        const clientId = authorize.clientId ?? firstClientId;
        if (clientId === undefined) throw new Error('This emulator has no OAuth applications');
        const url = new URL(`${origin}/oauth/authorize/`);
        url.searchParams.set('client_id', clientId);
        if (authorize.state !== undefined) url.searchParams.set('state', authorize.state);
        if (authorize.redirectUri !== undefined) url.searchParams.set('redirect_uri', authorize.redirectUri);
        return url.href;
      },
      issuedTokens: () => tokens.issued(),
      expireAccessTokens: () => tokens.expireAccessTokens(),
      expireRefreshTokens: () => tokens.expireRefreshTokens(),
    },
    updateDialog(chatId, patch, updateOptions = {}): void {
      if (!portal.index.update(chatId, patch, updateOptions.newSessionId)) throw new Error(`The emulator has no chat ${chatId}.`);
    },
    close(): Promise<void> {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hung requests never finish on their own; server.close() alone would wait for them.
      for (const socket of sockets) socket.destroy();
      return done;
    },
  };
}

function authenticateWebhook(
  segments: string[],
  webhooks: EmulatorWebhook[],
): { caller: EmulatorWebhook } | { error: RestError } {
  const webhook = webhooks.find(
    (w) => segments.length >= 3 && String(w.userId) === segments[1] && w.key === safeDecode(segments[2] ?? ''),
  );
  return webhook ? { caller: webhook } : { error: restError('NO_AUTH_FOUND') };
}

function answer(
  portal: Portal,
  webhook: EmulatorWebhook,
  method: string,
  params: Record<string, unknown>,
): { status: number; payload: unknown } {
  const outcome = callMethod(portal, webhook, method, params);
  if (!outcome.ok) return { status: outcome.error.status, payload: errorBody(outcome.error) };
  const paging = { ...(outcome.next !== undefined ? { next: outcome.next } : {}), ...(outcome.total !== undefined ? { total: outcome.total } : {}) };
  return { status: 200, payload: { result: outcome.result, ...paging, time: outcome.time } };
}

function applyFault(
  fault: EmulatorFault,
  req: IncomingMessage,
  res: ServerResponse,
  realAnswer: () => { status: number; payload: unknown },
  log: (status: number) => void,
): void {
  switch (fault.kind) {
    case 'error':
      log(sendError(res, restError(fault.code, fault.status, fault.description)));
      return;
    case 'html':
      log(sendHtml(res, fault.status ?? 502));
      return;
    case 'empty': {
      const status = fault.status ?? 200;
      res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': 0 });
      res.end();
      log(status);
      return;
    }
    case 'json-not-bitrix':
      log(sendJson(res, 200, { hello: 'world' }));
      return;
    case 'truncated': {
      // The portal did the work; the connection broke halfway through the answer.
      const full = Buffer.from(phpJson(realAnswer().payload));
      const head = `HTTP/1.1 200 OK\r\ncontent-type: ${JSON_TYPE}\r\nconnection: close\r\n\r\n`;
      // Written straight to the socket: Node's response object would add framing
      // (Content-Length or chunked) that tells the client the body is incomplete.
      req.socket.end(Buffer.concat([Buffer.from(head), full.subarray(0, Math.floor(full.length / 2))]));
      log(200);
      return;
    }
    case 'hang':
      log(0);
      return;
    case 'reset':
      log(0);
      req.socket.destroy();
      return;
    case 'redirect':
      res.writeHead(fault.status, { location: fault.location, 'content-length': 0 });
      res.end();
      log(fault.status);
      return;
  }
}

function sendJson(res: ServerResponse, status: number, payload: unknown): number {
  // phpJson, not JSON.stringify: maps keyed by ids keep the portal's order (php-json.ts).
  const text = phpJson(payload);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return status;
}

function send(res: ServerResponse, answer: HttpAnswer): number {
  switch (answer.kind) {
    case 'json': {
      const text = JSON.stringify(answer.payload);
      // Token answers must not be cached by anything in between (RFC 6749 §5.1).
      res.writeHead(answer.status, {
        'content-type': JSON_TYPE,
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
      });
      res.end(text);
      return answer.status;
    }
    case 'html':
      res.writeHead(answer.status, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(answer.html),
      });
      res.end(answer.html);
      return answer.status;
    case 'redirect':
      res.writeHead(302, { location: answer.location, 'content-length': 0 });
      res.end();
      return 302;
  }
}

function sendError(res: ServerResponse, error: RestError): number {
  return sendJson(res, error.status, errorBody(error));
}

function sendHtml(res: ServerResponse, status: number): number {
  const text = htmlPage(status);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return status;
}

/** The whole body as text, unless it is larger than any real REST call or the client gave up. */
function readBody(req: IncomingMessage): Promise<string | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve('too-large');
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // Without this an aborted upload would leave the handler waiting forever.
    req.on('close', () => resolve('aborted'));
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Step 2 of Bitrix24's OAuth (https://apidocs.bitrix24.com/settings/oauth/index.html): the portal sends the browser to
// http://127.0.0.1:<port>/oauth/callback?code=…&state=…, and this listener,
// alive only while a sign-in waits (RFC 8252 §7.3), takes the code.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspectorError, toEnvelope, type InspectorError } from '../core/error-codes';
import { inLanguage, language, type Language } from '../core/i18n';
import { messages } from '../core/messages/index';
import { CALLBACK_PAGE_HEADERS, renderCallbackPage, type CallbackPage } from './callback-page';
import { stateMatches } from './state-check';

/**
 * Fixed, because the portal may only accept the handler path registered for
 * the app, so the port must be the same every time. 31417 lies below every
 * OS's ephemeral range (Linux 32768–60999; Windows and macOS 49152–65535), so
 * no outgoing connection or port-0 listener is ever handed it; it is above
 * 1024, so needs no privileges; and it is not a port development tools
 * usually take (3000, 5173, 8080…), nor one listed in /etc/services.
 */
export const DEFAULT_CALLBACK_PORT = 31417;
export const CALLBACK_PATH = '/oauth/callback';
/** Long enough to sign in to the portal first, with two-factor authentication. */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

// 127.0.0.1, not localhost (RFC 8252 §8.3): localhost may resolve to ::1 or
// be rebound, and a literal cannot be listened on by another interface.
const HOST = '127.0.0.1';

export interface CallbackParams {
  code: string;
  /** The portal's host as the portal reports it; the token goes to the portal the user chose, not to this. */
  domain: string | undefined;
  memberId: string | undefined;
  serverDomain: string | undefined;
  /** Comma-separated, as sent. */
  scope: string | undefined;
}

export interface LoopbackOptions {
  /** The state put into the authorize URL; requests without it are refused and waited past. */
  state: string;
  /** Default DEFAULT_CALLBACK_PORT; 0 picks a free one (tests). */
  port?: number;
  /** Default DEFAULT_SIGN_IN_TIMEOUT_MS. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * What the browser's page and the errors are worded in. Default: the
   * language of the call that starts the sign-in, taken now, because a request
   * to the server is not that call and need not carry its language.
   */
  language?: Language;
  /**
   * How the sign-in ends. Given, the browser that brings the code is held
   * until this settles and then told the truth: signed in, or what went wrong.
   * A code proves nothing until the token server takes it (a wrong secret
   * fails only then), and the page waits for the sign-in's outcome rather than
   * for this code's exchange because a pasted code may win first, or the user
   * may cancel, and the page must say which. It has to settle in bounded time:
   * the sign-in's does, as every token request has a deadline. Left out, the
   * page says "signed in" as soon as the code arrives.
   */
  outcome?: Promise<unknown>;
}

export interface LoopbackListener {
  readonly port: number;
  /** http://127.0.0.1:<port>/oauth/callback */
  readonly redirectUri: string;
  /** Resolves with the first request that carries the state and a code; rejects on an error redirect, timeout, abort or close(). */
  readonly callback: Promise<CallbackParams>;
  /** Resolves once the port is released, whatever ended the wait. */
  readonly closed: Promise<void>;
  /**
   * Stops waiting (callback rejects with OAUTH_CANCELLED if still pending) and
   * releases the port; a browser held for `outcome` is answered first.
   */
  close(): Promise<void>;
}

export function callbackUri(port: number): string {
  return `http://${HOST}:${port}${CALLBACK_PATH}`;
}

function portProblem(port: number, cause: NodeJS.ErrnoException): InspectorError {
  const said = messages().errors.oauth;
  const what = cause.code === 'EACCES' ? said.portNotAllowed(port, HOST) : said.portTaken(port, HOST);
  return inspectorError('OAUTH_PORT_IN_USE', { message: what, action: said.portAction(port) }, cause);
}

export function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const requestedPort = options.port ?? DEFAULT_CALLBACK_PORT;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) {
    return Promise.reject(new RangeError(`port must be a whole number from 0 to 65535, got ${requestedPort}`));
  }
  if (options.signal?.aborted) return Promise.reject(inspectorError('OAUTH_CANCELLED'));
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const chosen = options.language ?? language();

  let resolveCallback!: (params: CallbackParams) => void;
  let rejectCallback!: (error: unknown) => void;
  const callback = new Promise<CallbackParams>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // Nobody may be listening any more (the user pasted the code instead).
  callback.catch(() => {});

  let done = false;
  let holding = false;
  let port = requestedPort;
  let timer: NodeJS.Timeout | undefined;
  const server = createServer((req, res) => inLanguage(chosen, () => handle(req, res)));
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));

  const answer = (res: ServerResponse, status: number, page: CallbackPage, then?: () => void): void => {
    res.writeHead(status, CALLBACK_PAGE_HEADERS);
    res.end(res.req.method === 'HEAD' ? undefined : renderCallbackPage(page), then);
  };

  /** Settles once, stops the timer and the abort watch, and lets the port go once the last answer is sent. */
  const finish = (settle: () => void): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    settle();
    server.close();
    server.closeIdleConnections();
  };
  const onAbort = (): void => inLanguage(chosen, () => finish(() => rejectCallback(inspectorError('OAUTH_CANCELLED'))));

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const page = messages().errors.callbackPage;
    const failed = (status: number, { title, text }: { title: string; text: string }): void =>
      answer(res, status, { title, paragraphs: [text], failed: true });
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not talk to us.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      failed(400, page.wrongAddress);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      failed(405, page.notAllowed);
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname !== CALLBACK_PATH) {
      failed(404, page.notFound);
      return;
    }
    if (done) {
      failed(410, page.ended);
      return;
    }
    const query = url.searchParams;
    if (!stateMatches(query.get('state'), options.state)) {
      // Not ours (an old tab, another attempt, or a forged link): refuse it, but a real answer may still come.
      answer(res, 400, { title: page.notCurrent.title, paragraphs: [page.notCurrent.text, page.notCurrent.action], failed: true });
      return;
    }
    const error = query.get('error');
    if (error !== null) {
      const description = (query.get('error_description') ?? '').slice(0, 500);
      const said = description ? `${error.slice(0, 100)}: ${description}` : error.slice(0, 100);
      answer(res, 400, { title: page.refused.title, paragraphs: [page.refused.portalSaid(said), page.closeThisTab], failed: true }, () =>
        server.closeAllConnections(),
      );
      finish(() =>
        rejectCallback(
          inspectorError('OAUTH_DENIED', {
            message: messages().errors.oauth.deniedWith(error.slice(0, 100)),
            ...(description ? { portalDescription: description } : {}),
          }),
        ),
      );
      return;
    }
    const code = query.get('code') ?? '';
    if (code === '') {
      answer(res, 400, { title: page.noCode.title, paragraphs: [page.noCode.text, page.closeThisTab], failed: true }, () =>
        server.closeAllConnections(),
      );
      finish(() => rejectCallback(inspectorError('OAUTH_BAD_ANSWER', { message: messages().errors.oauth.noCodeReturned })));
      return;
    }
    const optional = (name: string): string | undefined => query.get(name) ?? undefined;
    const reply = (status: number, shown: CallbackPage): void => {
      holding = false;
      answer(res, status, shown, () => server.closeAllConnections());
    };
    const signedIn: CallbackPage = { title: page.signedIn.title, paragraphs: [page.signedIn.text, page.closeThisTab] };
    if (options.outcome === undefined) {
      reply(200, signedIn);
    } else {
      holding = true;
      // Runs in this request's language: the callbacks keep the context they were attached in.
      void options.outcome.then(
        () => reply(200, signedIn),
        (error: unknown) => reply(...failurePage(error)),
      );
    }
    finish(() =>
      resolveCallback({
        code,
        domain: optional('domain'),
        memberId: optional('member_id'),
        serverDomain: optional('server_domain'),
        scope: optional('scope'),
      }),
    );
  };

  return new Promise<LoopbackListener>((resolve, reject) => {
    const onListenError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? portProblem(requestedPort, error) : error);
    };
    server.once('error', onListenError);
    // exclusive: a cluster worker must not share the port with the main process.
    server.listen({ port: requestedPort, host: HOST, exclusive: true }, () => {
      server.off('error', onListenError);
      port = (server.address() as AddressInfo).port;
      timer = setTimeout(
        () =>
          inLanguage(chosen, () =>
            finish(() => rejectCallback(inspectorError('OAUTH_TIMEOUT', { message: messages().errors.oauth.browserTimedOut(describeDuration(timeoutMs)) }))),
          ),
        timeoutMs,
      );
      options.signal?.addEventListener('abort', onAbort, { once: true });
      // Aborted while the port was being bound: the event has already fired.
      if (options.signal?.aborted) onAbort();
      resolve({
        port,
        redirectUri: callbackUri(port),
        callback,
        closed,
        close: () => {
          inLanguage(chosen, () => finish(() => rejectCallback(inspectorError('OAUTH_CANCELLED'))));
          // The held browser's connection goes once its answer is sent.
          if (!holding) server.closeAllConnections();
          return closed;
        },
      });
    });
  });
}

/** The page for a sign-in that ended without tokens; the envelope's words are already free of secrets. */
function failurePage(error: unknown): [number, CallbackPage] {
  const page = messages().errors.callbackPage;
  const { code, title, message } = toEnvelope(error);
  if (code === 'OAUTH_CANCELLED') {
    return [410, { title: page.cancelled.title, paragraphs: [page.cancelled.text, page.cancelled.goBack], failed: true }];
  }
  // 502/504: the browser's request was fine; the server behind us refused it or never answered.
  const status = code === 'TIMEOUT' ? 504 : code === 'INTERNAL' ? 500 : 502;
  return [status, { title: page.failed.title, lead: title, paragraphs: [message, page.failed.goBack], failed: true }];
}

function describeDuration(ms: number): string {
  const durations = messages().errors.durations;
  if (ms >= 60_000 && ms % 60_000 === 0) return durations.minutes(ms / 60_000);
  return durations.seconds(Math.max(1, Math.round(ms / 1000)));
}

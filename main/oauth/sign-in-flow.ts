// One sign-in, end to end: the authorize URL for the system browser, the
// loopback listener waiting for the redirect, the paste fallback beside it,
// and the code exchanged the moment it arrives (it lives 30 s). The app opens
// `authorizeUrl` with shell.openExternal; the CLI prints it and feeds stdin
// lines to `submitPastedCode`. Nothing here stores anything.
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { buildAuthorizeUrl, checkClientId, newState, parsePortalUrl, type PortalAddress } from './authorize-url';
import { DEFAULT_SIGN_IN_TIMEOUT_MS, startLoopbackListener, type CallbackParams, type LoopbackListener } from './loopback-listener';
import { readPastedCode } from './pasted-code';
import { createTokenClient, type OAuthTokens } from './token-client';

export interface SignInOptions {
  /** As the user typed it; https only. */
  portal: string;
  clientId: string;
  clientSecret: string;
  /** Default https://oauth.bitrix.info. */
  oauthServer?: string;
  /** The only certificates to trust for the token server (the emulator's in tests and the demo). */
  extraCertificates?: string[];
  /** Default DEFAULT_CALLBACK_PORT; 0 picks a free port (tests). */
  port?: number;
  /** Default true. False: no listener and no redirect_uri, the code is pasted (the portal then uses the app's registered handler or shows the code). */
  listen?: boolean;
  /** How long to wait for a code, either way. Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface SignInResult {
  portal: PortalAddress;
  /** Where the tokens were obtained and must be refreshed. */
  serverOrigin: string;
  tokens: OAuthTokens;
  via: 'loopback' | 'paste';
  /** What the portal sent along with the code; all undefined for a bare pasted code. */
  reported: Omit<CallbackParams, 'code'>;
}

export interface SignInFlow {
  /** Open in the system browser, or print. */
  readonly authorizeUrl: string;
  /** http://127.0.0.1:<port>/oauth/callback, or undefined without a listener. */
  readonly redirectUri: string | undefined;
  readonly port: number | undefined;
  /** Settles once: tokens from the first code that exchanges, or why the sign-in ended (timeout, cancel, an error redirect, a refused code from the browser). */
  readonly result: Promise<SignInResult>;
  /**
   * The fallback. Rejects with a precise error for text that is not a code, a
   * code from another attempt or a refused code, and the sign-in goes on
   * waiting, so the user can paste again.
   */
  submitPastedCode(text: string): Promise<SignInResult>;
  /** Ends the sign-in (result rejects with OAUTH_CANCELLED) and releases the port. */
  cancel(): Promise<void>;
}

export async function startSignIn(options: SignInOptions): Promise<SignInFlow> {
  // Every check before the port is taken, so a typo never leaves a listener behind.
  const portal = parsePortalUrl(options.portal);
  const clientId = checkClientId(options.clientId);
  if (options.clientSecret.trim() === '') throw inspectorError('OAUTH_INVALID_CLIENT', { message: messages().errors.oauth.clientSecretEmpty });
  const client = createTokenClient({
    clientId,
    clientSecret: options.clientSecret.trim(),
    ...(options.oauthServer !== undefined ? { serverOrigin: options.oauthServer } : {}),
    ...(options.extraCertificates ? { extraCertificates: options.extraCertificates } : {}),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  if (options.signal?.aborted) throw inspectorError('OAUTH_CANCELLED');
  const stop = new AbortController();
  const state = newState();

  let resolveResult!: (result: SignInResult) => void;
  let rejectResult!: (error: unknown) => void;
  const result = new Promise<SignInResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The caller may only ever await submitPastedCode.
  result.catch(() => {});

  let listener: LoopbackListener | undefined;
  if (options.listen !== false) {
    listener = await startLoopbackListener({
      state,
      ...(options.port !== undefined ? { port: options.port } : {}),
      timeoutMs,
      signal: stop.signal,
      // The browser learns how the whole sign-in ended, not just that a code arrived.
      outcome: result,
    });
  }

  let settled = false;
  let pastesInFlight = 0;
  // A timeout or cancel that came while a pasted code was being exchanged: used only if that exchange fails.
  let heldFailure: unknown = null;
  let timer: NodeJS.Timeout | undefined;

  const end = (): void => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    void listener?.close();
  };
  const succeed = (value: SignInResult): void => {
    if (settled) return;
    settled = true;
    end();
    resolveResult(value);
  };
  const fail = (error: unknown): void => {
    if (settled) return;
    if (pastesInFlight > 0) {
      heldFailure ??= error;
      return;
    }
    settled = true;
    end();
    stop.abort();
    rejectResult(error);
  };
  const onOuterAbort = (): void => {
    stop.abort();
    fail(inspectorError('OAUTH_CANCELLED'));
  };
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // Aborted while the port was being bound: the event has already fired.
  if (options.signal?.aborted) onOuterAbort();

  const exchange = async (code: string, via: SignInResult['via'], reported: Omit<CallbackParams, 'code'>): Promise<SignInResult> => ({
    portal,
    serverOrigin: client.serverOrigin,
    tokens: await client.exchangeCode(code, { signal: stop.signal }),
    via,
    reported,
  });

  if (listener) {
    listener.callback.then(
      ({ code, ...reported }) => exchange(code, 'loopback', reported).then(succeed, fail),
      fail,
    );
  } else {
    timer = setTimeout(
      () => fail(inspectorError('OAUTH_TIMEOUT', { message: messages().errors.oauth.pasteTimedOut })),
      timeoutMs,
    );
  }

  return {
    authorizeUrl: buildAuthorizeUrl({ portal, clientId, state, ...(listener ? { redirectUri: listener.redirectUri } : {}) }),
    redirectUri: listener?.redirectUri,
    port: listener?.port,
    result,
    async submitPastedCode(text: string): Promise<SignInResult> {
      if (settled) return result;
      const { code, stateChecked: _checked, ...reported } = readPastedCode(text, state);
      pastesInFlight += 1;
      let outcome: SignInResult;
      try {
        outcome = await exchange(code, 'paste', reported);
      } catch (error) {
        pastesInFlight -= 1;
        if (pastesInFlight === 0 && heldFailure !== null) fail(heldFailure);
        throw error;
      }
      pastesInFlight -= 1;
      succeed(outcome);
      return outcome;
    },
    async cancel(): Promise<void> {
      fail(inspectorError('OAUTH_CANCELLED'));
      stop.abort();
      await listener?.closed;
    },
  };
}

// The app's side of an OAuth 2.0 sign-in: one at a time, opened in the system
// browser (never a window of ours, RFC 8252), finished by the loopback
// redirect or a pasted code, then saved as an account and switched to. The
// renderer learns the authorize address (to copy it) and the outcome, never
// the client secret or a token.
import type { ConnectionState, OAuthBeginRequest, OAuthPending } from '../../preload/api-contract';
import type { AccountStore } from '../accounts/account-store';
import { REQUIRED_SCOPE } from '../accounts/verify-scope';
import { InspectorError, inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { startSignIn, type SignInFlow, type SignInOptions } from '../oauth/sign-in-flow';

export interface OAuthSignInDeps {
  accounts: AccountStore;
  /** shell.openExternal in the app; the address is checked here first. */
  openExternal(url: string): Promise<void>;
  /** Switches to the account just saved. */
  signedIn(accountId: string): Promise<ConnectionState>;
  /** The emulator's certificate in tests and the demo; Node's store otherwise. */
  extraCertificates?: string[];
}

interface Pending {
  flow: SignInFlow;
  name: string | undefined;
  clientId: string;
  clientSecret: string;
}

export class OAuthSignIn {
  readonly #deps: OAuthSignInDeps;
  #pending: Pending | null = null;

  constructor(deps: OAuthSignInDeps) {
    this.#deps = deps;
  }

  async begin(request: OAuthBeginRequest): Promise<OAuthPending> {
    await this.cancel();
    const options = this.#options(request);
    let flow: SignInFlow;
    try {
      flow = await startSignIn(options);
    } catch (error) {
      if (!(error instanceof InspectorError) || error.envelope.code !== 'OAUTH_PORT_IN_USE') throw error;
      // The code can still be pasted: the portal shows it, or the browser lands on an address that does not answer.
      flow = await startSignIn({ ...options, listen: false });
    }
    this.#pending = { flow, name: request.name, clientId: options.clientId, clientSecret: options.clientSecret };
    // Built here from the portal's parsed origin, https only: the only address this opens.
    const url = new URL(flow.authorizeUrl);
    if (url.protocol !== 'https:') throw inspectorError('INVALID_PORTAL_URL');
    await this.#deps.openExternal(url.href).catch(() => { // eng-disable OPEN_EXTERNAL_JS_CHECK: https, built from the portal's parsed origin above
      // No browser could be opened: the dialog shows the address to copy.
    });
    return { authorizeUrl: flow.authorizeUrl, redirectUri: flow.redirectUri ?? null };
  }

  /** Waits for the code, saves the account (or updates it, for a sign-in again) and switches to it. */
  async finish(): Promise<ConnectionState> {
    const pending = this.#pending;
    if (!pending) throw inspectorError('OAUTH_CANCELLED', { message: messages().errors.oauth.noSignIn });
    try {
      const result = await pending.flow.result;
      if (!result.tokens.scope.includes(REQUIRED_SCOPE)) {
        throw inspectorError('APPLICATION_SCOPE_MISSING', { message: messages().errors.accounts.applicationLacksScope(REQUIRED_SCOPE, result.tokens.scope) });
      }
      const account = this.#deps.accounts.addOAuth({
        origin: result.portal.origin,
        host: result.portal.host,
        clientId: pending.clientId,
        clientSecret: pending.clientSecret,
        oauthServer: result.serverOrigin,
        tokens: result.tokens,
        ...(pending.name !== undefined ? { name: pending.name } : {}),
      });
      return await this.#deps.signedIn(account.id);
    } finally {
      if (this.#pending === pending) this.#pending = null;
    }
  }

  async paste(text: string): Promise<void> {
    if (!this.#pending) throw inspectorError('OAUTH_CANCELLED', { message: messages().errors.oauth.noSignInStartAgain });
    await this.#pending.flow.submitPastedCode(text);
  }

  async cancel(): Promise<void> {
    const pending = this.#pending;
    this.#pending = null;
    await pending?.flow.cancel();
  }

  /** A new sign-in from what was typed, or a saved account signed in again with what it has. */
  #options(request: OAuthBeginRequest): SignInOptions & { clientId: string; clientSecret: string } {
    const certificates = this.#deps.extraCertificates ? { extraCertificates: this.#deps.extraCertificates } : {};
    const port = request.port !== undefined ? { port: request.port } : {};
    if (request.accountId !== undefined) {
      const account = this.#deps.accounts.get(request.accountId);
      if (account.kind !== 'oauth') throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.oauth.webhookAccount });
      const clientSecret = request.clientSecret ?? this.#savedClientSecret(account.id);
      return {
        portal: request.portal ?? account.origin,
        clientId: request.clientId ?? account.clientId!,
        clientSecret,
        oauthServer: request.oauthServer ?? account.oauthServer!,
        ...port,
        ...certificates,
      };
    }
    return {
      portal: request.portal ?? '',
      clientId: request.clientId ?? '',
      clientSecret: request.clientSecret ?? '',
      ...(request.oauthServer !== undefined && request.oauthServer.trim() !== '' ? { oauthServer: request.oauthServer.trim() } : {}),
      ...port,
      ...certificates,
    };
  }

  #savedClientSecret(id: string): string {
    const secrets = this.#deps.accounts.secrets(id);
    return secrets.kind === 'oauth' ? secrets.clientSecret : '';
  }
}

// The authorization server's token endpoint (oauth.bitrix.info/oauth/token/ in
// real life, https://apidocs.bitrix24.com/settings/oauth/index.html): exchanges a code or a refresh token for a new
// pair. Bitrix24 documents it as GET with a query string; POST bodies are read
// the same way. Error statuses follow RFC 6749 §5.2 (400, and 401 for a client
// that fails to authenticate); Bitrix24 does not document its own.
import type { EmulatorIssuedToken, EmulatorTokenRequest } from './emulator-types';
import type { GrantFailure, OAuthTokens, ResolvedApp } from './oauth-tokens';
import type { HttpAnswer } from './http-answer';

export interface TokenContext {
  tokens: OAuthTokens;
  /** https://<server>/rest/ */
  serverEndpoint: string;
  /** https://<portal>/rest/ */
  clientEndpoint: string;
  /** host:port of the authorization server, which Bitrix24 reports as `domain`. */
  serverHost: string;
}

const DESCRIPTIONS: Record<string, string> = {
  invalid_request: 'The request is missing a required parameter or has an unsupported grant_type.',
  invalid_client: 'Invalid client credentials, or the application is not installed on the portal.',
  invalid_grant: 'The authorization code or refresh token is invalid, expired or already used.',
};

export function tokenRoute(
  context: TokenContext,
  params: Record<string, unknown>,
): { answer: HttpAnswer; record: EmulatorTokenRequest } {
  const grantType = text(params['grant_type']);
  const clientId = text(params['client_id']);
  const fail = (error: 'invalid_request' | 'invalid_client' | GrantFailure) => ({
    answer: {
      kind: 'json' as const,
      status: error === 'invalid_client' ? 401 : 400,
      payload: { error, error_description: DESCRIPTIONS[error] },
    },
    record: { grantType, clientId, status: error === 'invalid_client' ? 401 : 400, error },
  });

  const app = context.tokens.app(clientId);
  if (!app || text(params['client_secret']) !== app.clientSecret) return fail('invalid_client');

  let outcome: EmulatorIssuedToken | GrantFailure;
  if (grantType === 'authorization_code') {
    const code = text(params['code']);
    if (code === '') return fail('invalid_request');
    outcome = context.tokens.redeemCode(app, code);
  } else if (grantType === 'refresh_token') {
    const refreshToken = text(params['refresh_token']);
    if (refreshToken === '') return fail('invalid_request');
    outcome = context.tokens.refresh(app, refreshToken);
  } else {
    return fail('invalid_request');
  }
  if (typeof outcome === 'string') return fail(outcome);
  return {
    answer: { kind: 'json', status: 200, payload: tokenAnswer(context, app, outcome) },
    record: { grantType, clientId, status: 200, error: null },
  };
}

/** The field order of a real answer, so clients that print it see what they would in production. */
function tokenAnswer(context: TokenContext, app: ResolvedApp, pair: EmulatorIssuedToken): Record<string, unknown> {
  const now = context.tokens.now();
  return {
    access_token: pair.accessToken,
    expires: Math.floor(pair.accessExpiresAt / 1000),
    expires_in: Math.round((pair.accessExpiresAt - now) / 1000),
    scope: pair.scopes.join(','),
    domain: context.serverHost,
    server_endpoint: context.serverEndpoint,
    status: app.status,
    client_endpoint: context.clientEndpoint,
    member_id: context.tokens.memberId,
    user_id: pair.userId,
    refresh_token: pair.refreshToken,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

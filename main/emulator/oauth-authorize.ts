// The portal's half of OAuth 2.0 (https://apidocs.bitrix24.com/settings/oauth/index.html): GET /oauth/authorize/. A real
// portal would first ask the user to sign in; the emulator's user is always
// signed in, so it decides at once: redirect with a code, show the code, or
// show an error page and redirect nowhere.
import type { OAuthTokens } from './oauth-tokens';
import { escapeHtml, type HttpAnswer } from './http-answer';

export interface AuthorizeContext {
  tokens: OAuthTokens;
  /** host:port of the portal, sent back as `domain`. */
  portalHost: string;
  /** host:port of the authorization server, sent back as `server_domain`. */
  serverHost: string;
}

export function authorizeRoute(context: AuthorizeContext, query: URLSearchParams): HttpAnswer {
  const app = context.tokens.app(query.get('client_id') ?? '');
  if (!app) {
    return errorPage('The application was not found on this Bitrix24, or it is not installed.');
  }
  const requested = query.get('redirect_uri') ?? '';
  const target = app.ignoresRedirectUri || requested === '' ? app.redirectUri : requested;
  if (target === undefined) {
    // Apps registered without a handler: the user copies the code into the app by hand.
    return codePage(context.tokens.issueCode(app));
  }
  const location = parseHttpUrl(target);
  // An open redirect to an arbitrary scheme is what a portal must never do with a fresh code.
  if (!location) return errorPage('The application’s redirect address is not a valid http(s) URL.');
  const code = context.tokens.issueCode(app);
  const params: Array<[string, string]> = [
    ['code', code],
    // Bitrix24 sends state even when it is empty.
    ['state', query.get('state') ?? ''],
    ['domain', context.portalHost],
    ['member_id', context.tokens.memberId],
    ['scope', app.scopes.join(',')],
    ['server_domain', context.serverHost],
  ];
  for (const [name, value] of params) location.searchParams.set(name, value);
  return { kind: 'redirect', location: location.href };
}

function parseHttpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

// A normal portal page that happens to carry an error, so 200 (the portal renders it in its layout).
function errorPage(message: string): HttpAnswer {
  return {
    kind: 'html',
    status: 200,
    html: page('Authorization error', `<h1>Authorization error</h1>\n<p class="error">${escapeHtml(message)}</p>`),
  };
}

function codePage(code: string): HttpAnswer {
  return {
    kind: 'html',
    status: 200,
    html: page(
      'Authorization code',
      `<h1>Copy this code into the application</h1>\n<p><code id="code">${escapeHtml(code)}</code></p>`,
    ),
  };
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n${body}\n</body></html>\n`;
}

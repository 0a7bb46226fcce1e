// Step 1 of Bitrix24's OAuth (https://apidocs.bitrix24.com/settings/oauth/index.html): the portal's authorize page, opened
// in the system browser (RFC 8252 §8.12), never in a window of ours.
import { randomBytes } from 'node:crypto';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';

export interface PortalAddress {
  /** https://host[:port], nothing after it. */
  origin: string;
  /** host[:port], as Bitrix24 reports it in `domain`. */
  host: string;
}

function refusePortal(message: string): never {
  throw inspectorError('INVALID_PORTAL_URL', { message });
}

/**
 * Accepts the address as a user copies it from the browser, any page of the
 * portal included; only its origin is kept, because the authorize page and
 * REST both live at the root.
 */
export function parsePortalUrl(raw: string): PortalAddress {
  const text = raw.trim();
  const said = messages().errors.oauth;
  if (text === '') refusePortal(said.portalNothingEntered);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    refusePortal(/^[\w.-]+\.[a-z]{2,}(:\d+)?(\/.*)?$/i.test(text) ? said.portalNeedsHttps(text.replace(/\/.*$/, '')) : said.portalNotWebAddress);
  }
  // Plain HTTP would send the code and the token where anyone on the path can read them.
  if (url.protocol === 'http:') refusePortal(said.portalPlainHttp);
  if (url.protocol !== 'https:') refusePortal(said.portalNotHttps);
  if (url.username || url.password) refusePortal(said.portalCredentials);
  if (url.hostname === '') refusePortal(said.portalNoHost);
  return { origin: url.origin, host: url.host };
}

/**
 * 256 random bits, base64url: unguessable, and safe in a query string without
 * escaping, so it survives any round trip through the portal unchanged.
 */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

export function checkClientId(clientId: string): string {
  const text = clientId.trim();
  if (text === '') throw inspectorError('OAUTH_INVALID_CLIENT', { message: messages().errors.oauth.clientIdEmpty });
  if (/[\s\u0000-\u001f\u007f]/.test(text)) {
    throw inspectorError('OAUTH_INVALID_CLIENT', { message: messages().errors.oauth.clientIdCharacters });
  }
  return text;
}

export interface AuthorizeUrlInput {
  portal: PortalAddress;
  clientId: string;
  state: string;
  /**
   * The loopback callback. Only client_id and state are documented; portals
   * that ignore redirect_uri use the handler path registered for the app.
   */
  redirectUri?: string;
}

export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  if (input.state.length < 22) throw new RangeError('state must carry at least 128 random bits');
  const url = new URL('/oauth/authorize/', input.portal.origin);
  url.searchParams.set('client_id', checkClientId(input.clientId));
  url.searchParams.set('state', input.state);
  if (input.redirectUri !== undefined) url.searchParams.set('redirect_uri', input.redirectUri);
  return url.href;
}

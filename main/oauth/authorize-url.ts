// Step 1 of Bitrix24's OAuth (brief §3b.1): the portal's authorize page, opened
// in the system browser (RFC 8252 §8.12), never in a window of ours.
import { randomBytes } from 'node:crypto';
import { inspectorError } from '../core/errors';

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
  if (text === '') refusePortal('Nothing was entered.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    refusePortal(
      /^[\w.-]+\.[a-z]{2,}(:\d+)?(\/.*)?$/i.test(text)
        ? `The address must start with https://, like https://${text.replace(/\/.*$/, '')}.`
        : 'That is not a web address.',
    );
  }
  // Plain HTTP would send the code and the token where anyone on the path can read them.
  if (url.protocol === 'http:') refusePortal('The address must start with https:// — signing in over plain HTTP is refused.');
  if (url.protocol !== 'https:') refusePortal('The address must start with https://.');
  if (url.username || url.password) refusePortal('The address must not contain a user name or password before the host.');
  if (url.hostname === '') refusePortal('The address has no host name.');
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
  if (text === '') throw inspectorError('OAUTH_INVALID_CLIENT', { message: 'The client id is empty.' });
  if (/[\s\u0000-\u001f\u007f]/.test(text)) {
    throw inspectorError('OAUTH_INVALID_CLIENT', { message: 'The client id cannot contain spaces or control characters; copy it again from the application’s settings.' });
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

// What the user types or pastes for an OAuth sign-in, and what the token
// server can answer, read without a network.
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, checkClientId, newState, parsePortalUrl } from '../../main/oauth/authorize-url';
import { readPastedCode } from '../../main/oauth/pasted-code';
import { CALLBACK_PAGE_CSP, escapeHtml, renderCallbackPage } from '../../main/oauth/callback-page';
import { parseServerOrigin, readTokenAnswer } from '../../main/oauth/token-client';
import { caught } from '../support/inspector-errors';


const STATE = newState();
const CODE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3';

describe('the portal address', () => {
  it.each([
    ['https://acme.bitrix24.com', 'https://acme.bitrix24.com', 'acme.bitrix24.com'],
    ['  https://acme.bitrix24.com/  ', 'https://acme.bitrix24.com', 'acme.bitrix24.com'],
    ['https://ACME.Bitrix24.com/crm/deal/list/?x=1#top', 'https://acme.bitrix24.com', 'acme.bitrix24.com'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443', '127.0.0.1:8443'],
  ])('%j → %s', (raw, origin, host) => {
    expect(parsePortalUrl(raw)).toEqual({ origin, host });
  });

  it.each([
    ['', /Nothing/],
    ['http://acme.bitrix24.com', /https:\/\/.*plain HTTP/],
    ['acme.bitrix24.com', /must start with https:\/\/, like https:\/\/acme\.bitrix24\.com\./],
    ['ftp://acme.bitrix24.com', /https:\/\//],
    ['https://user:pw@acme.bitrix24.com', /user name or password/],
    ['not a url at all', /not a web address/],
  ])('refuses %j', (raw, wording) => {
    const error = caught(() => parsePortalUrl(raw));
    expect(error.envelope.code).toBe('INVALID_PORTAL_URL');
    expect(error.envelope.message).toMatch(wording);
  });
});

describe('the authorize URL', () => {
  it('carries client_id, state and redirect_uri on the portal’s /oauth/authorize/', () => {
    const url = new URL(
      buildAuthorizeUrl({
        portal: parsePortalUrl('https://acme.bitrix24.com/'),
        clientId: ' local.65f0a1b2c3d4e5.12345678 ',
        state: STATE,
        redirectUri: 'http://127.0.0.1:31417/oauth/callback',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://acme.bitrix24.com/oauth/authorize/');
    expect([...url.searchParams.keys()]).toEqual(['client_id', 'state', 'redirect_uri']);
    expect(url.searchParams.get('client_id')).toBe('local.65f0a1b2c3d4e5.12345678');
    expect(url.searchParams.get('state')).toBe(STATE);
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:31417/oauth/callback');
  });

  it('leaves redirect_uri out when there is no listener', () => {
    const url = new URL(buildAuthorizeUrl({ portal: parsePortalUrl('https://acme.bitrix24.com'), clientId: 'app.1', state: STATE }));
    expect(url.searchParams.has('redirect_uri')).toBe(false);
  });

  it('makes a fresh url-safe state of at least 128 bits each time', () => {
    const states = new Set(Array.from({ length: 200 }, () => newState()));
    expect(states.size).toBe(200);
    for (const state of states) {
      expect(state).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(state, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
  });

  it('refuses a short state and an empty or spaced client id', () => {
    expect(() => buildAuthorizeUrl({ portal: parsePortalUrl('https://a.bitrix24.com'), clientId: 'x', state: 'abc' })).toThrow(RangeError);
    expect(caught(() => checkClientId('  ')).envelope.code).toBe('OAUTH_INVALID_CLIENT');
    expect(caught(() => checkClientId('local.1 2')).envelope.message).toMatch(/spaces/);
  });
});

describe('the pasted code', () => {
  const redirected = (params: Record<string, string>): string =>
    `http://127.0.0.1:31417/oauth/callback?${new URLSearchParams(params).toString()}`;

  it('takes a bare code as it is, with nothing to check', () => {
    expect(readPastedCode(`  ${CODE}\n`, STATE)).toEqual({
      code: CODE,
      domain: undefined,
      memberId: undefined,
      serverDomain: undefined,
      scope: undefined,
      stateChecked: false,
    });
    expect(readPastedCode(`"${CODE}"`, STATE).code).toBe(CODE);
  });

  it('reads code, domain and member_id from the whole redirected address, after checking state', () => {
    const pasted = readPastedCode(
      redirected({ code: CODE, state: STATE, domain: 'acme.bitrix24.com', member_id: 'abc123', scope: 'imopenlines,im', server_domain: 'oauth.bitrix.info' }),
      STATE,
    );
    expect(pasted).toEqual({
      code: CODE,
      domain: 'acme.bitrix24.com',
      memberId: 'abc123',
      serverDomain: 'oauth.bitrix.info',
      scope: 'imopenlines,im',
      stateChecked: true,
    });
  });

  it('reads a bare query string too', () => {
    expect(readPastedCode(`?code=${CODE}&state=${STATE}&domain=a.bitrix24.com`, STATE).domain).toBe('a.bitrix24.com');
  });

  it.each([
    ['another attempt’s state', () => redirected({ code: CODE, state: newState() }), 'OAUTH_STATE_MISMATCH', /another sign-in attempt/],
    ['no state', () => redirected({ code: CODE }), 'OAUTH_STATE_MISMATCH', /no state/],
    ['an empty state', () => redirected({ code: CODE, state: '' }), 'OAUTH_STATE_MISMATCH', /no state/],
    ['an error redirect', () => redirected({ error: 'access_denied', state: STATE }), 'OAUTH_DENIED', /access_denied/],
    ['an address without code', () => redirected({ state: STATE, domain: 'a.bitrix24.com' }), 'OAUTH_PASTE_NOT_RECOGNISED', /no code/],
    ['another web page', () => 'https://acme.bitrix24.com/crm/deal/', 'OAUTH_PASTE_NOT_RECOGNISED', /no code/],
    ['a path', () => 'acme.bitrix24.com/oauth/callback', 'OAUTH_PASTE_NOT_RECOGNISED', /looks like an address/],
    ['nothing', () => '   ', 'OAUTH_PASTE_NOT_RECOGNISED', /Nothing/],
    ['two words', () => `${CODE} ${CODE}`, 'OAUTH_PASTE_NOT_RECOGNISED', /without spaces/],
    ['a short word', () => 'abc', 'OAUTH_PASTE_NOT_RECOGNISED', /too short/],
    ['odd characters', () => 'abc<def>ghi!jklmnop', 'OAUTH_PASTE_NOT_RECOGNISED', /Latin letters/],
    ['a bad code in an address', () => redirected({ code: 'x<y', state: STATE }), 'OAUTH_PASTE_NOT_RECOGNISED', /not a valid/],
  ])('refuses %s', (_label, text, code, wording) => {
    const error = caught(() => readPastedCode(text(), STATE));
    expect(error.envelope.code).toBe(code);
    expect(error.envelope.message).toMatch(wording);
  });
});

describe('the page shown after the redirect', () => {
  it('escapes every text it prints', () => {
    const html = renderCallbackPage({ title: '<b>"x"</b>', paragraphs: ["<img src=x onerror='alert(1)'>", 'a & b'] });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;img src=x onerror=&#39;alert(1)&#39;&#62;');
    expect(html).toContain('a &#38; b');
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });

  it('loads nothing from outside and allows no script', () => {
    const html = renderCallbackPage({ title: 'Signed in', paragraphs: ['ok'] });
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(CALLBACK_PAGE_CSP).toMatch(/^default-src 'none'/);
    expect(CALLBACK_PAGE_CSP).not.toMatch(/unsafe-inline|script-src|\*/);
    expect(CALLBACK_PAGE_CSP).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
  });
});

describe('the token server’s answer', () => {
  const NOW = Date.parse('2026-03-01T10:00:00Z');
  const good = {
    access_token: 'acc',
    expires: 1,
    expires_in: 3600,
    scope: 'imopenlines,im',
    domain: 'oauth.bitrix.info',
    server_endpoint: 'https://oauth.bitrix.info/rest/',
    status: 'L',
    client_endpoint: 'https://acme.bitrix24.com/rest/',
    member_id: 'm1',
    user_id: 7,
    refresh_token: 'ref',
  };

  it('becomes our tokens, expiry on our clock', () => {
    expect(readTokenAnswer(JSON.stringify(good), 200, 'application/json', 'authorization_code', NOW)).toEqual({
      accessToken: 'acc',
      refreshToken: 'ref',
      accessExpiresAt: NOW + 3_600_000,
      scope: ['imopenlines', 'im'],
      memberId: 'm1',
      clientEndpoint: 'https://acme.bitrix24.com/rest/',
      userId: 7,
    });
  });

  it.each([
    ['invalid_grant on refresh', { error: 'invalid_grant' }, 400, 'refresh_token', 'OAUTH_SIGN_IN_AGAIN', /expired or was already used/],
    ['invalid_grant on a code', { error: 'invalid_grant' }, 400, 'authorization_code', 'OAUTH_SIGN_IN_AGAIN', /30 seconds/],
    ['invalid_client', { error: 'invalid_client', error_description: 'bad' }, 401, 'refresh_token', 'OAUTH_INVALID_CLIENT', /client id and secret/],
    ['an unknown error', { error: 'PAYMENT_REQUIRED' }, 402, 'refresh_token', 'OAUTH_REFUSED', /PAYMENT_REQUIRED/],
  ] as const)('%s → %s', (_label, body, status, grant, code, wording) => {
    const error = caught(() => readTokenAnswer(JSON.stringify(body), status, 'application/json', grant, NOW));
    expect(error.envelope.code).toBe(code);
    expect(error.envelope.status).toBe(status);
    expect(error.envelope.message).toMatch(wording);
  });

  it('keeps the server’s description apart from our message', () => {
    const { envelope } = caught(() =>
      readTokenAnswer('{"error":"invalid_client","error_description":"Client not found"}', 401, 'application/json', 'refresh_token', NOW),
    );
    expect(envelope.portalDescription).toBe('Client not found');
    expect(envelope.message).not.toContain('Client not found');
  });

  it.each([
    ['<html>502 Bad Gateway</html>', 'text/html', 502, /web page/],
    ['', 'application/json', 200, /empty/],
    ['{"access_tok', 'application/json', 200, /not JSON/],
    ['{"result":true}', 'application/json', 500, /HTTP 500 without an error code/],
  ])('%j (HTTP %i) → OAUTH_BAD_ANSWER', (body, type, status, wording) => {
    const { envelope } = caught(() => readTokenAnswer(body, status, type, 'refresh_token', NOW));
    expect(envelope.code).toBe('OAUTH_BAD_ANSWER');
    expect(envelope.message).toMatch(wording);
  });

  it('names the missing fields, never their values', () => {
    const { envelope } = caught(() =>
      readTokenAnswer(JSON.stringify({ ...good, refresh_token: '', member_id: undefined }), 200, 'application/json', 'refresh_token', NOW),
    );
    expect(envelope.code).toBe('OAUTH_BAD_ANSWER');
    expect(envelope.message).toMatch(/refresh_token/);
    expect(envelope.message).toMatch(/member_id/);
    expect(JSON.stringify(envelope)).not.toContain('acc');
  });

  it('accepts counts sent as strings', () => {
    const tokens = readTokenAnswer(JSON.stringify({ ...good, expires_in: '60', user_id: '3' }), 200, 'application/json', 'refresh_token', NOW);
    expect(tokens.accessExpiresAt).toBe(NOW + 60_000);
    expect(tokens.userId).toBe(3);
  });

  it('sends the client secret to https servers only', () => {
    expect(parseServerOrigin('https://oauth.bitrix.info/')).toBe('https://oauth.bitrix.info');
    for (const raw of ['http://oauth.bitrix.info', 'oauth.bitrix.info', 'https://u:p@oauth.bitrix.info']) {
      expect(caught(() => parseServerOrigin(raw)).envelope.code, raw).toBe('OAUTH_INVALID_SERVER');
    }
  });
});

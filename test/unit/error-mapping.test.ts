import { describe, expect, it } from 'vitest';
import { shownCode } from '../../main/core/error-envelope';
import { APP_ERRORS, errorEnvelope, inspectorError, PORTAL_ERRORS, toEnvelope, withoutSecrets } from '../../main/core/error-codes';
import { errorFromAnswer, errorFromTransport, nestingDepth, readBody } from '../../main/rest/answer-reading';
import { caught } from '../support/inspector-errors';

// The brief's §2 table, plus the method's own codes and the operating limit.
const DOCUMENTED = [
  ['ACCESS_ERROR', 400],
  ['IM_NOT_INSTALLED', 400],
  ['INTERNAL_SERVER_ERROR', 500],
  ['ERROR_UNEXPECTED_ANSWER', 500],
  ['QUERY_LIMIT_EXCEEDED', 503],
  ['ERROR_BATCH_METHOD_NOT_ALLOWED', 405],
  ['ERROR_BATCH_LENGTH_EXCEEDED', 400],
  ['NO_AUTH_FOUND', 401],
  ['INVALID_REQUEST', 400],
  ['OVERLOAD_LIMIT', 503],
  ['ACCESS_DENIED', 403],
  ['INVALID_CREDENTIALS', 403],
  ['ERROR_MANIFEST_IS_NOT_AVAILABLE', 404],
  ['insufficient_scope', 403],
  ['expired_token', 401],
  ['user_access_error', 403],
  ['PORTAL_DELETED', 500],
  ['OPERATION_TIME_LIMIT', 429],
] as const;


describe('every documented Bitrix24 error code', () => {
  it.each(DOCUMENTED)('%s (HTTP %i) keeps its code and gets its own explanation', (code, status) => {
    const error = errorFromAnswer({ error: code, error_description: 'raw portal text' }, status);
    expect(error).not.toBeNull();
    const envelope = error!.envelope;
    expect(envelope.code).toBe(code);
    expect(envelope.status).toBe(status);
    expect(envelope.portalDescription).toBe('raw portal text');
    expect(envelope.title).toBe(PORTAL_ERRORS[code].title);
    // The portal's description is shown as "portal said", never as our message.
    expect(envelope.message).not.toBe('raw portal text');
    expect(envelope.action.length).toBeGreaterThan(10);
  });

  it('gives every code a different title', () => {
    const titles = Object.values({ ...PORTAL_ERRORS, ...APP_ERRORS }).map((entry) => entry.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('words ACCESS_ERROR for not found, no access and a wrong id at once', () => {
    const { message, action } = PORTAL_ERRORS.ACCESS_ERROR;
    expect(message).toMatch(/does not exist/);
    expect(message).toMatch(/not an open-line dialog/);
    expect(message).toMatch(/may not open/);
    expect(action).toMatch(/chat\/session/);
  });

  it('branches on the code, not the status: both 503s differ in retry advice', () => {
    const limit = errorFromAnswer({ error: 'QUERY_LIMIT_EXCEEDED' }, 503)!.envelope;
    const overload = errorFromAnswer({ error: 'OVERLOAD_LIMIT' }, 503)!.envelope;
    expect(limit.retryable).toBe(true);
    expect(overload.retryable).toBe(false);
    expect(overload.action).toMatch(/support/);
  });

  it('keeps an unknown portal code, explained generically', () => {
    const envelope = errorFromAnswer({ error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' }, 404)!.envelope;
    expect(envelope.code).toBe('PORTAL_ERROR');
    expect(envelope.portalCode).toBe('ERROR_METHOD_NOT_FOUND');
    expect(shownCode(envelope)).toBe('ERROR_METHOD_NOT_FOUND');
    expect(envelope.title).toBe(APP_ERRORS.PORTAL_ERROR.title);
    expect(envelope.portalDescription).toBe('Method not found!');
  });

  it('never reads an explanation off the object prototype', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const envelope = errorFromAnswer({ error: code }, 400)!.envelope;
      expect(envelope.code).toBe('PORTAL_ERROR');
      expect(envelope.portalCode).toBe(code);
      expect(envelope.title).toBe(APP_ERRORS.PORTAL_ERROR.title);
      expect(typeof envelope.message).toBe('string');
    }
  });

  it('accepts an error answer whose description is null', () => {
    const envelope = errorFromAnswer({ error: 'ACCESS_ERROR', error_description: null }, 400)!.envelope;
    expect(envelope.code).toBe('ACCESS_ERROR');
    expect(envelope).not.toHaveProperty('portalDescription');
  });

  it('is not fooled by bodies that are not error answers', () => {
    expect(errorFromAnswer({ result: 1 }, 200)).toBeNull();
    expect(errorFromAnswer('ACCESS_ERROR', 400)).toBeNull();
    expect(errorFromAnswer({ error: '' }, 400)).toBeNull();
    expect(errorFromAnswer({ error: { code: 1 } }, 400)).toBeNull();
  });
});

describe('answers that are not Bitrix24 JSON', () => {
  it('parses a real answer', () => {
    expect(readBody('{"result":{"id":1},"time":{"start":1}}', 'application/json', 200)).toEqual({ result: { id: 1 }, time: { start: 1 } });
    expect(readBody('{"error":"ACCESS_ERROR"}', 'application/json', 400)).toEqual({ error: 'ACCESS_ERROR' });
  });

  it.each([
    ['', 'application/json', 200, 'EMPTY_RESPONSE'],
    ['   \n', 'application/json', 200, 'EMPTY_RESPONSE'],
    ['', 'text/html', 502, 'EMPTY_RESPONSE'],
    ['<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html', 502, 'NOT_BITRIX_JSON'],
    ['<!DOCTYPE html><title>Sign in</title>', 'text/html; charset=utf-8', 200, 'NOT_BITRIX_JSON'],
    ['<html>', 'application/json', 200, 'NOT_BITRIX_JSON'],
    ['{"result":{"id":1777,"name":"Gre', 'application/json', 200, 'TRUNCATED_RESPONSE'],
    ['[1,2', 'application/json', 200, 'TRUNCATED_RESPONSE'],
    ['Service Unavailable', 'text/plain', 503, 'NOT_BITRIX_JSON'],
    ['{"hello":"world"}', 'application/json', 200, 'NOT_BITRIX_JSON'],
    ['[1,2,3]', 'application/json', 200, 'NOT_BITRIX_JSON'],
    ['"just a string"', 'application/json', 200, 'NOT_BITRIX_JSON'],
    ['null', 'application/json', 200, 'NOT_BITRIX_JSON'],
  ])('%j (%s, HTTP %i) → %s', (body, type, status, code) => {
    const error = caught(() => readBody(body, type, status));
    expect(error.envelope.code).toBe(code);
    expect(error.envelope.status).toBe(status);
  });

  it('names the status of a proxy page', () => {
    const error = caught(() => readBody('<html>Bad Gateway</html>', 'text/html', 502));
    expect(error.envelope.message).toMatch(/web page/);
    expect(error.envelope.message).toMatch(/HTTP 502/);
  });
});

describe('failures with no answer', () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', 'PORTAL_UNREACHABLE', /refused/],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere.invalid', 'PORTAL_UNREACHABLE', /DNS/],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN', 'PORTAL_UNREACHABLE', /DNS/],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH', 'PORTAL_UNREACHABLE', /unreachable/],
    ['ECONNABORTED', 'timeout of 60000ms exceeded', 'TIMEOUT', /too long/],
    ['ETIMEDOUT', 'connect ETIMEDOUT', 'TIMEOUT', /too long/],
    [undefined, 'Request timeout exceeded', 'TIMEOUT', /too long/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'TLS_ERROR', /certificate/],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in chain', 'TLS_ERROR', /certificate/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify', 'TLS_ERROR', /certificate/],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'TLS_ERROR', /certificate/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'TLS_ERROR', /certificate/],
    ['EPROTO', 'wrong version number', 'TLS_ERROR', /certificate/],
    ['ECONNRESET', 'socket hang up', 'CONNECTION_RESET', /closed before/],
    [undefined, 'socket hang up', 'CONNECTION_RESET', /closed before/],
  ])('%s (%s) → %s', (code, message, expected, wording) => {
    const { envelope } = errorFromTransport(code, message);
    expect(envelope.code).toBe(expected);
    expect(envelope.message).toMatch(wording);
  });

  it('mentions NODE_EXTRA_CA_CERTS for certificate problems', () => {
    expect(errorFromTransport('SELF_SIGNED_CERT_IN_CHAIN', '').envelope.action).toMatch(/NODE_EXTRA_CA_CERTS/);
  });
});

describe('the envelope', () => {
  it('is plain, cloneable data', () => {
    const envelope = errorEnvelope('ACCESS_ERROR', { status: 400, portalDescription: 'x' });
    expect(structuredClone(envelope)).toEqual(envelope);
    expect(Object.getPrototypeOf(envelope)).toBe(Object.prototype);
  });

  it('never lets an unexpected error text through', () => {
    const envelope = toEnvelope(new Error('https://portal/rest/1/secretkey/ failed'));
    expect(envelope.code).toBe('INTERNAL');
    expect(JSON.stringify(envelope)).not.toContain('secretkey');
  });
});

describe('withoutSecrets', () => {
  it('scrubs a secret a portal echoed into its words, keeping the code, the status and the cause', () => {
    const cause = new Error('underlying');
    const echoed = inspectorError('NO_AUTH_FOUND', { status: 401, portalDescription: 'Wrong authorization data KEY123abc', message: 'Refused KEY123abc and TOKENzz' }, cause);
    const clean = withoutSecrets(echoed, ['KEY123abc', 'TOKENzz', '']);
    expect(clean.envelope).toMatchObject({ code: 'NO_AUTH_FOUND', status: 401, portalDescription: 'Wrong authorization data •••', message: 'Refused ••• and •••' });
    expect(clean.cause).toBe(cause);
    expect(clean.message).not.toContain('KEY123abc');
  });

  it('returns the very same error when there is nothing to scrub', () => {
    const plain = inspectorError('ACCESS_ERROR', { status: 400 });
    expect(withoutSecrets(plain, ['KEY123abc'])).toBe(plain);
  });
});

describe('how deep an answer nests, counted in its text', () => {
  it('counts objects and arrays, and nothing inside strings, however their quotes are escaped', () => {
    expect(nestingDepth('{"result":{"a":[1,{"b":[]}]}}')).toBe(5);
    expect(nestingDepth('{"text":"[[[{{{ not structure }}}]]]"}')).toBe(1);
    // An escaped quote does not end the string; an escaped backslash before a quote does not escape it.
    expect(nestingDepth('{"a":"say \\"[[[\\" twice","b":[[1]]}')).toBe(3);
    expect(nestingDepth('{"a":"ends in a backslash \\\\","b":[[[1]]]}')).toBe(4);
    expect(nestingDepth('{"a":"three \\\\\\"[[","b":[1]}')).toBe(2);
  });

  it('stops past the limit, and reads an unclosed string to the end', () => {
    expect(nestingDepth('['.repeat(100) + ']'.repeat(100), 64)).toBe(65);
    expect(nestingDepth('{"a":"[[[[[[')).toBe(1);
  });
});

// The fallback when the loopback redirect cannot happen (the port is taken,
// the portal only knows another handler path, the browser is on another
// machine): the user pastes the code, or the whole address the browser was
// sent to.
import { inspectorError } from '../core/errors';
import type { CallbackParams } from './loopback-listener';
import { stateMatches } from './state-check';

export interface PastedCode extends CallbackParams {
  /** A bare code carries no state to check; an address does, and it was checked. */
  stateChecked: boolean;
}

function refuse(message: string): never {
  throw inspectorError('OAUTH_PASTE_NOT_RECOGNISED', { message });
}

// Bitrix24 codes are 70 hex digits today; allow any URL-safe token, since the length is not documented.
const CODE = /^[A-Za-z0-9._~-]{16,512}$/;

export function readPastedCode(raw: string, expectedState: string): PastedCode {
  // Terminals and chat apps wrap long lines in quotes or angle brackets.
  const text = raw.trim().replace(/^["'<]+|["'>]+$/g, '');
  if (text === '') refuse('Nothing was pasted.');
  const query = queryOf(text);
  if (query !== null) return fromQuery(query, expectedState);
  if (/\s/.test(text)) refuse('The code is one word without spaces; paste just the code, or the whole address from the browser.');
  if (text.includes('/')) {
    refuse('That looks like an address, but not the one the portal sends the browser to after signing in (it contains ?code=).');
  }
  if (!CODE.test(text)) {
    refuse(
      text.length < 16
        ? 'That is too short to be an authorization code.'
        : text.length > 512
          ? 'That is too long to be an authorization code.'
          : 'An authorization code has only Latin letters, digits and - . _ ~.',
    );
  }
  return { code: text, domain: undefined, memberId: undefined, serverDomain: undefined, scope: undefined, stateChecked: false };
}

/** The query of a pasted address, or of a bare `code=…&state=…`; null when the text is neither. */
function queryOf(text: string): URLSearchParams | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      refuse('That looks like an address but cannot be read as one; copy it again from the browser’s address bar.');
    }
    return url.searchParams;
  }
  const bare = text.startsWith('?') ? text.slice(1) : text;
  return /(^|&)(code|error|state)=/.test(bare) ? new URLSearchParams(bare) : null;
}

function fromQuery(query: URLSearchParams, expectedState: string): PastedCode {
  const error = query.get('error');
  const code = query.get('code') ?? '';
  if (error === null && code === '') {
    refuse('That address has no code in it. Copy the address the browser shows after signing in (it contains code=), or just the code.');
  }
  const state = query.get('state');
  if (state === null || state === '') {
    throw inspectorError('OAUTH_STATE_MISMATCH', {
      message: 'That address has no state, so it cannot be told apart from a forged one. Paste just the code instead, or sign in again.',
    });
  }
  if (!stateMatches(state, expectedState)) {
    throw inspectorError('OAUTH_STATE_MISMATCH', {
      message: 'That address is from another sign-in attempt (its state does not match this one), so its code was not used.',
    });
  }
  if (error !== null) {
    const description = (query.get('error_description') ?? '').slice(0, 500);
    throw inspectorError('OAUTH_DENIED', {
      message: `The portal sent the browser back with the error “${error.slice(0, 100)}” instead of an authorization code.`,
      ...(description ? { portalDescription: description } : {}),
    });
  }
  if (!CODE.test(code)) refuse('The code in that address is not a valid authorization code; copy the whole address again.');
  const optional = (name: string): string | undefined => query.get(name) ?? undefined;
  return {
    code,
    domain: optional('domain'),
    memberId: optional('member_id'),
    serverDomain: optional('server_domain'),
    scope: optional('scope'),
    stateChecked: true,
  };
}

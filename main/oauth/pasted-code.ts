// The fallback when the loopback redirect cannot happen (the port is taken,
// the portal only knows another handler path, the browser is on another
// machine): the user pastes the code, or the whole address the browser was
// sent to.
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
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
  const said = messages().errors.oauth;
  if (text === '') refuse(said.nothingPasted);
  const query = queryOf(text);
  if (query !== null) return fromQuery(query, expectedState);
  if (/\s/.test(text)) refuse(said.pastedSpaces);
  if (text.includes('/')) refuse(said.pastedOtherAddress);
  if (!CODE.test(text)) refuse(text.length < 16 ? said.codeTooShort : text.length > 512 ? said.codeTooLong : said.codeCharacters);
  return { code: text, domain: undefined, memberId: undefined, serverDomain: undefined, scope: undefined, stateChecked: false };
}

/** The query of a pasted address, or of a bare `code=…&state=…`; null when the text is neither. */
function queryOf(text: string): URLSearchParams | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      refuse(messages().errors.oauth.addressUnreadable);
    }
    return url.searchParams;
  }
  const bare = text.startsWith('?') ? text.slice(1) : text;
  return /(^|&)(code|error|state)=/.test(bare) ? new URLSearchParams(bare) : null;
}

function fromQuery(query: URLSearchParams, expectedState: string): PastedCode {
  const error = query.get('error');
  const code = query.get('code') ?? '';
  const said = messages().errors.oauth;
  if (error === null && code === '') refuse(said.addressWithoutCode);
  const state = query.get('state');
  if (state === null || state === '') throw inspectorError('OAUTH_STATE_MISMATCH', { message: said.addressWithoutState });
  if (!stateMatches(state, expectedState)) throw inspectorError('OAUTH_STATE_MISMATCH', { message: said.addressFromOtherAttempt });
  if (error !== null) {
    const description = (query.get('error_description') ?? '').slice(0, 500);
    throw inspectorError('OAUTH_DENIED', {
      message: said.deniedWith(error.slice(0, 100)),
      ...(description ? { portalDescription: description } : {}),
    });
  }
  if (!CODE.test(code)) refuse(said.addressCodeInvalid);
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

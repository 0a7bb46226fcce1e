// Inbound webhook URLs: https://<portal>/rest/<userId>/<key>/. The key is a
// password: it is parsed here once, kept in main, and never echoed back in a
// message, a log line or anything the renderer receives.
import { inspectorError, scrubSecrets } from './error-codes';
import { messages } from './messages/index';

export interface Webhook {
  /** https origin of the portal, with a port when one was given. */
  origin: string;
  host: string;
  userId: number;
  key: string;
}

function refuse(message: string): never {
  throw inspectorError('INVALID_WEBHOOK_URL', { message });
}

/**
 * Accepts the URL as Bitrix24 shows it, with or without the trailing slash,
 * and also the sample call it prints under it (…/rest/1/key/profile.json).
 */
export function parseWebhookUrl(raw: string): Webhook {
  const text = raw.trim();
  const said = messages().errors.webhook;
  if (text === '') refuse(said.nothingEntered);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    refuse(said.notUrl);
  }
  if (url.protocol === 'http:') refuse(said.plainHttp);
  if (url.protocol !== 'https:') refuse(said.notHttps);
  if (url.username || url.password) refuse(said.credentials);
  const parts = url.pathname.split('/').filter(Boolean);
  // `/rest/api/<id>/<key>` is the REST v3 spelling of the same webhook.
  const rest = parts[0] === 'rest' && parts[1] === 'api' ? parts.slice(2) : parts[0] === 'rest' ? parts.slice(1) : null;
  if (!rest) refuse(said.notRestPath);
  const [userPart, key, method, ...extra] = rest;
  if (!userPart || !key) refuse(said.missingParts);
  if (!/^\d+$/.test(userPart) || Number(userPart) === 0) refuse(said.userIdNotNumber);
  if (!/^[A-Za-z0-9]+$/.test(key)) refuse(said.keyCharacters);
  if (extra.length > 0 || (method !== undefined && !/^[a-z0-9_.]+$/i.test(method))) refuse(said.extraParts);
  return { origin: url.origin, host: url.host, userId: Number(userPart), key };
}

/** Removes a webhook key from any text (an error message from a library, say) before it leaves main. */
export function scrubSecret(text: string, secret: string): string {
  return scrubSecrets(text, [secret]);
}

// Inbound webhook URLs: https://<portal>/rest/<userId>/<key>/. The key is a
// password: it is parsed here once, kept in main, and never echoed back in a
// message, a log line or anything the renderer receives.
import { inspectorError, scrubSecrets } from './errors';

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
  if (text === '') refuse('Nothing was entered.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    refuse('That is not a URL.');
  }
  if (url.protocol === 'http:') refuse('The URL must start with https:// — Bitrix24 refuses REST calls over plain HTTP.');
  if (url.protocol !== 'https:') refuse('The URL must start with https://.');
  if (url.username || url.password) refuse('The URL must not contain a user name or password before the host.');
  const parts = url.pathname.split('/').filter(Boolean);
  // `/rest/api/<id>/<key>` is the REST v3 spelling of the same webhook.
  const rest = parts[0] === 'rest' && parts[1] === 'api' ? parts.slice(2) : parts[0] === 'rest' ? parts.slice(1) : null;
  if (!rest) refuse('The path must start with /rest/, like https://your-portal.bitrix24.com/rest/1/abc123xyz/.');
  const [userPart, key, method, ...extra] = rest;
  if (!userPart || !key) refuse('The URL must end with /rest/<user id>/<webhook key>/.');
  if (!/^\d+$/.test(userPart) || Number(userPart) === 0) refuse('The part after /rest/ must be the user id, a number such as 1.');
  if (!/^[A-Za-z0-9]+$/.test(key)) refuse('The webhook key may contain only Latin letters and digits.');
  if (extra.length > 0 || (method !== undefined && !/^[a-z0-9_.]+$/i.test(method))) {
    refuse('The URL has extra parts after the webhook key; copy it exactly as Bitrix24 shows it.');
  }
  return { origin: url.origin, host: url.host, userId: Number(userPart), key };
}

/** Removes a webhook key from any text (an error message from a library, say) before it leaves main. */
export function scrubSecret(text: string, secret: string): string {
  return scrubSecrets(text, [secret]);
}

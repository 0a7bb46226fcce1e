import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/error-codes';
import { parseWebhookUrl, scrubSecret } from '../../main/core/webhook';

const KEY = 'k3y0secret0value';

function refusal(input: string): InspectorError {
  try {
    parseWebhookUrl(input);
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error(`${input} was accepted`);
}

describe('inbound webhook URLs', () => {
  it.each([
    [`https://example.bitrix24.com/rest/1/${KEY}/`, 'https://example.bitrix24.com', 1],
    [`https://example.bitrix24.com/rest/1/${KEY}`, 'https://example.bitrix24.com', 1],
    [`  https://b24-ab12.bitrix24.ru/rest/27/${KEY}/profile.json `, 'https://b24-ab12.bitrix24.ru', 27],
    [`https://crm.example.org:8443/rest/5/${KEY}/`, 'https://crm.example.org:8443', 5],
    [`https://example.bitrix24.com/rest/api/3/${KEY}/`, 'https://example.bitrix24.com', 3],
  ])('%s is accepted', (url, origin, userId) => {
    const webhook = parseWebhookUrl(url);
    expect(webhook.origin).toBe(origin);
    expect(webhook.userId).toBe(userId);
    expect(webhook.key).toBe(KEY);
  });

  it.each([
    ['', /Nothing was entered/],
    ['example.bitrix24.com/rest/1/abc/', /not a URL/],
    [`http://example.bitrix24.com/rest/1/${KEY}/`, /https:\/\/.*plain HTTP/],
    [`ftp://example.bitrix24.com/rest/1/${KEY}/`, /must start with https/],
    [`https://example.bitrix24.com/1/${KEY}/`, /must start with \/rest\//],
    ['https://example.bitrix24.com/rest/1/', /\/rest\/<user id>\/<webhook key>/],
    [`https://example.bitrix24.com/rest/admin/${KEY}/`, /user id, a number/],
    [`https://example.bitrix24.com/rest/0/${KEY}/`, /user id, a number/],
    ['https://example.bitrix24.com/rest/1/bad-key!/', /Latin letters and digits/],
    [`https://example.bitrix24.com/rest/1/${KEY}/profile.json/more`, /extra parts/],
    [`https://user:pass@example.bitrix24.com/rest/1/${KEY}/`, /user name or password/],
  ])('%j is refused (%s)', (url, message) => {
    const error = refusal(url);
    expect(error.envelope.code).toBe('INVALID_WEBHOOK_URL');
    expect(error.envelope.message).toMatch(message);
  });

  it('never repeats the key in a refusal', () => {
    for (const url of [`http://example.bitrix24.com/rest/1/${KEY}/`, `https://example.bitrix24.com/rest/x/${KEY}/`, `https://example.bitrix24.com/rest/1/${KEY}/a/b`]) {
      const { envelope } = refusal(url);
      expect(JSON.stringify(envelope)).not.toContain(KEY);
    }
  });

  it('scrubs the key from any text', () => {
    expect(scrubSecret(`POST https://example.bitrix24.com/rest/1/${KEY}/x failed (${KEY})`, KEY)).not.toContain(KEY);
    expect(scrubSecret('nothing here', '')).toBe('nothing here');
  });
});

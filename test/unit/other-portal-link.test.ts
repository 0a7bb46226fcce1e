// A pasted Bitrix24 link keeps its host, and a link to another portal than
// the connected one is refused before anything is asked.
import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/error-codes';
import { inLanguage } from '../../main/core/i18n';
import { parseIdentifier } from '../../main/core/identifier';
import { refuseLinkToOtherPortal, type SavedPortal } from '../../main/core/other-portal-link';
import { normalHost, sameHost } from '../../main/core/portal-host';
import type { PortalInfo } from '../../main/core/dialog-types';

const SUPPORT: PortalInfo = { origin: 'https://support.bitrix24.com', host: 'support.bitrix24.com', demo: false };
const DEMO: PortalInfo = { origin: 'https://127.0.0.1:40123', host: '127.0.0.1:40123', demo: true };
const SAVED: SavedPortal[] = [
  { id: 'a1', name: 'Support', host: 'support.bitrix24.com' },
  { id: 'b2', name: 'Sales team', host: 'sales.bitrix24.com' },
];

function refusal(run: () => void): InspectorError {
  try {
    run();
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the host of a pasted link', () => {
  it.each([
    ['https://sales.bitrix24.com/online/?IM_DIALOG=chat2001', 'sales.bitrix24.com'],
    ['HTTPS://Sales.Bitrix24.COM/online/?IM_DIALOG=chat2001', 'sales.bitrix24.com'],
    ['http://sales.bitrix24.com:80/online/?IM_DIALOG=chat2001', 'sales.bitrix24.com'],
    ['https://crm.example.org:8443/online/?IM_DIALOG=livechat|1|1373|211', 'crm.example.org:8443'],
    ['https://sales.bitrix24.com./online/?IM_DIALOG=chat2001', 'sales.bitrix24.com.'],
  ])('%s → %s', (input, host) => {
    expect(parseIdentifier(input, 'chat').linkHost).toBe(host);
  });

  it('is not there for an identifier typed without a link', () => {
    for (const input of ['chat2001', '2001', 'livechat|1|1373|211']) {
      expect(parseIdentifier(input, 'chat')).not.toHaveProperty('linkHost');
      expect(parseIdentifier(input, 'session')).not.toHaveProperty('linkHost');
    }
  });
});

describe('the same portal', () => {
  it.each([
    ['support.bitrix24.com', 'support.bitrix24.com'],
    ['Support.Bitrix24.com', 'support.bitrix24.COM'],
    ['support.bitrix24.com.', 'support.bitrix24.com'],
    ['support.bitrix24.com:443', 'support.bitrix24.com'],
    ['support.bitrix24.com:80', 'support.bitrix24.com.:443'],
    ['crm.example.org:8443', 'CRM.example.org.:8443'],
    ['[::1]:8443', '[::1]:8443'],
  ])('%s is %s', (a, b) => {
    expect(sameHost(a, b)).toBe(true);
    expect(sameHost(b, a)).toBe(true);
  });

  it.each([
    ['sales.bitrix24.com', 'support.bitrix24.com'],
    ['support.bitrix24.com', 'support.bitrix24.de'],
    ['crm.example.org:8443', 'crm.example.org'],
    ['crm.example.org:8443', 'crm.example.org:9443'],
    ['127.0.0.1:40123', '127.0.0.1:40124'],
    ['evil.support.bitrix24.com', 'support.bitrix24.com'],
    ['support.bitrix24.com.evil.org', 'support.bitrix24.com'],
  ])('%s is not %s', (a, b) => {
    expect(sameHost(a, b)).toBe(false);
  });

  it('writes a host one way', () => {
    expect(normalHost(' Support.Bitrix24.com.:443 ')).toBe('support.bitrix24.com');
    expect(normalHost('[::1]:80')).toBe('[::1]');
    expect(normalHost('crm.example.org:8443')).toBe('crm.example.org:8443');
  });
});

describe('a link to another portal', () => {
  const link = (host: string) => parseIdentifier(`https://${host}/online/?IM_DIALOG=chat2001`, 'chat');

  it('passes a typed identifier and a link to the connected portal, however its host is written', () => {
    expect(() => refuseLinkToOtherPortal(parseIdentifier('chat2001', 'chat'), SUPPORT, SAVED, 'window')).not.toThrow();
    expect(() => refuseLinkToOtherPortal(link('SUPPORT.bitrix24.com.'), SUPPORT, SAVED, 'window')).not.toThrow();
    expect(() => refuseLinkToOtherPortal(link('support.bitrix24.com:443'), SUPPORT, [], 'terminal')).not.toThrow();
  });

  it('is refused naming both hosts, offering the saved account of its host', () => {
    const refused = refusal(() => refuseLinkToOtherPortal(link('Sales.bitrix24.com'), SUPPORT, SAVED, 'window')).envelope;
    expect(refused).toMatchObject({ code: 'LINK_OTHER_PORTAL', title: 'Link to another portal', retryable: false, otherAccount: { id: 'b2', name: 'Sales team' } });
    expect(refused.message).toBe(
      'This link is to a dialog on sales.bitrix24.com, but lookups go to support.bitrix24.com, where the same id may be another client’s dialog. Nothing was looked up.',
    );
    expect(refused.action).toBe('Look it up with "Sales team", your saved account for sales.bitrix24.com.');
  });

  it('says no account for its host is connected when none is saved, and offers none', () => {
    const refused = refusal(() => refuseLinkToOtherPortal(link('x.bitrix24.com'), SUPPORT, SAVED, 'window')).envelope;
    expect(refused).not.toHaveProperty('otherAccount');
    expect(refused.action).toMatch(/^No account for x\.bitrix24\.com is connected\. Add it from the portal menu \(Add or manage portals…\)/);
  });

  it('names --account in the terminal', () => {
    const offered = refusal(() => refuseLinkToOtherPortal(link('sales.bitrix24.com'), SUPPORT, SAVED, 'terminal')).envelope;
    expect(offered.action).toBe('Run the lookup again with --account "Sales team", your saved account for sales.bitrix24.com.');
    const none = refusal(() => refuseLinkToOtherPortal(link('x.bitrix24.com'), SUPPORT, SAVED, 'terminal')).envelope;
    expect(none.action).toMatch(/^No saved account is for x\.bitrix24\.com\. Save one with openlines-inspector login/);
  });

  it('is refused on the demo portal, which it calls by that name', () => {
    const refused = refusal(() => refuseLinkToOtherPortal(link('support.bitrix24.com'), DEMO, SAVED, 'window')).envelope;
    expect(refused.message).toContain('but lookups go to the demo portal, where');
    expect(refused.otherAccount).toEqual({ id: 'a1', name: 'Support' });
  });

  it('is said in Russian', () => {
    const refused = inLanguage('ru', () => refusal(() => refuseLinkToOtherPortal(link('sales.bitrix24.com'), DEMO, SAVED, 'terminal')).envelope);
    expect(refused.title).toBe('Ссылка на другой портал');
    expect(refused.message).toContain('а запросы идут на демо-портал, где');
    expect(refused.action).toContain('--account "Sales team"');
  });
});

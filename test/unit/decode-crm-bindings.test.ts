import { describe, expect, it } from 'vitest';
import { crmCardUrl, decodeCrmBindings } from '../../main/core/decode/crm-bindings';

const ORIGIN = 'https://example.bitrix24.com';

describe('decodeCrmBindings', () => {
  it('reads the documented order with a link for the bound lead', () => {
    expect(decodeCrmBindings('LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0', ORIGIN)).toEqual({
      raw: 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0',
      bindings: [
        { type: 'LEAD', id: 1209, url: `${ORIGIN}/crm/lead/details/1209/` },
        { type: 'COMPANY', id: 0, url: null },
        { type: 'CONTACT', id: 0, url: null },
        { type: 'DEAL', id: 0, url: null },
      ],
    });
  });

  it('reports the four known types in the fixed order whatever the string order', () => {
    const { bindings } = decodeCrmBindings('DEAL|7|CONTACT|3|COMPANY|2|LEAD|1', ORIGIN);
    expect(bindings.map((b) => [b.type, b.id])).toEqual([
      ['LEAD', 1],
      ['COMPANY', 2],
      ['CONTACT', 3],
      ['DEAL', 7],
    ]);
    expect(bindings.map((b) => b.url)).toEqual([
      `${ORIGIN}/crm/lead/details/1/`,
      `${ORIGIN}/crm/company/details/2/`,
      `${ORIGIN}/crm/contact/details/3/`,
      `${ORIGIN}/crm/deal/details/7/`,
    ]);
  });

  it('fills absent known types with 0', () => {
    const { bindings } = decodeCrmBindings('CONTACT|9', ORIGIN);
    expect(bindings).toEqual([
      { type: 'LEAD', id: 0, url: null },
      { type: 'COMPANY', id: 0, url: null },
      { type: 'CONTACT', id: 9, url: `${ORIGIN}/crm/contact/details/9/` },
      { type: 'DEAL', id: 0, url: null },
    ]);
  });

  it('keeps unknown pairs after the known four, as sent, without links', () => {
    const { bindings } = decodeCrmBindings('LEAD|1|SMART_INVOICE|44|COMPANY|0|lead|5', ORIGIN);
    expect(bindings.slice(4)).toEqual([
      { type: 'SMART_INVOICE', id: 44, url: null },
      { type: 'lead', id: 5, url: null },
    ]);
    expect(bindings[0]).toEqual({ type: 'LEAD', id: 1, url: `${ORIGIN}/crm/lead/details/1/` });
  });

  it('keeps an odd trailing element as a binding with id NaN', () => {
    const { bindings } = decodeCrmBindings('LEAD|5|ORPHAN', ORIGIN);
    expect(bindings).toHaveLength(5);
    expect(bindings[4]?.type).toBe('ORPHAN');
    expect(bindings[4]?.id).toBeNaN();
    expect(bindings[4]?.url).toBeNull();

    const knownOrphan = decodeCrmBindings('LEAD|5|DEAL', ORIGIN).bindings;
    expect(knownOrphan).toHaveLength(4);
    expect(knownOrphan[3]?.type).toBe('DEAL');
    expect(knownOrphan[3]?.id).toBeNaN();
    expect(knownOrphan[3]?.url).toBeNull();
  });

  it('reports an unreadable id as NaN, never as a link', () => {
    const { bindings } = decodeCrmBindings('LEAD|abc|COMPANY|-4', ORIGIN);
    expect(bindings[0]?.id).toBeNaN();
    expect(bindings[1]?.id).toBeNaN();
    expect(bindings.every((b) => b.url === null)).toBe(true);
  });

  it('a repeated known type: the last one wins, as in the module', () => {
    expect(decodeCrmBindings('LEAD|1|LEAD|2', ORIGIN).bindings[0]).toEqual({
      type: 'LEAD',
      id: 2,
      url: `${ORIGIN}/crm/lead/details/2/`,
    });
  });

  it('gives the four zeros for ""', () => {
    expect(decodeCrmBindings('', ORIGIN)).toEqual({
      raw: '',
      bindings: ['LEAD', 'COMPANY', 'CONTACT', 'DEAL'].map((type) => ({ type, id: 0, url: null })),
    });
  });

  it('builds no links without a portal origin', () => {
    const { bindings } = decodeCrmBindings('LEAD|1209|COMPANY|0|CONTACT|0|DEAL|8', null);
    expect(bindings.map((b) => b.url)).toEqual([null, null, null, null]);
    expect(bindings[0]?.id).toBe(1209);
  });

  it('does not double a trailing slash of the origin', () => {
    expect(crmCardUrl(`${ORIGIN}/`, 'DEAL', 3)).toBe(`${ORIGIN}/crm/deal/details/3/`);
    expect(crmCardUrl(ORIGIN, 'DEAL', 0)).toBeNull();
    expect(crmCardUrl(ORIGIN, 'QUOTE', 3)).toBeNull();
  });

  it('never throws on odd text', () => {
    for (const raw of ['|', '||||', 'LEAD', '\u0000', 'A|B|C|D|E|F|G']) {
      expect(() => decodeCrmBindings(raw, ORIGIN)).not.toThrow();
      expect(decodeCrmBindings(raw, ORIGIN).bindings.slice(0, 4).map((b) => b.type)).toEqual(['LEAD', 'COMPANY', 'CONTACT', 'DEAL']);
    }
  });
});

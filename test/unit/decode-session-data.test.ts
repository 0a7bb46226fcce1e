import { describe, expect, it } from 'vitest';
import { decodeSessionData } from '../../main/core/decode/session-data';

const DOCUMENTED = 'Y|LEAD|1209|N|N|343|1773682918|0|0|0';

describe('decodeSessionData: the documented 10-field form', () => {
  const decoded = decodeSessionData(DOCUMENTED);

  it('reads every position', () => {
    expect(decoded).toEqual({
      raw: DOCUMENTED,
      form: 'full',
      crmBound: true,
      crmEntityType: 'LEAD',
      crmEntityId: 1209,
      pinned: false,
      waitingAction: false,
      sessionId: 343,
      sessionStart: '2026-03-16T17:41:58.000Z',
      lineId: null,
      blockDate: null,
      blockReason: null,
      extra: [],
    });
  });

  it('position 0: CRM bound only for exactly Y', () => {
    expect(decodeSessionData('N|LEAD|1|N|N|1|0|0|0|0').crmBound).toBe(false);
    expect(decodeSessionData('y|LEAD|1|N|N|1|0|0|0|0').crmBound).toBe(false);
    expect(decodeSessionData('Yes|LEAD|1|N|N|1|0|0|0|0').crmBound).toBe(false);
  });

  it('position 1 and 2: CRM type and id', () => {
    const deal = decodeSessionData('Y|DEAL|77|N|N|1|0|0|0|0');
    expect(deal.crmEntityType).toBe('DEAL');
    expect(deal.crmEntityId).toBe(77);
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|0|0')).toMatchObject({ crmEntityType: 'NONE', crmEntityId: 0 });
  });

  it('position 3: pinned', () => {
    expect(decodeSessionData('N|NONE|0|Y|N|1|0|0|0|0').pinned).toBe(true);
  });

  it('position 4: waiting for an automatic action', () => {
    expect(decodeSessionData('N|NONE|0|N|Y|1|0|0|0|0').waitingAction).toBe(true);
  });

  it('position 5: session id', () => {
    expect(decodeSessionData('N|NONE|0|N|N|98765|0|0|0|0').sessionId).toBe(98765);
    expect(decodeSessionData('N|NONE|0|N|N|0|0|0|0|0').sessionId).toBeNull();
  });

  it('position 6: session start as ISO UTC', () => {
    expect(decodeSessionData('N|NONE|0|N|N|1|1|0|0|0').sessionStart).toBe('1970-01-01T00:00:01.000Z');
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|0|0').sessionStart).toBeNull();
  });

  it('position 7: line id, 0 → null', () => {
    expect(decodeSessionData('N|NONE|0|N|N|1|0|22|0|0').lineId).toBe(22);
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|0|0').lineId).toBeNull();
  });

  it('position 8: block date', () => {
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|1773682918|0').blockDate).toBe('2026-03-16T17:41:58.000Z');
  });

  it('position 9: block reason, "0" and "" → null, codes kept', () => {
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|1773682918|DEFAULT').blockReason).toBe('DEFAULT');
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|0|').blockReason).toBeNull();
    expect(decodeSessionData('N|NONE|0|N|N|1|0|0|0|0').blockReason).toBeNull();
  });
});

describe('decodeSessionData: other forms', () => {
  it('reads the older 6-field form', () => {
    expect(decodeSessionData('Y|LEAD|56|N|N|1765')).toEqual({
      raw: 'Y|LEAD|56|N|N|1765',
      form: 'legacy',
      crmBound: true,
      crmEntityType: 'LEAD',
      crmEntityId: 56,
      pinned: false,
      waitingAction: false,
      sessionId: 1765,
      sessionStart: null,
      lineId: null,
      blockDate: null,
      blockReason: null,
      extra: [],
    });
  });

  it('gives defaults for ""', () => {
    expect(decodeSessionData('')).toEqual({
      raw: '',
      form: 'empty',
      crmBound: false,
      crmEntityType: 'NONE',
      crmEntityId: 0,
      pinned: false,
      waitingAction: false,
      sessionId: null,
      sessionStart: null,
      lineId: null,
      blockDate: null,
      blockReason: null,
      extra: [],
    });
  });

  it('reads what a partial string holds', () => {
    const decoded = decodeSessionData('Y|CONTACT|5|Y');
    expect(decoded).toMatchObject({ form: 'partial', crmBound: true, crmEntityType: 'CONTACT', crmEntityId: 5, pinned: true });
    expect(decoded.waitingAction).toBe(false);
    expect(decoded.sessionId).toBeNull();
    expect(decodeSessionData('Y|LEAD|1|N|N|2|1773682918').form).toBe('partial');
  });

  it('keeps positions beyond ten in extra, and calls the form partial', () => {
    const decoded = decodeSessionData(`${DOCUMENTED}|X|`);
    expect(decoded.form).toBe('partial');
    expect(decoded.extra).toEqual(['X', '']);
    expect(decoded.sessionId).toBe(343);
  });

  it('fills defaults for empty positions', () => {
    const decoded = decodeSessionData('|||||||||');
    expect(decoded).toMatchObject({
      form: 'full',
      crmBound: false,
      crmEntityType: 'NONE',
      crmEntityId: 0,
      pinned: false,
      waitingAction: false,
      sessionId: null,
      sessionStart: null,
      lineId: null,
      blockDate: null,
      blockReason: null,
    });
  });

  it('never trusts non-numeric, negative or absurd numbers', () => {
    const decoded = decodeSessionData('Y|LEAD|abc|N|N|12x|soon|-3|1e9|0');
    expect(decoded).toMatchObject({ crmEntityId: 0, sessionId: null, sessionStart: null, lineId: null, blockDate: null });
    // Past Date's range: toISOString would throw; the decoder must not.
    expect(decodeSessionData('N|NONE|0|N|N|1|99999999999999|0|0|0').sessionStart).toBeNull();
  });

  it('never throws on odd text', () => {
    for (const raw of ['|', 'Y', 'garbage', '\u0000|\u0000', 'Y|LEAD|1209|N|N|343|1773682918|0|0|0|'.repeat(50)]) {
      expect(() => decodeSessionData(raw)).not.toThrow();
    }
  });
});

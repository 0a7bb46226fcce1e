import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { decodeDialog } from '../../main/core/decode/index';

const ORIGIN = 'https://example.bitrix24.com';
const documented = (): Record<string, unknown> => structuredClone(sample.result);

describe('decodeDialog', () => {
  it('decodes all four strings of the documented answer', () => {
    const decoded = decodeDialog(documented(), ORIGIN);
    expect(decoded.entity).toMatchObject({ connectorId: 'livechat', lineId: 22, clientUserId: 599, wellFormed: true });
    expect(decoded.session).toMatchObject({ form: 'full', sessionId: 343, crmEntityType: 'LEAD' });
    expect(decoded.crm?.bindings[0]).toEqual({ type: 'LEAD', id: 1209, url: `${ORIGIN}/crm/lead/details/1209/` });
    expect(decoded.silentMode).toEqual({ raw: 'N', enabled: false });
  });

  it('does not apply the session parser to the widget-side LIVECHAT chat', () => {
    const raw = { ...documented(), entity_type: 'LIVECHAT', entity_data_1: 'Y|86101|1773682918|343|N|N|Y' };
    const decoded = decodeDialog(raw, ORIGIN);
    expect(decoded.session).toBeNull();
    expect(decoded.entity).not.toBeNull();
    expect(decoded.crm).not.toBeNull();
  });

  it('leaves absent or non-string fields undecoded', () => {
    const raw = documented();
    delete raw['entity_id'];
    raw['entity_data_1'] = null;
    raw['entity_data_2'] = 12;
    raw['entity_data_3'] = { on: true };
    expect(decodeDialog(raw, ORIGIN)).toEqual({ entity: null, session: null, crm: null, silentMode: null, primaryCrm: null });
    expect(decodeDialog({}, null)).toEqual({ entity: null, session: null, crm: null, silentMode: null, primaryCrm: null });
  });

  it('passes the origin through to the CRM links', () => {
    expect(decodeDialog(documented(), null).crm?.bindings[0]?.url).toBeNull();
  });
});

describe('the primary CRM binding', () => {
  const dialog = (data1: string, data2: string) => ({ entity_data_1: data1, entity_data_2: data2 });

  it("is the session's own binding, linked, with a readable label", () => {
    expect(decodeDialog(dialog('Y|DEAL|77|N|N|5|0|0|0|0', 'LEAD|3|COMPANY|0|CONTACT|0|DEAL|77'), ORIGIN).primaryCrm).toEqual({
      type: 'DEAL',
      id: 77,
      url: `${ORIGIN}/crm/deal/details/77/`,
      label: 'Deal 77',
    });
  });

  it('falls back to the first bound entity when the session names none', () => {
    expect(decodeDialog(dialog('N|NONE|0|N|N|5|0|0|0|0', 'LEAD|0|COMPANY|0|CONTACT|12|DEAL|0'), ORIGIN).primaryCrm).toMatchObject({
      type: 'CONTACT',
      id: 12,
      label: 'Contact 12',
    });
  });

  it('has no link without a portal origin (the demo portal has no CRM cards)', () => {
    expect(decodeDialog(dialog('Y|LEAD|1209|N|N|343|0|0|0|0', 'LEAD|1209'), null).primaryCrm).toMatchObject({ label: 'Lead 1209', url: null });
  });

  it('is null when nothing is bound', () => {
    expect(decodeDialog(dialog('N|NONE|0|N|N|5|0|0|0|0', 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|0'), ORIGIN).primaryCrm).toBeNull();
  });
});

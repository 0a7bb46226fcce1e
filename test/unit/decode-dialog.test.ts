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
    expect(decodeDialog(raw, ORIGIN)).toEqual({ entity: null, session: null, crm: null, silentMode: null });
    expect(decodeDialog({}, null)).toEqual({ entity: null, session: null, crm: null, silentMode: null });
  });

  it('passes the origin through to the CRM links', () => {
    expect(decodeDialog(documented(), null).crm?.bindings[0]?.url).toBeNull();
  });
});

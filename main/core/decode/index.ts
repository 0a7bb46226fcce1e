// Decodes the four packed strings of an imopenlines.dialog.get answer. A field
// that is absent or not a string is left undecoded (null) rather than guessed:
// describeDialog still shows it as sent.
import type { DecodedCrmBindings, DecodedDialog, DecodedSessionData, PrimaryCrmBinding, RawDialog } from '../dialog-types';
import { crmCardUrl, crmTypeName, decodeCrmBindings } from './crm-bindings';
import { decodeEntityId } from './entity-id';
import { decodeSessionData } from './session-data';
import { decodeSilentMode } from './silent-mode';

export { decodeEntityId } from './entity-id';
export { decodeSessionData } from './session-data';
export { decodeCrmBindings } from './crm-bindings';
export { decodeSilentMode } from './silent-mode';

/** The widget-side chat, whose entity_data_1 has another layout (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html). */
export const WIDGET_ENTITY_TYPE = 'LIVECHAT';

function stringField(raw: RawDialog, key: string): string | null {
  const value = raw[key];
  return typeof value === 'string' ? value : null;
}

/** The session's primary binding (entity_data_1), else the first bound one (entity_data_2). */
function primaryBinding(
  session: DecodedSessionData | null,
  crm: DecodedCrmBindings | null,
  portalOrigin: string | null,
): PrimaryCrmBinding | null {
  const bindings = crm?.bindings ?? [];
  if (session && session.crmEntityId > 0 && session.crmEntityType !== 'NONE') {
    const { crmEntityType: type, crmEntityId: id } = session;
    return { type, id, url: crmCardUrl(portalOrigin, type, id), label: `${crmTypeName(type)} ${id}` };
  }
  const first = bindings.find((binding) => binding.id > 0);
  return first ? { ...first, label: `${crmTypeName(first.type)} ${first.id}` } : null;
}

export function decodeDialog(raw: RawDialog, portalOrigin: string | null): DecodedDialog {
  const entityId = stringField(raw, 'entity_id');
  const sessionText = raw['entity_type'] === WIDGET_ENTITY_TYPE ? null : stringField(raw, 'entity_data_1');
  const crmText = stringField(raw, 'entity_data_2');
  const silent = stringField(raw, 'entity_data_3');
  const session = sessionText === null ? null : decodeSessionData(sessionText);
  const crm = crmText === null ? null : decodeCrmBindings(crmText, portalOrigin);

  return {
    entity: entityId === null ? null : decodeEntityId(entityId),
    session,
    crm,
    silentMode: silent === null ? null : decodeSilentMode(silent),
    primaryCrm: primaryBinding(session, crm, portalOrigin),
  };
}

// Decodes the four packed strings of an imopenlines.dialog.get answer. A field
// that is absent or not a string is left undecoded (null) rather than guessed:
// describeDialog still shows it as sent.
import type { DecodedDialog, RawDialog } from '../dialog-types';
import { decodeCrmBindings } from './crm-bindings';
import { decodeEntityId } from './entity-id';
import { decodeSessionData } from './session-data';
import { decodeSilentMode } from './silent-mode';

export { decodeEntityId } from './entity-id';
export { decodeSessionData } from './session-data';
export { decodeCrmBindings } from './crm-bindings';
export { decodeSilentMode } from './silent-mode';

/** The widget-side chat, whose entity_data_1 has another layout (brief §1.6). */
export const WIDGET_ENTITY_TYPE = 'LIVECHAT';

function stringField(raw: RawDialog, key: string): string | null {
  const value = raw[key];
  return typeof value === 'string' ? value : null;
}

export function decodeDialog(raw: RawDialog, portalOrigin: string | null): DecodedDialog {
  const entityId = stringField(raw, 'entity_id');
  const session = raw['entity_type'] === WIDGET_ENTITY_TYPE ? null : stringField(raw, 'entity_data_1');
  const crm = stringField(raw, 'entity_data_2');
  const silent = stringField(raw, 'entity_data_3');

  return {
    entity: entityId === null ? null : decodeEntityId(entityId),
    session: session === null ? null : decodeSessionData(session),
    crm: crm === null ? null : decodeCrmBindings(crm, portalOrigin),
    silentMode: silent === null ? null : decodeSilentMode(silent),
  };
}

// entity_data_3 (LINES_SILENT_MODE, brief §1.6): "Y" = operator messages are not
// sent to the client. The docs show "N" and "" in different examples; anything
// other than Y or N is not trusted either way.
import type { DecodedSilentMode } from '../dialog-types';

export function decodeSilentMode(raw: string): DecodedSilentMode {
  return { raw, enabled: raw === 'Y' ? true : raw === 'N' ? false : null };
}

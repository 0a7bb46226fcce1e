// entity_data_3 (LINES_SILENT_MODE, https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html): "Y" = operator messages are not
// sent to the client. The docs show "N" and "" in different examples; anything
// other than Y or N is not trusted either way.
import type { DecodedSilentMode } from '../dialog-types';

export function decodeSilentMode(raw: string): DecodedSilentMode {
  return { raw, enabled: raw === 'Y' ? true : raw === 'N' ? false : null };
}

// Dialogs for the store tests: the documented sample and a few from the demo
// dataset, exactly as the emulator serves them.
import type { RawDialog, TimeBlock } from '../../main/core/dialog-types';
import documented from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { demoDataset } from '../../main/emulator/index';

export function documentedDialog(): { dialog: RawDialog; time: TimeBlock } {
  return structuredClone({ dialog: documented.result as RawDialog, time: documented.time as TimeBlock });
}

export function demoDialog(chatId: number): RawDialog {
  const found = demoDataset().find((entry) => entry.dialog['id'] === chatId);
  if (!found) throw new Error(`no demo dialog ${chatId}`);
  return found.dialog;
}

/** A copy whose entity_data_1 names another session (position 5), as a later or earlier fetch would. */
export function withSession(dialog: RawDialog, sessionId: number): RawDialog {
  const parts = String(dialog['entity_data_1']).split('|');
  parts[5] = String(sessionId);
  return { ...structuredClone(dialog), entity_data_1: parts.join('|') };
}

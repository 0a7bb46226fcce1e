// Dialogs for the store tests: the documented sample and a few from the demo
// dataset, exactly as the emulator serves them.
import type { Conversation } from '../../main/core/conversation-types';
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

/** A transcript of the chat's session with these messages (BB-code), alternately the client's and the operator's, a minute apart. */
export function conversationOf(chatId: number, sessionId: number, texts: readonly string[], fetchedAt = '2026-03-16T20:00:00.000Z'): Conversation {
  return {
    chatId,
    sessionId,
    messages: texts.map((text, i) => ({
      id: sessionId * 1000 + i,
      date: `2026-03-16T19:${String(i % 60).padStart(2, '0')}:00+01:00`,
      authorId: i % 2 === 0 ? '599' : '27',
      role: i % 2 === 0 ? 'client' : 'operator',
      text,
      files: [],
      attachments: [],
      vote: null,
      sessionStart: false,
      deleted: false,
    })),
    authors: {
      '599': { id: '599', name: 'Guest', role: 'client', position: null },
      '27': { id: '27', name: 'Samantha Johnson', role: 'operator', position: null },
    },
    rating: { client: null, supervisor: null, supervisorComment: null },
    status: 'closed',
    timings: { start: null, firstResponse: null, longestClientWait: null, lastAuthor: null, lastMessageAt: null, clientWaitingSince: null, durationSeconds: null, kpi: null },
    fetchedAt,
  };
}

// A dialog answer must be about the dialog asked for. A cache, a proxy or a
// portal mixing answers up could otherwise show one client's dialog for
// another's identifier, and the store would keep it under the wrong keys.
import type { DecodedDialog, DialogQuery } from './dialog-types';
import { inspectorError } from './error-codes';
import { messages } from './messages/index';

/** The fields a validated answer is sure to have (rest/answer-schema.ts). */
export interface AnsweredDialog {
  id: number;
  dialog_id: string;
  entity_id?: string | null | undefined;
}

function refuse(query: DialogQuery, answered: string): never {
  throw inspectorError('FOREIGN_ANSWER', { message: messages().errors.answers.foreign(query.label, answered) });
}

/**
 * Throws FOREIGN_ANSWER unless `dialog` matches `query` wherever the answer
 * shows what was asked: the chat id and dialog id always, the user code in
 * entity_id, and a session no newer than the dialog's current one (session
 * ids only grow, and a chat's current session is its newest).
 */
export function checkAnswerMatches(query: DialogQuery, dialog: AnsweredDialog, decoded: DecodedDialog): void {
  const answered = `chat${dialog.id}`;
  if (dialog.dialog_id.toLowerCase() !== answered) refuse(query, `${dialog.dialog_id} (chat ${dialog.id})`);
  switch (query.param) {
    case 'CHAT_ID':
      if (dialog.id !== query.value) refuse(query, answered);
      return;
    case 'DIALOG_ID':
      if (answered !== String(query.value).toLowerCase()) refuse(query, answered);
      return;
    case 'USER_CODE': {
      const code = typeof dialog.entity_id === 'string' ? dialog.entity_id.replace(/^imol\|/i, '') : '';
      if (code !== '' && code !== query.value) refuse(query, `${answered} (${code})`);
      return;
    }
    case 'SESSION_ID': {
      const current = decoded.session?.sessionId ?? null;
      if (current !== null && current < Number(query.value)) refuse(query, messages().errors.answers.answeredSession(answered, current));
      return;
    }
  }
}

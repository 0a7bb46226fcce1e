// Recognises what a support lead pasted and turns it into the one parameter
// imopenlines.dialog.get takes. Everything here runs before any request, so a
// typo costs nothing and is explained precisely.
import type { DialogQuery } from './dialog-types';
import { inspectorError } from './errors';

export type NumberAs = 'chat' | 'session';

// MySQL INT ids; anything longer is a typo, not a dialog.
const MAX_ID = 2_147_483_647;
const MAX_INPUT_LENGTH = 500;

function query(param: DialogQuery['param'], value: string | number, input: string): DialogQuery {
  return { param, value, input, label: describeQuery(param, value) };
}

function refuse(message: string): never {
  throw inspectorError('INVALID_IDENTIFIER', { message });
}

function describeForMessage(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function parsePositiveId(digits: string, what: string): number {
  const value = Number(digits);
  if (value === 0) refuse(`${what} must be 1 or more; 0 is not an id.`);
  if (!Number.isSafeInteger(value) || value > MAX_ID) refuse(`${what} ${describeForMessage(digits)} is too large to be a Bitrix24 id.`);
  return value;
}

const NON_NEGATIVE_INTEGER = /^\d+$/;

function parseUserCode(text: string, input: string): DialogQuery {
  // The server strips a leading `imol|` itself; we strip it too so the value
  // we show and send is the canonical USER_CODE.
  const body = /^imol\|/i.test(text) ? text.slice(5) : text;
  const parts = body.split('|');
  if (parts.length !== 4) {
    refuse(
      `A user code has four parts separated by "|" (connector|line|chat in the channel|client user id); this one has ${parts.length}.`,
    );
  }
  const [connector, line, chat, user] = parts as [string, string, string, string];
  if (connector.trim() === '') refuse('The first part of a user code (the connector, such as livechat or telegrambot) is empty.');
  if (/\s/.test(connector)) refuse(`The connector "${describeForMessage(connector)}" contains spaces; connector ids never do.`);
  if (!NON_NEGATIVE_INTEGER.test(line)) {
    refuse(`The second part of a user code is the open line id and must be a number; got "${describeForMessage(line)}".`);
  }
  if (chat.trim() === '') refuse('The third part of a user code (the chat id in the channel) is empty.');
  if (!NON_NEGATIVE_INTEGER.test(user)) {
    refuse(`The fourth part of a user code is the client's user id and must be a number; got "${describeForMessage(user)}".`);
  }
  return query('USER_CODE', body, input);
}

/** Bitrix24 links carry the dialog as ?IM_DIALOG=chat1777 (or a user code); accept a pasted link. */
function fromPortalLink(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  for (const key of ['IM_DIALOG', 'IM_LINES', 'dialogId', 'DIALOG_ID']) {
    const value = url.searchParams.get(key);
    if (value) return value.trim();
  }
  return null;
}

/**
 * Parses a pasted identifier. Accepted: `chat1777` (DIALOG_ID), a user code
 * `connector|line|chat|user` with or without `imol|` (USER_CODE), a bare
 * positive integer (CHAT_ID, or SESSION_ID when `numberAs` is 'session'), and a
 * Bitrix24 link carrying one of them in IM_DIALOG. Throws INVALID_IDENTIFIER
 * with a message that says what is wrong.
 */
export function parseIdentifier(rawInput: string, numberAs: NumberAs): DialogQuery {
  const input = rawInput.trim();
  if (input === '') refuse('Nothing was entered.');
  if (input.length > MAX_INPUT_LENGTH) refuse(`That is ${input.length} characters long; dialog identifiers are short.`);

  const linked = fromPortalLink(input);
  if (/^https?:\/\//i.test(input) && linked === null) {
    refuse('That link does not name a dialog (it has no IM_DIALOG parameter).');
  }
  const text = linked ?? input;
  // In a link, IM_DIALOG=5 is a private chat with user 5, not chat 5.
  if (linked !== null && /^\d+$/.test(linked)) {
    refuse(`That link opens a private chat with user ${describeForMessage(linked)}, not an open-line dialog.`);
  }

  if (text.includes('|')) return parseUserCode(text, input);

  const dialog = /^chat(\d+)$/i.exec(text);
  if (dialog) {
    const id = parsePositiveId(dialog[1] as string, 'A chat number');
    return query('DIALOG_ID', `chat${id}`, input);
  }
  if (/^chat$/i.test(text)) refuse('A dialog id is "chat" followed by the chat number, like chat1777.');
  if (/^chat\s*[#№]?\s*\d+$/i.test(text)) refuse(`Write the dialog id without spaces or signs: chat${text.replace(/\D/g, '')}.`);
  if (/^chat/i.test(text)) refuse(`A dialog id is "chat" followed by digits only; "${describeForMessage(text)}" is not.`);

  if (/^\d+$/.test(text)) {
    const what = numberAs === 'session' ? 'A session id' : 'A chat id';
    const id = parsePositiveId(text, what);
    return query(numberAs === 'session' ? 'SESSION_ID' : 'CHAT_ID', id, input);
  }
  if (/^-\d+$/.test(text)) refuse('Ids are positive numbers; this one is negative.');
  if (/^\d+[.,]\d+$/.test(text)) refuse('Ids are whole numbers; this one has a decimal part.');
  if (/^\d[\d\s]*\d$/.test(text)) refuse(`Remove the spaces inside the number: ${text.replace(/\s/g, '')}.`);
  if (/^sg\d+$/i.test(text)) refuse('That is a group or user dialog, not an open-line dialog.');
  refuse(`"${describeForMessage(text)}" is not a chat id, dialog id, session id or user code.`);
}

/** What will be looked up, in words: "Dialog id chat1777", "User code: connector livechat, line 1, …". */
function describeQuery(param: DialogQuery['param'], value: string | number): string {
  switch (param) {
    case 'CHAT_ID':
      return `Chat id ${value}`;
    case 'SESSION_ID':
      return `Session id ${value}`;
    case 'DIALOG_ID':
      return `Dialog id ${value}`;
    case 'USER_CODE': {
      const [connector, line, chat, user] = String(value).split('|');
      return `User code: connector ${connector}, line ${line}, chat ${chat} in the channel, client user ${user}`;
    }
  }
}

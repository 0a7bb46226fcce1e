// Recognises what a support lead pasted and turns it into the one parameter
// imopenlines.dialog.get takes. Everything here runs before any request, so a
// typo costs nothing and is explained precisely.
import type { DialogQuery } from './dialog-types';
import { inspectorError } from './error-codes';
import { messages, type Messages } from './messages/index';

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

type IdKind = keyof Messages['errors']['identifier']['idKinds'];

function parsePositiveId(digits: string, kind: IdKind): number {
  const value = Number(digits);
  const said = messages().errors.identifier;
  if (value === 0) refuse(said.idZero(said.idKinds[kind]));
  if (!Number.isSafeInteger(value) || value > MAX_ID) refuse(said.idTooLarge(said.idKinds[kind], describeForMessage(digits)));
  return value;
}

const NON_NEGATIVE_INTEGER = /^\d+$/;

// Line breaks and other control characters would be sent to the portal as they
// are; the bidi controls also make a user code display otherwise than it is sent.
const UNSENDABLE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;

/** The character, in words a support lead recognises: "a line break", "the control character U+0085". */
function nameCharacter(character: string): string {
  const said = messages().errors.identifier.characters;
  const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (character === '\t') return said.tab;
  if (/[\n\r\u2028\u2029]/.test(character)) return said.lineBreak;
  if (/\p{Bidi_Control}/u.test(character)) return said.directionControl(code);
  return said.control(code);
}

function refuseControlCharacters(input: string): void {
  // Counted in characters as seen, not UTF-16 units, so an emoji earlier in the
  // text does not shift the position the message gives.
  let position = 0;
  for (const character of input) {
    position += 1;
    if (UNSENDABLE.test(character)) refuse(messages().errors.identifier.controlCharacter(position, nameCharacter(character)));
  }
}

function parseUserCode(text: string, input: string): DialogQuery {
  // The server strips a leading `imol|` itself; we strip it too so the value
  // we show and send is the canonical USER_CODE. Every repeat goes, or a
  // doubled prefix would leave one the server strips again, reading
  // `imol|1|2|3` as a three-part code.
  const body = text.replace(/^(?:imol\|)+/i, '');
  const parts = body.split('|');
  const said = messages().errors.identifier;
  if (parts.length !== 4) refuse(said.userCodeParts(parts.length));
  const [connector, line, chat, user] = parts as [string, string, string, string];
  if (connector.trim() === '') refuse(said.connectorEmpty);
  if (/\s/.test(connector)) refuse(said.connectorSpaces(describeForMessage(connector)));
  if (!NON_NEGATIVE_INTEGER.test(line)) refuse(said.lineNotNumber(describeForMessage(line)));
  if (chat.trim() === '') refuse(said.chatEmpty);
  if (!NON_NEGATIVE_INTEGER.test(user)) refuse(said.userNotNumber(describeForMessage(user)));
  return query('USER_CODE', body, input);
}

/**
 * Bitrix24 links carry the dialog as ?IM_DIALOG=chat1777 (or a user code);
 * accept a pasted link. Its host is kept: the same id on another portal is
 * another client's dialog, so main compares it with the connected portal's.
 */
function fromPortalLink(text: string): { value: string; host: string } | null {
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  for (const key of ['IM_DIALOG', 'IM_LINES', 'dialogId', 'DIALOG_ID']) {
    const value = url.searchParams.get(key);
    // URL has already lower-cased the host and dropped the scheme's default port.
    if (value) return { value: value.trim(), host: url.host };
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
  const said = messages().errors.identifier;
  if (input === '') refuse(said.nothingEntered);
  if (input.length > MAX_INPUT_LENGTH) refuse(said.tooLong(input.length));
  refuseControlCharacters(input);

  const link = fromPortalLink(input);
  const linked = link?.value ?? null;
  if (/^https?:\/\//i.test(input) && linked === null) refuse(said.linkWithoutDialog);
  // A link can carry them percent-encoded (%0A), out of sight in the pasted text.
  const hidden = linked === null ? undefined : UNSENDABLE.exec(linked)?.[0];
  if (hidden !== undefined) refuse(said.controlCharacterInLink(nameCharacter(hidden)));
  const text = linked ?? input;
  // In a link, IM_DIALOG=5 is a private chat with user 5, not chat 5.
  if (linked !== null && /^\d+$/.test(linked)) refuse(said.privateChatLink(describeForMessage(linked)));

  const query = parseText(text, input, numberAs);
  return link === null ? query : { ...query, linkHost: link.host };
}

/** The identifier itself, once any link around it is taken off. */
function parseText(text: string, input: string, numberAs: NumberAs): DialogQuery {
  const said = messages().errors.identifier;
  if (text.includes('|')) return parseUserCode(text, input);

  const dialog = /^chat(\d+)$/i.exec(text);
  if (dialog) {
    const id = parsePositiveId(dialog[1] as string, 'chatNumber');
    return query('DIALOG_ID', `chat${id}`, input);
  }
  if (/^chat$/i.test(text)) refuse(said.chatAlone);
  if (/^chat\s*[#№]?\s*\d+$/i.test(text)) refuse(said.chatWithSigns(`chat${text.replace(/\D/g, '')}`));
  if (/^chat/i.test(text)) refuse(said.chatNotDigits(describeForMessage(text)));

  if (/^\d+$/.test(text)) {
    const id = parsePositiveId(text, numberAs === 'session' ? 'sessionId' : 'chatId');
    return query(numberAs === 'session' ? 'SESSION_ID' : 'CHAT_ID', id, input);
  }
  if (/^-\d+$/.test(text)) refuse(said.negative);
  if (/^\d+[.,]\d+$/.test(text)) refuse(said.decimal);
  if (/^\d[\d\s]*\d$/.test(text)) refuse(said.spacesInNumber(text.replace(/\s/g, '')));
  if (/^sg\d+$/i.test(text)) refuse(said.groupDialog);
  refuse(said.notRecognised(describeForMessage(text)));
}

/** What will be looked up, in words: "Dialog id chat1777", "User code: connector livechat, line 1, …". */
function describeQuery(param: DialogQuery['param'], value: string | number): string {
  const said = messages().errors.identifier.recognised;
  switch (param) {
    case 'CHAT_ID':
      return said.chatId(String(value));
    case 'SESSION_ID':
      return said.sessionId(String(value));
    case 'DIALOG_ID':
      return said.dialogId(String(value));
    case 'USER_CODE': {
      const [connector = '', line = '', chat = '', user = ''] = String(value).split('|');
      return said.userCode(connector, line, chat, user);
    }
  }
}

// entity_id is the open line's USER_CODE: connector|lineId|connectorChatId|connectorUserId
// (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html). Strings from old chats or custom connectors can be odd, so this
// reads whatever parts are there and says whether the whole is well formed.
import type { DecodedEntityId } from '../dialog-types';
import { connectorLabel } from '../connectors';
import { parseNonNegativeInt, splitPipes } from './pipe-values';

/** The prefix the server strips from a user code before parsing it. */
export const USER_CODE_PREFIX = 'imol|';

export interface UserCodeParts {
  /** True when the raw string started with `imol|`; positions in `parts` then start after it. */
  prefixed: boolean;
  parts: string[];
}

/** Splits a user code into its parts, after an optional `imol|` prefix. */
export function splitUserCode(raw: string): UserCodeParts {
  const prefixed = raw.startsWith(USER_CODE_PREFIX);
  return { prefixed, parts: splitPipes(prefixed ? raw.slice(USER_CODE_PREFIX.length) : raw) };
}

export function decodeEntityId(raw: string): DecodedEntityId {
  const { parts } = splitUserCode(raw);
  const [connector = '', line = '', chat = '', user = ''] = parts;

  const connectorId = connector === '' ? null : connector;
  const lineId = parseNonNegativeInt(line);
  const externalChatId = chat === '' ? null : chat;
  const clientUserId = parseNonNegativeInt(user);

  return {
    raw,
    wellFormed:
      parts.length === 4 && connectorId !== null && lineId !== null && externalChatId !== null && clientUserId !== null,
    connectorId,
    connectorName: connectorId === null ? null : connectorLabel(connectorId),
    lineId,
    externalChatId,
    clientUserId,
  };
}

// Rows for the four packed strings (entity_id, entity_data_1/2/3): the raw
// string as sent, then one row per position, decoded. Positions that cannot
// be read are shown as sent rather than silently replaced by a default.
import type { DecodedDialog, DecodedSessionData, FieldRow, RawDialog } from './dialog-types';
import { splitUserCode } from './decode/entity-id';
import { SESSION_FIELD_COUNT, SESSION_POSITIONS } from './decode/session-data';
import { crmTypeName, isKnownCrmType, readCrmPairs } from './decode/crm-bindings';
import { splitPipes } from './decode/pipe-values';
import { WIDGET_ENTITY_TYPE } from './decode/index';
import { NO_TEXT, YES_TEXT, childPath, isPlainObject, makeRow, valueRows } from './field-rows';

const UNREADABLE = ' Not a number; shown as sent.';

function rawRows(raw: RawDialog, key: string, label: string, hint: string): FieldRow[] {
  return Object.hasOwn(raw, key) ? valueRows(key, label, raw[key], { hint }) : [];
}

// ---------------------------------------------------------------- channel

export function channelRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const rows: FieldRow[] = [];
  const entity = decoded.entity;

  if (entity !== null) {
    const { prefixed, parts } = splitUserCode(entity.raw);
    const offset = prefixed ? 1 : 0;
    const path = (part: number): string => `entity_id[${part + offset}]`;
    const present = (part: number): boolean => part < parts.length;
    const text = (part: number): string => parts[part] ?? '';

    if (entity.connectorId !== null) {
      rows.push(
        makeRow(
          path(0),
          'Connector',
          entity.connectorName === null
            ? `custom connector ${entity.connectorId}`
            : `${entity.connectorName} (${entity.connectorId})`,
          'text',
          { hint: 'The channel the client writes from (user code part 1).' },
        ),
      );
    }
    if (present(1)) {
      const hint = 'Open line (config) id, user code part 2; imopenlines.config.get gives its name.';
      rows.push(
        entity.lineId === null
          ? makeRow(path(1), 'Open line id', text(1), 'text', { hint: hint + UNREADABLE })
          : makeRow(path(1), 'Open line id', String(entity.lineId), 'number', { hint }),
      );
    }
    if (entity.externalChatId !== null) {
      rows.push(
        makeRow(path(2), 'Chat id in the channel', entity.externalChatId, 'text', {
          hint: 'User code part 3: for the website widget, the widget-side Bitrix24 chat; for messengers, their own chat id.',
        }),
      );
    }
    if (present(3)) {
      const hint =
        'User code part 4: the client\u2019s internal Bitrix24 user (guest or connector user), not their messenger id. 0 when the connector groups by chat.';
      rows.push(
        entity.clientUserId === null
          ? makeRow(path(3), 'Client\u2019s Bitrix24 user id', text(3), 'text', { hint: hint + UNREADABLE })
          : makeRow(path(3), 'Client\u2019s Bitrix24 user id', String(entity.clientUserId), 'number', { hint }),
      );
    }
    parts.slice(4).forEach((part, index) => {
      rows.push(
        makeRow(path(4 + index), `Extra user code part ${5 + index}`, part, 'text', {
          hint: 'User codes have four parts; this one is kept as sent.',
        }),
      );
    });
    rows.push(
      makeRow('decoded.entity_id.wellFormed', 'User code well formed', entity.wellFormed ? YES_TEXT : NO_TEXT, 'boolean', {
        hint: 'connector|line id|chat id|user id, with numeric line and user ids (an imol| prefix is allowed).',
      }),
    );
  }

  rows.push(
    ...rawRows(raw, 'entity_id', 'User code (entity_id)', 'As sent; also accepted as the USER_CODE parameter.'),
  );
  rows.push(...entityLinkRows(raw));
  return rows;
}

function entityLinkRows(raw: RawDialog): FieldRow[] {
  if (!Object.hasOwn(raw, 'entity_link')) return [];
  const link = raw['entity_link'];
  if (!isPlainObject(link)) return valueRows('entity_link', 'Channel link', link);

  const known: Record<string, { label: string; hint: string }> = {
    type: { label: 'Channel link type', hint: 'LINES for open lines.' },
    // Shown as text, never as a link: it comes from the channel, not from us.
    url: { label: 'Channel link URL', hint: 'Link to the object in the external channel; often empty.' },
    id: { label: 'Channel link id', hint: 'The dialog\u2019s id in the channel; for open lines, the user code.' },
  };
  return Object.entries(link).flatMap(([key, value]) => {
    const spec = Object.hasOwn(known, key) ? known[key] : undefined;
    return spec === undefined
      ? valueRows(childPath('entity_link', key), `Channel link › ${key}`, value)
      : valueRows(childPath('entity_link', key), spec.label, value, { hint: spec.hint });
  });
}

// ---------------------------------------------------------------- session

function formText(session: DecodedSessionData, count: number): string {
  switch (session.form) {
    case 'full':
      return 'current 10-field form';
    case 'legacy':
      return 'older 6-field form';
    case 'empty':
      return 'empty (no session data)';
    case 'partial':
      return count > SESSION_FIELD_COUNT
        ? `partial: ${count} fields (${count - SESSION_FIELD_COUNT} beyond the documented ${SESSION_FIELD_COUNT})`
        : `partial: ${count} of ${SESSION_FIELD_COUNT} fields`;
  }
}

function flagRow(position: number, label: string, value: boolean, sent: string, hint: string): FieldRow {
  const odd = sent !== 'Y' && sent !== 'N' && sent !== '' ? ` Sent as "${sent}", read as no.` : '';
  return makeRow(`entity_data_1[${position}]`, label, value ? YES_TEXT : NO_TEXT, 'boolean', { hint: hint + odd });
}

/** A number-ish position: the decoded value, or a readable "none", or the text as sent. */
function idRow(position: number, label: string, value: number | null, sent: string, noneText: string, hint: string): FieldRow {
  const path = `entity_data_1[${position}]`;
  if (value !== null && value !== 0) return makeRow(path, label, String(value), 'number', { hint });
  if (sent === '' || sent === '0' || value === 0) return makeRow(path, label, noneText, 'text', { hint });
  return makeRow(path, label, sent, 'text', { hint: hint + UNREADABLE });
}

function dateRow(position: number, label: string, iso: string | null, sent: string, noneText: string, hint: string): FieldRow {
  const path = `entity_data_1[${position}]`;
  if (iso !== null) return makeRow(path, label, iso, 'date', { hint });
  if (sent === '' || sent === '0') return makeRow(path, label, noneText, 'text', { hint });
  return makeRow(path, label, sent, 'text', { hint: hint + ' Not unix seconds; shown as sent.' });
}

export function sessionRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const rawHint = 'CRM|type|id|pinned|waiting|session id|started|line id|blocked since|block reason';
  const session = decoded.session;
  const sent = raw['entity_data_1'];

  if (session === null) {
    const rows = rawRows(raw, 'entity_data_1', 'Session data (entity_data_1)', rawHint);
    if (typeof sent === 'string' && raw['entity_type'] === WIDGET_ENTITY_TYPE) {
      rows.unshift(
        makeRow('decoded.entity_data_1.form', 'Session data format', 'widget-side layout (LIVECHAT); not decoded', 'text', {
          hint: 'The website widget\u2019s own chat stores other data here; only the operators\u2019 LINES chat uses the session layout.',
        }),
      );
    }
    return rows;
  }

  const parts = splitPipes(session.raw);
  const at = (position: number): string => parts[position] ?? '';
  const has = (position: number): boolean => position < parts.length;
  const P = SESSION_POSITIONS;
  const rows: FieldRow[] = [];

  if (has(P.CRM)) {
    rows.push(flagRow(P.CRM, 'CRM bound', session.crmBound, at(P.CRM), 'Y in field 1 of 10 of entity_data_1: the dialog is bound to a CRM entity.'));
  }
  if (has(P.CRM_ENTITY_TYPE)) {
    rows.push(
      makeRow(`entity_data_1[${P.CRM_ENTITY_TYPE}]`, 'Primary CRM entity type', session.crmEntityType, 'text', {
        hint: 'Field 2 of 10: LEAD, DEAL, CONTACT or COMPANY; NONE when unbound.',
      }),
    );
  }
  if (has(P.CRM_ENTITY_ID)) {
    rows.push(primaryCrmRow(session, at(P.CRM_ENTITY_ID), decoded));
  }
  if (has(P.PAUSE)) {
    rows.push(flagRow(P.PAUSE, 'Pinned to operator', session.pinned, at(P.PAUSE), 'Y in field 4 of 10: the dialog stays with its operator.'));
  }
  if (has(P.WAIT_ACTION)) {
    rows.push(
      flagRow(
        P.WAIT_ACTION,
        'Waiting for an automatic action',
        session.waitingAction,
        at(P.WAIT_ACTION),
        'Y in field 5 of 10: the session waits for an automatic action (closed line, after hours, no answer, or reopened after a vote).',
      ),
    );
  }
  if (has(P.ID)) {
    rows.push(idRow(P.ID, 'Session id', session.sessionId, at(P.ID), 'none', 'Field 6 of 10: the SESSION_ID for imopenlines.session.history.get.'));
  }
  if (has(P.DATE_CREATE)) {
    rows.push(
      dateRow(P.DATE_CREATE, 'Session started', session.sessionStart, at(P.DATE_CREATE), 'not recorded', 'Field 7 of 10, in unix seconds. The chat itself may be much older.'),
    );
  }
  if (has(P.LINE_ID)) {
    const lineFromEntity = decoded.entity?.lineId ?? null;
    const none = lineFromEntity === null ? 'not written' : `not written (the line is ${lineFromEntity}, from entity_id)`;
    rows.push(idRow(P.LINE_ID, 'Line id from session', session.lineId, at(P.LINE_ID), none, 'Field 8 of 10: written only when above 0; otherwise the line comes from entity_id part 2.'));
  }
  if (has(P.BLOCK_DATE)) {
    rows.push(
      dateRow(P.BLOCK_DATE, 'Blocked since', session.blockDate, at(P.BLOCK_DATE), 'not blocked', 'Field 9 of 10, unix seconds; 0 = not blocked. Probably the reply window of messenger channels (unconfirmed).'),
    );
  }
  if (has(P.BLOCK_REASON)) {
    rows.push(
      makeRow(`entity_data_1[${P.BLOCK_REASON}]`, 'Block reason', session.blockReason ?? 'none', 'text', {
        hint: 'Field 10 of 10; 0 = none. Bitrix24 writes codes such as DEFAULT or USER (list unconfirmed).',
      }),
    );
  }
  session.extra.forEach((value, index) => {
    const position = SESSION_FIELD_COUNT + index;
    rows.push(
      makeRow(`entity_data_1[${position}]`, `Extra field ${position + 1}`, value, 'text', {
        hint: 'Beyond the documented ten fields; kept as sent.',
      }),
    );
  });

  rows.push(
    makeRow('decoded.entity_data_1.form', 'Session data format', formText(session, parts.length), 'text', {
      hint: 'Current chats carry 10 fields; older chats 6 (CRM, type, id, two service flags, session id); other chats none.',
    }),
  );
  rows.push(...rawRows(raw, 'entity_data_1', 'Session data (entity_data_1)', rawHint));
  return rows;
}

function primaryCrmRow(session: DecodedSessionData, sent: string, decoded: DecodedDialog): FieldRow {
  const path = `entity_data_1[${SESSION_POSITIONS.CRM_ENTITY_ID}]`;
  const hint = 'Field 3 of 10: the id of the primary CRM binding; entity_data_2 lists all of them.';
  const id = session.crmEntityId;
  if (id > 0) {
    // The link is built once, where the portal's origin is known: by the decoder.
    const url = decoded.primaryCrm?.url ?? null;
    return url === null
      ? makeRow(path, 'Primary CRM entity id', String(id), 'number', { hint })
      : makeRow(path, 'Primary CRM entity id', String(id), 'link', { hint, href: url });
  }
  if (sent === '' || sent === '0') return makeRow(path, 'Primary CRM entity id', 'none', 'text', { hint });
  return makeRow(path, 'Primary CRM entity id', sent, 'text', { hint: hint + UNREADABLE });
}

// ---------------------------------------------------------------- CRM

export function crmRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const rawHint = 'TYPE|ID pairs; 0 = not bound.';
  const crm = decoded.crm;
  if (crm === null) return rawRows(raw, 'entity_data_2', 'CRM bindings (entity_data_2)', rawHint);

  const pairs = readCrmPairs(crm.raw);
  const unknownPairs = pairs.filter((pair) => !isKnownCrmType(pair.type));
  const rows: FieldRow[] = [];
  let unknownIndex = 0;

  for (const binding of crm.bindings) {
    const known = isKnownCrmType(binding.type);
    const pair = known
      ? pairs.findLast((p) => p.type === binding.type)
      : unknownPairs[unknownIndex++];
    const path = known ? `entity_data_2.${binding.type}` : `entity_data_2[${pair?.position ?? 0}]`;
    const label = known
      ? crmTypeName(binding.type)
      : binding.type === ''
        ? 'Other binding (no type)'
        : `Other binding: ${binding.type}`;
    const hint = known ? `The ${label.toLowerCase()} this dialog is bound to.` : 'A type this app does not know; kept as sent.';

    if (Number.isNaN(binding.id)) {
      const sent = pair?.idText ?? null;
      rows.push(
        sent === null
          ? makeRow(path, label, 'no id', 'text', { hint: `${hint} The string ended before its id.` })
          : makeRow(path, label, sent, 'text', { hint: hint + UNREADABLE }),
      );
    } else if (binding.id === 0) {
      rows.push(makeRow(path, label, 'none', 'text', { hint }));
    } else if (binding.url !== null) {
      rows.push(makeRow(path, label, String(binding.id), 'link', { hint: `${hint} Opens the CRM card.`, href: binding.url }));
    } else {
      rows.push(makeRow(path, label, String(binding.id), 'number', { hint }));
    }
  }
  rows.push(...rawRows(raw, 'entity_data_2', 'CRM bindings (entity_data_2)', rawHint));
  return rows;
}

// ---------------------------------------------------------------- silent mode

export function silentRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const silent = decoded.silentMode;
  if (silent === null) return rawRows(raw, 'entity_data_3', 'Silent mode (entity_data_3)', 'Y = on, N = off.');

  const value =
    silent.enabled === true ? 'on (Y)' : silent.enabled === false ? 'off (N)' : silent.raw === '' ? 'not set' : `unrecognised: ${silent.raw}`;
  return [
    makeRow('entity_data_3', 'Silent mode', value, 'text', {
      hint: 'entity_data_3: Y = operator messages are not sent to the client (imopenlines.session.mode.silent, now deprecated); N or empty = normal.',
    }),
  ];
}


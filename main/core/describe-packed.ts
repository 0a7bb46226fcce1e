// Rows for the four packed strings (entity_id, entity_data_1/2/3): the raw
// string as sent, then one row per position, decoded. Positions that cannot
// be read are shown as sent rather than silently replaced by a default.
import type { DecodedDialog, DecodedSessionData, FieldRow, RawDialog } from './dialog-types';
import { splitUserCode } from './decode/entity-id';
import { SESSION_FIELD_COUNT, SESSION_POSITIONS } from './decode/session-data';
import { crmTypeName, isKnownCrmType, readCrmPairs } from './decode/crm-bindings';
import { splitPipes } from './decode/pipe-values';
import { WIDGET_ENTITY_TYPE } from './decode/index';
import { childPath, isPlainObject, makeRow, valueRows, yesNo } from './field-rows';
import { messages } from './messages/index';

// Every text is read from the catalogue as the rows are made, in the language of the call.
const words = () => messages().dialog;

function rawRows(raw: RawDialog, key: string, label: string, hint: string): FieldRow[] {
  return Object.hasOwn(raw, key) ? valueRows(key, label, raw[key], { hint }) : [];
}

// ---------------------------------------------------------------- channel

export function channelRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const rows: FieldRow[] = [];
  const entity = decoded.entity;
  const { channel: w, unreadable } = words();

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
          w.connector,
          entity.connectorName === null ? w.customConnector(entity.connectorId) : `${entity.connectorName} (${entity.connectorId})`,
          'text',
          { hint: w.connectorHint },
        ),
      );
    }
    if (present(1)) {
      const hint = w.lineIdHint;
      rows.push(
        entity.lineId === null
          ? makeRow(path(1), w.lineId, text(1), 'text', { hint: hint + unreadable })
          : makeRow(path(1), w.lineId, String(entity.lineId), 'number', { hint }),
      );
    }
    if (entity.externalChatId !== null) {
      rows.push(
        makeRow(path(2), w.externalChatId, entity.externalChatId, 'text', { hint: w.externalChatIdHint }),
      );
    }
    if (present(3)) {
      const hint = w.clientUserIdHint;
      rows.push(
        entity.clientUserId === null
          ? makeRow(path(3), w.clientUserId, text(3), 'text', { hint: hint + unreadable })
          : makeRow(path(3), w.clientUserId, String(entity.clientUserId), 'number', { hint }),
      );
    }
    parts.slice(4).forEach((part, index) => {
      rows.push(
        makeRow(path(4 + index), w.extraPart(5 + index), part, 'text', { hint: w.extraPartHint }),
      );
    });
    rows.push(
      makeRow('decoded.entity_id.wellFormed', w.wellFormed, yesNo(entity.wellFormed), 'boolean', { hint: w.wellFormedHint }),
    );
  }

  rows.push(...rawRows(raw, 'entity_id', w.raw, w.rawHint));
  rows.push(...entityLinkRows(raw));
  return rows;
}

function entityLinkRows(raw: RawDialog): FieldRow[] {
  if (!Object.hasOwn(raw, 'entity_link')) return [];
  const link = raw['entity_link'];
  const w = words();
  if (!isPlainObject(link)) return valueRows('entity_link', w.channel.link, link);

  const known: Record<string, { label: string; hint: string }> = {
    type: w.channel.linkType,
    // Shown as text, never as a link: it comes from the channel, not from us.
    url: w.channel.linkUrl,
    id: w.channel.linkId,
  };
  return Object.entries(link).flatMap(([key, value]) => {
    const spec = Object.hasOwn(known, key) ? known[key] : undefined;
    return spec === undefined
      ? valueRows(childPath('entity_link', key), w.nested(w.channel.link, key), value)
      : valueRows(childPath('entity_link', key), spec.label, value, { hint: spec.hint });
  });
}

// ---------------------------------------------------------------- session

function formText(session: DecodedSessionData, count: number): string {
  const w = words().session;
  switch (session.form) {
    case 'full':
      return w.formFull;
    case 'legacy':
      return w.formLegacy;
    case 'empty':
      return w.formEmpty;
    case 'partial':
      return count > SESSION_FIELD_COUNT ? w.formPartialBeyond(count, SESSION_FIELD_COUNT) : w.formPartialOf(count, SESSION_FIELD_COUNT);
  }
}

function flagRow(position: number, label: string, value: boolean, sent: string, hint: string): FieldRow {
  const odd = sent !== 'Y' && sent !== 'N' && sent !== '' ? words().session.sentAs(sent) : '';
  return makeRow(`entity_data_1[${position}]`, label, yesNo(value), 'boolean', { hint: hint + odd });
}

/** A number-ish position: the decoded value, or a readable "none", or the text as sent. */
function idRow(position: number, label: string, value: number | null, sent: string, noneText: string, hint: string): FieldRow {
  const path = `entity_data_1[${position}]`;
  if (value !== null && value !== 0) return makeRow(path, label, String(value), 'number', { hint });
  if (sent === '' || sent === '0' || value === 0) return makeRow(path, label, noneText, 'text', { hint });
  return makeRow(path, label, sent, 'text', { hint: hint + words().unreadable });
}

function dateRow(position: number, label: string, iso: string | null, sent: string, noneText: string, hint: string): FieldRow {
  const path = `entity_data_1[${position}]`;
  if (iso !== null) return makeRow(path, label, iso, 'date', { hint });
  if (sent === '' || sent === '0') return makeRow(path, label, noneText, 'text', { hint });
  return makeRow(path, label, sent, 'text', { hint: hint + words().session.notUnixSeconds });
}

export function sessionRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const w = words().session;
  const session = decoded.session;
  const sent = raw['entity_data_1'];

  if (session === null) {
    const rows = rawRows(raw, 'entity_data_1', w.raw, w.rawHint);
    if (typeof sent === 'string' && raw['entity_type'] === WIDGET_ENTITY_TYPE) {
      rows.unshift(makeRow('decoded.entity_data_1.form', w.format, w.widgetFormat, 'text', { hint: w.widgetFormatHint }));
    }
    return rows;
  }

  const parts = splitPipes(session.raw);
  const at = (position: number): string => parts[position] ?? '';
  const has = (position: number): boolean => position < parts.length;
  const P = SESSION_POSITIONS;
  const rows: FieldRow[] = [];

  if (has(P.CRM)) {
    rows.push(flagRow(P.CRM, w.crmBound, session.crmBound, at(P.CRM), w.crmBoundHint));
  }
  if (has(P.CRM_ENTITY_TYPE)) {
    rows.push(
      makeRow(`entity_data_1[${P.CRM_ENTITY_TYPE}]`, w.crmType, session.crmEntityType, 'text', { hint: w.crmTypeHint }),
    );
  }
  if (has(P.CRM_ENTITY_ID)) {
    rows.push(primaryCrmRow(session, at(P.CRM_ENTITY_ID), decoded));
  }
  if (has(P.PAUSE)) {
    rows.push(flagRow(P.PAUSE, w.pinned, session.pinned, at(P.PAUSE), w.pinnedHint));
  }
  if (has(P.WAIT_ACTION)) {
    rows.push(flagRow(P.WAIT_ACTION, w.waiting, session.waitingAction, at(P.WAIT_ACTION), w.waitingHint));
  }
  if (has(P.ID)) {
    rows.push(idRow(P.ID, w.sessionId, session.sessionId, at(P.ID), words().values.none, w.sessionIdHint));
  }
  if (has(P.DATE_CREATE)) {
    rows.push(dateRow(P.DATE_CREATE, w.started, session.sessionStart, at(P.DATE_CREATE), w.notRecorded, w.startedHint));
  }
  if (has(P.LINE_ID)) {
    const lineFromEntity = decoded.entity?.lineId ?? null;
    const none = lineFromEntity === null ? w.notWritten : w.notWrittenFromEntity(lineFromEntity);
    rows.push(idRow(P.LINE_ID, w.lineId, session.lineId, at(P.LINE_ID), none, w.lineIdHint));
  }
  if (has(P.BLOCK_DATE)) {
    rows.push(dateRow(P.BLOCK_DATE, w.blockedSince, session.blockDate, at(P.BLOCK_DATE), w.notBlocked, w.blockedSinceHint));
  }
  if (has(P.BLOCK_REASON)) {
    rows.push(
      makeRow(`entity_data_1[${P.BLOCK_REASON}]`, w.blockReason, session.blockReason ?? words().values.none, 'text', { hint: w.blockReasonHint }),
    );
  }
  session.extra.forEach((value, index) => {
    const position = SESSION_FIELD_COUNT + index;
    rows.push(
      makeRow(`entity_data_1[${position}]`, w.extraField(position + 1), value, 'text', { hint: w.extraFieldHint }),
    );
  });

  rows.push(
    makeRow('decoded.entity_data_1.form', w.format, formText(session, parts.length), 'text', { hint: w.formatHint }),
  );
  rows.push(...rawRows(raw, 'entity_data_1', w.raw, w.rawHint));
  return rows;
}

function primaryCrmRow(session: DecodedSessionData, sent: string, decoded: DecodedDialog): FieldRow {
  const path = `entity_data_1[${SESSION_POSITIONS.CRM_ENTITY_ID}]`;
  const { session: w, values, unreadable } = words();
  const label = w.crmId;
  const hint = w.crmIdHint;
  const id = session.crmEntityId;
  if (id > 0) {
    // The link is built once, where the portal's origin is known: by the decoder.
    const url = decoded.primaryCrm?.url ?? null;
    return url === null
      ? makeRow(path, label, String(id), 'number', { hint })
      : makeRow(path, label, String(id), 'link', { hint, href: url });
  }
  if (sent === '' || sent === '0') return makeRow(path, label, values.none, 'text', { hint });
  return makeRow(path, label, sent, 'text', { hint: hint + unreadable });
}

// ---------------------------------------------------------------- CRM

export function crmRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const { crm: w, values, unreadable } = words();
  const crm = decoded.crm;
  if (crm === null) return rawRows(raw, 'entity_data_2', w.raw, w.rawHint);

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
    const type = binding.type;
    const label = isKnownCrmType(type) ? crmTypeName(type) : type === '' ? w.otherNoType : w.other(type);
    const hint = isKnownCrmType(type) ? w.types[type].hint : w.otherHint;

    if (Number.isNaN(binding.id)) {
      const sent = pair?.idText ?? null;
      rows.push(
        sent === null
          ? makeRow(path, label, w.noId, 'text', { hint: hint + w.endedBeforeId })
          : makeRow(path, label, sent, 'text', { hint: hint + unreadable }),
      );
    } else if (binding.id === 0) {
      rows.push(makeRow(path, label, values.none, 'text', { hint }));
    } else if (binding.url !== null) {
      rows.push(makeRow(path, label, String(binding.id), 'link', { hint: hint + w.opensCard, href: binding.url }));
    } else {
      rows.push(makeRow(path, label, String(binding.id), 'number', { hint }));
    }
  }
  rows.push(...rawRows(raw, 'entity_data_2', w.raw, w.rawHint));
  return rows;
}

// ---------------------------------------------------------------- silent mode

export function silentRows(raw: RawDialog, decoded: DecodedDialog): FieldRow[] {
  const w = words().silent;
  const silent = decoded.silentMode;
  if (silent === null) return rawRows(raw, 'entity_data_3', w.raw, w.rawHint);

  const value = silent.enabled === true ? w.on : silent.enabled === false ? w.off : silent.raw === '' ? w.notSet : w.unrecognised(silent.raw);
  return [makeRow('entity_data_3', w.label, value, 'text', { hint: w.hint })];
}


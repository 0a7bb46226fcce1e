// entity_data_2 (LINES_CRM, https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-dialog-get.html): TYPE|ID pairs. The module's reader starts
// from LEAD, COMPANY, CONTACT, DEAL = 0 and fills known keys in any order, so
// the four are always reported in that order; unknown pairs follow as sent.
//
// An id that is missing (odd trailing element) or not a non-negative integer is
// reported as NaN: "this type was named, but no readable id came with it". It
// never gets a link, and the raw string stays available for display.
import type { CrmBinding, DecodedCrmBindings } from '../dialog-types';
import { messages } from '../messages/index';
import { parseNonNegativeInt, splitPipes } from './pipe-values';

export const KNOWN_CRM_TYPES = ['LEAD', 'COMPANY', 'CONTACT', 'DEAL'] as const;
export type KnownCrmType = (typeof KNOWN_CRM_TYPES)[number];

export function isKnownCrmType(type: string): type is KnownCrmType {
  return (KNOWN_CRM_TYPES as readonly string[]).includes(type);
}

export interface CrmPair {
  type: string;
  /** The id text as sent, or null when the string ended after the type. */
  idText: string | null;
  /** Index of the type element in the pipe string. */
  position: number;
}

/** The pairs exactly as written, for callers that need positions. */
export function readCrmPairs(raw: string): CrmPair[] {
  const parts = splitPipes(raw);
  const pairs: CrmPair[] = [];
  for (let position = 0; position < parts.length; position += 2) {
    pairs.push({ type: parts[position] ?? '', idText: parts[position + 1] ?? null, position });
  }
  return pairs;
}

/** "Lead", "Deal"… in the language of the call; an unknown type as sent. */
export function crmTypeName(type: string): string {
  return isKnownCrmType(type) ? messages().dialog.crm.types[type].name : type;
}

export function crmCardUrl(portalOrigin: string | null, type: string, id: number): string | null {
  if (portalOrigin === null || !isKnownCrmType(type) || !Number.isInteger(id) || id <= 0) return null;
  return `${portalOrigin.replace(/\/+$/, '')}/crm/${type.toLowerCase()}/details/${id}/`;
}

function readId(idText: string | null): number {
  return idText === null ? Number.NaN : (parseNonNegativeInt(idText) ?? Number.NaN);
}

export function decodeCrmBindings(raw: string, portalOrigin: string | null): DecodedCrmBindings {
  const known = new Map<string, number>(KNOWN_CRM_TYPES.map((type) => [type, 0]));
  const unknown: Array<{ type: string; id: number }> = [];

  for (const pair of readCrmPairs(raw)) {
    // A repeated known type overwrites, as the module's reader does.
    if (isKnownCrmType(pair.type)) known.set(pair.type, readId(pair.idText));
    else unknown.push({ type: pair.type, id: readId(pair.idText) });
  }

  const bindings: CrmBinding[] = [
    ...KNOWN_CRM_TYPES.map((type) => ({ type, id: known.get(type) ?? 0 })),
    ...unknown,
  ].map(({ type, id }) => ({ type, id, url: crmCardUrl(portalOrigin, type, id) }));

  return { raw, bindings };
}

// A pasted list of identifiers: split where a person separates them (lines,
// commas, semicolons, spaces, tabs), each recognised or refused on its own,
// repeats of the same dialog query dropped, so a bulk run asks for each once.
import type { IdentifierList, ListedIdentifier } from './bulk-types';
import { inspectorError, InspectorError, toEnvelope } from './error-codes';
import { parseIdentifier, type NumberAs } from './identifier';
import { messages } from './messages/index';

/** A bulk run's ceiling: 100 batch requests, which a standard plan's limit lets through in under a minute. */
export const MAX_LISTED_IDENTIFIERS = 5_000;

/** The pieces of `text` that could each be an identifier; nothing a link or user code holds is a separator. */
export function listPieces(text: string): string[] {
  return text.split(/[\s,;]+/u).filter((piece) => piece !== '');
}

/** True when `text` holds more than one piece: what to offer as a bulk run rather than refuse. */
export function looksLikeList(text: string): boolean {
  return listPieces(text).length > 1;
}

export function splitIdentifiers(text: string, numberAs: NumberAs): IdentifierList {
  const pieces = listPieces(text);
  if (pieces.length > MAX_LISTED_IDENTIFIERS) {
    throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.batch.tooManyIdentifiers(pieces.length, MAX_LISTED_IDENTIFIERS) });
  }
  const items: ListedIdentifier[] = [];
  const seen = new Set<string>();
  let repeats = 0;
  for (const input of pieces) {
    try {
      const query = parseIdentifier(input, numberAs);
      const key = `${query.param} ${String(query.value).toLowerCase()}`;
      if (seen.has(key)) {
        repeats++;
        continue;
      }
      seen.add(key);
      items.push({ input, query });
    } catch (error) {
      if (!(error instanceof InspectorError)) throw error;
      items.push({ input, error: toEnvelope(error) });
    }
  }
  return { items, repeats };
}

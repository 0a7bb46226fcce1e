// A pasted list of identifiers: split where a person separates them (lines,
// commas, semicolons, spaces, tabs), each recognised or refused on its own,
// repeats of the same dialog query dropped, so a bulk run asks for each once.
import type { IdentifierList, ListedIdentifier } from './bulk-types';
import { inspectorError, InspectorError, toEnvelope } from './error-codes';
import { parseIdentifier, type NumberAs } from './identifier';
import { listPieces, MAX_LISTED_IDENTIFIERS } from './list-pieces';
import { messages } from './messages/index';

export { listPieces, looksLikeList, MAX_LISTED_IDENTIFIERS } from './list-pieces';

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

// Where a pasted text is cut into identifiers: plain data the page loads too
// (it imports nothing), so the lookup field offers a bulk run for exactly the
// texts main would split into more than one piece.

/** A bulk run's ceiling: 200 batch requests, which a standard plan's limit (burst 50, then 2 a second) lets through in about 75 s. */
export const MAX_LISTED_IDENTIFIERS = 10_000;

/** The pieces of `text` that could each be an identifier; nothing a link or user code holds is a separator. */
export function listPieces(text: string): string[] {
  return text.split(/[\s,;]+/u).filter((piece) => piece !== '');
}

/** True when `text` holds more than one piece: what to offer as a bulk run rather than refuse. */
export function looksLikeList(text: string): boolean {
  return listPieces(text).length > 1;
}

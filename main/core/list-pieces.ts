// Where a pasted text or a list file is cut into identifiers: plain data the
// page loads too (it imports nothing), so the lookup field offers a bulk run
// for exactly the texts main would split into more than one piece, and a
// dropped file and one opened through the OS dialog are read alike.

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

/**
 * Headers of a column of identifiers, best first, as a header reads once
 * lower-cased with spaces and dashes made underscores. Our own bulk export
 * has `input` and `dialog_id` (empty where a row failed), the overview's
 * `chat_id` and `dialog_id`, the history's `input` and `chat_id`: the
 * dialog's own id comes first, so reading back an export asks for exactly
 * the dialogs it holds, not for every line, operator or session id beside them.
 */
const IDENTIFIER_HEADERS = ['dialog_id', 'dialog', 'chat_id', 'chat', 'user_code', 'input', 'identifier', 'link', 'url', 'session_id', 'session'];
/** Columns whose bare numbers are chat ids whatever "Number means" says: written `chat<N>`. */
const CHAT_ID_HEADERS = new Set(['chat_id', 'chat']);

function headerKey(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The delimiter of a CSV: the most frequent of comma, semicolon and tab outside quotes in its first lines (Excel writes `;` where `,` is the decimal mark). */
function csvDelimiter(sample: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const character of sample) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF or CR end a record. Blank lines are no records. */
export function csvRecords(text: string, delimiter = csvDelimiter(firstLinesOf(text))): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  for (; at < text.length; at++) {
    const character = text[at]!;
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[at + 1] === '"') {
        field += '"';
        at++;
      } else quoted = false;
    } else if (character === '"' && field.trim() === '') {
      // A quote opens a field only at its start; elsewhere it is the text's own.
      field = '';
      quoted = true;
    } else if (character === delimiter) {
      record.push(field);
      field = '';
    } else if (character === '\r' || character === '\n') {
      if (character === '\r' && text[at + 1] === '\n') at++;
      endRecord();
    } else field += character;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** The first ten lines: enough to tell the delimiter when the header alone leaves it open. */
function firstLinesOf(text: string): string {
  return text.split(/\r?\n|\r/, 10).join('\n');
}

function firstLineOf(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const end = body.search(/[\r\n]/);
  return end === -1 ? body : body.slice(0, end);
}

/** The column of identifiers a header row names, best first; -1 when it names none. */
function identifierColumn(header: readonly string[]): number {
  const keys = header.map(headerKey);
  for (const wanted of IDENTIFIER_HEADERS) {
    const column = keys.indexOf(wanted);
    if (column !== -1) return column;
  }
  return -1;
}

/** A first cell that reads as an identifier (a number, chatN, a user code, a link) is data, not a header. */
function looksLikeIdentifier(cell: string): boolean {
  return /^(\d+|chat\d+|https?:\/\/.*|.*\|.*)$/i.test(cell.trim());
}

/** True when the first line is a CSV header naming a column of identifiers (a .txt export, a file without its extension). */
function startsWithCsvHeader(text: string): boolean {
  const line = firstLineOf(text);
  const delimiter = csvDelimiter(line);
  if (!line.includes(delimiter)) return false;
  return identifierColumn(csvRecords(line, delimiter)[0] ?? []) !== -1;
}

/**
 * The identifiers of a CSV table: the column its header names as one (see
 * IDENTIFIER_HEADERS), else the first; a header of no identifier column is
 * skipped. Empty cells are no identifiers.
 */
export function csvPieces(text: string): string[] {
  const records = csvRecords(text);
  const header = records[0];
  if (!header) return [];
  let column = identifierColumn(header);
  let rows = records.slice(1);
  if (column === -1) {
    // No header, and every cell an identifier: a list that happens to be saved as .csv ("1777,2001,2002").
    if (records.every((record) => record.every((cell) => cell.trim() === '' || looksLikeIdentifier(cell)))) return records.flat().flatMap(listPieces);
    column = 0;
    if (looksLikeIdentifier(header[0] ?? '')) rows = records;
  }
  const asChat = CHAT_ID_HEADERS.has(headerKey(header[column] ?? ''));
  const pieces: string[] = [];
  for (const row of rows) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    pieces.push(asChat && /^\d+$/.test(cell) ? `chat${cell}` : cell);
  }
  return pieces;
}

/** A list file's identifiers: a `.csv` (or text whose first line is a CSV header of identifiers) by its column, any other text as a pasted one. */
export function filePieces(text: string, name: string | null): string[] {
  const isCsv = (name !== null && /\.csv$/i.test(name)) || startsWithCsvHeader(text);
  return isCsv ? csvPieces(text) : listPieces(text);
}

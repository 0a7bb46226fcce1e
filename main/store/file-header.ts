// A look at the file before SQLite opens it. SQLite reads a file cut short
// below its first page as an empty database, and the first write would then
// overwrite what was left; so a truncated or foreign file is caught here, by
// the 100-byte header (https://www.sqlite.org/fileformat.html#the_database_header).
import fs from 'node:fs';
import { messages } from '../core/messages/index';

const HEADER_SIZE = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header;
}

/**
 * Why the file cannot be a healthy database, or null when it may be one (or
 * does not exist, or is empty: SQLite starts a new database in an empty file).
 */
export function headerProblem(file: string): string | null {
  const size = fileSize(file);
  if (size === null || size === 0) return null;
  const said = messages().errors.store;
  if (size < HEADER_SIZE) return said.shorterThanHeader(size);

  const header = readHeader(file);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return said.notDatabase;

  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return said.badPageSize(rawPageSize);

  // With a write-ahead log beside it, the main file may legitimately lag behind
  // its header (a checkpoint cut short); SQLite replays the log, so trust it then.
  const walSize = fileSize(`${file}-wal`);
  if (walSize !== null && walSize > 0) return null;

  if (size % pageSize !== 0) return said.notWholePages(size, pageSize);
  // The page count in the header is valid only when the two change counters agree.
  const pageCount = header.readUInt32BE(28);
  const counted = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (counted && pageCount > 0 && size < pageCount * pageSize) {
    return said.fewerPages(pageCount, size / pageSize);
  }
  return null;
}

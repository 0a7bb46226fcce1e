// A list of identifiers the user opened through the OS dialog: read by main
// (the window never names a path), checked before the window gets its text.
// Its size is asked before a byte is read; a binary file or one that is not
// UTF-8 is refused in words rather than shown as mojibake identifiers.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { inspectorError, InspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { OpenedList } from './export-types';

/** What a dropped list may weigh too (renderer/src/lib/dropped-list.ts): room for 10,000 identifiers with plenty to spare. */
export const MAX_LIST_FILE_BYTES = 2_000_000;

/** "2.1": rounded up to a tenth, so a file just over the limit does not read as exactly at it. */
function megabytes(bytes: number): string {
  return (Math.ceil(bytes / 100_000) / 10).toFixed(1);
}

/** The file at `path` as text; FILE_NOT_READ, saying which of too large, not text, not UTF-8 or unreadable, when it cannot be a list. */
export async function readListFile(path: string, maxBytes = MAX_LIST_FILE_BYTES): Promise<OpenedList> {
  const name = basename(path);
  const said = messages().errors.listFile;
  const refuse = (message: string) => inspectorError('FILE_NOT_READ', { message });
  let bytes: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      const stat = await file.stat();
      const size = stat.size;
      if (!stat.isFile()) throw refuse(said.notAFile(name));
      if (size > maxBytes) throw refuse(said.tooLarge(name, megabytes(size), String(maxBytes / 1_000_000)));
      // One byte more than allowed: a file that grew since stat() is still caught.
      const buffer = Buffer.alloc(maxBytes + 1);
      const { bytesRead } = await file.read(buffer, 0, maxBytes + 1, 0);
      if (bytesRead > maxBytes) throw refuse(said.tooLarge(name, megabytes(bytesRead), String(maxBytes / 1_000_000)));
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    if (error instanceof InspectorError) throw error;
    throw refuse(said.unreadable(name, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  // A spreadsheet saved as .xlsx, an image: NUL bytes never occur in a text list.
  if (bytes.includes(0)) throw refuse(said.notText(name));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(said.notUtf8(name));
  }
  return { name, text };
}

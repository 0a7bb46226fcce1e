// Writing a file the user asked for: whole or not at all, so a full disk or a
// vanished folder never leaves half a table under the chosen name. The window's
// save and the CLI's --output both end here.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';

/** Writes `content` as UTF-8 to a part file beside `path`, then renames it; its size in bytes. FILE_NOT_SAVED, in words, when it cannot. */
export async function saveWhole(path: string, content: string): Promise<number> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw inspectorError('FILE_NOT_SAVED', { message: `${messages().errors.codes.FILE_NOT_SAVED.message} (${reason})` });
  }
  return Buffer.byteLength(content, 'utf8');
}

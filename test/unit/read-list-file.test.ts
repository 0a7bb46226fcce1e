// A list opened through the OS dialog, read by main: its text and name when it
// is a UTF-8 text of at most 2 MB, else FILE_NOT_READ saying which it is not.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/error-codes';
import { inLanguage } from '../../main/core/i18n';
import { MAX_LIST_FILE_BYTES, readListFile } from '../../main/export/read-list-file';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

async function refusal(path: string): Promise<{ code: string; message: string }> {
  try {
    await readListFile(path);
  } catch (error) {
    if (error instanceof InspectorError) return error.envelope;
    throw error;
  }
  throw new Error('expected a refusal');
}

it('reads a UTF-8 list with Cyrillic, drops its BOM, and names the file without its folder', async () => {
  const path = join(dir, 'жалобы.csv');
  await writeFile(path, '\uFEFFinput,note\r\nchat1777,клиент ждёт\r\n');
  expect(await readListFile(path)).toEqual({ name: 'жалобы.csv', text: 'input,note\r\nchat1777,клиент ждёт\r\n' });
});

it('takes a file of exactly 2 MB and refuses one byte more, naming both sizes, before reading it', async () => {
  expect(MAX_LIST_FILE_BYTES).toBe(2_000_000);
  const exact = join(dir, 'exact.txt');
  await writeFile(exact, '1\n'.repeat(MAX_LIST_FILE_BYTES / 2));
  expect((await readListFile(exact)).text).toHaveLength(MAX_LIST_FILE_BYTES);
  const over = join(dir, 'big.txt');
  await writeFile(over, `${'1\n'.repeat(MAX_LIST_FILE_BYTES / 2)}2`);
  expect(await refusal(over)).toMatchObject({ code: 'FILE_NOT_READ', message: 'big.txt is 2.1 MB: lists of up to 2 MB can be opened. Split the file, or open part of it.' });
  expect(await inLanguage('ru', () => refusal(over))).toMatchObject({ message: expect.stringMatching(/^big\.txt весит 2,1 МБ: открыть можно список до 2 МБ\./) });
});

it('refuses a binary file (a spreadsheet renamed .csv) as not text', async () => {
  const path = join(dir, 'book.csv');
  await writeFile(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
  expect(await refusal(path)).toMatchObject({ code: 'FILE_NOT_READ', message: expect.stringMatching(/^book\.csv is not a text or CSV file/) });
});

it('refuses a list saved in Windows-1251 as not UTF-8, saying how to save it', async () => {
  const path = join(dir, 'list.txt');
  // "чат" in Windows-1251: bytes that are no UTF-8.
  await writeFile(path, Buffer.from([0x31, 0x37, 0x37, 0x37, 0x0a, 0xf7, 0xe0, 0xf2]));
  expect(await refusal(path)).toMatchObject({ code: 'FILE_NOT_READ', message: 'list.txt is not in UTF-8. Save it again as "CSV UTF-8" or as UTF-8 text, then open it.' });
});

it('refuses a folder and a file that is gone, with the reason the system gave', async () => {
  await mkdir(join(dir, 'folder.csv'));
  expect(await refusal(join(dir, 'folder.csv'))).toMatchObject({ code: 'FILE_NOT_READ', message: expect.stringMatching(/^folder\.csv (is not a file|could not be read \(EISDIR\))/) });
  expect(await refusal(join(dir, 'gone.csv'))).toMatchObject({ code: 'FILE_NOT_READ', message: 'gone.csv could not be read (ENOENT).' });
});

// Opening a list through the OS open dialog, through the handler the window
// talks to: main asks for the file, reads and checks it, and answers its name
// and text; the window never names a path.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { OpenedList } from '../../preload/api-contract';
import type { OpenFileOptions } from '../../main/export/export-types';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorCode, errorOf, ok } from '../support/ipc-result';

let harness: Harness;
afterEach(() => harness?.dispose());

it('offers CSV and text lists in the dialog and answers the chosen file’s name and text', async () => {
  const asked: OpenFileOptions[] = [];
  let file = '';
  harness = await startHarness(null, {
    chooseOpenFile: async (options) => {
      asked.push(options);
      return file;
    },
  });
  file = join(harness.dataDir, 'complaints.csv');
  await writeFile(file, 'input,outcome\r\nchat1777,found\r\n');
  expect(ok<OpenedList>(await harness.api.dispatch('list:open', undefined))).toEqual({ name: 'complaints.csv', text: 'input,outcome\r\nchat1777,found\r\n' });
  expect(asked).toEqual([{ title: 'Open a list of identifiers', filters: [{ name: 'Lists (CSV, text)', extensions: ['csv', 'txt', 'tsv', 'text', 'list'] }] }]);
});

it('answers null when the dialog is closed, and with no dialog to ask', async () => {
  harness = await startHarness(null, { chooseOpenFile: async () => null });
  expect(ok(await harness.api.dispatch('list:open', undefined))).toBeNull();
  await harness.dispose();
  harness = await startHarness(null);
  expect(ok(await harness.api.dispatch('list:open', undefined))).toBeNull();
});

it('says in words why a chosen file is no list, and takes no path from the window', async () => {
  let file = '';
  harness = await startHarness(null, { chooseOpenFile: async () => file });
  file = join(harness.dataDir, 'export.xlsx');
  await writeFile(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]));
  expect(errorOf(await harness.api.dispatch('list:open', undefined))).toMatchObject({ code: 'FILE_NOT_READ', title: 'List not opened', message: expect.stringContaining('export.xlsx is not a text or CSV file') });
  expect(errorCode(await harness.api.dispatch('list:open', { path: file }))).toBe('INVALID_ARGUMENT');
});

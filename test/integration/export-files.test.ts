// Saving what the window shows as a file, through the handlers the window
// talks to, against the emulator over HTTPS: main makes the file from what it
// holds, asks where through the save dialog, and writes it whole or not at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BulkRunResult, ExportOutcome, LookupResult } from '../../preload/api-contract';
import { DEMO_IDS, startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorCode, errorOf, ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(() => emulator.close());
afterEach(() => harness?.dispose());

async function connected(options: Parameters<typeof startHarness>[1] = {}): Promise<void> {
  harness = await startHarness(emulator, options);
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
}

const save = async (request: unknown) => ok<ExportOutcome>(await harness.api.dispatch('export:save', request));
const savedText = (name: string) => readFileSync(join(harness.dataDir, 'saved', name), 'utf8');

describe('a dialog', () => {
  it('saves as Markdown with the sections the window shows, portal text escaped, and as JSON with the answer as sent', async () => {
    await connected();
    ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: String(DEMO_IDS.markupChatId), numberAs: 'chat' }));
    const markdown = await save({ what: 'dialog', chatId: DEMO_IDS.markupChatId, format: 'markdown' });
    expect(markdown).toEqual({ saved: true, fileName: `chat${DEMO_IDS.markupChatId}.md`, bytes: expect.any(Number) });
    expect(harness.saves.at(-1)).toEqual({ title: 'Save the dialog', defaultName: `chat${DEMO_IDS.markupChatId}.md`, filters: [{ name: 'Markdown', extensions: ['md'] }] });
    const text = savedText(`chat${DEMO_IDS.markupChatId}.md`);
    // The name `<img src=x onerror=alert(1)>` is words on the page, not an image.
    expect(text).toMatch(/^# \\<img src=x onerror=alert\(1\)\\>.* \(chat2006\)\n/);
    expect(text).not.toMatch(/(?<!\\)<img/);
    expect(text).toContain('| Field | Key | Value |');
    expect(text).toContain(`Open in Bitrix24: <${emulator.origin}/online/?IM_DIALOG=chat2006>`);
    expect(text).toMatch(/^\| Dialog name \| `name` \| \\<img src=x/m);
    expect(markdown.saved && markdown.bytes).toBe(Buffer.byteLength(text));

    await save({ what: 'dialog', chatId: DEMO_IDS.markupChatId, format: 'json' });
    const json = JSON.parse(savedText(`chat${DEMO_IDS.markupChatId}.json`));
    expect(json.dialog.id).toBe(DEMO_IDS.markupChatId);
    expect(json.dialog.name).toMatch(/^<img src=x onerror=alert\(1\)>/);
    expect(json).not.toHaveProperty('sections');
  });

  it('that is not kept is refused before the save dialog opens', async () => {
    await connected();
    const refused = await harness.api.dispatch('export:save', { what: 'dialog', chatId: 1777, format: 'json' });
    expect(errorCode(refused)).toBe('NOT_CACHED');
    expect(harness.saves).toEqual([]);
  });
});

describe('a transcript', () => {
  it('saves the kept session as Markdown or text, named by chat and session', async () => {
    await connected();
    ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    expect(await save({ what: 'transcript', chatId: 1777, sessionId: 343, format: 'text' })).toMatchObject({ saved: true, fileName: 'chat1777-session343.txt' });
    const text = savedText('chat1777-session343.txt');
    expect(text).toMatch(/^Conversation of chat1777, session 343/);
    expect(text).toContain('dialog.get works now');
    await save({ what: 'transcript', chatId: 1777, sessionId: 343, format: 'markdown' });
    expect(savedText('chat1777-session343.md')).toMatch(/^# Conversation of chat1777, session 343/);
    expect(errorCode(await harness.api.dispatch('export:save', { what: 'transcript', chatId: 1777, sessionId: 287, format: 'text' }))).toBe('NOT_CACHED');
  });
});

describe('a bulk table and the history', () => {
  it('save as CSV a spreadsheet reads (BOM, CRLF, one record a row) and as JSON', async () => {
    await connected();
    const run = ok<BulkRunResult>(await harness.api.dispatch('bulk:run', { inputs: ['chat1777', String(DEMO_IDS.cyrillicChatId), 'hello'], numberAs: 'chat', runId: 'run-9' }));
    expect(run.rows).toHaveLength(3);
    const csv = await save({ what: 'bulk', runId: 'run-9', format: 'csv' });
    expect(csv).toMatchObject({ saved: true, fileName: expect.stringMatching(/^bulk-\d{4}-\d\d-\d\d-\d{4}\.csv$/) });
    const table = savedText(csv.saved ? csv.fileName : '');
    expect(table.startsWith('\uFEFFinput,outcome,chat_id,')).toBe(true);
    expect(table.split('\r\n')).toHaveLength(4);
    expect(table).toContain(',failed,');

    ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    expect(errorCode(await harness.api.dispatch('lookup:run', { input: String(DEMO_IDS.missingChatId), numberAs: 'chat' }))).not.toBe('INVALID_ARGUMENT');
    const history = await save({ what: 'history', format: 'json' });
    const entries = JSON.parse(savedText(history.saved ? history.fileName : ''));
    // The bulk run above is an entry of its own.
    expect(entries.map((entry: { input: string }) => entry.input)).toEqual([String(DEMO_IDS.missingChatId), 'chat1777', `chat1777, ${DEMO_IDS.cyrillicChatId}, hello`]);
    const historyCsv = await save({ what: 'history', format: 'csv' });
    const records = savedText(historyCsv.saved ? historyCsv.fileName : '').split('\r\n');
    expect(records).toHaveLength(4);
    expect(records[0]).toBe('\uFEFFat,account,input,param,value,outcome,chat_id,name,source,elapsed_ms,pinned');
    expect(records[2]).toMatch(new RegExp(`^\\d{4}-[^,]+,${new URL(emulator.origin).host.replace(/\./g, '\\.')},chat1777,DIALOG_ID,chat1777,ok,1777,[^,]*,network,\\d+,false$`));
  });

  it('a run main no longer holds is said in words', async () => {
    await connected();
    const refused = errorOf(await harness.api.dispatch('export:save', { what: 'bulk', runId: 'never-ran', format: 'csv' }));
    expect(refused.code).toBe('NOT_CACHED');
    expect(refused.message).toContain('Run the list again');
  });
});

describe('the overview', () => {
  it('saves its newest refresh as CSV, one record a dialog; before any refresh it says to refresh first', async () => {
    await connected();
    const before = errorOf(await harness.api.dispatch('export:save', { what: 'overview', format: 'csv' }));
    expect(before.code).toBe('NOT_CACHED');
    expect(before.message).toContain('refresh it, then save it');
    const overview = ok<{ rows: unknown[] }>(await harness.api.dispatch('overview:get', {}));
    expect(overview.rows.length).toBeGreaterThan(100);
    const saved = await save({ what: 'overview', format: 'csv' });
    expect(saved).toMatchObject({ saved: true, fileName: expect.stringMatching(/^overview-\d{4}-\d\d-\d\d-\d{4}\.csv$/) });
    const records = savedText(saved.saved ? saved.fileName : '').split('\r\n');
    expect(records[0]).toMatch(/^\uFEFFchat_id,dialog_id,name,status,/);
    expect(records).toHaveLength(overview.rows.length + 1);
  });
});

describe('the save itself', () => {
  it('closing the dialog saves nothing; a place that cannot be written is FILE_NOT_SAVED and leaves no part file', async () => {
    await connected({ chooseSaveFile: async () => null });
    expect(await save({ what: 'history', format: 'csv' })).toEqual({ saved: false });
    await harness.dispose();

    let folder = '';
    await connected({ chooseSaveFile: async () => join(folder, 'missing-folder', 'history.csv') });
    folder = harness.dataDir;
    const failed = errorOf(await harness.api.dispatch('export:save', { what: 'history', format: 'csv' }));
    expect(failed.code).toBe('FILE_NOT_SAVED');
    expect(failed.message).toContain('ENOENT');
    expect(readdirSync(harness.dataDir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('takes only what the contract allows: no path, no unknown kind', async () => {
    await connected();
    for (const request of [{ what: 'history', format: 'csv', path: 'elsewhere/x.csv' }, { what: 'settings', format: 'json' }, { what: 'dialog', chatId: -1, format: 'json' }, { what: 'bulk', runId: 'r', format: 'markdown' }]) {
      expect(errorCode(await harness.api.dispatch('export:save', request))).toBe('INVALID_ARGUMENT');
    }
    expect(harness.saves).toEqual([]);
  });
});

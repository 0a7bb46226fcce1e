// A list file's identifiers: a CSV is read as a table (RFC 4180) and its
// column of identifiers taken, so reading back our own exports asks for
// exactly their dialogs, never for their line, operator or session ids;
// a plain text list is split as a pasted one is.
import { describe, expect, it } from 'vitest';
import type { BulkDialogSummary, BulkRow } from '../../main/core/bulk-types';
import { splitIdentifiers } from '../../main/core/identifier-list';
import { csvRecords, filePieces } from '../../main/core/list-pieces';
import type { OverviewRow } from '../../main/core/overview-types';
import { bulkCsv } from '../../main/export/bulk-file';
import { historyCsv } from '../../main/export/history-file';
import { overviewCsv } from '../../main/export/overview-file';
import { bulkSummary } from '../support/bulk-fixtures';

function summary(chatId: number, name: string): BulkDialogSummary {
  return bulkSummary({ chatId, dialogId: `chat${chatId}`, name, lineName: 'Support; Moscow', operatorName: 'Anna', blocked: true });
}

const row = (index: number, input: string, outcome: BulkRow['outcome'], dialog: BulkDialogSummary | null): BulkRow => ({
  index,
  input,
  outcome,
  dialog,
  error: dialog ? null : { code: 'INVALID_IDENTIFIER', title: 'Not an identifier', message: 'hello, "what"', action: '', retryable: false },
  fetchedAt: dialog ? '2026-03-16T18:00:00.000Z' : null,
});

describe('our own exports read back', () => {
  it('a bulk table gives exactly the dialogs it holds, whatever names, line names and failed rows stand beside them', () => {
    const csv = bulkCsv([
      row(0, 'chat1777', 'found', summary(1777, 'Doe, "Jane"\r\nsecond line')),
      row(1, 'hello', 'failed', null),
      row(2, '2001', 'kept', summary(2001, '=HYPERLINK("x")')),
      row(3, 'livechat|22|1775|599', 'found', summary(1775, 'Иван; Петров')),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const pieces = filePieces(csv, 'bulk-2026-12-07-1012.csv');
    expect(pieces).toEqual(['chat1777', 'chat2001', 'chat1775']);
    // And the run asks the portal for those three dialogs by their dialog ids, nothing else.
    expect(splitIdentifiers(pieces.join('\n'), 'session').items.map((item) => ('query' in item ? `${item.query.param}=${item.query.value}` : item.input))).toEqual([
      'DIALOG_ID=chat1777',
      'DIALOG_ID=chat2001',
      'DIALOG_ID=chat1775',
    ]);
  });

  it('the overview gives its dialogs; a row whose dialog could not be read gives none', () => {
    const base = { name: 'Guest', status: null, statusCode: null, waitingSince: null, answerTargetSeconds: null, channel: 'livechat', channelName: null, lineId: 1, lineName: null, operatorId: 5, operatorName: null, clientUserId: 9, clientName: null, crm: null, sessionId: 77, sessionStart: null, lastMessageAt: null, unread: null, pinned: false, silent: false, blocked: false, sources: [], completed: true } satisfies Omit<OverviewRow, 'chatId' | 'dialogId'>;
    const csv = overviewCsv([
      { ...base, chatId: 1777, dialogId: 'chat1777' },
      { ...base, chatId: null, dialogId: null },
      { ...base, chatId: 2003, dialogId: 'chat2003' },
    ]);
    expect(filePieces(csv, 'overview.csv')).toEqual(['chat1777', 'chat2003']);
  });

  it('the history, its chat ids as chats even where "Number means" says sessions; a .txt export is still read as CSV', () => {
    const entry = { id: 1, at: '2026-03-16T18:00:00.000Z', account: 'b24-x.bitrix24.com', input: '343', param: 'SESSION_ID', value: '343', outcome: 'found', chatId: 1777, name: 'Guest', source: 'portal', elapsedMs: 120, pinned: false };
    const csv = historyCsv([entry as never, { ...entry, id: 2, chatId: null, outcome: 'failed' } as never]);
    expect(filePieces(csv, 'history.csv')).toEqual(['chat1777']);
    expect(filePieces(csv.slice(1), 'history copy.txt')).toEqual(['chat1777']);
  });
});

describe('RFC 4180', () => {
  it('reads quoted fields with the delimiter, doubled quotes and line breaks in them, CRLF, LF and a BOM', () => {
    expect(csvRecords('\uFEFFa,"b,1","say ""hi""\r\nthere"\r\nc,d;e,\n\r\nf\n', ',')).toEqual([
      ['a', 'b,1', 'say "hi"\r\nthere'],
      ['c', 'd;e', ''],
      ['f'],
    ]);
  });

  it('takes the delimiter the header uses: semicolons (Excel where a comma is the decimal mark) and tabs', () => {
    expect(filePieces('Name;Chat ID;Note\r\n"Doe; Jane";1777;"a, b"\r\nRoe;2001;\r\n', 'list.csv')).toEqual(['chat1777', 'chat2001']);
    expect(filePieces('note\tdialog\nfirst\tchat1777\nsecond\tlivechat|1|2|3\n', 'list.csv')).toEqual(['chat1777', 'livechat|1|2|3']);
  });

  it('names a column of identifiers in many ways, the dialog before the chat before what was typed', () => {
    expect(filePieces('Session,Link\n343,https://x.bitrix24.com/online/?IM_DIALOG=chat1777\n', 'a.csv')).toEqual(['https://x.bitrix24.com/online/?IM_DIALOG=chat1777']);
    expect(filePieces('input,dialog-id\n2001,chat2001\n', 'a.csv')).toEqual(['chat2001']);
    expect(filePieces('URL\n"https://x.bitrix24.com/online/?IM_DIALOG=chat5"\n', 'a.csv')).toEqual(['https://x.bitrix24.com/online/?IM_DIALOG=chat5']);
    expect(filePieces('session_id,operator\n343,27\n344,27\n', 'a.csv')).toEqual(['343', '344']);
  });

  it('without such a header takes the first column, skipping a header of other names', () => {
    expect(filePieces('client,note\nchat1777,waits\nchat2001,"called, no answer"\n', 'a.csv')).toEqual(['chat1777', 'chat2001']);
    expect(filePieces('chat1777;waiting since Monday\r\n2002;"x"\r\n', 'a.csv')).toEqual(['chat1777', '2002']);
    // The header line alone leaves comma or semicolon open; the lines after it decide.
    expect(filePieces('chat1777;waiting since Monday, twice\r\n2002;"called; no answer"\r\n', 'a.csv')).toEqual(['chat1777', '2002']);
  });

  it('reads a .csv holding identifiers only as a list, every cell of it', () => {
    expect(filePieces('1777,2001,2002\r\nchat5\r\n', 'ids.csv')).toEqual(['1777', '2001', '2002', 'chat5']);
  });
});

describe('plain text lists', () => {
  it('split as pasted: lines, commas, semicolons, spaces and tabs', () => {
    expect(filePieces('chat1777, 2001;2002\thello\r\nlivechat|22|1775|599\n', 'list.txt')).toEqual(['chat1777', '2001', '2002', 'hello', 'livechat|22|1775|599']);
    expect(filePieces('chat1777 2001\n', null)).toEqual(['chat1777', '2001']);
  });

  it('a first line with a comma but no identifier header stays a list', () => {
    expect(filePieces('1777,2001\n2002\n', 'list.txt')).toEqual(['1777', '2001', '2002']);
  });
});

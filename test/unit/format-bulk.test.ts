// A bulk run's rows as CSV and as a terminal table: quoting, formula
// neutralising, and portal text that can never drive the terminal.
import { describe, expect, it } from 'vitest';
import type { BulkDialogSummary, BulkRow } from '../../main/core/bulk-types';
import { formatBulkTable } from '../../main/cli/format-bulk';
import { bulkCsv } from '../../main/export/bulk-file';
import { bulkSummary } from '../support/bulk-fixtures';

function found(name: string, extra: Partial<BulkDialogSummary> = {}): BulkRow {
  const dialog = bulkSummary({ name, ...extra });
  return { index: 0, input: 'chat1777', outcome: 'found', dialog, error: null, fetchedAt: '2026-03-16T18:00:00.000Z' };
}

const records = (csv: string) => csv.slice(1).split('\r\n');

describe('bulk CSV', () => {
  it('leads with a byte order mark and quotes commas, quotes and line breaks as RFC 4180 does', () => {
    const csv = bulkCsv([found('Doe, "Jane"\nline two')]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(records(csv)[1]).toContain(',"Doe, ""Jane""\nline two",');
  });

  it('neutralises a name a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const name of ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      const fields = records(bulkCsv([found(name)]))[1]!;
      expect(fields).toContain(`'${name.startsWith('=') ? name.replaceAll('"', '""') : name}`);
    }
    expect(records(bulkCsv([found('Ann')]))[1]).toMatch(/^chat1777,found,1777,chat1777,Ann,Telegram,22,,27,,599,Lead 1209,343,/);
  });
});

describe('bulk table', () => {
  it('names an operator without a name as the user, a line without one by its number, and shows control characters as escapes', () => {
    const table = formatBulkTable([found('Guest\u001b]0;pwned\u0007')]);
    expect(table).toContain('Guest\\u001b]0;pwned\\u0007');
    expect(table).toContain('user 27');
    expect(table).toContain('line 22');
    expect(table).not.toContain('\u001b');
  });

  it("shows the client of a chat named 'Client - Line', the line being a column of its own", () => {
    const [, row] = formatBulkTable([found('Анна Смирнова - Служба поддержки', { lineName: 'Служба поддержки' })]).split('\n');
    expect(row).toContain('Анна Смирнова');
    expect(row!.match(/Служба поддержки/g)).toHaveLength(1);
  });
});

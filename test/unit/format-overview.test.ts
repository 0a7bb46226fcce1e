// The overview as CSV and as a terminal table: the wait spoken as of the
// refresh, formula neutralising, and portal text that can never drive the terminal.
import { describe, expect, it } from 'vitest';
import { formatOverviewTable } from '../../main/cli/format-overview';
import { overviewCsv } from '../../main/export/overview-file';
import type { OverviewRow } from '../../main/core/overview-types';

function row(extra: Partial<OverviewRow> = {}): OverviewRow {
  return {
    chatId: 3005,
    dialogId: 'chat3005',
    name: 'Priya Sharma - Website chat',
    status: 'clientWaiting',
    statusCode: 20,
    waitingSince: '2026-12-07T10:00:00.000Z',
    answerTargetSeconds: 180,
    channel: 'livechat',
    channelName: 'Live chat (website widget)',
    lineId: 1,
    lineName: 'Website chat',
    operatorId: 27,
    operatorName: 'Samantha Johnson',
    clientUserId: 7004,
    clientName: 'Priya Sharma',
    crm: 'Deal 2004',
    sessionId: 40021,
    sessionStart: '2026-12-07T09:58:00.000Z',
    lastMessageAt: '2026-12-07T10:00:00.000Z',
    unread: 2,
    pinned: true,
    silent: false,
    blocked: false,
    sources: ['recent', 'crm'],
    completed: false,
    ...extra,
  };
}

const AS_OF = '2026-12-07T12:05:30.000Z';

describe('the overview table', () => {
  it('says how long the client has waited as of the refresh, and nothing for an answered dialog', () => {
    const table = formatOverviewTable({ rows: [row(), row({ chatId: 1, dialogId: 'chat1', status: 'operatorAnswered', waitingSince: null })], fetchedAt: AS_OF });
    const [header, waiting, answered] = table.split('\n');
    expect(header).toMatch(/^Status\s+Waiting\s+Chat\s+Client\s+Channel\s+Line\s+Operator\s+CRM\s+Session start\s+Unread\s+Marks$/);
    expect(waiting).toMatch(/^client waiting\s+2 h 5 min, past the 3 min target\s+chat3005\s+Priya Sharma\s+Live chat \(website widget\)\s+Website chat\s+Samantha Johnson\s+Deal 2004\s+.+\s+2\s+pinned$/);
    expect(answered).toMatch(/^operator answered\s+chat1\s/);
  });

  it('says nothing of the target while the wait is within it, or when the line sets none', () => {
    const within = formatOverviewTable({ rows: [row({ answerTargetSeconds: 3 * 3600 })], fetchedAt: AS_OF });
    const none = formatOverviewTable({ rows: [row({ answerTargetSeconds: null })], fetchedAt: AS_OF });
    for (const table of [within, none]) expect(table.split('\n')[1]).toMatch(/^client waiting\s+2 h 5 min\s+chat3005/);
  });

  it('shows control characters in portal text as escapes, so a name cannot drive the terminal', () => {
    const table = formatOverviewTable({ rows: [row({ clientName: 'Evil\u001b[2J\u0007 Guest' })], fetchedAt: AS_OF });
    expect(table).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(table).toContain('Evil\\u001b[2J\\u0007 Guest');
  });

  it('says so when there is nothing to show', () => {
    expect(formatOverviewTable({ rows: [], fetchedAt: AS_OF })).toBe('No dialogs.');
  });
});

describe('the overview CSV', () => {
  it('writes raw values after a byte order mark, and neutralises a formula in portal text', () => {
    const csv = overviewCsv([row({ name: '=HYPERLINK("http://x") - Sales' })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [, record] = csv.slice(1).split('\r\n');
    expect(record).toBe(
      `3005,chat3005,"'=HYPERLINK(""http://x"") - Sales",clientWaiting,20,2026-12-07T10:00:00.000Z,180,livechat,1,Website chat,27,Samantha Johnson,7004,Priya Sharma,Deal 2004,40021,2026-12-07T09:58:00.000Z,2026-12-07T10:00:00.000Z,2,true,false,false,recent crm`,
    );
  });
});

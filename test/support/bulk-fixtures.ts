// A bulk run's dialog as main sums it up, for the tests of the files and
// tables made from a run: chat1777 on a Telegram line, with what a test
// needs changed.
import type { BulkDialogSummary } from '../../main/core/bulk-types';

export function bulkSummary(overrides: Partial<BulkDialogSummary> = {}): BulkDialogSummary {
  return {
    chatId: 1777,
    dialogId: 'chat1777',
    name: 'Green Guest',
    channel: 'Telegram',
    lineId: 22,
    lineName: null,
    operatorId: '27',
    operatorName: null,
    clientUserId: 599,
    crm: 'Lead 1209',
    sessionId: 343,
    sessionStart: '2026-03-16T17:41:58.000Z',
    pinned: false,
    silent: false,
    blocked: false,
    ...overrides,
  };
}

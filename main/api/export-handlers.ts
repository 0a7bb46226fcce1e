// The export domain: a bulk table, a dialog, the history or a transcript saved
// as a file. The window names what to save and in which format; main makes the
// file from what it holds, asks the user where through the OS's save dialog
// (the window never names a path), and writes it whole or not at all.
import { basename } from 'node:path';
import { z } from 'zod';
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { bulkCsv, bulkJson } from '../export/bulk-file';
import { dialogJson, dialogMarkdown } from '../export/dialog-file';
import type { ExportFormat, ExportOutcome, ExportRequest, SaveFileOptions } from '../export/export-types';
import { historyCsv, historyJson } from '../export/history-file';
import { overviewCsv, overviewJson } from '../export/overview-file';
import { saveWhole } from '../export/save-file';
import { formatTranscriptMarkdown, formatTranscriptText } from '../export/transcript-file';
import type { BulkRuns } from './bulk-runs';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { accountOf, type LookupService } from './lookup-service';
import type { OverviewRefresh } from './overview-refresh';
import { requestId } from './schema-atoms';
import type { StoreOpener } from './store-opener';

const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** The store's name of a portal (its host, or "demo"), as the history and the search name it. */
const account = z.string().min(1).max(300).optional();

export const exportSchemas = schemasFor({
  'export:save': z.discriminatedUnion('what', [
    z.strictObject({ what: z.literal('bulk'), runId: requestId, format: z.enum(['csv', 'json']) }),
    z.strictObject({ what: z.literal('dialog'), chatId: positiveId, account, format: z.enum(['json', 'markdown']) }),
    z.strictObject({ what: z.literal('history'), allAccounts: z.boolean().optional(), format: z.enum(['csv', 'json']) }),
    z.strictObject({ what: z.literal('overview'), format: z.enum(['csv', 'json']) }),
    z.strictObject({ what: z.literal('transcript'), chatId: positiveId, sessionId: positiveId, account, format: z.enum(['markdown', 'text']) }),
  ]),
});

export interface ExportDeps {
  /** Opens the OS save dialog (dialog.showSaveDialog in the app); the chosen path, or null when the user cancels. */
  chooseSaveFile(options: SaveFileOptions): Promise<string | null>;
  stores: Pick<StoreOpener, 'forHistory'>;
  connection: Pick<ConnectionManager, 'state'>;
  lookups: Pick<LookupService, 'openKept'>;
  runs: Pick<BulkRuns, 'finished'>;
  overview: Pick<OverviewRefresh, 'last'>;
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', json: 'json', markdown: 'md', text: 'txt' };

/** "2026-12-07-1012", the local time, for names that sort by when they were saved. */
function stamp(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}

export function exportHandlers({ chooseSaveFile, stores, connection, lookups, runs, overview }: ExportDeps): HandlersFor<ChannelsOf<typeof exportSchemas>> {
  const connectedAccount = async (): Promise<string | null> => {
    const { portal } = await connection.state();
    return portal ? accountOf(portal) : null;
  };
  const needAccount = async (given?: string): Promise<string> => {
    const account = given ?? (await connectedAccount());
    if (!account) throw inspectorError('NOT_CONNECTED');
    return account;
  };

  /** The file's bytes and the name offered, made before the dialog opens: nothing to save is said at once. */
  const make = async (request: ExportRequest): Promise<{ content: string; name: string }> => {
    switch (request.what) {
      case 'bulk': {
        // A run of this session, else one reopened from the history.
        const run = runs.finished(request.runId) ?? (await stores.forHistory()).bulkRun({ runId: request.runId });
        if (!run) throw inspectorError('NOT_CACHED', { message: messages().errors.api.bulkRunGone });
        return { content: request.format === 'csv' ? bulkCsv(run.rows) : bulkJson(run), name: `bulk-${stamp()}` };
      }
      case 'dialog': {
        const account = await needAccount(request.account);
        const store = await stores.forHistory();
        const result = lookups.openKept(store, account, request.chatId, (await connection.state()).portal);
        return { content: request.format === 'json' ? dialogJson(result) : dialogMarkdown(result), name: `chat${request.chatId}` };
      }
      case 'history': {
        const account = request.allAccounts ? null : await connectedAccount();
        // The newest 100,000: more than any retention setting keeps.
        const entries = (await stores.forHistory()).listHistory({ limit: 100_000, ...(account ? { account } : {}) });
        return { content: request.format === 'csv' ? historyCsv(entries) : historyJson(entries), name: `history-${stamp()}` };
      }
      case 'overview': {
        const result = overview.last();
        if (!result) throw inspectorError('NOT_CACHED', { message: messages().errors.api.overviewNotRefreshed });
        return { content: request.format === 'csv' ? overviewCsv(result.rows) : overviewJson(result), name: `overview-${stamp()}` };
      }
      case 'transcript': {
        const account = await needAccount(request.account);
        const store = await stores.forHistory();
        const { chatId, sessionId } = request;
        const conversation = store.findConversation(account, chatId, sessionId);
        if (!conversation) throw inspectorError('NOT_CACHED', { message: messages().errors.api.sessionNotCached(sessionId, chatId) });
        const kept = store.findDialog(account, { param: 'CHAT_ID', value: chatId });
        const name = typeof kept?.dialog['name'] === 'string' ? kept.dialog['name'] : '';
        const format = request.format === 'markdown' ? formatTranscriptMarkdown : formatTranscriptText;
        return { content: `${format(conversation, name, 'cache')}\n`, name: `chat${chatId}-session${sessionId}` };
      }
    }
  };

  return {
    'export:save': async (request): Promise<ExportOutcome> => {
      const { content, name } = await make(request);
      const says = messages().files.save;
      const extension = EXTENSIONS[request.format];
      const path = await chooseSaveFile({
        title: says.title[request.what],
        defaultName: `${name}.${extension}`,
        filters: [{ name: says.filters[request.format], extensions: [extension] }],
      });
      if (path === null) return { saved: false };
      const bytes = await saveWhole(path, content);
      return { saved: true, fileName: basename(path), bytes };
    },
  };
}

// The conversation domain: any session of a chat, not only the one a lookup
// brought — the sessions the store has seen, a kept transcript read without
// the portal, or one asked of the portal and kept.
import { z } from 'zod';
import { describeCause, NO_LOG, type AppLog } from '../core/app-log';
import type { LineKpi } from '../core/conversation';
import { fetchSessionConversation } from '../core/conversation-fetch';
import type { Conversation } from '../core/conversation-types';
import { decodeDialog } from '../core/decode/index';
import { inspectorError } from '../core/error-codes';
import { lineIdOf } from '../core/lines';
import { messages } from '../core/messages/index';
import type { PortalClient } from '../rest/portal-client';
import { sessionIdOf, type InspectorStore } from '../store/index';
import type { ConnectionManager } from './connection';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { LineCache } from './line-cache';
import { accountOf } from './lookup-service';
import type { StoreOpener } from './store-opener';

const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const conversationSchemas = schemasFor({
  'conversation:get': z.strictObject({ chatId: positiveId, sessionId: positiveId, fromPortal: z.boolean() }),
  'conversation:sessions': z.strictObject({ chatId: positiveId }),
});

export interface ConversationDeps {
  /** The connected portal's client (NOT_CONNECTED without one). */
  client(): Promise<PortalClient>;
  connection: Pick<ConnectionManager, 'state'>;
  stores: Pick<StoreOpener, 'store' | 'forHistory'>;
  lines: LineCache;
  log?: AppLog;
}

type KeptFacts = Pick<InspectorStore, 'findDialog' | 'findConversation'>;

/**
 * What the store knows of the chat that the transcript cannot say: whether the
 * session is the dialog's current one (else closed), and the line's targets.
 */
function factsFor(store: KeptFacts | null, lines: LineCache, account: string, chatId: number, sessionId: number): { current: boolean; kpi: LineKpi | null } {
  const kept = store?.findDialog(account, { param: 'CHAT_ID', value: chatId }) ?? null;
  const current = kept !== null && sessionIdOf(kept.dialog) === sessionId;
  const directory = lines.get(account);
  const lineId = kept && directory ? lineIdOf(decodeDialog(kept.dialog, null)) : null;
  const fromLines = directory && lineId !== null ? (directory[String(lineId)]?.kpi ?? null) : null;
  // The lines unread since start: a kept transcript of the chat had the same line's targets.
  const kpi = fromLines ?? store?.findConversation(account, chatId, sessionId)?.timings.kpi ?? store?.findConversation(account, chatId)?.timings.kpi ?? null;
  return { current, kpi };
}

export function conversationHandlers({ client, connection, stores, lines, log = NO_LOG }: ConversationDeps): HandlersFor<ChannelsOf<typeof conversationSchemas>> {
  const connectedAccount = async (): Promise<string> => {
    const { portal } = await connection.state();
    if (!portal) throw inspectorError('NOT_CONNECTED');
    return accountOf(portal);
  };
  /** The store is a convenience for a fetch: a locked or full one must not cost the transcript. */
  const quietly = <T>(task: () => T): T | null => {
    try {
      return task();
    } catch (error) {
      log.warn('store-fault', { cause: describeCause(error) });
      return null;
    }
  };

  return {
    'conversation:sessions': async ({ chatId }) => {
      const account = await connectedAccount();
      return (await stores.forHistory()).sessionsOf(account, chatId);
    },
    'conversation:get': async ({ chatId, sessionId, fromPortal }): Promise<Conversation> => {
      if (!fromPortal) {
        const account = await connectedAccount();
        const kept = (await stores.forHistory()).findConversation(account, chatId, sessionId);
        if (!kept) throw inspectorError('NOT_CACHED', { message: messages().errors.api.sessionNotCached(sessionId, chatId) });
        return kept;
      }
      const portal = await client();
      const account = accountOf(portal.portal);
      const store = await stores.store().catch(() => null);
      const facts = quietly(() => factsFor(store, lines, account, chatId, sessionId)) ?? { current: false, kpi: null };
      const conversation = await fetchSessionConversation(portal, { chatId, sessionId, current: facts.current }, facts.kpi);
      if (store) quietly(() => store.putConversation(account, conversation));
      return conversation;
    },
  };
}

// `openlines-inspector transcript <identifier>`: a session's conversation,
// fetched with its dialog as the app does (and kept), or with --offline the
// copy kept on this computer; as a readable transcript, Markdown, or JSON
// for other tools.
import { LookupService } from '../api/lookup-service';
import { describeCause } from '../core/app-log';
import type { Conversation } from '../core/conversation-types';
import type { DialogQuery } from '../core/dialog-types';
import { InspectorError, inspectorError, toEnvelope } from '../core/error-codes';
import { parseIdentifier } from '../core/identifier';
import { messages } from '../core/messages/index';
import { transcriptJson } from '../core/transcript-text';
import { sessionIdOf, type InspectorStore } from '../store/index';
import type { Streams, TranscriptOptions } from './cli-options';
import { formatError } from './format-human';
import { formatTranscriptMarkdown, formatTranscriptText } from '../export/transcript-file';
import { openCliLog, openClientOrSay, type Connection } from './lookup-command';
import { chosenPortal } from './open-accounts';
import { openStoreForCli, tryOpenStore } from './open-store';

interface Found {
  conversation: Conversation;
  dialogName: string;
  source: 'portal' | 'cache';
}

/** The query: the session named with --session, else the identifier. */
function queryOf(options: TranscriptOptions): DialogQuery {
  return options.session === null ? parseIdentifier(options.id, options.numberAs) : parseIdentifier(String(options.session), 'session');
}

/** With --session, the identifier must name the chat that session belongs to. */
function checkSameChat(options: TranscriptOptions, chatId: number): void {
  if (options.session === null) return;
  const named = parseIdentifier(options.id, options.numberAs);
  const chat = named.param === 'CHAT_ID' ? Number(named.value) : named.param === 'DIALOG_ID' ? Number(String(named.value).slice(4)) : null;
  if (chat !== null && chat !== chatId) {
    throw inspectorError('INVALID_ARGUMENT', { message: messages().cli.transcript.otherChat(options.session, options.id, chatId) });
  }
}

function dialogNameOf(dialog: Record<string, unknown>): string {
  return typeof dialog['name'] === 'string' ? dialog['name'] : '';
}

function fromStore(store: InspectorStore, options: TranscriptOptions, portal: string | null): Found {
  const query = queryOf(options);
  for (const account of portal !== null ? [portal] : store.cachedAccounts()) {
    const kept = store.findDialog(account, query);
    if (!kept) continue;
    checkSameChat(options, kept.chatId);
    const session = options.session ?? sessionIdOf(kept.dialog) ?? undefined;
    const conversation = store.findConversation(account, kept.chatId, session);
    if (conversation) return { conversation, dialogName: dialogNameOf(kept.dialog), source: 'cache' };
  }
  throw inspectorError('NOT_CACHED', { message: messages().cli.transcript.notKept(options.session === null ? options.id : String(options.session)) });
}

async function fromPortal(connection: Connection, options: TranscriptOptions, err: NodeJS.WritableStream): Promise<Found> {
  const { store, failure } = options.history ? tryOpenStore(options.dataDir, err) : { store: null, failure: null };
  const log = await openCliLog(options, err);
  const lookups = new LookupService(
    async () => {
      if (failure !== null) throw failure;
      return store;
    },
    { log, fetchConversation: () => true },
  );
  try {
    const result = await lookups.run(connection.client, queryOf(options));
    checkSameChat(options, Number(result.dialog['id']));
    const outcome = result.conversation;
    if (!outcome) throw inspectorError('NOT_CACHED', { message: messages().cli.transcript.noSession(options.id) });
    if (!outcome.ok) throw new InspectorError(outcome.error);
    return { conversation: outcome.value, dialogName: dialogNameOf(result.dialog), source: result.source === 'cache' ? 'cache' : 'portal' };
  } catch (error) {
    if (toEnvelope(error).code === 'INTERNAL') log.error('internal-error', { input: options.id, cause: describeCause(error) });
    throw error;
  } finally {
    connection.client.close();
    store?.close();
    await connection.demo?.close();
  }
}

export async function runTranscript(options: TranscriptOptions, { out, err }: Streams): Promise<number> {
  let found: Found;
  try {
    if (options.offline) {
      const store = openStoreForCli(options.dataDir, err);
      if (!store) return 1;
      try {
        const portal = chosenPortal(options.dataDir, options.account, store, err);
        if (portal === undefined) return 2;
        found = fromStore(store, options, portal);
      } finally {
        store.close();
      }
    } else {
      const connection = await openClientOrSay(options, err);
      if (typeof connection === 'number') return connection;
      found = await fromPortal(connection, options, err);
    }
  } catch (error) {
    err.write(`${formatError(options.id, toEnvelope(error))}\n`);
    return 1;
  }
  const { conversation, dialogName, source } = found;
  if (options.output === 'json') out.write(`${JSON.stringify(transcriptJson(conversation, source), null, 2)}\n`);
  else if (options.output === 'markdown') out.write(`${formatTranscriptMarkdown(conversation, dialogName, source)}\n`);
  else out.write(`${formatTranscriptText(conversation, dialogName, source)}\n`);
  return 0;
}

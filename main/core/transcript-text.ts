// A conversation as plain words, for the terminal and for other tools: each
// message's BB-code resolved to the text a reader sees (a link as its address,
// a mention as the name, a quote's lines marked "> "), the timings in
// seconds, the authors by name and role. An action tag is its label (a call
// with its number); an image, file, card, rating or date, words in its place.
import { parseBbCode, type BbNode } from './bbcode';
import { messages } from './messages/index';
import type { AuthorRole, Conversation, ConversationMessage } from './conversation-types';

export interface TranscriptJson {
  chatId: number;
  sessionId: number;
  source: 'portal' | 'cache';
  fetchedAt: string;
  status: Conversation['status'];
  timings: {
    sessionStart: string | null;
    firstResponseSeconds: number | null;
    longestClientWaitSeconds: number | null;
    clientWaitingSince: string | null;
    lastAuthorRole: AuthorRole | null;
  };
  rating: Conversation['rating'];
  messages: Array<{ id: number; date: string; role: AuthorRole; author: string; text: string; files: Array<{ name: string; type: string; size: number | null }> }>;
}

function nodesText(nodes: readonly BbNode[]): string {
  return nodes.map(nodeText).join('');
}

function nodeText(node: BbNode): string {
  switch (node.type) {
    case 'text':
    case 'placeholder':
      return node.text;
    case 'break':
      return '\n';
    case 'style':
    case 'mention':
    case 'code':
      return nodesText(node.children);
    case 'link': {
      const text = nodesText(node.children).trim();
      const address = node.href ?? node.raw;
      return text === '' || text === address ? address : `${text} (${address})`;
    }
    case 'action': {
      const label = nodesText(node.children);
      if (node.kind !== 'call' || node.arg === null || label.trim() === node.arg) return label;
      return label.trim() === '' ? node.arg : `${label} (${node.arg})`;
    }
    case 'quote':
      return nodesText(node.children)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
  }
}

/** A message's text as a reader sees it; links as their addresses. */
export function messagePlainText(text: string): string {
  return nodesText(parseBbCode(text, messages().files.messageTags).nodes);
}

/** Who wrote a message, by name; the system and unknown authors by their role. */
export function authorName(conversation: Pick<Conversation, 'authors'>, message: Pick<ConversationMessage, 'authorId' | 'role'>): string {
  return conversation.authors[message.authorId]?.name || message.role;
}

export function transcriptJson(conversation: Conversation, source: 'portal' | 'cache'): TranscriptJson {
  const { timings } = conversation;
  return {
    chatId: conversation.chatId,
    sessionId: conversation.sessionId,
    source,
    fetchedAt: conversation.fetchedAt,
    status: conversation.status,
    timings: {
      sessionStart: timings.start,
      firstResponseSeconds: timings.firstResponse?.seconds ?? null,
      longestClientWaitSeconds: timings.longestClientWait?.seconds ?? null,
      clientWaitingSince: timings.clientWaitingSince,
      lastAuthorRole: timings.lastAuthor?.role ?? null,
    },
    rating: conversation.rating,
    messages: conversation.messages.map((message) => ({
      id: message.id,
      date: message.date,
      role: message.role,
      author: authorName(conversation, message),
      text: messagePlainText(message.text),
      files: message.files.map(({ name, type, size }) => ({ name, type, size })),
    })),
  };
}

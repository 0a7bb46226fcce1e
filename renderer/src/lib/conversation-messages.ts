// The conversation view's texts in the window's language. Its own catalogue
// (messages/conversation-*.ts) rides in the view's lazy chunk.
import { i18n } from './i18n.svelte';
import en, { type ConversationMessages } from './messages/conversation-en';
import ru from './messages/conversation-ru';

export function conversationText(): ConversationMessages {
  return i18n.language === 'ru' ? ru : en;
}

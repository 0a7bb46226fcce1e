// The bulk run view's texts in the window's language. Its own catalogue
// (messages/bulk-*.ts) rides in the view's lazy chunk.
import { i18n } from './i18n.svelte';
import en, { type BulkMessages } from './messages/bulk-en';
import ru from './messages/bulk-ru';

export function bulkText(): BulkMessages {
  return i18n.language === 'ru' ? ru : en;
}

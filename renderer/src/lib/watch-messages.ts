// The Watching view's texts in the window's language. Its own catalogue
// (messages/watch-*.ts) rides in the view's lazy chunk.
import { i18n } from './i18n.svelte';
import en, { type WatchMessages } from './messages/watch-en';
import ru from './messages/watch-ru';

export function watchText(): WatchMessages {
  return i18n.language === 'ru' ? ru : en;
}

// The overview's texts in the window's language. Its own catalogue
// (messages/overview-*.ts) rides in the view's lazy chunk.
import { i18n } from './i18n.svelte';
import en, { type OverviewMessages } from './messages/overview-en';
import ru from './messages/overview-ru';

export function overviewText(): OverviewMessages {
  return i18n.language === 'ru' ? ru : en;
}

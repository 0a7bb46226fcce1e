// The timeline tab's texts in the window's language. Its own catalogue
// (messages/timeline-*.ts) rides in the tab's lazy chunk.
import { i18n } from './i18n.svelte';
import en, { type TimelineMessages } from './messages/timeline-en';
import ru from './messages/timeline-ru';

export function timelineText(): TimelineMessages {
  return i18n.language === 'ru' ? ru : en;
}

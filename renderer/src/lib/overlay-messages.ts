// The on-demand dialogs' and overlays' texts in the window's language, merged
// over what the always-loaded catalogue keeps of the same areas. Imported only
// by those components, so it rides in their lazy chunks.
import { i18n } from './i18n.svelte';
import en, { type OverlayMessages } from './messages/overlays-en';
import ru from './messages/overlays-ru';

export function overlayText(): OverlayMessages {
  return i18n.language === 'ru' ? ru : en;
}

// What the polite live region says, and the short-lived notice shown for
// actions that have no panel of their own (opening a link, copying).

class Announcer {
  /** Text of the aria-live region. */
  message = $state('');
  /** A visible, transient notice ("Could not open the link"). */
  notice = $state<{ text: string; tone: 'info' | 'error' } | null>(null);

  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  announce(text: string): void {
    // Clearing first makes screen readers repeat an identical message.
    this.message = '';
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.message = text;
    }, 40);
  }

  showNotice(text: string, tone: 'info' | 'error' = 'info'): void {
    this.notice = { text, tone };
    this.announce(text);
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => {
      this.notice = null;
    }, 5000);
  }

  dismissNotice(): void {
    clearTimeout(this.#noticeTimer);
    this.notice = null;
  }
}

export const announcer = new Announcer();

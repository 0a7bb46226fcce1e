// One OAuth sign-in at a time, in the system browser: main opens the
// portal's authorize page and waits for the redirect; the window shows where
// things stand, takes a pasted code as the fallback, and can cancel. The
// client secret typed here goes to main and is not kept.
import type { ErrorEnvelope, OAuthBeginRequest, OAuthPending } from '../../../preload/api-contract';
import { accounts } from './accounts-state.svelte';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { connection } from './connection-state.svelte';
import { i18n } from './i18n.svelte';
import { lookup } from './lookup-state.svelte';

class SignInStore {
  open = $state(false);
  /** Signing this saved account in again; null for a new portal. */
  accountId = $state<string | null>(null);
  pending = $state.raw<OAuthPending | null>(null);
  error = $state.raw<ErrorEnvelope | null>(null);
  pasteError = $state.raw<ErrorEnvelope | null>(null);
  busy = $state<'begin' | 'paste' | null>(null);

  /** Opens the dialog; for a saved account the browser opens at once, with what the account has. */
  async show(accountId: string | null = null): Promise<void> {
    this.open = true;
    this.accountId = accountId;
    this.pending = null;
    this.error = null;
    this.pasteError = null;
    if (accountId !== null) await this.begin({ accountId });
  }

  async begin(request: OAuthBeginRequest): Promise<void> {
    if (this.busy) return;
    this.busy = 'begin';
    this.error = null;
    const answer = await call((api) => api.beginSignIn(request));
    this.busy = null;
    // Closed while main was starting it: the sign-in is not wanted any more.
    if (!this.open) {
      if (answer.ok) void call((api) => api.cancelSignIn());
      return;
    }
    if (!answer.ok) {
      this.error = answer.error;
      announcer.announce(answer.error.title);
      return;
    }
    this.pending = answer.value;
    announcer.announce(i18n.messages.signIn.finishAnnounce);
    void this.#finish(answer.value);
  }

  async #finish(pending: OAuthPending): Promise<void> {
    const answer = await call((api) => api.finishSignIn());
    // Cancelled, or replaced by a newer sign-in: that one reports.
    if (this.pending !== pending) return;
    this.pending = null;
    if (answer.ok) {
      this.open = false;
      connection.adopt(answer.value);
      lookup.clearResult();
      await accounts.load();
      announcer.announce(i18n.messages.signIn.signedIn(answer.value.portal?.host ?? null));
    } else if (answer.error.code !== 'OAUTH_CANCELLED') {
      this.error = answer.error;
      announcer.announce(answer.error.title);
    }
  }

  /** The code, or the whole address the browser shows; a bad one says why and the sign-in waits on. */
  async paste(text: string): Promise<void> {
    if (this.busy || !this.pending) return;
    this.busy = 'paste';
    this.pasteError = null;
    const answer = await call((api) => api.pasteSignInCode({ text }));
    this.busy = null;
    if (!answer.ok) this.pasteError = answer.error;
  }

  async close(): Promise<void> {
    const wasPending = this.pending !== null;
    this.open = false;
    this.pending = null;
    if (wasPending) await call((api) => api.cancelSignIn());
  }
}

export const signIn = new SignInStore();

// Which portal the app talks to. The webhook URL itself never lives here:
// it goes straight to main and only the portal's host comes back.
import type { ConnectionState, ErrorEnvelope } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { on } from './app-events';
import { i18n } from './i18n.svelte';
import { lookup } from './lookup-state.svelte';

type Busy = 'load' | 'demo' | 'webhook' | 'disconnect' | 'account' | null;

class ConnectionStore {
  /** null until the first answer. */
  current = $state.raw<ConnectionState | null>(null);
  loadError = $state.raw<ErrorEnvelope | null>(null);
  demoError = $state.raw<ErrorEnvelope | null>(null);
  webhookError = $state.raw<ErrorEnvelope | null>(null);
  disconnectError = $state.raw<ErrorEnvelope | null>(null);
  busy = $state<Busy>(null);
  /** The user asked to change the portal while connected. */
  changing = $state(false);

  get connected(): boolean {
    return this.current !== null && this.current.kind !== 'none';
  }

  /** Show the welcome / connect panel instead of the inspector. */
  get choosing(): boolean {
    return this.current !== null && (this.current.kind === 'none' || this.changing);
  }

  async load(): Promise<void> {
    this.busy = 'load';
    const answer = await call((api) => api.getConnection());
    this.busy = null;
    if (answer.ok) {
      this.current = answer.value;
      this.loadError = null;
    } else {
      this.loadError = answer.error;
    }
  }

  /** Takes a new connection state from main (a switch, a sign-in, a removal). */
  adopt(state: ConnectionState): void {
    // Another webhook user on the same portal sees other dialogs and other
    // permissions: the result on screen belongs to the previous one.
    const samePortal =
      this.current?.portal?.origin === state.portal?.origin &&
      this.current?.kind === state.kind &&
      this.current?.userId === state.userId &&
      this.current?.account?.id === state.account?.id;
    this.current = state;
    this.changing = false;
    this.demoError = null;
    this.webhookError = null;
    this.disconnectError = null;
    if (!samePortal) lookup.clearResult();
    announcer.announce(state.portal ? i18n.messages.connection.connectedTo(state.portal.host) : i18n.messages.connection.disconnected);
  }

  async useDemo(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = 'demo';
    this.demoError = null;
    const answer = await call((api) => api.useDemo());
    this.busy = null;
    if (answer.ok) this.adopt(answer.value);
    else {
      this.demoError = answer.error;
      announcer.announce(answer.error.title);
    }
    return answer.ok;
  }

  /** The caller clears its field before awaiting this: the URL is not kept anywhere here. */
  async useWebhook(url: string, name?: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = 'webhook';
    this.webhookError = null;
    const answer = await call((api) => api.useWebhook(name ? { url, name } : { url }));
    this.busy = null;
    if (answer.ok) this.adopt(answer.value);
    else {
      this.webhookError = answer.error;
      announcer.announce(answer.error.title);
    }
    return answer.ok;
  }

  async disconnect(): Promise<void> {
    if (this.busy) return;
    this.busy = 'disconnect';
    const answer = await call((api) => api.disconnect());
    this.busy = null;
    if (answer.ok) {
      this.adopt(answer.value);
      lookup.clearResult();
    } else {
      this.disconnectError = answer.error;
      announcer.showNotice(`${answer.error.title}. ${answer.error.action}`, 'error');
    }
  }

  startChange(): void {
    this.changing = true;
    this.demoError = null;
    this.webhookError = null;
  }

  cancelChange(): void {
    this.changing = false;
  }
}

export const connection = new ConnectionStore();

// The header shows the account's state; a lookup may be the first to learn it changed.
on('account-changed', () => void connection.load());

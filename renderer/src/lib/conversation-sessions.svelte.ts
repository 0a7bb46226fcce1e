// Which session the Conversation tab shows: the lookup's by default, or any
// other the store has seen for the chat — its kept copy at once, the portal
// asked when none is kept and the portal just answered, or on the user's word.
// One for the window, in the view's lazy chunk, so a choice survives a switch
// of tabs; a new dialog shown starts again from the lookup's session.
import type { Conversation, ConversationOutcome, ErrorEnvelope, Result, SessionSummary } from '../../../preload/api-contract';
import { call } from './api';

export interface SessionContext {
  chatId: number;
  /** The dialog's current session, as its answer names it; null when it names none. */
  currentSession: number | null;
  /** The transcript the lookup brought, or kept with the copy shown. */
  outcome: ConversationOutcome | null | undefined;
  /** The connected portal is the dialog's: its sessions can be listed and asked for. */
  canAsk: boolean;
  /** The portal answered this lookup just now (not an offline copy): a session not kept is fetched without a click. */
  online: boolean;
}

export interface SessionChoice {
  sessionId: number;
  current: boolean;
  kept: boolean;
  fetchedAt: string | null;
}

/** What is shown for the session chosen. */
export type SessionView =
  | { kind: 'lookup' }
  | { kind: 'loading' }
  /** Read from this computer, or fetched from the portal just now. */
  | { kind: 'kept' | 'fetched'; fetchedAt: string }
  | { kind: 'not-kept' }
  | { kind: 'failed' };

function sameContext(a: SessionContext | null, b: SessionContext): boolean {
  return a !== null && a.chatId === b.chatId && a.currentSession === b.currentSession && a.outcome === b.outcome && a.canAsk === b.canAsk && a.online === b.online;
}

/** The store's sessions with the dialog's and the lookup's, which it may not have kept (a store that failed), newest first. */
export function sessionChoices(listed: readonly SessionSummary[], currentSession: number | null, lookupSession: number | null): SessionChoice[] {
  const byId = new Map<number, SessionChoice>();
  for (const { sessionId, kept, fetchedAt } of listed) byId.set(sessionId, { sessionId, current: sessionId === currentSession, kept, fetchedAt });
  for (const id of [currentSession, lookupSession]) {
    if (id !== null && !byId.has(id)) byId.set(id, { sessionId: id, current: id === currentSession, kept: false, fetchedAt: null });
  }
  return [...byId.values()].sort((a, b) => b.sessionId - a.sessionId);
}

export class SessionPicker {
  sessions = $state.raw<SessionChoice[]>([]);
  /** The session chosen; null for the lookup's own. */
  selected = $state<number | null>(null);
  view = $state.raw<SessionView>({ kind: 'lookup' });
  busy = $state(false);
  /** A fetch that failed while a copy is shown: the copy stays, the failure beside it. */
  fetchError = $state.raw<ErrorEnvelope | null>(null);
  #chosen = $state.raw<Result<Conversation> | null>(null);
  #context = $state.raw<SessionContext | null>(null);
  /** Answers to an earlier choice or dialog are dropped. */
  #seq = 0;

  /** The session whose transcript the lookup brought: the one it named, else the dialog's current one. */
  get lookupSession(): number | null {
    const context = this.#context;
    if (!context) return null;
    return context.outcome?.ok ? context.outcome.value.sessionId : context.currentSession;
  }

  get shownSession(): number | null {
    return this.selected ?? this.lookupSession;
  }

  /** The transcript to draw: the lookup's, or the chosen session's (null while it loads or is not kept). */
  get outcome(): Result<Conversation> | null | undefined {
    return this.selected === null ? this.#context?.outcome : this.#chosen;
  }

  /** A dialog is shown: its sessions listed, the lookup's session chosen. The same dialog again keeps the choice. */
  async show(context: SessionContext): Promise<void> {
    if (sameContext(this.#context, context)) return;
    this.#context = context;
    this.#seq++;
    this.selected = null;
    this.#chosen = null;
    this.view = { kind: 'lookup' };
    this.busy = false;
    this.fetchError = null;
    this.sessions = sessionChoices([], context.currentSession, this.lookupSession);
    await this.#list();
  }

  async select(sessionId: number): Promise<void> {
    const context = this.#context;
    if (!context) return;
    const seq = ++this.#seq;
    this.busy = false;
    this.fetchError = null;
    if (sessionId === this.lookupSession) {
      this.selected = null;
      this.#chosen = null;
      this.view = { kind: 'lookup' };
      return;
    }
    this.selected = sessionId;
    this.#chosen = null;
    const choice = this.sessions.find((session) => session.sessionId === sessionId);
    if (choice?.kept) {
      this.view = { kind: 'loading' };
      const answer = await call((api) => api.getConversation({ chatId: context.chatId, sessionId, fromPortal: false }));
      if (seq !== this.#seq) return;
      if (answer.ok) {
        this.#chosen = answer;
        this.view = { kind: 'kept', fetchedAt: answer.value.fetchedAt };
        return;
      }
    }
    if (context.online) return this.#fetch(seq);
    this.view = { kind: 'not-kept' };
  }

  /** Asks the portal for the chosen session's transcript, which main keeps. */
  async fetchFromPortal(): Promise<void> {
    if (this.selected === null || !this.#context?.canAsk) return;
    await this.#fetch(++this.#seq);
  }

  async #fetch(seq: number): Promise<void> {
    const context = this.#context;
    const sessionId = this.selected;
    if (!context || sessionId === null) return;
    this.busy = true;
    this.fetchError = null;
    const shown = this.#chosen?.ok ? this.#chosen : null;
    if (!shown) this.view = { kind: 'loading' };
    const answer = await call((api) => api.getConversation({ chatId: context.chatId, sessionId, fromPortal: true }));
    if (seq !== this.#seq) return;
    this.busy = false;
    if (!answer.ok && shown) {
      this.fetchError = answer.error;
      return;
    }
    this.#chosen = answer;
    this.view = answer.ok ? { kind: 'fetched', fetchedAt: answer.value.fetchedAt } : { kind: 'failed' };
    if (answer.ok) await this.#list();
  }

  async #list(): Promise<void> {
    const context = this.#context;
    if (!context?.canAsk) return;
    const answer = await call((api) => api.listSessions({ chatId: context.chatId }));
    // A store that cannot be read leaves the sessions the dialog itself names.
    if (!answer.ok || this.#context !== context) return;
    this.sessions = sessionChoices(answer.value, context.currentSession, this.lookupSession);
  }
}

export const sessionPicker = new SessionPicker();

// What one store tells the others, without importing them: stores that import
// each other form a circle, and then which one is made first decides which
// sees the other undefined. The emitter names what happened; whoever cares
// subscribes.

export interface AppEvents {
  /** A call was refused for the current account's sake (sign in again, its secrets gone): main's account state changed. */
  'account-changed': { code: string };
  /** A pasted list was submitted: the bulk store runs it (the lookup store cannot import it without a circle). */
  'bulk-requested': { inputs: string[]; numberAs: 'chat' | 'session' };
  /** One dialog is about to be shown in the inspector (a lookup started, a kept copy opened): a bulk run's view gives way. */
  'single-dialog': Record<string, never>;
}

export type AppEvent = keyof AppEvents;

const listeners = new Map<AppEvent, Set<(payload: never) => void>>();

/** Calls `listener` with every `event` from now on; returns the unsubscribe. */
export function on<E extends AppEvent>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
  let subscribed = listeners.get(event);
  if (!subscribed) listeners.set(event, (subscribed = new Set()));
  subscribed.add(listener);
  return () => {
    subscribed.delete(listener);
  };
}

export function emit<E extends AppEvent>(event: E, payload: AppEvents[E]): void {
  // A copy: a listener may unsubscribe itself while being called.
  for (const listener of [...(listeners.get(event) ?? [])]) (listener as (payload: AppEvents[E]) => void)(payload);
}

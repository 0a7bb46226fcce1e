// The conversation view and the card's glance at it, in a chunk of their own
// (with the BB-code parser, the virtual list and their texts): the first
// screen does not wait for them.
type ConversationChunk = [typeof import('../components/ConversationView.svelte'), typeof import('../components/ConversationGlance.svelte')];

let loading: Promise<ConversationChunk> | null = null;

/** Asked once; every later call gets the same modules. */
export function loadConversation(): Promise<ConversationChunk> {
  loading ??= Promise.all([import('../components/ConversationView.svelte'), import('../components/ConversationGlance.svelte')]);
  return loading;
}

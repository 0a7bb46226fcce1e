// How the result is being viewed: the tab, the field filter, and find in the conversation.

export type InspectorTab = 'fields' | 'conversation' | 'timeline' | 'raw';

export const INSPECTOR_TABS: readonly InspectorTab[] = ['fields', 'conversation', 'timeline', 'raw'];

class ConversationFind {
  open = $state(false);
  query = $state('');
  /** The match shown, an index into the matches; -1 before the first is chosen. */
  current = $state(-1);

  close(): void {
    this.open = false;
    this.query = '';
    this.current = -1;
  }
}

class InspectorView {
  tab = $state<InspectorTab>('fields');
  query = $state('');
  readonly find = new ConversationFind();

  clearQuery(): void {
    this.query = '';
  }
}

export const inspectorView = new InspectorView();

export const FILTER_INPUT_ID = 'field-filter';
export const FIND_INPUT_ID = 'conversation-find';
export const LOOKUP_INPUT_ID = 'lookup-input';

export function focusById(id: string, select = false): boolean {
  const element = document.getElementById(id);
  if (!(element instanceof HTMLInputElement)) return false;
  element.focus();
  if (select) element.select();
  return true;
}

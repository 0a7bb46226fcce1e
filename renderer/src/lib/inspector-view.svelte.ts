// How the result is being viewed: the tab and the field filter.

export type InspectorTab = 'fields' | 'raw';

class InspectorView {
  tab = $state<InspectorTab>('fields');
  query = $state('');

  clearQuery(): void {
    this.query = '';
  }
}

export const inspectorView = new InspectorView();

export const FILTER_INPUT_ID = 'field-filter';
export const LOOKUP_INPUT_ID = 'lookup-input';

export function focusById(id: string, select = false): boolean {
  const element = document.getElementById(id);
  if (!(element instanceof HTMLInputElement)) return false;
  element.focus();
  if (select) element.select();
  return true;
}

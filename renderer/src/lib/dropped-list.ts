// A list dropped on the window (a text or CSV file, or text dragged from
// another program) or opened through the OS dialog goes into the lookup field,
// where it is offered as a bulk run like a pasted one. Loaded on the first
// drop or open, with the bulk run's texts. A dropped file is read in the page
// with the File API, an opened one by main: nothing of the file's path or of
// the disk goes from the page to main.
import { filePieces, listPieces } from '../../../preload/api-contract';
import { announcer } from './announcer.svelte';
import { bulkText } from './bulk-messages';
import { i18n } from './i18n.svelte';
import { focusById, LOOKUP_INPUT_ID } from './inspector-view.svelte';
import { lookup } from './lookup-state.svelte';

/** Room for 5,000 identifiers with plenty to spare, and what main's split accepts (2,000,000 characters). */
export const MAX_DROPPED_BYTES = 2_000_000;

const TEXT_NAME = /\.(txt|csv|tsv|text|list)$/i;
/** Windows calls a .csv file "application/vnd.ms-excel" when Excel is installed. */
const TEXT_TYPES = new Set(['', 'application/csv', 'application/vnd.ms-excel', 'application/x-csv']);

export type DroppedList = { ok: true; text: string; name: string | null } | { ok: false; message: string };

/** One identifier a line, comma-separated cells: the field is one line, so the pieces are put in it separated by spaces. */
export function flattenList(text: string): string {
  return listPieces(text).join(' ');
}

function megabytes(bytes: number): string {
  // Rounded up, so a file just over the limit does not read as exactly at it.
  return (Math.ceil(bytes / 100_000) / 10).toLocaleString(i18n.locale, { maximumFractionDigits: 1 });
}

/** A file's list for the field: a CSV by its column of identifiers (our own exports' dialogs), any other text as pasted. */
export function listFromFile(content: string, name: string): DroppedList {
  const pieces = filePieces(content, name);
  if (pieces.length === 0) return { ok: false, message: dropText().empty(name) };
  return { ok: true, text: pieces.join(' '), name };
}

/** The texts of a drop, in the window's language. */
export function dropText(): ReturnType<typeof bulkText>['drop'] {
  return bulkText().drop;
}

/** What a drop holds (its files, else its text) as a list for the field; null when it holds neither. */
export async function readDropped(files: readonly File[], text: string): Promise<DroppedList | null> {
  const m = dropText();
  const file = files[0];
  if (file) {
    const looksText = file.type.startsWith('text/') || TEXT_NAME.test(file.name) || TEXT_TYPES.has(file.type);
    if (!looksText) return { ok: false, message: m.notText(file.name) };
    if (file.size > MAX_DROPPED_BYTES) return { ok: false, message: m.tooLarge(file.name, megabytes(file.size)) };
    let content: string;
    try {
      content = await file.text();
    } catch {
      return { ok: false, message: m.unreadable(file.name) };
    }
    // A binary file with a text-like name (a spreadsheet renamed .csv): not a list.
    if (content.includes('\u0000')) return { ok: false, message: m.notText(file.name) };
    return listFromFile(content, file.name);
  }
  if (text === '') return null;
  if (text.length > MAX_DROPPED_BYTES) return { ok: false, message: m.textTooLarge(megabytes(text.length)) };
  return { ok: true, text: flattenList(text), name: null };
}

/** A dropped or opened list into the lookup field, where it is offered as a bulk run; what is no list is said as an error. */
export function putInField(list: DroppedList): void {
  if (!list.ok) {
    announcer.showNotice(list.message, 'error');
    return;
  }
  lookup.setInput(list.text);
  focusById(LOOKUP_INPUT_ID);
  if (list.name !== null) announcer.announce(dropText().dropped(list.name));
}

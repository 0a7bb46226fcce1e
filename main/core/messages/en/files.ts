// English texts of the files a lead saves (a dialog as Markdown, the save
// dialog's title and filters): the reference for ru/files.ts.

import { TIMESTAMP_FORMATS, type TimestampStyle } from '../../bbcode';

export const files = {
  dialog: {
    lookedUp: (query: string, host: string, fetchedAt: string) => `Looked up as ${query} on ${host}, fetched ${fetchedAt}.`,
    keptCopy: (query: string, host: string, fetchedAt: string) => `Copy kept on this computer from ${fetchedAt}, found as ${query} on ${host}.`,
    demoHost: 'the demo portal',
    openInBitrix: 'Open in Bitrix24',
    field: 'Field',
    key: 'Key',
    value: 'Value',
    empty: '(empty)',
    callerNote: '\\* depends on who asks (the webhook user).',
  },
  save: {
    title: {
      bulk: 'Save the bulk table',
      dialog: 'Save the dialog',
      history: 'Save the history',
      overview: 'Save the overview',
      transcript: 'Save the transcript',
    },
    filters: {
      csv: 'CSV (spreadsheets)',
      json: 'JSON',
      markdown: 'Markdown',
      text: 'Plain text',
    },
  },
  /** A message's tags that stand for something else, as words in its plain text (the terminal's transcript, saved transcripts, search). */
  messageTags: {
    attachment: '[attachment]',
    image: '[image]',
    file: '[file]',
    icon: (title: string | null) => (title ? `[icon: ${title}]` : '[icon]'),
    rating: (value: number | null) => (value === null ? '[rating]' : `[rating ${value}/5]`),
    timestamp: (date: Date, style: TimestampStyle) => new Intl.DateTimeFormat('en-GB', TIMESTAMP_FORMATS[style]).format(date),
  },
  /** The OS open dialog for a list to look up (export/read-list-file.ts). */
  open: {
    title: 'Open a list of identifiers',
    filter: 'Lists (CSV, text)',
  },
};

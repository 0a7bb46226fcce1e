// Portal text inside a Markdown file: whatever a client wrote stays words on the page.
import { printable } from '../core/plain-text';

/**
 * Portal text that Markdown would read as markup, escaped so it stays text:
 * emphasis, code, links, HTML and tables anywhere; headings, lists and quotes
 * where a line starts.
 */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#>+-]|\d+[.)])/, '$1\\$2');
}

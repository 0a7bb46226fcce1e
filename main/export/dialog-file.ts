// A dialog as a file: JSON with everything the lookup brought (the answer as
// the portal sent it, decoded), or Markdown to paste into a ticket, with the
// same sections and labels the window shows. Portal text stays text.
import type { FieldRow, LookupResult } from '../core/dialog-types';
import { messages } from '../core/messages/index';
import { humanDate } from '../core/plain-text';
import { dialogUrl } from '../core/portal-links';
import { markdownText } from './markdown-text';

/** The lookup as `lookup --json` prints each dialog: all of it but the window's labelled sections. */
export function dialogJson(result: LookupResult): string {
  const { sections: _sections, ...rest } = result;
  return JSON.stringify(rest, null, 2);
}

/** One table cell: no line break can end the row, no pipe can split it. */
function cell(text: string): string {
  return markdownText(text.replace(/\r?\n/g, ' '));
}

/** An address we made (the portal's origin and an id): an autolink, when nothing in it can break out of the brackets. */
function ownLink(url: string): string {
  return /^https:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : cell(url);
}

/** A key of the answer in code type; one holding a backtick (a hostile portal's) stays escaped text. */
function keyCell(path: string): string {
  return /[`\r\n|]/.test(path) ? cell(path) : `\`${path}\``;
}

function rowValue(row: FieldRow): string {
  const says = messages().files.dialog;
  if (row.value === '') return says.empty;
  if (row.kind === 'date') {
    const human = humanDate(row.value);
    return human === row.value ? cell(row.value) : `${cell(human)} (${cell(row.value)})`;
  }
  if (row.kind === 'link' && row.href) return `${cell(row.value)} ${ownLink(row.href)}`;
  return cell(row.value);
}

export function dialogMarkdown(result: LookupResult): string {
  const says = messages().files.dialog;
  const name = typeof result.dialog['name'] === 'string' ? result.dialog['name'] : '';
  const id = String(result.dialog['dialog_id'] ?? result.dialog['id'] ?? '');
  const host = result.portal.demo ? says.demoHost : result.portal.host;
  const fetched = humanDate(result.fetchedAt);
  const lines = [
    `# ${markdownText(name || id)}${name ? ` (${markdownText(id)})` : ''}`,
    '',
    markdownText(result.source === 'cache' ? says.keptCopy(result.query.label, host, fetched) : says.lookedUp(result.query.label, host, fetched)),
  ];
  const page = result.portal.demo ? null : dialogUrl(result.portal.origin, String(result.dialog['id']));
  if (page) lines.push('', `${markdownText(says.openInBitrix)}: ${ownLink(page)}`);
  for (const section of result.sections) {
    if (section.rows.length === 0) continue;
    lines.push('', `## ${markdownText(section.title)}`, '', `| ${says.field} | ${says.key} | ${says.value} |`, '|---|---|---|');
    for (const row of section.rows) {
      lines.push(`| ${cell(row.label)}${row.callerDependent ? ' \\*' : ''} | ${keyCell(row.path)} | ${rowValue(row)} |`);
    }
  }
  if (result.sections.some((section) => section.rows.some((row) => row.callerDependent))) lines.push('', says.callerNote);
  return `${lines.join('\n')}\n`;
}

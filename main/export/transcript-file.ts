// A conversation as a readable transcript, or Markdown to paste into a ticket:
// what the CLI prints and what the window saves. Portal text is made printable
// (a message can never drive a terminal) and, in Markdown, cannot open markup of its own.
import type { Conversation } from '../core/conversation-types';
import { localeOf } from '../core/i18n';
import { messages } from '../core/messages/index';
import { humanDate, printable } from '../core/plain-text';
import { authorName, messagePlainText } from '../core/transcript-text';
import { markdownText } from './markdown-text';

function dayOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** "2 min 20 s", "45 s", "3 h 5 min". */
export function spokenSeconds(seconds: number): string {
  const says = messages().cli.transcript.units;
  const whole = Math.round(seconds);
  if (whole < 60) return says.seconds(whole);
  if (whole < 3600) return says.minutes(Math.floor(whole / 60), whole % 60);
  return says.hours(Math.floor(whole / 3600), Math.floor((whole % 3600) / 60));
}

/** The lines above the messages: whose conversation, from where, and the timings a lead asks about. */
function heading(conversation: Conversation, dialogName: string, source: 'portal' | 'cache'): string[] {
  const says = messages().cli.transcript;
  const { timings } = conversation;
  const facts = [says.status[conversation.status]];
  if (timings.clientWaitingSince) facts.push(says.waitingSince(humanDate(timings.clientWaitingSince)));
  if (timings.firstResponse) facts.push(says.firstResponse(spokenSeconds(timings.firstResponse.seconds)));
  if (timings.longestClientWait) facts.push(says.longestWait(spokenSeconds(timings.longestClientWait.seconds)));
  if (timings.lastAuthor) facts.push(says.wroteLast(says.roles[timings.lastAuthor.role]));
  const { client, supervisor, supervisorComment } = conversation.rating;
  if (client) facts.push(says.clientRated[client]);
  if (supervisor !== null) facts.push(says.supervisorRated(supervisor, supervisorComment));
  return [
    printable(says.title(conversation.chatId, conversation.sessionId, dialogName)),
    says.source(source, humanDate(conversation.fetchedAt), conversation.messages.length),
    printable(facts.join(' · ')),
  ];
}

function fileLines(conversation: Conversation, index: number): string[] {
  const says = messages().cli.transcript;
  return conversation.messages[index]!.files.map((file) => says.file(file.name || file.type, file.size));
}

export function formatTranscriptText(conversation: Conversation, dialogName: string, source: 'portal' | 'cache'): string {
  const says = messages().cli.transcript;
  const lines = heading(conversation, dialogName, source);
  let day = '';
  conversation.messages.forEach((message, index) => {
    const today = dayOf(message.date);
    if (today !== day) {
      lines.push('', `— ${today} —`);
      day = today;
    }
    const who = message.role === 'system' ? says.roles.system : `${authorName(conversation, message)} (${says.roles[message.role]})`;
    const text = message.deleted ? says.deleted : messagePlainText(message.text);
    const [first = '', ...rest] = text.split(/\r?\n/).map(printable);
    lines.push(`${timeOf(message.date)}  ${printable(who)}: ${first}`, ...rest.map((line) => `       ${line}`));
    lines.push(...fileLines(conversation, index).map((line) => `       ${printable(line)}`));
  });
  return lines.join('\n');
}

export function formatTranscriptMarkdown(conversation: Conversation, dialogName: string, source: 'portal' | 'cache'): string {
  const says = messages().cli.transcript;
  const [title, from, facts] = heading(conversation, dialogName, source);
  const lines = [`# ${markdownText(title!)}`, '', `${markdownText(from!)}  `, markdownText(facts!)];
  let day = '';
  conversation.messages.forEach((message, index) => {
    const today = dayOf(message.date);
    if (today !== day) {
      lines.push('', `## ${markdownText(today)}`, '');
      day = today;
    }
    const who = message.role === 'system' ? says.roles.system : `${authorName(conversation, message)} (${says.roles[message.role]})`;
    const text = message.deleted ? says.deleted : messagePlainText(message.text);
    const body = text.split(/\r?\n/).map(markdownText).join('  \n');
    lines.push(`**${timeOf(message.date)} · ${markdownText(who)}**  `, body, ...fileLines(conversation, index).map((line) => `- ${markdownText(line)}`), '');
  });
  return lines.join('\n').trimEnd();
}

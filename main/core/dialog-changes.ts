// What changed between two copies of a dialog, in a support lead's words: the
// whole answer is compared, every key and nested key. The keys whose meaning is
// known get a sentence (a new session, pinned, blocked, silent, the operator,
// the CRM binding, renamed, new messages, closed, the client waiting); any
// other changed key is listed with its old and new value. What depends on who
// asks (viewer-keys.ts) is kept apart: it differs, but the dialog did not change.
import { keyLabel, peopleText, personText, valueText } from './change-values';
import type { Conversation } from './conversation-types';
import type { DialogChange, DialogChanges, RawDialog } from './dialog-types';
import { diffJson } from './json-diff';
import { messages } from './messages/index';
import { bindingChanges, sessionChanges, silentChanges } from './session-changes';
import type { UserNames } from './user-names';
import { dependsOnViewer } from './viewer-keys';

export type { DialogChange, DialogChanges } from './dialog-types';

export interface ChangeContext {
  /** Who the user ids are (the answer's names, then the account's directory). */
  names?: UserNames;
  /** The transcripts known for each copy (any session), for who wrote last and the session's state. */
  conversations?: { before: Conversation | null; after: Conversation | null };
}

/** Keys a sentence of their own covers, read whole below rather than by diffJson. */
const WORDED = new Set(['name', 'owner', 'manager_list', 'message_count', 'entity_data_1', 'entity_data_2', 'entity_data_3']);

function change(key: string, kind: DialogChange['kind'], before: unknown, after: unknown, text: string): DialogChange {
  // JSON has no undefined: an absent key is null, and its words say "(absent)".
  return { key, kind, before: before === undefined ? null : before, after: after === undefined ? null : after, text };
}

function messageChange(before: unknown, after: unknown, conversation: Conversation | null, names: UserNames): DialogChange {
  const says = messages().changes;
  if (typeof before !== 'number' || typeof after !== 'number' || after <= before) {
    return change('message_count', 'messages', before, after, says.field(keyLabel('message_count'), valueText(before), valueText(after)));
  }
  let text = says.newMessages(after - before);
  const last = conversation?.timings.lastAuthor;
  if (conversation && last) {
    const author = conversation.authors[last.id];
    // The transcript names its authors; else the directory's name, else the id.
    const who = author?.name ? author.name : (names[last.id] ?? last.id);
    text += `; ${says.lastFrom(who, says.roles[last.role], conversation.timings.lastMessageAt)}`;
  }
  return change('message_count', 'messages', before, after, text);
}

/** The client's wait and the session's end, as the transcripts of the two copies tell them. */
function conversationChanges(before: Conversation | null, after: Conversation | null): DialogChange[] {
  if (!before || !after || before.status === after.status) return [];
  const says = messages().changes;
  const key = 'conversation.status';
  if (after.status === 'closed') return [change(key, 'closed', before.status, after.status, says.sessionClosed)];
  if (after.status === 'clientWaiting') return [change(key, 'clientWaiting', before.status, after.status, says.clientWaiting(after.timings.clientWaitingSince))];
  return [change(key, 'clientWaiting', before.status, after.status, says.clientAnswered)];
}

/** The named keys' changes, in the order a lead reads them. */
function wordedChanges(previous: RawDialog, current: RawDialog, context: ChangeContext): DialogChange[] {
  const says = messages().changes;
  const names = context.names ?? {};
  const found: DialogChange[] = [];
  const differs = (key: string) => JSON.stringify(previous[key]) !== JSON.stringify(current[key]);
  const packed = (key: string, read: (before: string, after: string) => DialogChange[]) => {
    if (!differs(key)) return;
    const before = previous[key];
    const after = current[key];
    if (typeof before === 'string' && typeof after === 'string') found.push(...read(before, after));
    else found.push(change(key, 'field', before, after, says.field(key, valueText(before), valueText(after))));
  };

  packed('entity_data_1', sessionChanges);
  found.push(...conversationChanges(context.conversations?.before ?? null, context.conversations?.after ?? null));
  if (differs('owner')) found.push(change('owner', 'owner', previous['owner'], current['owner'], says.owner(personText(previous['owner'], names), personText(current['owner'], names))));
  packed('entity_data_2', bindingChanges);
  packed('entity_data_3', silentChanges);
  if (differs('name')) found.push(change('name', 'renamed', previous['name'], current['name'], says.renamed(valueText(previous['name']), valueText(current['name']))));
  if (differs('message_count')) found.push(messageChange(previous['message_count'], current['message_count'], context.conversations?.after ?? null, names));
  if (differs('manager_list')) {
    const before = previous['manager_list'];
    const after = current['manager_list'];
    found.push(change('manager_list', 'managers', before, after, says.managers(peopleText(before, names), peopleText(after, names))));
  }
  return found;
}

/**
 * `previous` and `current`: the two copies, older first; `since`: when the older
 * was fetched. Texts are made in the language of the call.
 */
export function compareDialogs(previous: RawDialog, current: RawDialog, since: string, context: ChangeContext = {}): DialogChanges {
  const says = messages().changes;
  const changes = wordedChanges(previous, current, context);
  const viewerDependent: DialogChange[] = [];
  // New messages move the last message's id with them: said once, by the count.
  const counted = changes.some((found) => found.kind === 'messages');
  for (const { key, before, after } of diffJson(previous, current)) {
    const top = /^[^.[]*/.exec(key)?.[0] ?? key;
    if (WORDED.has(top) || (counted && key === 'last_message_id')) continue;
    const text = says.field(keyLabel(key), valueText(before), valueText(after));
    if (dependsOnViewer(key)) viewerDependent.push(change(key, 'viewer', before, after, text));
    else changes.push(change(key, 'field', before, after, text));
  }
  return { since, changes, viewerDependent };
}

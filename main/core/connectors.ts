// Readable names for the connector ids that appear as part 1 of a user code
// (entity_id). Ids and names follow the imconnector module's own list and the
// imconnector.list example; custom REST connectors have ids of their own
// choosing, so anything unknown stays null and the UI shows the id itself.
// The names themselves are in the message catalogue (dialog.connectors).
import { en } from './messages/en';
import { messages, type Messages } from './messages/index';

type ConnectorId = keyof Messages['dialog']['connectors'];

function lookUp(names: Readonly<Record<string, string>>, id: string): string | null {
  // The module lower-cases connector ids itself; a hand-typed "Telegrambot" is the same channel.
  const key = id.toLowerCase();
  return Object.hasOwn(names, key) ? (names[key] ?? null) : null;
}

/**
 * The English name of a known connector id, or null. Language-free on purpose:
 * the search index stores it, and an index must not depend on the language of
 * whichever call happened to keep the dialog.
 */
export function connectorName(id: string): string | null {
  return lookUp(en.dialog.connectors, id);
}

/** The name of a known connector id in the language of the call, or null (show "custom connector <id>"). */
export function connectorLabel(id: string): string | null {
  return lookUp(messages().dialog.connectors, id);
}

/** Every connector id with a readable name (for tests and documentation). */
export function knownConnectorIds(): ConnectorId[] {
  return Object.keys(en.dialog.connectors) as ConnectorId[];
}

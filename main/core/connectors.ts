// Readable names for the connector ids that appear as part 1 of a user code
// (entity_id). Ids and names follow the imconnector module's own list and the
// imconnector.list example; custom REST connectors have ids of their own
// choosing, so anything unknown stays null and the UI shows the id itself.

const CONNECTOR_NAMES: Readonly<Record<string, string>> = Object.freeze({
  livechat: 'Live chat (website widget)',
  telegrambot: 'Telegram',
  whatsappbytwilio: 'WhatsApp (Twilio)',
  whatsappbyedna: 'WhatsApp (Edna)',
  imessage: 'Apple Messages for Business',
  network: 'Bitrix24.Network',
  facebook: 'Facebook',
  facebookcomments: 'Facebook comments',
  fbinstagramdirect: 'Instagram',
  // The older Instagram connector; ids of finished chats keep it.
  instagram: 'Instagram',
  fbinstagram: 'Instagram Business (post comments)',
  vkgroup: 'VK',
  viber: 'Viber',
  ok: 'Odnoklassniki',
  avito: 'Avito',
  wechat: 'WeChat',
  yandex: 'Yandex Chat',
  notifications: 'Bitrix24 SMS & WhatsApp (CRM notifications)',
  olx: 'OLX',
  botframework: 'Microsoft Bot Framework',
});

/** A readable name for a known connector id, or null (show "custom connector <id>"). */
export function connectorName(id: string): string | null {
  // The module lower-cases connector ids itself; a hand-typed "Telegrambot" is the same channel.
  const key = id.toLowerCase();
  return Object.hasOwn(CONNECTOR_NAMES, key) ? (CONNECTOR_NAMES[key] ?? null) : null;
}

/** Every connector id with a readable name (for tests and documentation). */
export function knownConnectorIds(): string[] {
  return Object.keys(CONNECTOR_NAMES);
}

import { describe, expect, it } from 'vitest';
import { connectorName, knownConnectorIds } from '../../main/core/connectors';
import { decodeEntityId, splitUserCode } from '../../main/core/decode/entity-id';

describe('connectorName', () => {
  it.each([
    ['livechat', 'Live chat (website widget)'],
    ['telegrambot', 'Telegram'],
    ['whatsappbytwilio', 'WhatsApp (Twilio)'],
    ['whatsappbyedna', 'WhatsApp (Edna)'],
    ['imessage', 'Apple Messages for Business'],
    ['network', 'Bitrix24.Network'],
    ['facebook', 'Facebook'],
    ['facebookcomments', 'Facebook comments'],
    ['fbinstagramdirect', 'Instagram'],
    ['instagram', 'Instagram'],
    ['fbinstagram', 'Instagram Business (post comments)'],
    ['vkgroup', 'VK'],
    ['viber', 'Viber'],
    ['ok', 'Odnoklassniki'],
    ['avito', 'Avito'],
    ['wechat', 'WeChat'],
    ['yandex', 'Yandex Chat'],
    ['notifications', 'Bitrix24 SMS & WhatsApp (CRM notifications)'],
    ['olx', 'OLX'],
    ['botframework', 'Microsoft Bot Framework'],
  ])('names %s', (id, name) => {
    expect(connectorName(id)).toBe(name);
  });

  it('knows every connector it lists, and nothing from Object.prototype', () => {
    for (const id of knownConnectorIds()) expect(connectorName(id)).toEqual(expect.any(String));
    expect(connectorName('constructor')).toBeNull();
    expect(connectorName('__proto__')).toBeNull();
    expect(connectorName('toString')).toBeNull();
  });

  it('returns null for custom connectors and matches ids case-insensitively', () => {
    expect(connectorName('my_rest_connector')).toBeNull();
    expect(connectorName('')).toBeNull();
    expect(connectorName('TelegramBot')).toBe('Telegram');
  });
});

describe('decodeEntityId', () => {
  it('decodes the documented user code', () => {
    expect(decodeEntityId('livechat|22|1775|599')).toEqual({
      raw: 'livechat|22|1775|599',
      wellFormed: true,
      connectorId: 'livechat',
      connectorName: 'Live chat (website widget)',
      lineId: 22,
      externalChatId: '1775',
      clientUserId: 599,
    });
  });

  it.each(knownConnectorIds())('names the connector of a %s user code', (id) => {
    const decoded = decodeEntityId(`${id}|8|173633217|569`);
    expect(decoded.wellFormed).toBe(true);
    expect(decoded.connectorId).toBe(id);
    expect(decoded.connectorName).toBe(connectorName(id));
    expect(decoded.connectorName).not.toBeNull();
  });

  it('keeps a custom connector id with no name', () => {
    const decoded = decodeEntityId('acme.chat|3|room-42|0');
    expect(decoded).toMatchObject({ wellFormed: true, connectorId: 'acme.chat', connectorName: null, clientUserId: 0 });
  });

  it('keeps a non-numeric external chat id as text', () => {
    const decoded = decodeEntityId('telegrambot|8|-100123456789|569');
    expect(decoded.externalChatId).toBe('-100123456789');
    expect(decoded.wellFormed).toBe(true);
  });

  it('accepts a leading imol| and keeps the raw string', () => {
    const decoded = decodeEntityId('imol|telegrambot|8|173633217|569');
    expect(decoded).toMatchObject({
      raw: 'imol|telegrambot|8|173633217|569',
      wellFormed: true,
      connectorId: 'telegrambot',
      lineId: 8,
      externalChatId: '173633217',
      clientUserId: 569,
    });
    expect(splitUserCode(decoded.raw)).toEqual({ prefixed: true, parts: ['telegrambot', '8', '173633217', '569'] });
  });

  it('reads three parts but is not well formed', () => {
    const decoded = decodeEntityId('livechat|1|1373');
    expect(decoded).toMatchObject({ wellFormed: false, connectorId: 'livechat', lineId: 1, externalChatId: '1373', clientUserId: null });
  });

  it('reads the first four of five parts but is not well formed', () => {
    const decoded = decodeEntityId('livechat|1|1373|211|extra');
    expect(decoded).toMatchObject({ wellFormed: false, connectorId: 'livechat', lineId: 1, externalChatId: '1373', clientUserId: 211 });
  });

  it('treats empty parts as missing', () => {
    expect(decodeEntityId('|1|1373|211')).toMatchObject({ wellFormed: false, connectorId: null, connectorName: null, lineId: 1 });
    expect(decodeEntityId('livechat|1||211')).toMatchObject({ wellFormed: false, externalChatId: null, clientUserId: 211 });
    expect(decodeEntityId('livechat||1373|211')).toMatchObject({ wellFormed: false, lineId: null });
    expect(decodeEntityId('livechat|1|1373|')).toMatchObject({ wellFormed: false, clientUserId: null });
  });

  it('refuses non-numeric, negative and fractional line or user ids', () => {
    expect(decodeEntityId('livechat|one|1373|211')).toMatchObject({ wellFormed: false, lineId: null, clientUserId: 211 });
    expect(decodeEntityId('livechat|-1|1373|211')).toMatchObject({ wellFormed: false, lineId: null });
    expect(decodeEntityId('livechat|1.5|1373|211')).toMatchObject({ wellFormed: false, lineId: null });
    expect(decodeEntityId('livechat|1|1373|x9')).toMatchObject({ wellFormed: false, clientUserId: null });
    expect(decodeEntityId('livechat|99999999999999999999|1373|211')).toMatchObject({ wellFormed: false, lineId: null });
  });

  it('never throws on empty or odd input', () => {
    expect(decodeEntityId('')).toEqual({
      raw: '',
      wellFormed: false,
      connectorId: null,
      connectorName: null,
      lineId: null,
      externalChatId: null,
      clientUserId: null,
    });
    expect(decodeEntityId('imol|')).toMatchObject({ wellFormed: false, connectorId: null });
    expect(decodeEntityId('|||')).toMatchObject({ wellFormed: false, connectorId: null, lineId: null });
    expect(decodeEntityId('just text')).toMatchObject({ wellFormed: false, connectorId: 'just text', lineId: null });
  });
});

// The dialogs the store bench caches: the documented chat 1777 with what
// differs between real dialogs varied, deterministically per chat id. Names
// repeat (a portal has many Marias), in several scripts; the channels, lines,
// CRM bindings and operators who read the chat vary and are unevenly spread,
// as on a real portal. Broad words stay broad on purpose: "refunds" names one
// line in five, and is what a lead types first.
import type { RawDialog } from '../../main/core/dialog-types';

const FIRST_LATIN = ['Anna', 'Priya', 'José', 'Olivia', 'Lukas', 'Chloé', 'Daniel', 'Sofia', 'Mateo', 'Emma', 'Noah', 'Amara', 'Liam', 'Zoë', 'Kwame', 'Ingrid', 'Raj', 'Lucía', 'Tomás', 'Hannah'];
const LAST_LATIN = ['Smith', 'García', 'Müller', 'Sharma', 'Dubois', 'Kowalski', "O'Brien", 'Rossi', 'Nguyen', 'Johansson', 'Silva', 'Okafor', 'Novak', 'Jensen', 'Costa'];
const FIRST_CYRILLIC = ['Иван', 'Мария', 'Алексей', 'Ольга', 'Дмитрий', 'Екатерина', 'Сергей', 'Анна'];
const LAST_CYRILLIC = ['Иванова', 'Петров', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Новиков'];
const FIRST_ARABIC = ['محمد', 'فاطمة', 'أحمد', 'مريم', 'علي', 'نور', 'يوسف', 'ليلى'];
const LAST_ARABIC = ['العلي', 'حسن', 'الهاشمي', 'منصور', 'السيد', 'خليل'];
// Chinese and Japanese names are written without a space between the parts.
const CJK_NAMES = ['王小明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健太'];
const LINES = ['Support', 'Sales', 'Refunds', 'VIP', 'Delivery'];
const OPERATORS = ['Samantha Johnson', 'Peter Clarke', 'Ahmed Karimov', 'Julia Novak', 'Marco Bianchi', 'Елена Орлова', 'Kenji Watanabe', 'Laura Martín', 'Tobias Weber', 'Fatima Zahra', 'Grace Lee', 'Oleg Frolov', 'Nina Petrenko', 'Sam Taylor', 'Mei Lin', 'Victor Hugo', 'Ana Souza', 'Igor Belov', 'Rachel Green', 'Omar Haddad'];
// Channel id, its open line ids, and its share in 100.
const CHANNELS: Array<[string, number[], number]> = [
  ['livechat', [1, 2, 3, 4, 5, 6, 7, 8, 9], 40],
  ['telegrambot', [2, 6], 20],
  ['whatsappbytwilio', [3, 7], 15],
  ['viber', [4], 7],
  ['fbinstagramdirect', [5], 6],
  ['vkgroup', [6], 5],
  ['imessage', [8], 4],
  ['acme_helpdesk', [9], 3],
];
const DESCRIPTIONS = ['Asked about a refund for order', 'Wants express delivery to another city', 'Complaint about the courier, call back', 'VIP client: answer within 5 minutes', 'Invoice requested for the company'];

/** A well-mixed 32-bit hash of (id, salt): the same chat always gets the same dialog. */
function mix(id: number, salt: number): number {
  let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function pick<T>(list: readonly T[], id: number, salt: number): T {
  return list[mix(id, salt) % list.length]!;
}

function clientName(id: number): string {
  const script = mix(id, 1) % 100;
  // Half Latin, then Cyrillic, Arabic and CJK; some widget visitors never give a name.
  if (script < 8) return `Guest #${id % 1000}`;
  if (script < 55) return `${pick(FIRST_LATIN, id, 2)} ${pick(LAST_LATIN, id, 3)}`;
  if (script < 75) return `${pick(FIRST_CYRILLIC, id, 2)} ${pick(LAST_CYRILLIC, id, 3)}`;
  if (script < 88) return `${pick(FIRST_ARABIC, id, 2)} ${pick(LAST_ARABIC, id, 3)}`;
  return pick(CJK_NAMES, id, 2);
}

function channel(id: number): [string, number] {
  let roll = mix(id, 4) % 100;
  for (const [connector, lines, share] of CHANNELS) {
    if (roll < share) return [connector, pick(lines, id, 5)];
    roll -= share;
  }
  throw new Error('bench: channel shares must add up to 100');
}

/** The dialog's user code (entity_id), as findDialog is asked for it. */
export function userCodeFor(id: number): string {
  const [connector, line] = channel(id);
  return `${connector}|${line}|${200_000 + (mix(id, 6) % 800_000)}|${id + 11}`;
}

export function sessionIdFor(id: number): number {
  return 100_000 + id;
}

function crm(id: number): { primary: string; bindings: string } {
  const kind = mix(id, 7) % 10;
  const lead = 1 + (mix(id, 8) % 30_000);
  const contact = 1 + (mix(id, 9) % 20_000);
  const deal = 1 + (mix(id, 10) % 10_000);
  if (kind < 6) return { primary: `LEAD|${lead}`, bindings: `LEAD|${lead}|COMPANY|0|CONTACT|0|DEAL|0` };
  if (kind < 9) return { primary: `CONTACT|${contact}`, bindings: `LEAD|0|COMPANY|0|CONTACT|${contact}|DEAL|${deal}` };
  return { primary: 'NONE|0', bindings: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|0' };
}

export function dialogFor(template: RawDialog, id: number): RawDialog {
  const client = clientName(id);
  const { primary, bindings } = crm(id);
  const operators = 1 + (mix(id, 11) % 3);
  const readers = Array.from({ length: operators }, (_, i) => ({ user_id: 20 + (mix(id, 12 + i) % 40), user_name: pick(OPERATORS, id, 12 + i), message_id: 86_000 + id, date: null }));
  const described = mix(id, 20) % 10 === 0;
  return {
    ...template,
    id,
    dialog_id: `chat${id}`,
    name: `${client} - ${pick(LINES, id, 21)}`,
    description: described ? `${pick(DESCRIPTIONS, id, 22)} ${1000 + (id % 9000)}` : null,
    entity_id: userCodeFor(id),
    entity_data_1: `Y|${primary}|N|N|${sessionIdFor(id)}|1773682918|0|0|0`,
    entity_data_2: bindings,
    readed_list: [{ user_id: id + 11, user_name: client, message_id: 86_000 + id, date: null }, ...readers],
    last_message_views: { message_id: 86_000 + id, first_viewers: readers.slice(0, 1), count_of_viewers: 1 },
    message_count: 1 + (mix(id, 23) % 400),
  };
}

/** One realistic query of each kind the lead types, and what it stands for. */
export const BENCH_QUERIES: ReadonlyArray<{ text: string; kind: string }> = [
  { text: 'Priya', kind: 'a first name' },
  { text: 'sofia rossi', kind: 'a full name' },
  { text: 'chat17', kind: 'a dialog id prefix' },
  { text: 'livechat|4', kind: 'a user code part' },
  { text: 'lead 1209', kind: 'a CRM binding' },
  { text: 'Иван', kind: 'a Cyrillic name' },
  { text: 'محمد', kind: 'an Arabic name' },
  { text: '小明', kind: 'a CJK name part' },
  { text: 'garcia', kind: 'a surname, no accent' },
  { text: 'samantha', kind: 'an operator who read many' },
  { text: 'refunds', kind: 'a broad word (a line)' },
  { text: 'r', kind: 'one letter typed' },
];

// The message search at scale: a store holding a million kept messages
// (sessions × messages per session), their text generated deterministically
// from a support desk's words, a few of them rare ("refund" in about one
// message in a hundred, a made-up order code in one), a tenth of the sessions
// in Russian. Measured: searchDialogs for words only messages hold (what the
// window asks: one portal, 30 hits), a session's put (its transcript with its
// index rows), and the disk the transcripts and their index take per message.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Libsql from 'libsql';
import type { Conversation, ConversationMessage } from '../../main/core/conversation-types';
import type { RawDialog } from '../../main/core/dialog-types';
import { InspectorStore } from '../../main/store/index';
import { dialogFor } from './bench-dialogs';
import { median, percentile } from './stats';

const ACCOUNT = 'bench.bitrix24.com';
const SEARCH_ROUNDS = 30;
const WINDOW_LIMIT = 30;

export interface MessageBenchRow {
  sessions: number;
  messagesPerSession: number;
  messages: number;
  buildSeconds: number;
  /** A new session's put: its transcript and index rows, 500 messages. */
  putMedianMs: number;
  putP95Ms: number;
  /** The tick after a put, where the store merges the message index's segments a step at a time. */
  upkeepMedianMs: number;
  upkeepP95Ms: number;
  /** A session kept again (grown by one message): its rows replaced. */
  reputMedianMs: number;
  reputP95Ms: number;
  /** A session looked up again with the same messages (the common case): its rows kept. */
  samePutMedianMs: number;
  samePutP95Ms: number;
  searchMedianMs: number;
  searchP95Ms: number;
  searches: Array<{ text: string; kind: string; hits: number; messageHits: number; medianMs: number; p95Ms: number }>;
  /** Transcripts' JSON (conversations and its key, conversation_messages) per message. */
  transcriptBytesPerMessage: number;
  /** The message index per message. */
  indexBytesPerMessage: number;
  fileBytesPerMessage: number;
}

export const MESSAGE_QUERIES = [
  { text: 'refund', kind: 'a word in 1 message of 100' },
  { text: 'zx7q-4410', kind: 'an order code in one session' },
  { text: 'courier late', kind: 'two words, one message' },
  { text: 'refu', kind: 'a prefix' },
  { text: 'please', kind: 'a word in 1 message of 8' },
  { text: 'возврат', kind: 'Cyrillic, in the Russian tenth' },
  { text: 'zzqx nothing', kind: 'matches nothing' },
];

/** mulberry32: the same text on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the a to and I you is it for my of in on your we can this that with be have not what when order delivery ' +
  'payment account help thanks hello hi yes no okay sure time today tomorrow address phone number card check status ' +
  'question problem issue support team operator wait minute moment send email link page app login password change ' +
  'cancel return product size color price discount invoice company manager call back week day morning evening'
).split(' ');
const RARER = (
  'courier late damaged package warehouse tracking express pickup voucher coupon subscription renewal contract ' +
  'warranty repair replacement exchange receipt transfer bank declined charged twice confirmation screenshot ' +
  'attachment download upload settings notification webhook integration error timeout browser mobile desktop'
).split(' ');
const RUSSIAN = 'здравствуйте заказ доставка оплата спасибо подскажите пожалуйста возврат курьер статус номер адрес карта сегодня завтра'.split(' ');

function sentence(next: () => number, russian: boolean): string {
  const length = 5 + Math.floor(next() * 20);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) {
    const roll = next();
    if (russian && roll < 0.7) words.push(RUSSIAN[Math.floor(next() * RUSSIAN.length)]!);
    else if (roll < 0.8) words.push(COMMON[Math.floor(next() * COMMON.length)]!);
    else if (roll < 0.97) words.push(RARER[Math.floor(next() * RARER.length)]!);
    else words.push(`#${Math.floor(next() * 1e6)}`);
  }
  if (next() < 0.01) words.splice(Math.floor(next() * words.length), 0, 'refund');
  if (next() < 0.125) words.push('please');
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${next() < 0.5 ? '.' : '?'}`;
}

function conversationFor(chatId: number, sessionId: number, count: number, fetchedAt: string): Conversation {
  const next = random(sessionId);
  const russian = sessionId % 10 === 0;
  const start = Date.UTC(2026, 0, 1) + sessionId * 3_600_000;
  const messages: ConversationMessage[] = [];
  for (let i = 0; i < count; i += 1) {
    const operator = i % 2 === 1;
    let text = sentence(next, russian);
    if (sessionId === 777 && i === 42) text = 'My order ZX7Q-4410 never came.';
    if (next() < 0.1) text = `[b]${text}[/b]`;
    messages.push({
      id: sessionId * 1_000 + i,
      date: new Date(start + i * 30_000).toISOString().replace('Z', '+00:00'),
      authorId: operator ? '27' : String(10_000 + chatId),
      role: operator ? 'operator' : 'client',
      text,
      files: [],
      attachments: [],
      vote: null,
      sessionStart: false,
      deleted: false,
    });
  }
  return {
    chatId,
    sessionId,
    messages,
    authors: {
      '27': { id: '27', name: 'Samantha Johnson', role: 'operator', position: 'Support engineer' },
      [String(10_000 + chatId)]: { id: String(10_000 + chatId), name: `Guest ${chatId}`, role: 'client', position: null },
    },
    rating: { client: null, supervisor: null, supervisorComment: null },
    status: 'closed',
    timings: { start: messages[0]?.date ?? null, firstResponse: null, longestClientWait: null, lastAuthor: null, lastMessageAt: null, clientWaitingSince: null, durationSeconds: null, kpi: null },
    fetchedAt,
  };
}

function diskBy(file: string): { transcripts: number; index: number } {
  const db = new Libsql(file);
  try {
    const rows = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE aggregate = TRUE GROUP BY name").all() as Array<{ name: string; bytes: number }>;
    const sum = (test: (name: string) => boolean) => rows.filter((row) => test(row.name)).reduce((total, row) => total + row.bytes, 0);
    // A transcript is its row in conversations (and that table's key) and its messages' rows (migration 9).
    const transcript = (name: string) => name === 'conversations' || name.startsWith('sqlite_autoindex_conversations') || name === 'conversation_messages';
    return { transcripts: sum(transcript), index: sum((name) => name.startsWith('message_search')) };
  } finally {
    db.close();
  }
}

/** `sessions` chats, one session each, `perSession` messages in each. */
export async function benchMessages(root: string, sessions: number, perSession = 500): Promise<MessageBenchRow> {
  const template = (JSON.parse(readFileSync(path.join(root, 'main/emulator/data/documented-chat-1777.json'), 'utf8')) as { result: RawDialog }).result;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oli-bench-messages-'));
  try {
    const store = InspectorStore.open(dir);
    const built = performance.now();
    const puts: number[] = [];
    const upkeeps: number[] = [];
    // Lookups come at a person's pace, so the store's ticks after a put run
    // before the next one: the bench yields one tick and measures it too.
    const tick = async (times: number[]) => {
      const start = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      times.push(performance.now() - start);
    };
    for (let id = 1; id <= sessions; id += 1) {
      const at = new Date().toISOString();
      store.putDialog(ACCOUNT, dialogFor(template, id), null, at);
      const conversation = conversationFor(id, id, perSession, at);
      const start = performance.now();
      store.putConversation(ACCOUNT, conversation);
      puts.push(performance.now() - start);
      await tick(upkeeps);
      if (id % 200 === 0) process.stderr.write(`messages: ${(id * perSession).toLocaleString('en')} kept\n`);
    }
    const buildSeconds = (performance.now() - built) / 1000;

    // A session read again later: one more message, every row replaced.
    const reputs: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const id = 1 + ((i * 7919) % sessions);
      const conversation = conversationFor(id, id, perSession + 1, new Date(Date.now() + 60_000).toISOString());
      const start = performance.now();
      store.putConversation(ACCOUNT, conversation);
      reputs.push(performance.now() - start);
      await tick([]);
    }
    // The same session again, nothing new said: the transcript's copy is written, its rows stay.
    const sameputs: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const id = 1 + ((i * 104_729) % sessions);
      const conversation = conversationFor(id, id, perSession, new Date(Date.now() + 120_000).toISOString());
      const start = performance.now();
      store.putConversation(ACCOUNT, conversation);
      sameputs.push(performance.now() - start);
      await tick([]);
    }

    const perQuery = MESSAGE_QUERIES.map(() => [] as number[]);
    const hits = MESSAGE_QUERIES.map(() => ({ all: 0, messages: 0 }));
    for (let round = 0; round < SEARCH_ROUNDS; round += 1) {
      MESSAGE_QUERIES.forEach(({ text }, i) => {
        const start = performance.now();
        const found = store.searchDialogs(text, { account: ACCOUNT, limit: WINDOW_LIMIT });
        perQuery[i]!.push(performance.now() - start);
        hits[i] = { all: found.length, messages: found.filter((hit) => hit.message).length };
      });
    }
    store.close();

    const file = path.join(dir, 'openlines-inspector.db');
    const disk = diskBy(file);
    const messages = sessions * perSession;
    const all = perQuery.flat();
    // The first puts run against an empty index: the last tenth is the store at size.
    const late = puts.slice(-Math.max(1, Math.floor(sessions / 10)));
    return {
      sessions,
      messagesPerSession: perSession,
      messages,
      buildSeconds,
      putMedianMs: median(late),
      putP95Ms: percentile(late, 95),
      upkeepMedianMs: median(upkeeps.slice(-late.length)),
      upkeepP95Ms: percentile(upkeeps.slice(-late.length), 95),
      reputMedianMs: median(reputs),
      reputP95Ms: percentile(reputs, 95),
      samePutMedianMs: median(sameputs),
      samePutP95Ms: percentile(sameputs, 95),
      searchMedianMs: median(all),
      searchP95Ms: percentile(all, 95),
      searches: MESSAGE_QUERIES.map(({ text, kind }, i) => ({ text, kind, hits: hits[i]!.all, messageHits: hits[i]!.messages, medianMs: median(perQuery[i]!), p95Ms: percentile(perQuery[i]!, 95) })),
      transcriptBytesPerMessage: Math.round(disk.transcripts / messages),
      indexBytesPerMessage: Math.round(disk.index / messages),
      fileBytesPerMessage: Math.round(statSync(file).size / messages),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function messageReport(row: MessageBenchRow): string[] {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const lines: Array<[string, string, string]> = [
    ['kept', `${row.messages.toLocaleString('en')} messages (${row.sessions.toLocaleString('en')} sessions × ${row.messagesPerSession}), built in ${row.buildSeconds.toFixed(0)} s`, ''],
    ['message search, all queries: median / p95', `${ms(row.searchMedianMs)} / ${ms(row.searchP95Ms)}`, row.searchP95Ms <= 10 ? 'goal p95 ≤ 10 ms: met' : 'goal p95 ≤ 10 ms: MISSED'],
    ...row.searches.map(({ text, kind, hits, messageHits, medianMs, p95Ms }): [string, string, string] => [`  "${text}" (${kind})`, `${ms(medianMs)} / ${ms(p95Ms)} ·${hits} (${messageHits} by a message)`, '']),
    [`a session's put (${row.messagesPerSession} messages): median / p95`, `${ms(row.putMedianMs)} / ${ms(row.putP95Ms)}`, row.putP95Ms <= 20 ? 'goal p95 ≤ 20 ms: met' : 'goal p95 ≤ 20 ms: MISSED'],
    ['  then the index upkeep, a later tick: median / p95', `${ms(row.upkeepMedianMs)} / ${ms(row.upkeepP95Ms)}`, ''],
    ['  kept again (rows replaced): median / p95', `${ms(row.reputMedianMs)} / ${ms(row.reputP95Ms)}`, ''],
    ['  kept again, the same messages: median / p95', `${ms(row.samePutMedianMs)} / ${ms(row.samePutP95Ms)}`, ''],
    ['disk per message: transcript / index / whole file', `${row.transcriptBytesPerMessage} B / ${row.indexBytesPerMessage} B / ${row.fileBytesPerMessage} B`, 'reported'],
  ];
  const width = Math.max(...lines.map((line) => line[0].length));
  return lines.map(([name, value, verdict]) => `${name.padEnd(width)}  ${value.padEnd(44)}  ${verdict}`);
}

// Bitrix24's message BB-code (`text`, never `textlegacy`) as a tree the page
// draws with text nodes and elements: a message is written by a stranger, so
// nothing in it is ever parsed as HTML. Tags the parser does not know, and
// tags left open or closed without an opening, stay in the text as written:
// odd markup costs formatting, never a character. Tags that would act (send
// a command, call a number) are only their label; tags that would fetch or
// show something else (an image, a file, a card, a date) are words in their
// place, given by the caller in its language.

export type InlineTag = 'b' | 'i' | 'u' | 's' | 'size' | 'color';
/** [SEND=cmd]label[/SEND], [PUT=cmd]…, [CALL=number]… or [CALL]number[/CALL], [CONTEXT=chat1/2]…: a label, never an action. */
export type ActionTag = 'send' | 'put' | 'call' | 'context';
/** Tags shown as words: nothing is fetched, nothing is performed. */
export type PlaceholderKind = 'timestamp' | 'attachment' | 'image' | 'file' | 'icon' | 'rating';
/** What a [TIMESTAMP]'s FORMAT asks for: Bitrix24's names (SHORT_TIME_FORMAT, LONG_DATE_FORMAT, FORMAT_DATETIME…) say date, time or both. */
export type TimestampStyle = 'date' | 'time' | 'dateTime';

/** The words a placeholder is written with, in the caller's language. */
export interface BbWords {
  attachment: string;
  image: string;
  file: string;
  icon: (title: string | null) => string;
  rating: (value: number | null) => string;
  timestamp: (date: Date, style: TimestampStyle) => string;
}

/** How each style is written (local time, as the rest of a conversation): every catalogue formats with these. */
export const TIMESTAMP_FORMATS: Readonly<Record<TimestampStyle, Intl.DateTimeFormatOptions>> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/** English, for callers without a catalogue (tests, tools). */
export const DEFAULT_BB_WORDS: BbWords = {
  attachment: '[attachment]',
  image: '[image]',
  file: '[file]',
  icon: (title) => (title ? `[icon: ${title}]` : '[icon]'),
  rating: (value) => (value === null ? '[rating]' : `[rating ${value}/5]`),
  timestamp: (date, style) => new Intl.DateTimeFormat('en-GB', TIMESTAMP_FORMATS[style]).format(date),
};

export type BbNode =
  /** `from`: where the text starts in the source; `at`: where it starts in the plain text (for find). */
  | { type: 'text'; text: string; from: number; at: number }
  | { type: 'break' }
  | { type: 'style'; tag: InlineTag; children: BbNode[] }
  /** `href` is the checked http(s) address, or null: then the link is drawn as plain text. */
  | { type: 'link'; href: string | null; raw: string; children: BbNode[] }
  | { type: 'mention'; kind: 'user' | 'chat'; id: string; children: BbNode[] }
  /** `arg`: the command, the number (a [CALL]'s label when it has no argument) or the message; shown, never acted on. */
  | { type: 'action'; kind: ActionTag; arg: string | null; children: BbNode[] }
  /** `text`: the words in the tag's place; `at` as for text. */
  | { type: 'placeholder'; kind: PlaceholderKind; text: string; at: number }
  | { type: 'quote'; children: BbNode[] }
  | { type: 'code'; children: BbNode[] };

export interface ParsedText {
  nodes: BbNode[];
  /** What a reader sees: the text without the recognised markup, `[br]` as a line break. */
  plain: string;
  /** The source ranges [from, to) taken as markup, in source order. */
  markup: Array<[number, number]>;
}

/** Bitrix24 wraps a quoted message in lines of 54 dashes. */
const DASH_LINE = '-'.repeat(54);
/** The longest address a message link may have (main checks the same). */
export const MAX_LINK_LENGTH = 2_000;

const INLINE: ReadonlySet<string> = new Set(['b', 'i', 'u', 's', 'size', 'color']);
const ACTIONS: ReadonlySet<string> = new Set(['send', 'put', 'call', 'context']);
const WITH_CLOSE: ReadonlySet<string> = new Set([...INLINE, 'url', 'user', 'chat', ...ACTIONS]);
const TAG = /\[(\/?)([a-z]+)(?:([= ])([^[\]\n]*))?\]/iy;
const CODE_CLOSE = /\[\/code\]/i;
const IMG_CLOSE = /\[\/img\]/i;
/** The latest date a Date holds, in Unix seconds: past it a timestamp is not one. */
const MAX_UNIX_SECONDS = 8.64e12;

/** An address that may be offered to the browser: http(s), parsed, not too long, no credentials; else null. */
export function safeHttpUrl(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || text.length > MAX_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** What a placeholder tag says, before it is worded. */
type PlaceholderSpec =
  | { kind: 'timestamp'; seconds: number; style: TimestampStyle }
  | { kind: 'icon'; title: string | null }
  | { kind: 'rating'; value: number | null }
  | { kind: 'attachment' | 'image' | 'file' };

export function timestampStyle(format: string | null): TimestampStyle {
  const name = (format ?? '').toUpperCase();
  const date = name.includes('DATE') || name.includes('DAY');
  const time = name.includes('TIME');
  if (time && !date) return 'time';
  if (date && !time) return 'date';
  return 'dateTime';
}

/** A tag that stands alone ([TIMESTAMP=…], [ATTACH=N], [RATING=N], [DISK=N], [ICON=…]) with a usable argument; else null. */
function standalone(name: string, separator: string | undefined, arg: string | null): PlaceholderSpec | null {
  if (separator !== '=' || arg === null) return null;
  switch (name) {
    case 'timestamp': {
      const found = /^\s*(\d{1,13})(?:\s+format=([A-Za-z_]+))?\s*$/i.exec(arg);
      if (!found || Number(found[1]) > MAX_UNIX_SECONDS) return null;
      return { kind: 'timestamp', seconds: Number(found[1]), style: timestampStyle(found[2] ?? null) };
    }
    case 'attach':
      return /^\s*\d+\s*$/.test(arg) ? { kind: 'attachment' } : null;
    case 'disk':
      return /^\s*\d+\s*$/.test(arg) ? { kind: 'file' } : null;
    case 'rating': {
      if (!/^\s*\d+\s*$/.test(arg)) return null;
      const value = Number(arg);
      return { kind: 'rating', value: value >= 1 && value <= 5 ? value : null };
    }
    case 'icon': {
      if (arg.trim() === '') return null;
      // [ICON=URL size=20 title=Two words]: the title runs to the next attribute.
      const title = /(?:^|\s)title=(.*?)(?=\s+[a-z]+=|$)/i.exec(arg)?.[1]?.trim() || null;
      return { kind: 'icon', title };
    }
    default:
      return null;
  }
}

type Token =
  | { kind: 'text'; text: string; from: number }
  | { kind: 'placeholder'; spec: PlaceholderSpec; from: number; to: number }
  | { kind: 'open'; name: string; arg: string | null; from: number; to: number; raw: string }
  | { kind: 'close'; name: string; from: number; to: number; raw: string }
  | { kind: 'br'; from: number; to: number }
  | { kind: 'code'; content: string; contentFrom: number; from: number; to: number }
  | { kind: 'newline'; from: number }
  | { kind: 'quoteMark'; from: number; to: number }
  | { kind: 'dashLine'; from: number; to: number; raw: string };

function atLineStart(source: string, index: number): boolean {
  return index === 0 || source[index - 1] === '\n';
}

/** The dash line at `index` (54 dashes, then the line's end), with its line break; null when there is none. */
function dashLineAt(source: string, index: number): number | null {
  if (!atLineStart(source, index) || !source.startsWith(DASH_LINE, index)) return null;
  let end = index + DASH_LINE.length;
  if (source[end] === '\r') end++;
  if (end === source.length) return end;
  return source[end] === '\n' ? end + 1 : null;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let textFrom = 0;
  const flush = (to: number): void => {
    if (to > textFrom) tokens.push({ kind: 'text', text: source.slice(textFrom, to), from: textFrom });
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (char === '\n') {
      flush(index);
      tokens.push({ kind: 'newline', from: index });
      textFrom = ++index;
      continue;
    }
    if (char === '-') {
      const end = dashLineAt(source, index);
      if (end !== null) {
        flush(index);
        tokens.push({ kind: 'dashLine', from: index, to: end, raw: source.slice(index, end) });
        textFrom = index = end;
        continue;
      }
    }
    if (char === '>' && source[index + 1] === '>' && atLineStart(source, index)) {
      flush(index);
      tokens.push({ kind: 'quoteMark', from: index, to: index + 2 });
      textFrom = index += 2;
      continue;
    }
    if (char === '[') {
      TAG.lastIndex = index;
      const found = TAG.exec(source);
      if (found) {
        const to = index + found[0].length;
        const closing = found[1] === '/';
        const name = found[2]!.toLowerCase();
        const arg = found[3] === undefined ? null : found[4]!;
        if (name === 'br' && !closing && arg === null) {
          flush(index);
          tokens.push({ kind: 'br', from: index, to });
          textFrom = index = to;
          continue;
        }
        const spec = closing ? null : standalone(name, found[3], arg);
        if (spec) {
          flush(index);
          tokens.push({ kind: 'placeholder', spec, from: index, to });
          textFrom = index = to;
          continue;
        }
        if (name === 'img' && !closing) {
          // [IMG size=medium]URL [/IMG]: the address is never fetched, and not shown either.
          const close = IMG_CLOSE.exec(source.slice(to));
          if (close) {
            flush(index);
            const end = to + close.index + close[0].length;
            tokens.push({ kind: 'placeholder', spec: { kind: 'image' }, from: index, to: end });
            textFrom = index = end;
            continue;
          }
        }
        if (name === 'code' && !closing && arg === null) {
          const rest = source.slice(to);
          const close = CODE_CLOSE.exec(rest);
          if (close) {
            flush(index);
            const end = to + close.index + close[0].length;
            tokens.push({ kind: 'code', content: rest.slice(0, close.index), contentFrom: to, from: index, to: end });
            textFrom = index = end;
            continue;
          }
        } else if (WITH_CLOSE.has(name) && (!closing || arg === null)) {
          flush(index);
          const raw = found[0];
          tokens.push(closing ? { kind: 'close', name, from: index, to, raw } : { kind: 'open', name, arg, from: index, to, raw });
          textFrom = index = to;
          continue;
        }
      }
    }
    index++;
  }
  flush(source.length);
  return tokens;
}

type FrameKind = 'root' | 'inline' | 'lineQuote' | 'dashQuote';

interface Frame {
  kind: FrameKind;
  /** The tag's name for inline frames (b, url, user…). */
  name: string;
  arg: string | null;
  children: BbNode[];
  /** The markup that opened it: shown as text if it is never closed. */
  open: { from: number; to: number; raw: string } | null;
  /** Markup ranges inside a line quote (its `>>` marks after the first). */
  marks: Array<[number, number]>;
}

function textNode(text: string, from: number): BbNode {
  return { type: 'text', text, from, at: 0 };
}

function push(frame: Frame, node: BbNode): void {
  const last = frame.children.at(-1);
  // Text that runs on in the source is one node: fewer nodes to draw.
  if (node.type === 'text' && last?.type === 'text' && last.from + last.text.length === node.from) {
    frame.children[frame.children.length - 1] = textNode(last.text + node.text, last.from);
    return;
  }
  frame.children.push(node);
}

function plainOf(nodes: readonly BbNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'placeholder') text += node.text;
    else if (node.type === 'break') text += '\n';
    else text += plainOf(node.children);
  }
  return text;
}

function nodeFor(frame: Frame): BbNode {
  const children = frame.children;
  if (frame.kind === 'lineQuote' || frame.kind === 'dashQuote') return { type: 'quote', children };
  switch (frame.name) {
    case 'url': {
      const raw = frame.arg ?? plainOf(children);
      return { type: 'link', href: safeHttpUrl(raw), raw: raw.trim(), children };
    }
    case 'user':
    case 'chat': {
      // [USER=5 REPLACE]Name[/USER]: the id is what comes before the space.
      const id = (frame.arg ?? '').trim().split(' ')[0] ?? '';
      return { type: 'mention', kind: frame.name, id, children };
    }
    case 'send':
    case 'put':
    case 'context':
      return { type: 'action', kind: frame.name, arg: frame.arg?.trim() || null, children };
    case 'call':
      return { type: 'action', kind: 'call', arg: frame.arg?.trim() || plainOf(children).trim() || null, children };
    default:
      return { type: 'style', tag: frame.name as InlineTag, children };
  }
}

function placeholderText(spec: PlaceholderSpec, words: BbWords): string {
  switch (spec.kind) {
    case 'timestamp':
      return words.timestamp(new Date(spec.seconds * 1000), spec.style);
    case 'icon':
      return words.icon(spec.title);
    case 'rating':
      return words.rating(spec.value);
    default:
      return words[spec.kind];
  }
}

/**
 * Parses Bitrix24 BB-code. Never throws; every character of the source is
 * either text or recognised markup, a placeholder's markup standing for its words.
 */
export function parseBbCode(source: string, words: BbWords = DEFAULT_BB_WORDS): ParsedText {
  const markup: Array<[number, number]> = [];
  const root: Frame = { kind: 'root', name: '', arg: null, children: [], open: null, marks: [] };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1]!;

  /** An unclosed frame: its opening markup becomes text again, its children go to its parent. */
  const dissolve = (): void => {
    const frame = stack.pop()!;
    const parent = top();
    if (frame.open) push(parent, textNode(frame.open.raw, frame.open.from));
    for (const child of frame.children) push(parent, child);
  };
  /** A frame closed by its markup: it becomes a node of its parent. */
  const close = (closing: [number, number] | null): void => {
    const frame = stack.pop()!;
    if (frame.open) markup.push([frame.open.from, frame.open.to]);
    markup.push(...frame.marks);
    if (closing) markup.push(closing);
    push(top(), nodeFor(frame));
  };
  const inQuote = (kind: FrameKind): number => stack.findLastIndex((frame) => frame.kind === kind);

  const tokens = tokenize(source);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    switch (token.kind) {
      case 'text':
        push(top(), textNode(token.text, token.from));
        break;
      case 'br':
        markup.push([token.from, token.to]);
        push(top(), { type: 'break' });
        break;
      case 'placeholder':
        markup.push([token.from, token.to]);
        push(top(), { type: 'placeholder', kind: token.spec.kind, text: placeholderText(token.spec, words), at: 0 });
        break;
      case 'code':
        markup.push([token.from, token.contentFrom], [token.contentFrom + token.content.length, token.to]);
        push(top(), { type: 'code', children: token.content === '' ? [] : [textNode(token.content, token.contentFrom)] });
        break;
      case 'open':
        stack.push({ kind: 'inline', name: token.name, arg: token.arg, children: [], open: token, marks: [] });
        break;
      case 'close': {
        // The nearest open tag of that name, not past a quote: a quote's markup outranks a stray tag.
        let index = stack.length - 1;
        while (index > 0 && stack[index]!.kind === 'inline' && stack[index]!.name !== token.name) index--;
        if (index === 0 || stack[index]!.kind !== 'inline') {
          push(top(), textNode(token.raw, token.from));
          break;
        }
        while (stack.length - 1 > index) dissolve();
        close([token.from, token.to]);
        break;
      }
      case 'quoteMark': {
        if (inQuote('lineQuote') === -1) {
          stack.push({ kind: 'lineQuote', name: '', arg: null, children: [], open: { from: token.from, to: token.to, raw: '>>' }, marks: [] });
        } else {
          push(top(), textNode('>>', token.from));
        }
        break;
      }
      case 'newline': {
        const quote = inQuote('lineQuote');
        if (quote === -1) {
          push(top(), textNode('\n', token.from));
          break;
        }
        const next = tokens[t + 1];
        if (next?.kind === 'quoteMark' && stack.length - 1 === quote) {
          // The next line is quoted too: one block.
          push(top(), textNode('\n', token.from));
          stack[quote]!.marks.push([next.from, next.to]);
          t++;
          break;
        }
        while (stack.length - 1 > quote) dissolve();
        // The line break ends the quote inside it: a block's last line break draws no empty line.
        push(top(), textNode('\n', token.from));
        close(null);
        break;
      }
      case 'dashLine': {
        const quote = inQuote('dashQuote');
        if (quote === -1 && inQuote('lineQuote') === -1) {
          stack.push({ kind: 'dashQuote', name: '', arg: null, children: [], open: token, marks: [] });
        } else if (quote !== -1 && inQuote('lineQuote') < quote) {
          while (stack.length - 1 > quote) dissolve();
          close([token.from, token.to]);
        } else {
          push(top(), textNode(token.raw, token.from));
        }
        break;
      }
    }
  }
  while (stack.length > 1) {
    if (top().kind === 'lineQuote') close(null);
    else dissolve();
  }

  markup.sort((a, b) => a[0] - b[0]);
  const nodes = root.children;
  let at = 0;
  const place = (list: BbNode[]): void => {
    for (const node of list) {
      if (node.type === 'text' || node.type === 'placeholder') {
        node.at = at;
        at += node.text.length;
      } else if (node.type === 'break') at += 1;
      else place(node.children);
    }
  };
  place(nodes);
  return { nodes, plain: plainOf(nodes), markup };
}

/** A message as one line of plain text (the card's previews): markup gone, whitespace folded. */
export function oneLine(source: string, words?: BbWords): string {
  return parseBbCode(source, words).plain.replace(/\s+/g, ' ').trim();
}

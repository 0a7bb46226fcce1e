// The two renderings of a stored message that session.history.get sends
// (https://apidocs.bitrix24.com/api-reference/chats/messages/formatting.html; \Bitrix\Im\Text in the im module):
// - `text`: Text::parse. BB codes stay as they are; bare URLs become
//   [URL=…]…[/URL]; #BR#, [br] and <br /> become "\n"; HTML entities are
//   decoded; an empty [USER=5][/USER] is filled in as [USER=5 REPLACE]Name[/USER].
//   [CODE], [PUT] and [SEND] pass through untouched.
// - `textlegacy`: Text::parseLegacyFormat. HTML-escaped first, then only
//   [b] [i] [u] [s], links and line breaks become HTML; quotes, [code] and
//   images stay as text.
// The exact output of the portal's CTextParser is richer; this keeps the
// parts a client must cope with.

export type NameOf = (userId: number) => string;

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'verbatim'; raw: string }
  | { kind: 'link'; raw: string; href: string; label: string }
  | { kind: 'bare-url'; href: string }
  | { kind: 'user'; raw: string; userId: number; label: string };

const BREAKS = /#BR#|\[br\]|<br\s*\/?>/gi;
const TOKENS =
  /\[code\][\s\S]*?\[\/code\]|\[(put|send)(?:=[^\]]*)?\][\s\S]*?\[\/\1\]|\[img(?:\s[^\]]*)?\][\s\S]*?\[\/img\]|\[url=([^\]]*)\]([\s\S]*?)\[\/url\]|\[url\]([\s\S]*?)\[\/url\]|\[user=(\d+)(?: replace)?\]([\s\S]*?)\[\/user\]|https?:\/\/[^\s[\]<>"']+/gi;
/** No line break, BB code, entity, tag or address: both renderings keep the text (the legacy one escaped). */
const PLAIN = /^(?![\s\S]*(?:https?:|#BR#))[^[&<\n]*$/i;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

export function parseText(raw: string, nameOf: NameOf): string {
  return textOf(tokens(raw), nameOf);
}

export function parseLegacyText(raw: string, nameOf: NameOf): string {
  return legacyOf(tokens(raw), nameOf);
}

/** Both renderings from one reading of the message: a 5,000-message session is answered in one go. */
export function parseBoth(raw: string, nameOf: NameOf): { text: string; legacy: string } {
  // Most messages are plain words: nothing in them for either rendering to change but the escaping.
  if (PLAIN.test(raw)) return { text: raw, legacy: escapeHtml(raw) };
  const read = tokens(raw);
  return { text: textOf(read, nameOf), legacy: legacyOf(read, nameOf) };
}

function textOf(read: readonly Token[], nameOf: NameOf): string {
  return read
    .map((token) => {
      switch (token.kind) {
        case 'text':
          return token.text;
        case 'verbatim':
        case 'link':
          return token.raw;
        case 'bare-url':
          return `[URL=${token.href}]${token.href}[/URL]`;
        case 'user':
          return token.label === '' ? `[USER=${token.userId} REPLACE]${nameOf(token.userId)}[/USER]` : token.raw;
      }
    })
    .join('');
}

function legacyOf(read: readonly Token[], nameOf: NameOf): string {
  const html = read
    .map((token) => {
      switch (token.kind) {
        case 'text':
          return escapeHtml(token.text);
        case 'verbatim':
          return escapeHtml(token.raw);
        case 'link':
          return anchor(token.href, token.label);
        case 'bare-url':
          return anchor(token.href, token.href);
        case 'user':
          return escapeHtml(token.label === '' ? nameOf(token.userId) : token.label);
      }
    })
    .join('');
  let styled = html;
  // A few passes, so that [b][i]x[/i][/b] nests.
  for (let pass = 0; pass < 3; pass += 1) {
    styled = styled.replace(/\[(b|i|u|s)\]([\s\S]*?)\[\/\1\]/gi, (_m, tag: string, inner: string) => {
      const name = tag.toLowerCase();
      return `<${name}>${inner}</${name}>`;
    });
  }
  return styled.replace(/\n/g, '<br/>');
}

function tokens(raw: string): Token[] {
  const text = decodeEntities(raw.replace(BREAKS, '\n'));
  const result: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKENS)) {
    const start = match.index;
    if (start > last) result.push({ kind: 'text', text: text.slice(last, start) });
    last = start + match[0].length;
    const [whole, , linkHref, linkLabel, plainLink, userId, userLabel] = match;
    if (linkHref !== undefined) {
      result.push({ kind: 'link', raw: whole, href: linkHref, label: linkLabel ?? '' });
    } else if (plainLink !== undefined) {
      result.push({ kind: 'link', raw: whole, href: plainLink, label: plainLink });
    } else if (userId !== undefined) {
      result.push({ kind: 'user', raw: whole, userId: Number(userId), label: userLabel ?? '' });
    } else if (/^https?:/i.test(whole)) {
      // A sentence's full stop or a closing bracket is not part of the address.
      const trailing = TRAILING_PUNCTUATION.exec(whole)?.[0] ?? '';
      result.push({ kind: 'bare-url', href: whole.slice(0, whole.length - trailing.length) });
      if (trailing !== '') result.push({ kind: 'text', text: trailing });
    } else {
      result.push({ kind: 'verbatim', raw: whole });
    }
  }
  if (last < text.length) result.push({ kind: 'text', text: text.slice(last) });
  return result;
}

function anchor(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank">${escapeHtml(label)}</a>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[lower] ?? entity;
  });
}

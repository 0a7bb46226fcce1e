// Bitrix24's BB-code as a tree of text and elements: every tag the page
// formats, links only to http(s), and odd markup kept as text, never lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, parseBbCode, safeHttpUrl, timestampStyle, type BbNode, type BbWords } from '../../renderer/src/lib/bbcode';
import conversationEn from '../../renderer/src/lib/messages/conversation-en';
import conversationRu from '../../renderer/src/lib/messages/conversation-ru';

/** The tree as a compact string, so a test reads like the markup it checks. */
function show(nodes: readonly BbNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return JSON.stringify(node.text);
        case 'break':
          return 'BR';
        case 'style':
          return `${node.tag}(${show(node.children)})`;
        case 'link':
          return `link<${node.href ?? 'REFUSED'}>(${show(node.children)})`;
        case 'mention':
          return `${node.kind}#${node.id}(${show(node.children)})`;
        case 'quote':
          return `quote(${show(node.children)})`;
        case 'code':
          return `code(${show(node.children)})`;
        case 'action':
          return `${node.kind}<${node.arg ?? ''}>(${show(node.children)})`;
        case 'placeholder':
          return `${node.kind}[${node.text}]`;
      }
    })
    .join(' ');
}

const tree = (source: string): string => show(parseBbCode(source).nodes);
const DASHES = '-'.repeat(54);

describe('the tags a message is formatted with', () => {
  it('bold, italic, underline and strike, in any case, nested', () => {
    expect(tree('[b]bold[/b] [I]it[/I] [u]under[/u] [s]gone[/s]')).toBe('b("bold") " " i("it") " " u("under") " " s("gone")');
    expect(tree('[b]a [i]b[/i] c[/b]')).toBe('b("a " i("b") " c")');
  });

  it('size and color are kept as plain styling the page ignores', () => {
    expect(tree('[size=20]big[/size] [color=#ff0000]red[/color]')).toBe('size("big") " " color("red")');
    expect(parseBbCode('[size=20]big[/size]').plain).toBe('big');
  });

  it('a mention shows the name, with the id before REPLACE', () => {
    expect(tree('Hi [USER=27 REPLACE]Samantha Johnson[/USER]!')).toBe('"Hi " user#27("Samantha Johnson") "!"');
    expect(tree('[user=5]Ann[/user]')).toBe('user#5("Ann")');
    expect(tree('[CHAT=1777]Support chat[/CHAT]')).toBe('chat#1777("Support chat")');
  });

  it('links: [URL=address]text[/URL] and [URL]address[/URL]', () => {
    expect(tree('[URL=https://example.com/a?b=1]the docs[/URL]')).toBe('link<https://example.com/a?b=1>("the docs")');
    expect(tree('[url]http://example.com[/url]')).toBe('link<http://example.com/>("http://example.com")');
  });

  it('refuses every scheme but http and https, and addresses with credentials', () => {
    for (const address of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'ftp://example.com/', 'vbscript:x', 'https://user:pw@example.com/', 'not a url', '']) {
      expect(safeHttpUrl(address), address).toBeNull();
      expect(tree(`[URL=${address}]click[/URL]`), address).toBe('link<REFUSED>("click")');
    }
    expect(safeHttpUrl(`https://example.com/${'a'.repeat(2_000)}`)).toBeNull();
    expect(safeHttpUrl('  https://example.com/x  ')).toBe('https://example.com/x');
  });

  it('[br] and line breaks', () => {
    expect(tree('one[br]two\nthree')).toBe('"one" BR "two\\nthree"');
    expect(parseBbCode('one[br]two\nthree').plain).toBe('one\ntwo\nthree');
  });

  it('a code block keeps its contents literally, tags and quotes included', () => {
    expect(tree('see [code][b]not bold[/b]\n>> not a quote[/code] done')).toBe('"see " code("[b]not bold[/b]\\n>> not a quote") " done"');
    expect(tree('[CODE][/CODE]')).toBe('code()');
  });

  it('a line starting with >> is a quote; consecutive ones are one block', () => {
    expect(tree('>>first\n>>second\nreply')).toBe('quote("first\\n" "second\\n") "reply"');
    expect(parseBbCode('>>first\n>>second\nreply').plain).toBe('first\nsecond\nreply');
    expect(tree('a >> b')).toBe('"a >> b"');
    expect(tree('>>[b]bold in a quote[/b]')).toBe('quote(b("bold in a quote"))');
  });

  it('a block wrapped in 54-dash lines is a quote', () => {
    const source = `${DASHES}\nSamantha Johnson [16.03.2026 18:41]\nWhere is my order?\n${DASHES}\nIt ships today.`;
    expect(tree(source)).toBe('quote("Samantha Johnson [16.03.2026 18:41]\\nWhere is my order?\\n") "It ships today."');
    expect(tree(`${DASHES}\nonly an opening`)).toBe(JSON.stringify(`${DASHES}\nonly an opening`));
    expect(tree(`${'-'.repeat(53)}\nx\n${'-'.repeat(53)}`)).toBe(JSON.stringify(`${'-'.repeat(53)}\nx\n${'-'.repeat(53)}`));
  });

  it('unknown tags are shown as written', () => {
    expect(tree('[spoiler]Help[/spoiler] [pch=x] [b]ok[/b]')).toBe('"[spoiler]Help[/spoiler] [pch=x] " b("ok")');
  });
});

/** Every node of a tree, depth first. */
function everyNode(nodes: readonly BbNode[]): BbNode[] {
  return nodes.flatMap((node) => [node, ...('children' in node ? everyNode(node.children) : [])]);
}

describe('tags that would act or fetch', () => {
  it('[SEND], [PUT] and [CONTEXT] are their label, with the command kept aside, never a link', () => {
    expect(tree('[SEND=/help]Show help[/SEND] or [put=/search]Search[/put]')).toBe('send</help>("Show help") " or " put</search>("Search")');
    expect(tree('[CONTEXT=chat1777/3901]that message[/CONTEXT]')).toBe('context<chat1777/3901>("that message")');
    expect(parseBbCode('[SEND=/start]Start[/SEND]').plain).toBe('Start');
    const nodes = everyNode(parseBbCode('[SEND=https://evil.example]x[/SEND][PUT=javascript:alert(1)]y[/PUT]').nodes);
    expect(nodes.some((node) => node.type === 'link')).toBe(false);
  });

  it('[CALL=number]label[/CALL] keeps the number; [CALL]number[/CALL] is the number', () => {
    expect(tree('[CALL=+19991234567]Call us[/CALL]')).toBe('call<+19991234567>("Call us")');
    expect(tree('[call]+19991234567[/call]')).toBe('call<+19991234567>("+19991234567")');
    expect(parseBbCode('[CALL=+1999]Call us[/CALL]').plain).toBe('Call us');
  });

  it('[TIMESTAMP=unix FORMAT=…] is a date in words: time, date or both as the format names', () => {
    const seconds = 1645844720;
    const date = new Date(seconds * 1000);
    const words = (style: 'date' | 'time' | 'dateTime') => conversationEn.tags.timestamp(date, style);
    expect(tree(`at [TIMESTAMP=${seconds} FORMAT=SHORT_TIME_FORMAT]`)).toBe(`"at " timestamp[${words('time')}]`);
    expect(parseBbCode(`[timestamp=${seconds} format=LONG_DATE_FORMAT]`).plain).toBe(words('date'));
    expect(parseBbCode(`[timestamp=${seconds}]`).plain).toBe(words('dateTime'));
    expect(words('dateTime')).toMatch(/2022/);
    expect(timestampStyle('FORMAT_DATETIME')).toBe('dateTime');
    expect(timestampStyle('DAY_MONTH_FORMAT')).toBe('date');
    // Not a Unix time: left as written.
    expect(tree('[TIMESTAMP=soon]')).toBe('"[TIMESTAMP=soon]"');
  });

  it('[ATTACH], [RATING], [IMG], [DISK] and [ICON] are short words, their addresses neither kept nor shown', () => {
    expect(tree('[ATTACH=1]')).toBe('attachment[[attachment]]');
    expect(tree('[RATING=4] [RATING=9]')).toBe('rating[[rating 4/5]] " " rating[[rating]]');
    expect(tree('see [IMG size=medium]https://example.com/pic.jpg [/IMG]!')).toBe('"see " image[[image]] "!"');
    expect(tree('[DISK=123]')).toBe('file[[file]]');
    expect(tree('[ICON=https://example.com/i.png size=20 title=Unicorn face]')).toBe('icon[[icon: Unicorn face]]');
    expect(tree('[icon=https://example.com/i.png size=20]')).toBe('icon[[icon]]');
    expect(JSON.stringify(parseBbCode('[IMG size=small]https://example.com/pic.jpg [/IMG][ICON=https://example.com/i.png]').nodes)).not.toContain('example.com');
    // Without its closing tag or its number, a tag is not one.
    expect(tree('[IMG size=small]https://example.com/x')).toBe('"[IMG size=small]https://example.com/x"');
    expect(tree('[ATTACH=x] [DISK]')).toBe('"[ATTACH=x] [DISK]"');
  });

  it('in Russian, in the catalogue’s words', () => {
    const ru: BbWords = conversationRu.tags;
    expect(parseBbCode('[ATTACH=1] [IMG size=small]https://e.example/a.png [/IMG] [DISK=5] [RATING=5] [ICON=https://e.example/i.png]', ru).plain).toBe(
      '[вложение] [изображение] [файл] [оценка 5/5] [значок]',
    );
    expect(oneLine('[TIMESTAMP=1645844720 FORMAT=LONG_DATE_FORMAT]', ru)).toMatch(/2022/);
  });

  it('places placeholders in the plain text, for find', () => {
    const parsed = parseBbCode('a[DISK=1]b[br][SEND=/x]go[/SEND]');
    expect(parsed.plain).toBe('a[file]b\ngo');
    const placeholder = everyNode(parsed.nodes).find((node) => node.type === 'placeholder');
    expect(placeholder).toMatchObject({ kind: 'file', at: 1 });
  });
});

describe('odd markup', () => {
  it('an unclosed tag stays as text, its contents too', () => {
    expect(tree('[b]never closed')).toBe('"[b]never closed"');
    expect(tree('[b]a[i]b[/b]')).toBe('b("a[i]b")');
  });

  it('a closing tag with no opening stays as text', () => {
    expect(tree('text[/b] more[/url]')).toBe('"text[/b] more[/url]"');
  });

  it('crossed tags close the inner one as text', () => {
    expect(tree('[b][i]x[/b][/i]')).toBe('b("[i]x") "[/i]"');
  });

  it('a tag left open in a quoted line does not swallow the next line', () => {
    expect(tree('>>[b]quoted\nnot quoted[/b]')).toBe('quote("[b]quoted\\n") "not quoted[/b]"');
  });

  it('brackets that are not tags are text', () => {
    expect(tree('[] [ b] [b [/] a[b]c')).toBe('"[] [ b] [b [/] a[b]c"');
  });
});

describe('plain text', () => {
  it('is what a reader sees, and one line for the previews', () => {
    expect(oneLine(`>>Where is it?\n[b]Here[/b]:[br] [URL=https://x.example]track[/URL]`)).toBe('Where is it? Here: track');
  });

  it('places each text node in the plain text, for find', () => {
    const parsed = parseBbCode('ab[b]cd[/b][br]ef');
    const texts: Array<[string, number]> = [];
    const walk = (nodes: readonly BbNode[]): void => {
      for (const node of nodes) {
        if (node.type === 'text' || node.type === 'placeholder') texts.push([node.text, node.at]);
        else if (node.type !== 'break') walk(node.children);
      }
    };
    walk(parsed.nodes);
    expect(texts).toEqual([['ab', 0], ['cd', 2], ['ef', 5]]);
    expect(parsed.plain).toBe('abcd\nef');
  });
});

/** Markup that stands for words ([IMG]…[/IMG] whole, with its address). */
const PLACEHOLDER = /^(?:\[(?:timestamp|attach|rating|disk|icon)=[^[\]\n]*\]|\[img(?:[= ][^[\]\n]*)?\][\s\S]*\[\/img\])$/i;

/** Markup the parser may take out of the text: nothing else. */
const RECOGNISED = new RegExp(
  String.raw`^(?:\[\/?(?:b|i|u|s|size|color|url|user|chat|send|put|call|context)(?:[= ][^\[\]\n]*)?\]|\[\/?code\]|\[br\]|>>|-{54}\r?\n?)$`,
  'i',
);
const isRecognised = (taken: string): boolean => RECOGNISED.test(taken) || PLACEHOLDER.test(taken);

/** Text made mostly of markup, so that the odd combinations come up often. */
const markupish = fc
  .array(
    fc.oneof(
      fc.constantFrom('[b]', '[/b]', '[i]', '[/i]', '[U]', '[/u]', '[s]', '[/S]', '[size=12]', '[/size]', '[color=#f00]', '[/color]'),
      fc.constantFrom('[URL=https://example.com]', '[url=javascript:alert(1)]', '[URL]', '[/URL]', '[USER=5 REPLACE]', '[/USER]', '[CHAT=9]', '[/chat]'),
      fc.constantFrom('[SEND=/help]', '[/SEND]', '[put=/x]', '[/put]', '[CALL=+123]', '[CALL]', '[/CALL]', '[CONTEXT=chat1/2]', '[/context]'),
      fc.constantFrom('[TIMESTAMP=1645844720 FORMAT=SHORT_TIME_FORMAT]', '[timestamp=x]', '[ATTACH=1]', '[RATING=5]', '[DISK=12]', '[ICON=https://e.x/i.png title=hi]', '[IMG size=small]', '[/IMG]', '[img]'),
      fc.constantFrom('[code]', '[/code]', '[br]', '[br', '[/br]', '[unknown]', '[', ']', '>>', '\n', '\r\n', '\n>>', DASHES, `\n${DASHES}\n`, '-', ' '),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('any input', () => {
  it('never throws, and its text is the input less the markup taken, [br] as a line break', () => {
    fc.assert(
      fc.property(fc.oneof(markupish, fc.string({ maxLength: 200 })), (source) => {
        const parsed = parseBbCode(source);
        let rest = '';
        let cursor = 0;
        for (const [from, to] of parsed.markup) {
          expect(from).toBeGreaterThanOrEqual(cursor);
          const taken = source.slice(from, to);
          expect(isRecognised(taken), taken).toBe(true);
          rest += source.slice(cursor, from) + (/^\[br\]$/i.test(taken) ? '\n' : PLACEHOLDER.test(taken) ? parseBbCode(taken).plain : '');
          cursor = to;
        }
        rest += source.slice(cursor);
        expect(parsed.plain).toBe(rest);
      }),
      { numRuns: 3_000 },
    );
  });

  it('never makes a clickable link of anything but http(s)', () => {
    fc.assert(
      fc.property(markupish, fc.string({ maxLength: 30 }), (source, address) => {
        const walk = (nodes: readonly BbNode[]): void => {
          for (const node of nodes) {
            if (node.type === 'link' && node.href !== null) expect(node.href).toMatch(/^https?:\/\//);
            if ('children' in node) walk(node.children);
          }
        };
        walk(parseBbCode(`${source}[URL=${address}]x[/URL]`).nodes);
      }),
      { numRuns: 1_000 },
    );
  });
});

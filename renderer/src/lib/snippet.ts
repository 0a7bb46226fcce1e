// Search snippets mark each match between U+0002 and U+0003. Split into parts
// the component renders as text, the marked ones inside <mark>.
export interface SnippetPart {
  text: string;
  match: boolean;
}

const START = '\u0002';
const END = '\u0003';

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ text, match });
    text = '';
  };
  for (const char of snippet) {
    if (char === START || char === END) {
      flush();
      match = char === START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

// Every example in the README's "Command line" section runs as written. The
// examples are read from the section's code blocks (each `npx
// openlines-inspector …` line, with its backslash continuations and leading
// VAR=value assignments) and run in order against one fresh home folder, so
// that `show` and `history` find what the lookups before them kept. `npx`
// runs the package's bin, which is the built CLI these tests spawn.
//
// An example aimed at your own portal (a `https://your-portal…` webhook, as
// --webhook or OPENLINES_WEBHOOK) runs against the demo portal instead: the
// same command with --demo in place of the webhook, so its identifiers must
// exist there. An example that cannot run without a real portal (signing in)
// is skipped, and says why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';

const README = path.resolve(import.meta.dirname, '../../README.md');
const COMMAND = 'npx openlines-inspector';
/** The README's stand-in for the reader's own portal. */
const OWN_PORTAL = /^https:\/\/your-portal\./;

interface Example {
  /** As the README writes it, continuations joined. */
  text: string;
  args: string[];
  env: Record<string, string>;
}

/** The text of the README's "## Command line" section, up to the next heading of its level. */
function commandLineSection(markdown: string): string {
  const start = markdown.indexOf('\n## Command line\n');
  if (start < 0) throw new Error('README.md has no "## Command line" section');
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Shell words, as sh splits them: whitespace apart, except inside '…' or "…". */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (quote === '"' && char === '\\' && i + 1 < line.length) word = (word ?? '') + line[++i]!;
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

function examples(markdown: string): Example[] {
  const blocks = [...commandLineSection(markdown).matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const found: Example[] = [];
  for (const block of blocks) {
    const commands = block.replace(/\\\n\s*/g, ' ').split('\n');
    for (const text of commands.map((line) => line.trim())) {
      if (!text.includes(COMMAND)) continue;
      const words = shellWords(text);
      const at = words.indexOf('npx');
      const env: Record<string, string> = {};
      for (const assignment of words.slice(0, at)) {
        const [name, ...value] = assignment.split('=');
        env[name!] = value.join('=');
      }
      found.push({ text, args: words.slice(at + 2), env });
    }
  }
  return found;
}

/** The example as it can run here, or why it cannot. */
function runnable(example: Example): { args: string[]; env: Record<string, string> } | { skip: string } {
  if (example.args[0] === 'login') return { skip: 'signing in needs a real portal (and, for OAuth, a browser)' };
  const args = [...example.args];
  const env = { ...example.env };
  let own = false;
  const webhook = args.indexOf('--webhook');
  if (webhook >= 0 && OWN_PORTAL.test(args[webhook + 1] ?? '')) {
    args.splice(webhook, 2);
    own = true;
  }
  if (env.OPENLINES_WEBHOOK !== undefined && OWN_PORTAL.test(env.OPENLINES_WEBHOOK)) {
    delete env.OPENLINES_WEBHOOK;
    own = true;
  }
  if (own) args.push('--demo');
  if (args.some((arg) => OWN_PORTAL.test(arg))) return { skip: 'names your own portal in a way the demo cannot stand in for' };
  return { args, env };
}

const found = examples(readFileSync(README, 'utf8'));

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

describe("the README's command-line examples", () => {
  it('are found', () => {
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.map((example) => example.args[0])).toContain('lookup');
  });

  // In order, in one home folder: a later example may read what an earlier one kept.
  for (const example of found) {
    const plan = runnable(example);
    if ('skip' in plan) {
      it.skip(`${example.text} (skipped: ${plan.skip})`, () => {});
      continue;
    }
    it(`${example.text}${plan.args.includes('--demo') && !example.args.includes('--demo') ? ' (on the demo portal)' : ''}`, async () => {
      const result = await runCli(plan.args, temp.dir, plan.env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trim()).not.toBe('');
      expect(result.stderr).toBe('');
    });
  }
});

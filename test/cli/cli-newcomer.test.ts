// What a newcomer to the command line trips over, each as they
// meet it: the built CLI spawned against the demo portal and the emulator,
// in English and under a Russian locale.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, terminalAction } from '../../main/cli/format-human';
import { errorEnvelope, isKnownErrorCode } from '../../main/core/error-codes';
import { inLanguage } from '../../main/core/i18n';
import { en } from '../../main/core/messages/en';
import { ru } from '../../main/core/messages/ru';
import type { Emulator } from '../../main/emulator/index';
import { runCli, type CliRun } from '../support/cli-process';
import { startTrustedEmulator, type TrustedEmulator } from '../support/trusted-emulator';

const RUSSIAN = { LANG: 'ru_RU.UTF-8' };

let emulator: Emulator;
let caFile: string;
let temp: TrustedEmulator['temp'];
let folders = 0;

let trusted: TrustedEmulator;

beforeAll(async () => {
  trusted = await startTrustedEmulator();
  ({ emulator, temp, caFile } = trusted);
});
afterAll(() => trusted.close());

/** A data folder of its own for each test that keeps anything. */
function freshDataDir(): string {
  folders += 1;
  return path.join(temp.dir, `data-${folders}`);
}

function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, temp.dir, { NODE_EXTRA_CA_CERTS: caFile, ...env });
}

const host = () => new URL(emulator.origin).host;

// The one date format: "7 Dec 2026, 14:03:25 GMT+1" / "7 дек. 2026 г., 14:03:25 GMT+1".
const ENGLISH_DATE = /\b\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}:\d{2} (?:GMT|UTC)\S*/;
const RUSSIAN_DATE = /\b\d{1,2} [а-яё]{3,4}\.? \d{4} г\., \d{2}:\d{2}:\d{2} (?:GMT|UTC)\S*/;
const ANY_DATE = new RegExp(`${ENGLISH_DATE.source}|${RUSSIAN_DATE.source}|\\d{4}-\\d{2}-\\d{2}T[\\d:.]+(?:Z|[+-]\\d{2}:\\d{2})?|\\d{2}[./]\\d{2}[./]\\d{4}`, 'g');

/** Every date in `text` that stands inside two or more levels of brackets. */
function datesInNestedBrackets(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(ANY_DATE)) {
      const before = line.slice(0, match.index);
      const depth = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
      if (depth >= 2) found.push(line);
    }
  }
  return found;
}

/**
 * The column each value starts at, per section of a lookup's output (a
 * heading, then rows of "  label    value"; a label too long for the column
 * has its value on the next line, in the column). Columns are characters
 * here, which is what a terminal gives Latin, Cyrillic and Arabic letters.
 */
function valueColumns(stdout: string): Map<string, Set<number>> {
  const sections = new Map<string, Set<number>>();
  for (const block of stdout.split('\n\n')) {
    const [heading, ...rows] = block.split('\n');
    if (!heading || heading.startsWith(' ') || rows.length === 0) continue;
    const columns = new Set<number>();
    for (const row of rows) {
      const continued = /^( {3,})\S/.exec(row);
      const labelled = /^( {2}\S(?:.*?\S)? {2,})\S/.exec(row);
      const prefix = continued?.[1] ?? labelled?.[1];
      if (prefix === undefined) continue; // a label alone, its value on the next line
      columns.add([...prefix].length);
    }
    // The first block, the dialog's name and how it was found, has no columns.
    if (columns.size > 0) sections.set(heading, columns);
  }
  return sections;
}

describe('show needs no --offline (1)', () => {
  it('prints the kept copy without it, and takes it as before', async () => {
    const dataDir = freshDataDir();
    expect((await run(['lookup', '2002', '--demo', '--data-dir', dataDir])).code).toBe(0);
    const plain = await run(['show', '2002', '--data-dir', dataDir]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('chat2002');
    const offline = await run(['show', '2002', '--offline', '--data-dir', dataDir]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(plain.stdout);
  });

  it('says so in the help, in English and Russian', async () => {
    for (const env of [{}, RUSSIAN]) {
      const help = (await run(['--help'], env)).stdout;
      expect(help).toContain('openlines-inspector show <identifier>... [--account NAME] [--as chat|session] [--json | --format text|json|markdown]');
      expect(help).not.toContain('show <identifier>... --offline');
    }
    expect((await run(['--help'])).stdout).toMatch(/--offline +\(show\) use only the copy kept on this computer: show's\s+default, accepted and not needed/);
    expect((await run(['--help'], RUSSIAN)).stdout).toMatch(/--offline +\(show\) только копия на этом компьютере: так show\s+работает всегда/);
  });
});

describe('one date format (2)', () => {
  it('writes history, search, the kept copy and "no changes" dates as lookup does, never in nested brackets', async () => {
    const dataDir = freshDataDir();
    const first = await run(['lookup', 'chat1777', '--demo', '--data-dir', dataDir]);
    expect(first.stdout).toMatch(new RegExp(`Chat created +${ENGLISH_DATE.source}`));
    const again = await run(['lookup', 'chat1777', '--demo', '--data-dir', dataDir]);
    expect(again.stdout).toMatch(new RegExp(`No changes since the previous lookup \\(${ENGLISH_DATE.source}\\)`));
    const history = await run(['history', '--data-dir', dataDir]);
    const lines = history.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${ENGLISH_DATE.source}  demo  chat1777`));
    expect(history.stdout).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    const search = await run(['search', 'Green', '--data-dir', dataDir]);
    expect(search.stdout).toMatch(new RegExp(`as of ${ENGLISH_DATE.source}`));
    const show = await run(['show', '1777', '--data-dir', dataDir]);
    expect(show.stdout).toMatch(new RegExp(`Copy kept on this computer from ${ENGLISH_DATE.source},`));
    for (const output of [first, again, history, search, show]) expect(datesInNestedBrackets(output.stdout)).toEqual([]);
  });

  it('in the terminal’s language', async () => {
    const dataDir = freshDataDir();
    await run(['lookup', 'chat1777', '--demo', '--data-dir', dataDir], RUSSIAN);
    const again = await run(['lookup', 'chat1777', '--demo', '--data-dir', dataDir], RUSSIAN);
    expect(again.stdout).toMatch(new RegExp(`Без изменений с прошлого запроса \\(${RUSSIAN_DATE.source}\\)`));
    const history = await run(['history', '--data-dir', dataDir], RUSSIAN);
    expect(history.stdout).toMatch(new RegExp(`^${RUSSIAN_DATE.source}  demo  chat1777`, 'm'));
    for (const output of [again, history]) expect(datesInNestedBrackets(output.stdout)).toEqual([]);
  });
});

describe('portals by their account’s name (3, 4)', () => {
  it('history and search name a saved account’s portal by the account; --account takes its name or host', async () => {
    const dataDir = freshDataDir();
    const saved = await run(['login', '--webhook', emulator.webhookUrl(), '--name', 'Support desk', '--data-dir', dataDir]);
    expect(saved.code, saved.stderr).toBe(0);
    expect((await run(['lookup', 'chat1777', '--data-dir', dataDir])).code).toBe(0);
    expect((await run(['lookup', '2002', '--demo', '--data-dir', dataDir])).code).toBe(0);

    const history = await run(['history', '--data-dir', dataDir]);
    const [demoLine, accountLine] = history.stdout.trim().split('\n');
    expect(accountLine).toMatch(/ {2}Support desk {2}chat1777 {2}→ chat1777 {2}ok /);
    expect(demoLine).toMatch(/ {2}demo {2}2002 {2}/);
    expect(history.stdout).not.toContain(host());
    // JSON keeps the key the store files by, for scripts.
    const json = JSON.parse((await run(['history', '--json', '--data-dir', dataDir])).stdout) as Array<{ account: string }>;
    expect(json.map((entry) => entry.account)).toEqual(['demo', host()]);

    const search = await run(['search', 'Green', '--data-dir', dataDir]);
    expect(search.stdout).toContain('  Support desk · as of');

    for (const given of ['support desk', host()]) {
      const only = await run(['history', '--account', given, '--data-dir', dataDir]);
      expect(only.code).toBe(0);
      expect(only.stdout.trim().split('\n')).toEqual([accountLine]);
    }
    const demo = await run(['history', '--account', 'demo', '--data-dir', dataDir]);
    expect(demo.stdout.trim().split('\n')).toEqual([demoLine]);
  });

  it('refuses an account there is no such of, listing the saved ones, with the usage error’s status', async () => {
    const dataDir = freshDataDir();
    expect((await run(['login', '--webhook', emulator.webhookUrl(), '--name', 'Support desk', '--data-dir', dataDir])).code).toBe(0);
    expect((await run(['lookup', 'chat1777', '--data-dir', dataDir])).code).toBe(0);
    for (const args of [['history'], ['show', '1777'], ['search', 'Green']]) {
      const result = await run([...args, '--account', 'nope', '--data-dir', dataDir]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('There is no account "nope". Saved accounts: "Support desk".');
      expect(result.stderr).not.toContain('No lookups recorded yet');
      expect(result.stderr).not.toContain('No copy of');
    }
  });

  it('says when no account is saved at all, in English and Russian', async () => {
    const dataDir = freshDataDir();
    const history = await run(['history', '--account', 'nope', '--data-dir', dataDir]);
    expect(history.code).toBe(2);
    expect(history.stdout).toBe('');
    expect(history.stderr).toContain('There is no account "nope": no account is saved');
    const show = await run(['show', '1777', '--account', 'nope', '--data-dir', dataDir], RUSSIAN);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('Учётной записи «nope» нет: сохранённых учётных записей нет');
    // "demo" is always a portal, recorded or not.
    const demo = await run(['history', '--account', 'demo', '--data-dir', dataDir]);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('No lookups recorded yet.');
  });
});

describe('number ranges as they are checked (5)', () => {
  it.each([
    [['lookup', '1777', '--demo', '--timeout', '0'], '--timeout takes a number more than 0 and at most 600.'],
    [['lookup', '1777', '--demo', '--max-answer-mb', '0'], '--max-answer-mb takes a number more than 0 and at most 1024.'],
    [['history', '--limit', '0'], '--limit takes a whole number from 1 to 10000.'],
    [['history', '--limit', '2.5'], '--limit takes a whole number from 1 to 10000.'],
    [['search', 'x', '--limit', '0'], '--limit takes a whole number from 1 to 1000.'],
  ])('%j', async (args, says) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(says);
    expect(result.stderr).not.toContain('between 0');
  });

  it('in Russian too', async () => {
    const timeout = await run(['lookup', '1777', '--demo', '--timeout', '0'], RUSSIAN);
    expect(timeout.stderr.split('\n')[0]).toBe('--timeout: нужно число больше 0 и не больше 600.');
    const limit = await run(['history', '--limit', '0'], RUSSIAN);
    expect(limit.stderr.split('\n')[0]).toBe('--limit: нужно целое число от 1 до 10000.');
  });
});

describe('a mistyped command line in our words (6)', () => {
  it.each([
    [['lookup', '1777', '--demo', '--jsn'], 'Unknown option --jsn. Did you mean --json?'],
    [['lookup', '1777', '--demo', '-json'], 'Unknown option -json. Did you mean --json?'],
    [['lookup', '1777', '--demo', '--no-histroy'], 'Unknown option --no-histroy. Did you mean --no-history?'],
    [['history', '--acount', 'demo'], 'Unknown option --acount. Did you mean --account?'],
    [['lookup', '1777', '--demo', '--colour'], 'Unknown option --colour.'],
    [['lookup', '1777', '--demo', '--timeout'], '--timeout needs a value: --timeout SECONDS.'],
    [['lookup', '1777', '--demo', '--timeout', '--json'], '--timeout needs a value: --timeout SECONDS.'],
    [['history', '--account'], '--account needs a value: --account NAME.'],
    [['lookup', '1777', '--demo', '--json=yes'], '--json takes no value: give it alone, as --json.'],
  ])('%j', async (args, says) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    const [first] = result.stderr.split('\n');
    expect(first).toBe(says);
    expect(first).not.toContain("'");
    expect(result.stderr).toContain('Usage:');
    expect(result.stdout).toBe('');
  });

  it('in the terminal’s language', async () => {
    const unknown = await run(['lookup', '1777', '--demo', '--jsn'], RUSSIAN);
    expect(unknown.stderr.split('\n')[0]).toBe('Неизвестный параметр --jsn. Возможно, имелся в виду --json?');
    expect(unknown.stderr).toContain('Использование:');
    const missing = await run(['lookup', '1777', '--demo', '--timeout'], RUSSIAN);
    expect(missing.stderr.split('\n')[0]).toBe('Для --timeout нужно значение: --timeout SECONDS.');
  });
});

describe('a kept copy reads as one (7)', () => {
  it('show: one line saying whose copy, from when, and that it was asked for', async () => {
    const dataDir = freshDataDir();
    await run(['lookup', 'chat1777', '--demo', '--data-dir', dataDir]);
    const show = await run(['show', '343', '--as', 'session', '--data-dir', dataDir]);
    const [name, kept, blank] = show.stdout.split('\n');
    expect(name).toBe('chat1777  Green Guest #17 - Bitrix24 Documentation');
    expect(kept).toMatch(
      new RegExp(`^  Copy kept on this computer from ${ENGLISH_DATE.source}, found as Session id 343 on the demo portal: show does not ask the portal \\(lookup does\\)\\.$`),
    );
    expect(blank).toBe('');
    expect(show.stdout).not.toMatch(/ in [\d.,]+ ms/);
    expect(show.stdout).not.toContain('OFFLINE');
    expect(show.stdout).not.toContain('Cached copy, as asked');
    const russian = await run(['show', '343', '--as', 'session', '--data-dir', dataDir], RUSSIAN);
    expect(russian.stdout.split('\n')[1]).toMatch(
      new RegExp(`^  Копия, сохранённая на этом компьютере ${RUSSIAN_DATE.source}, найдена как ID сессии 343 на демо-портале: show не обращается к порталу`),
    );
  });

  it('lookup with the portal out of reach: one line with the copy’s date and why, said once', async () => {
    const dataDir = freshDataDir();
    expect((await run(['lookup', 'chat1777', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir])).code).toBe(0);
    emulator.injectFault({ kind: 'html', status: 502 });
    const offline = await run(['lookup', '1777', '--webhook', emulator.webhookUrl(), '--data-dir', dataDir]);
    expect(offline.code).toBe(0);
    const [, kept, page, blank] = offline.stdout.split('\n');
    expect(kept).toMatch(
      new RegExp(
        `^  OFFLINE: copy kept on this computer from ${ENGLISH_DATE.source}, found as Chat id 1777 on ${host().replace(/\./g, '\\.')}, because the portal could not be reached: Not a Bitrix24 answer \\[NOT_BITRIX_JSON\\]\\.$`,
      ),
    );
    // The dialog's own page on the portal, for when it answers again.
    expect(page).toBe(`  open in Bitrix24: ${emulator.origin}/online/?IM_DIALOG=chat1777`);
    expect(blank).toBe('');
    expect(offline.stdout.split('Not a Bitrix24 answer')).toHaveLength(2);
    expect(offline.stdout).not.toMatch(/ in [\d.,]+ ms/);
    expect(datesInNestedBrackets(offline.stdout)).toEqual([]);
  });
});

describe('"What to do" names the command line’s options (8)', () => {
  it('for a refused identifier', async () => {
    const english = await run(['lookup', 'livechat|1|x|y', '--demo', '--no-history']);
    expect(english.stderr).toContain('[INVALID_IDENTIFIER]');
    expect(english.stderr).toContain('What to do: Give a chat id (1777), a dialog id (chat1777), a session id (a bare number with --as session)');
    expect(english.stderr).not.toContain('choose "session"');
    const russian = await run(['lookup', 'livechat|1|x|y', '--demo', '--no-history'], RUSSIAN);
    expect(russian.stderr).toContain('Что делать: Укажите ID чата (1777), ID диалога (chat1777), ID сессии (число с --as session)');
    expect(russian.stderr).not.toContain('выберите «сессия»');
  });

  it('for a dialog not found', async () => {
    const english = await run(['lookup', '987654', '--demo', '--no-history']);
    expect(english.stderr).toContain('[ACCESS_ERROR]');
    expect(english.stderr).toContain('add --as session for a session id');
    expect(english.stderr).not.toContain('chat/session choice');
    const russian = await run(['lookup', '987654', '--demo', '--no-history'], RUSSIAN);
    expect(russian.stderr).toContain('для ID сессии добавьте --as session');
    expect(russian.stderr).not.toContain('выбор «чат» или «сессия»');
  });

  it('for a copy not kept', async () => {
    const missing = await run(['show', 'chat424242', '--data-dir', freshDataDir()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('What to do: Look it up once with openlines-inspector lookup while the portal can be reached');
  });

  it('only in place of the general advice: the window keeps its words, advice made for the case stays', () => {
    for (const language of ['en', 'ru'] as const) {
      inLanguage(language, () => {
        const general = errorEnvelope('INVALID_IDENTIFIER');
        expect(general.action).toContain(language === 'en' ? 'choose "session"' : 'выберите «сессия»');
        expect(terminalAction(general)).toContain('--as session');
        expect(terminalAction(errorEnvelope('ACCESS_ERROR', { action: 'Made for this case.' }))).toBe('Made for this case.');
        expect(terminalAction(errorEnvelope('PORTAL_UNREACHABLE'))).toBe(errorEnvelope('PORTAL_UNREACHABLE').action);
      });
    }
    // Every code given a terminal wording is a code, in both languages.
    expect(Object.keys(en.cli.actions).filter((code) => !isKnownErrorCode(code))).toEqual([]);
    expect(Object.keys(ru.cli.actions).sort()).toEqual(Object.keys(en.cli.actions).sort());
  });
});

describe('columns that line up (9)', () => {
  it('lines every value of a section up at one column, with Russian labels', async () => {
    const result = await run(['lookup', 'chat1777', '--demo', '--no-history'], RUSSIAN);
    expect(result.code).toBe(0);
    const sections = valueColumns(result.stdout);
    expect(sections.size).toBeGreaterThanOrEqual(8);
    for (const [heading, columns] of sections) expect([...columns], heading).toHaveLength(1);
  });

  it('and with long names from the portal in the labels', async () => {
    const result = await run(['lookup', '2002', '--demo', '--no-history']);
    for (const [heading, columns] of valueColumns(result.stdout)) expect([...columns], heading).toHaveLength(1);
  });

  it('counts columns, not characters', () => {
    expect(displayWidth('Уведомления')).toBe(11);
    expect(displayWidth('顧客 🎉')).toBe(7);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});

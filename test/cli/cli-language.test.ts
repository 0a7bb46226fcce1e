// The built CLI speaks the terminal's language (LC_ALL, LC_MESSAGES, LANG):
// Russian under a Russian locale, English otherwise; --json keeps its English
// keys and shape for scripts, with the human texts inside in the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';

const RUSSIAN = { LANG: 'ru_RU.UTF-8' };

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, temp.dir, env);
}

/** Every key path of a JSON value (array items merged), so two answers' shapes can be compared. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, `${prefix}[]`)))];
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [`${prefix}.${key}`, ...keyPaths(item, `${prefix}.${key}`)]);
  }
  return [];
}

describe('the CLI in Russian', () => {
  it('prints a looked-up dialog with Russian headings and labels, and the same values', async () => {
    const result = await run(['lookup', 'chat1777', '--demo', '--no-history'], RUSSIAN);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    for (const heading of ['Общие сведения', 'Канал и клиент', 'Текущая сессия', 'Привязки к CRM', '«Скрытый режим»', 'Участники', 'Служебные поля']) {
      expect(lines, heading).toContain(heading);
    }
    expect(result.stdout).toContain('(демо-портал)');
    expect(result.stdout).toMatch(/ID сессии\s+343/);
    expect(result.stdout).toMatch(/Коннектор\s+Онлайн-чат \(виджет на сайте\) \(livechat\)/);
    expect(result.stdout).toMatch(/Код пользователя \(entity_id\)\s+livechat\|22\|1775\|599/);
    expect(result.stdout).toContain('Green Guest #17 - Bitrix24 Documentation');
    expect(result.stdout).toContain('* зависит от того, кто спрашивает');
    expect(result.stdout).not.toContain('Overview');
  });

  it('shows the help in Russian, with the commands and options as they are typed', async () => {
    const result = await run(['--help'], RUSSIAN);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Использование:/);
    expect(result.stdout).toContain('Идентификаторы:');
    expect(result.stdout).toContain('Параметры:');
    expect(result.stdout).toContain('openlines-inspector lookup <identifier>... [--account NAME | --webhook URL | --demo]');
    expect(result.stdout).toContain('--no-history');
    expect(result.stdout).not.toContain('Usage:');
  });

  it('says what was wrong with the command line in Russian, then the help', async () => {
    const result = await run(['lookup'], RUSSIAN);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Укажите хотя бы один идентификатор');
    expect(result.stderr).toContain('Использование:');
  });

  it('words a failed command in Russian, keeping the error code', async () => {
    const result = await run(['show', 'chat999', '--offline'], RUSSIAN);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[NOT_CACHED]');
    expect(result.stderr).toContain('Копия «chat999» в этой папке данных не сохранена.');
    expect(result.stderr).toContain('  Что делать:');
  });

  it('takes LC_ALL over LANG', async () => {
    const result = await run(['--help'], { LC_ALL: 'en_GB.UTF-8', LANG: 'ru_RU.UTF-8' });
    expect(result.stdout).toMatch(/^Usage:/);
  });
});

describe('the CLI under the default (C) locale', () => {
  it('stays in English', async () => {
    const [lookup, help] = await Promise.all([run(['lookup', 'chat1777', '--demo', '--no-history']), run(['--help'])]);
    expect(lookup.code).toBe(0);
    expect(lookup.stdout.split('\n')).toContain('Overview');
    expect(lookup.stdout).toMatch(/Session id\s+343/);
    expect(lookup.stdout).toContain('(demo portal)');
    expect(lookup.stdout).not.toMatch(/[А-Яа-яЁё]/);
    expect(help.stdout).toMatch(/^Usage:/);
  });
});

/** The parts of a `lookup --json` entry this test reads. */
interface JsonLookup {
  query: { param: string };
  dialog: unknown;
  decoded: { session: unknown; entity: { connectorName: string | null }; primaryCrm: { label: string } };
}

describe('--json in Russian', () => {
  it('keeps the English keys and structure; only the human texts inside follow the language', async () => {
    const args = ['lookup', 'chat1777', '--demo', '--no-history', '--json'];
    const [english, russian] = await Promise.all([run(args), run(args, RUSSIAN)]);
    expect(russian.code).toBe(0);
    const en = JSON.parse(english.stdout) as JsonLookup[];
    const ru = JSON.parse(russian.stdout) as JsonLookup[];
    expect(keyPaths(ru)).toEqual(keyPaths(en));
    // The portal's data is identical…
    expect(ru[0]!.dialog).toEqual(en[0]!.dialog);
    expect(ru[0]!.decoded.session).toEqual(en[0]!.decoded.session);
    expect(ru[0]!.query.param).toBe('DIALOG_ID');
    // …the words we add are Russian.
    expect(en[0]!.decoded.entity.connectorName).toBe('Live chat (website widget)');
    expect(ru[0]!.decoded.entity.connectorName).toBe('Онлайн-чат (виджет на сайте)');
    expect(ru[0]!.decoded.primaryCrm.label).toBe('Лид 1209');
  });
});

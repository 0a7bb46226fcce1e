// The errors area in Russian: every code worded, no English left behind in a
// Russian text, and the words chosen by the language of the call in progress,
// including where the call's language has to be carried by hand (the
// browser's sign-in page, the connection notices).
import { afterEach, describe, expect, it } from 'vitest';
import { NOTICES } from '../../main/api/connection';
import { parseDeepLink } from '../../main/api/deep-link';
import { APP_ERRORS, PORTAL_ERRORS, errorEnvelope, inspectorError, type CataloguedCode } from '../../main/core/error-codes';
import { inLanguage } from '../../main/core/i18n';
import { en } from '../../main/core/messages/en';
import { ru } from '../../main/core/messages/ru';
import { startLoopbackListener, type LoopbackListener } from '../../main/oauth/loopback-listener';
import { newState } from '../../main/oauth/authorize-url';
import { roughDuration } from '../../main/rest/retry-policy';
import { restartQuestion } from '../../main/updates/update-checker';

const CYRILLIC = /[а-яё]/i;
const CODES = Object.keys({ ...PORTAL_ERRORS, ...APP_ERRORS }) as CataloguedCode[];

/** A refusal thrown by `run`, as its envelope. */
function refusal(run: () => unknown): { message: string; action: string } {
  try {
    run();
  } catch (error) {
    return (error as ReturnType<typeof inspectorError>).envelope;
  }
  throw new Error('expected a refusal');
}

/**
 * Every text of the area, functions called with one argument that reads as
 * a number, a string and a list alike (["7"]): enough to word any of them.
 */
function leaves(texts: unknown, path = 'errors'): [string, string][] {
  if (typeof texts === 'string') return [[path, texts]];
  if (typeof texts === 'function') {
    const sample = ['7'];
    return [[path, String(texts(...Array.from({ length: texts.length }, () => sample)))]];
  }
  return Object.entries(texts as Record<string, unknown>).flatMap(([key, value]) => leaves(value, `${path}.${key}`));
}

describe('every error code in Russian', () => {
  it.each(CODES)('%s has a Russian title, message and action of its own', (code) => {
    const russian = inLanguage('ru', () => errorEnvelope(code));
    const english = inLanguage('en', () => errorEnvelope(code));
    for (const part of ['title', 'message', 'action'] as const) {
      expect(russian[part], part).toMatch(CYRILLIC);
      expect(russian[part], part).not.toBe(english[part]);
    }
    expect(russian.retryable).toBe(english.retryable);
  });

  it('words every other text of the area in Russian too, none a copy of the English', () => {
    const russian = inLanguage('ru', () => leaves(ru.errors));
    const english = new Map(inLanguage('en', () => leaves(en.errors)));
    expect(russian.map(([path]) => path)).toEqual([...english.keys()]);
    for (const [path, text] of russian) {
      expect(text, path).toMatch(CYRILLIC);
      expect(text, path).not.toBe(english.get(path));
    }
  });

  it('reads the words when the envelope is made, not when the module loaded', () => {
    expect(inLanguage('ru', () => PORTAL_ERRORS.ACCESS_ERROR.title)).toBe('Диалог не найден или нет доступа');
    expect(inLanguage('en', () => PORTAL_ERRORS.ACCESS_ERROR.title)).toBe('Dialog not found or no access');
    expect(PORTAL_ERRORS.ACCESS_ERROR.title).toBe('Dialog not found or no access');
  });

  it('counts in Russian', () => {
    expect(inLanguage('ru', () => [1, 3, 45].map((seconds) => roughDuration(seconds * 1000)))).toEqual(['1 секунду', '3 секунды', '45 секунд']);
    expect(inLanguage('ru', () => roughDuration(9 * 60_000))).toBe('9 минут');
    expect(inLanguage('ru', () => refusal(() => parseDeepLink(`openlines-inspector://lookup/${'1'.repeat(2_100)}`, 'chat')).message)).toMatch(
      /^Длина ссылки — 2129 символов/,
    );
  });
});

describe('refusals and notices in the language of the call', () => {
  it('refuses a deep link in Russian, quoting in «»', () => {
    const refused = inLanguage('ru', () => refusal(() => parseDeepLink('openlines-inspector://lookup/chat1777?from=mail', 'chat')));
    expect(refused.message).toBe('В ссылке есть параметр, который приложение не принимает («from»); допускается только «account».');
    expect(refused.action).toBe(
      'Ничего не запрошено. Ссылка на диалог выглядит так: openlines-inspector://lookup/chat1777; попросите отправителя прислать ID диалога и вставьте его в поле поиска.',
    );
  });

  it('says a connection notice in the language of whoever reads it', () => {
    expect(inLanguage('ru', () => NOTICES.sessionOnly)).toMatch(/^На этом компьютере нет защищённого хранилища секретов/);
    expect(inLanguage('en', () => NOTICES.sessionOnly)).toMatch(/^This computer offers no secure storage/);
    expect(inLanguage('ru', () => NOTICES.settingsReset('config.json.corrupt-1'))).toContain('(config.json.corrupt-1)');
  });

  it('asks the restart question in Russian', () => {
    const question = inLanguage('ru', () => restartQuestion('1.2.0'));
    expect(question).toMatchObject({ title: 'Обновление готово', message: 'Open Lines Inspector 1.2.0 готов к установке.', buttons: ['Перезапустить', 'Позже'] });
  });
});

describe('the sign-in page the browser shows', () => {
  let listener: LoopbackListener | null = null;
  afterEach(async () => {
    await listener?.close();
    listener = null;
  });

  it('is in the language the sign-in began in, though the browser\'s request is no call of ours', async () => {
    const state = newState();
    listener = await inLanguage('ru', () => startLoopbackListener({ state, port: 0 }));
    // Outside any call: the language must come from the sign-in, not from here.
    const stale = await fetch(`${listener.redirectUri}?code=abc&state=not-this-one`);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('<html lang="ru">');
    expect(staleHtml).toContain('Это ссылка не текущей попытки входа');

    const landing = await fetch(`${listener.redirectUri}?code=abcdef0123456789&state=${state}`);
    const html = await landing.text();
    expect(landing.status).toBe(200);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<h1>Вход выполнен</h1>');
    expect(html).toContain('Эту вкладку можно закрыть и вернуться в Open Lines Inspector.');
    await expect(listener.callback).resolves.toMatchObject({ code: 'abcdef0123456789' });
  });

  it('stays English for an English sign-in', async () => {
    const state = newState();
    listener = await inLanguage('en', () => startLoopbackListener({ state, port: 0 }));
    const html = await (await fetch(`${listener.redirectUri}?code=abcdef0123456789&state=${state}`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Signed in</h1>');
  });

  it('times out in the language the sign-in began in', async () => {
    listener = await inLanguage('ru', () => startLoopbackListener({ state: newState(), port: 0, timeoutMs: 1_000 }));
    await expect(listener.callback).rejects.toMatchObject({ envelope: { code: 'OAUTH_TIMEOUT', message: 'Браузер не вернулся с кодом авторизации за 1 секунду, поэтому вход остановлен.' } });
  });
});

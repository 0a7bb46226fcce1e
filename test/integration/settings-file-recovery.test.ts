// A damaged settings file at start: the app still starts, the file is moved
// aside (not deleted), defaults come back, and the user is told.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainApi } from '../../main/api/create-main-api';
import { NOTICES } from '../../main/api/connection';
import { openFileStore } from '../../main/api/file-store';
import { openSettingsSafely, peekSettingsFile } from '../../main/api/settings-file';
import { DEFAULT_SETTINGS } from '../../main/api/settings';
import type { ConnectionState, Result, Settings } from '../../preload/api-contract';
import { makeTempDir } from '../support/temp-dir';
import { testCipher } from '../support/test-cipher';
import { ok } from '../support/ipc-result';

let temp: Awaited<ReturnType<typeof makeTempDir>> | null = null;
afterEach(async () => {
  await temp?.remove();
  temp = null;
});


describe('a damaged settings file', () => {
  it.each([
    ['not JSON at all', '{"settings": {"numberAs": "session"'],
    ['binary garbage', '\u0000\u0001\u0002garbage\uffff'],
  ])('(%s) is moved aside, kept byte for byte, and replaced by defaults', async (_kind, content) => {
    temp = await makeTempDir();
    const file = path.join(temp.dir, 'config.json');
    writeFileSync(file, content);
    const opened = openSettingsSafely(() => openFileStore(temp!.dir), () => file);
    expect(opened.recovered?.file).toBe(file);
    expect(readFileSync(opened.recovered!.movedTo, 'utf8')).toBe(content);
    expect(opened.store.get('settings.numberAs')).toBeUndefined();
    opened.store.set('settings.numberAs', 'session');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ settings: { numberAs: 'session' } });
  });

  it('leaves a healthy file alone', async () => {
    temp = await makeTempDir();
    const file = path.join(temp.dir, 'config.json');
    writeFileSync(file, JSON.stringify({ settings: { numberAs: 'session' } }));
    const opened = openSettingsSafely(() => openFileStore(temp!.dir), () => file);
    expect(opened.recovered).toBeNull();
    expect(opened.store.get('settings.numberAs')).toBe('session');
    expect(readdirSync(temp.dir)).toEqual(['config.json']);
  });

  it('rethrows when there is no file to blame', () => {
    expect(() => openSettingsSafely(() => { throw new Error('no access'); }, () => path.join('nowhere', 'config.json'))).toThrow('no access');
  });

  it('tells the user through the connection notice, and the app works on defaults', async () => {
    temp = await makeTempDir();
    const file = path.join(temp.dir, 'config.json');
    writeFileSync(file, '{broken');
    const opened = openSettingsSafely(() => openFileStore(temp!.dir), () => file);
    const api = createMainApi({
      store: opened.store,
      settingsRecovered: opened.recovered,
      secrets: testCipher(),
      openExternal: async () => undefined,
      writeClipboard: () => undefined,
    });
    try {
      const state = ok<ConnectionState>(await api.dispatch('connection:get', undefined));
      expect(state).toEqual({ kind: 'none', portal: null, userId: null, notice: NOTICES.settingsReset(opened.recovered!.movedTo), account: null });
      expect(state.notice).toContain('.corrupt-');
      expect(ok<Settings>(await api.dispatch('settings:get', undefined))).toEqual({ ...DEFAULT_SETTINGS, resolvedLanguage: 'en' });
      expect(existsSync(opened.recovered!.movedTo)).toBe(true);
    } finally {
      await api.dispose();
    }
  });
});

describe('peeking at the settings file before the window', () => {
  it('reads dotted keys from the file, and a missing or damaged file as empty, without moving it', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const file = path.join(dir, 'config.json');
      expect((await peekSettingsFile(file)).get('settings.theme')).toBeUndefined();
      writeFileSync(file, JSON.stringify({ settings: { theme: 'dark' }, window: { maximized: true } }));
      const peeked = await peekSettingsFile(file);
      expect(peeked.get('settings.theme')).toBe('dark');
      expect(peeked.get('window')).toEqual({ maximized: true });
      expect(peeked.get('settings.theme.length')).toBeUndefined();
      expect(peeked.get('settings.toString')).toBeUndefined();
      writeFileSync(file, '{"settings": {"theme": "da');
      expect((await peekSettingsFile(file)).get('settings.theme')).toBeUndefined();
      expect(readFileSync(file, 'utf8')).toBe('{"settings": {"theme": "da');
    } finally {
      await remove();
    }
  });
});

// The settings store: checking what is typed, loading, and saving, against a fake bridge.
import { describe, expect, it as test } from 'vitest';
import type { Settings, SettingsView } from '../../preload/api-contract';
import { failed, fakeInspector, ok } from './support/fake-inspector';
import { freshStores } from './support/fresh-stores';

const saved: SettingsView = {
  numberAs: 'chat',
  historyMaxEntries: 10_000,
  historyMaxAgeDays: 365,
  snapshotsPerDialog: 5,
  maxAnswerMb: 16,
  theme: 'system',
  language: 'system',
  checkForUpdates: true,
  fetchConversation: true,
  watchIntervalSeconds: 300,
  watchShareOfLimit: 25,
  watchNotify: 'important',
  watchQuiet: false,
  watchWaitMinutes: 0,
  overviewRefreshMinutes: 5,
  overviewShareOfLimit: 20,
  resolvedLanguage: 'en',
};

describe('problemWith', () => {
  test('a value inside the range has no problem, with or without grouping', async () => {
    const { problemWith } = await freshStores();
    expect(problemWith('historyMaxEntries', '10000')).toBeNull();
    expect(problemWith('historyMaxEntries', '10,000')).toBeNull();
    expect(problemWith('historyMaxEntries', '10 000')).toBeNull();
    expect(problemWith('snapshotsPerDialog', '1')).toBeNull();
  });

  test('what is not a whole number says so', async () => {
    const { problemWith, messages } = await freshStores();
    for (const typed of ['', 'ten', '1.5', '-3', '12a']) {
      expect(problemWith('historyMaxAgeDays', typed), typed).toBe(messages.settings.wholeNumber);
    }
  });

  test('a number outside the range names the range', async () => {
    const { problemWith } = await freshStores();
    expect(problemWith('historyMaxEntries', '99')).toBe('Enter a number from 100 to 1,000,000.');
    expect(problemWith('snapshotsPerDialog', '101')).toBe('Enter a number from 1 to 100.');
    expect(problemWith('maxAnswerMb', '0')).toBe('Enter a number from 1 to 1,024.');
  });

  test('parseSetting reads what problemWith accepted', async () => {
    const { parseSetting } = await freshStores();
    expect(parseSetting('10 000')).toBe(10_000);
    expect(parseSetting('1_024')).toBe(1_024);
  });
});

describe('opening', () => {
  test('shows the saved settings', async () => {
    const { settings } = await freshStores();
    fakeInspector({ getSettings: async () => ok(saved) });
    await settings.show();
    expect(settings.open).toBe(true);
    expect(settings.current).toEqual(saved);
    expect(settings.loadError).toBeNull();
  });

  test('settings that cannot be read are said, and the dialog still opens', async () => {
    const { settings } = await freshStores();
    fakeInspector({ getSettings: async () => failed('INTERNAL') });
    await settings.show();
    expect(settings.open).toBe(true);
    expect(settings.current).toBeNull();
    expect(settings.loadError?.code).toBe('INTERNAL');
  });
});

describe('saving', () => {
  const patch: Partial<Settings> = { historyMaxEntries: 500, numberAs: 'session' };

  test('a save main refused keeps the dialog open with the reason, and what was typed is not replaced', async () => {
    const { settings } = await freshStores();
    fakeInspector({ getSettings: async () => ok(saved), updateSettings: async () => failed('STORE_DISK_FULL', 'Not saved') });
    await settings.show();
    const before = settings.current;
    expect(await settings.save(patch)).toBe(false);
    expect(settings.open).toBe(true);
    expect(settings.saving).toBe(false);
    expect(settings.saveError?.title).toBe('Not saved');
    // The form refills from `current` only when it changes: the same object means the typed values stay.
    expect(settings.current).toBe(before);
  });

  test('saving is busy while main answers', async () => {
    const { settings } = await freshStores();
    let answer!: (value: ReturnType<typeof ok<SettingsView>>) => void;
    fakeInspector({ getSettings: async () => ok(saved), updateSettings: () => new Promise((resolve) => (answer = resolve)) });
    await settings.show();
    const saving = settings.save(patch);
    expect(settings.saving).toBe(true);
    answer(ok({ ...saved, ...patch }));
    await saving;
    expect(settings.saving).toBe(false);
  });

  test('a save that works closes the dialog, takes the new values and says so', async () => {
    const { settings, lookup, announcer, messages } = await freshStores();
    fakeInspector({ getSettings: async () => ok(saved), updateSettings: async (sent) => ok({ ...saved, ...sent }) });
    await settings.show();
    expect(await settings.save(patch)).toBe(true);
    expect(settings.open).toBe(false);
    expect(settings.current?.historyMaxEntries).toBe(500);
    expect(lookup.numberAs).toBe('session');
    expect(announcer.notice).toEqual({ text: messages.settings.saved, tone: 'info' });
  });

  test('opening again forgets the last failed save', async () => {
    const { settings } = await freshStores();
    fakeInspector({ getSettings: async () => ok(saved), updateSettings: async () => failed('STORE_DISK_FULL') });
    await settings.show();
    await settings.save(patch);
    settings.close();
    await settings.show();
    expect(settings.saveError).toBeNull();
  });
});

// The settings domain: read and change the user's preferences; the shell and
// the store hear of each change.
import { z } from 'zod';
import type { Settings } from '../../preload/api-contract';
import { WATCH_NOTIFY_SETTINGS, WATCH_WAIT_MINUTES } from '../core/setting-limits';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { LiveSettings } from './live-settings';
import { none, numberAs, setting } from './schema-atoms';
import { LANGUAGE_SETTINGS, readSettings, THEME_SETTINGS, updateSettings, type KeyValueStore } from './settings';
import type { StoreOpener } from './store-opener';

export const settingsSchemas = schemasFor({
  'settings:get': none,
  'settings:update': z.strictObject({
    numberAs: numberAs.optional(),
    historyMaxEntries: setting('historyMaxEntries'),
    historyMaxAgeDays: setting('historyMaxAgeDays'),
    snapshotsPerDialog: setting('snapshotsPerDialog'),
    maxAnswerMb: setting('maxAnswerMb'),
    theme: z.enum(THEME_SETTINGS).optional(),
    language: z.enum(LANGUAGE_SETTINGS).optional(),
    checkForUpdates: z.boolean().optional(),
    fetchConversation: z.boolean().optional(),
    watchIntervalSeconds: setting('watchIntervalSeconds'),
    watchShareOfLimit: setting('watchShareOfLimit'),
    watchNotify: z.enum(WATCH_NOTIFY_SETTINGS).optional(),
    watchQuiet: z.boolean().optional(),
    // 0 is off; otherwise whole minutes in range, or the line's target.
    watchWaitMinutes: z.union([z.literal('kpi'), z.literal(0), z.number().int().min(WATCH_WAIT_MINUTES.min).max(WATCH_WAIT_MINUTES.max)]).optional(),
    overviewRefreshMinutes: setting('overviewRefreshMinutes'),
    overviewShareOfLimit: setting('overviewShareOfLimit'),
  }),
});

export interface SettingsDeps {
  store: KeyValueStore;
  live: LiveSettings;
  stores: Pick<StoreOpener, 'pruneSoon'>;
  /** The shell: the theme, the menu's language. */
  changed?: (settings: Settings) => void;
}

export function settingsHandlers({ store, live, stores, changed }: SettingsDeps): HandlersFor<ChannelsOf<typeof settingsSchemas>> {
  return {
    'settings:get': async () => ({ ...readSettings(store), resolvedLanguage: live.language() }),
    'settings:update': async (patch) => {
      const settings = updateSettings(store, patch);
      live.changed(settings);
      if (patch.historyMaxEntries !== undefined || patch.historyMaxAgeDays !== undefined) stores.pruneSoon(settings);
      changed?.(settings);
      return { ...settings, resolvedLanguage: live.language() };
    },
  };
}

// The settings dialog: whether it is open, and saving what it edits. The
// limits are the contract's; main checks them again at the boundary.
import { SETTING_LIMITS, type ErrorEnvelope, type NumericSetting, type Settings } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { i18n } from './i18n.svelte';
import { lookup } from './lookup-state.svelte';
import { LatestRequest } from './request.svelte';

/** Digits as typed, without the grouping people add ("10,000", "10 000"). */
function digitsOf(text: string): string {
  return text.replace(/[\s,_]/g, '');
}

/** Why a typed value cannot be saved, or null when it can. */
export function problemWith(key: NumericSetting, text: string): string | null {
  const { min, max } = SETTING_LIMITS[key];
  const digits = digitsOf(text);
  if (!/^\d+$/.test(digits)) return i18n.messages.settings.wholeNumber;
  const value = Number(digits);
  if (value < min || value > max) return i18n.messages.settings.numberFromTo(min, max);
  return null;
}

export function parseSetting(text: string): number {
  return Number(digitsOf(text));
}

class SettingsStore {
  open = $state(false);
  current = $state.raw<Settings | null>(null);
  /** Where main writes its log, to attach to a report; null when it writes none or has not said. */
  logFile = $state<string | null>(null);
  readonly #load = new LatestRequest();
  readonly #save = new LatestRequest();

  get loadError(): ErrorEnvelope | null {
    return this.#load.error;
  }

  get saving(): boolean {
    return this.#save.busy;
  }

  get saveError(): ErrorEnvelope | null {
    return this.#save.error;
  }

  async show(): Promise<void> {
    this.#save.error = null;
    this.open = true;
    void call((api) => api.getLogFile()).then((answer) => {
      if (answer.ok) this.logFile = answer.value.file;
    });
    const answer = await this.#load.run((api) => api.getSettings());
    if (answer?.ok) this.current = answer.value;
  }

  close(): void {
    this.open = false;
  }

  /** Saves and closes; on failure stays open with the reason, nothing typed lost. */
  async save(patch: Partial<Settings>): Promise<boolean> {
    this.#save.error = null;
    const answer = await this.#save.run((api) => api.updateSettings(patch));
    if (!answer?.ok) return false;
    this.current = answer.value;
    lookup.numberAs = answer.value.numberAs;
    // The window speaks the new language at once, as main does from its next answer.
    await i18n.use(answer.value.resolvedLanguage);
    this.open = false;
    announcer.showNotice(i18n.messages.settings.saved);
    return true;
  }
}

export const settings = new SettingsStore();

// The settings dialog: whether it is open, and saving what it edits. The
// limits are the contract's; main checks them again at the boundary.
import { SETTING_LIMITS, type ErrorEnvelope, type NumericSetting, type Settings } from '../../../preload/api-contract';
import { call } from './api';
import { announcer } from './announcer.svelte';
import { i18n } from './i18n.svelte';
import { lookup } from './lookup-state.svelte';

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
  loadError = $state.raw<ErrorEnvelope | null>(null);
  saving = $state(false);
  saveError = $state.raw<ErrorEnvelope | null>(null);

  async show(): Promise<void> {
    this.saveError = null;
    this.open = true;
    const answer = await call((api) => api.getSettings());
    if (answer.ok) {
      this.current = answer.value;
      this.loadError = null;
    } else {
      this.loadError = answer.error;
    }
  }

  close(): void {
    this.open = false;
  }

  /** Saves and closes; on failure stays open with the reason, nothing typed lost. */
  async save(patch: Partial<Settings>): Promise<boolean> {
    this.saving = true;
    this.saveError = null;
    const answer = await call((api) => api.updateSettings(patch));
    this.saving = false;
    if (!answer.ok) {
      this.saveError = answer.error;
      return false;
    }
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

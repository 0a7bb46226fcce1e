// The window's dates: one formatter per locale and style, following the
// language as it changes, and what is not a date shown as sent.
import { describe, expect, it } from 'vitest';
import { freshStores } from './support/fresh-stores';

async function loaded() {
  await freshStores();
  const [format, { i18n }] = await Promise.all([import('../../renderer/src/lib/format'), import('../../renderer/src/lib/i18n.svelte')]);
  return { ...format, i18n };
}

describe('dates in the window', () => {
  it("shows a message's time of day in the window's language, and follows a change of language", async () => {
    const { formatClockTime, formatShortDate, i18n } = await loaded();
    const iso = '2026-03-16T18:41:00';
    expect(formatClockTime(iso)).toBe('18:41');
    expect(formatShortDate(iso)).toBe('16 Mar 2026, 18:41');
    await i18n.use('ru');
    expect(formatClockTime(iso)).toBe('18:41');
    expect(formatShortDate(iso)).toMatch(/^16 мар\.? 2026( г\.)?,? 18:41$/);
    await i18n.use('en');
    expect(formatShortDate(iso)).toBe('16 Mar 2026, 18:41');
  });

  it('shows a value that is not a date as it was sent', async () => {
    const { formatClockTime, formatLocalDate } = await loaded();
    expect(formatClockTime('yesterday')).toBe('yesterday');
    expect(formatLocalDate('')).toBe('');
  });
});

// The renderer's stores are module-level singletons: each test loads a fresh
// set, so no state leaks from one test into the next.
import { vi } from 'vitest';

export async function freshStores() {
  vi.resetModules();
  const [history, search, settings, accounts, announcer, i18n, lookup] = await Promise.all([
    import('../../../renderer/src/lib/history-state.svelte'),
    import('../../../renderer/src/lib/dialog-search.svelte'),
    import('../../../renderer/src/lib/settings-state.svelte'),
    import('../../../renderer/src/lib/accounts-state.svelte'),
    import('../../../renderer/src/lib/announcer.svelte'),
    import('../../../renderer/src/lib/i18n.svelte'),
    import('../../../renderer/src/lib/lookup-state.svelte'),
  ]);
  return {
    history: history.lookupHistory,
    dialogSearch: search.dialogSearch,
    settings: settings.settings,
    problemWith: settings.problemWith,
    parseSetting: settings.parseSetting,
    accounts: accounts.accounts,
    announcer: announcer.announcer,
    messages: i18n.i18n.messages,
    lookup: lookup.lookup,
  };
}

/** The polite live region's text once its short delay is over (fake timers). */
export async function said(announcer: { message: string }): Promise<string> {
  await vi.advanceTimersByTimeAsync(50);
  return announcer.message;
}

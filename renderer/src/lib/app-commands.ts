// What each command does, in one place, whoever asks: a key pressed in the
// window, the command palette, or main (an application-menu item, a deep link,
// a second launch). A menu item and its shortcut cannot drift apart.
import { tick } from 'svelte';
import type { AppCommand, ConnectionState, ErrorEnvelope } from '../../../preload/api-contract';
import { accounts } from './accounts-state.svelte';
import { announcer } from './announcer.svelte';
import { bridge, call } from './api';
import { connection } from './connection-state.svelte';
import { isConnectedAccount } from './dialog-search.svelte';
import { i18n } from './i18n.svelte';
import { HISTORY_SEARCH_ID, lookupHistory } from './history-state.svelte';
import { FILTER_INPUT_ID, FIND_INPUT_ID, LOOKUP_INPUT_ID, focusById, inspectorView } from './inspector-view.svelte';
import { lookup } from './lookup-state.svelte';
import { overlays } from './overlays.svelte';
import { overview } from './overview-state.svelte';
import { noticeFailure } from './request.svelte';
import { watchList } from './watch-state.svelte';
import { holdTypedKeys } from './type-ahead';
import { settings } from './settings-state.svelte';
import { signIn } from './sign-in-state.svelte';

/** How long a deep link waits for a running lookup to stop before it gives up on it. */
const CANCEL_WAIT_MS = 5_000;

/** The palette and the sheet give way; the tick lets them hand focus back before anything takes it. */
async function closeTransient(): Promise<void> {
  if (!overlays.palette && !overlays.shortcuts) return;
  overlays.closeTransient();
  await tick();
}

/** Leaves the Portals page and closes what would cover the inspector; false when no portal is connected. */
async function showInspector(): Promise<boolean> {
  await closeTransient();
  if (settings.open) settings.close();
  if (!connection.connected) return false;
  if (connection.changing) connection.cancelChange();
  // Below 1000 px the history is an overlay over the lookup field.
  if (lookupHistory.narrow && lookupHistory.visible) lookupHistory.setVisible(false);
  await tick();
  return true;
}

export async function focusLookup(): Promise<boolean> {
  if (!(await showInspector())) return false;
  return focusById(LOOKUP_INPUT_ID, true);
}

/**
 * Find in what is shown: the conversation's find bar on the Conversation tab,
 * else the field filter; the lookup field when no dialog is shown.
 */
export async function findInDialog(): Promise<boolean> {
  if (!(await showInspector())) return false;
  if (!lookup.result || lookup.status === 'failed') return focusById(LOOKUP_INPUT_ID, true);
  if (inspectorView.tab === 'conversation' && lookup.result.conversation?.ok) {
    // The bar focuses itself when it first appears (the view may still be loading); later presses select its text.
    if (!inspectorView.find.open) {
      inspectorView.find.open = true;
      return true;
    }
    return focusById(FIND_INPUT_ID, true);
  }
  inspectorView.tab = 'fields';
  await tick();
  return focusById(FILTER_INPUT_ID, true);
}

export async function openPalette(): Promise<void> {
  if (settings.open) settings.close();
  overlays.shortcuts = false;
  // From here until the palette's text box has focus, typed keys are kept for it.
  let opening = true;
  if (!overlays.palette) holdTypedKeys(() => opening || overlays.palette, () => (overlays.palette = false));
  await tick();
  overlays.palette = true;
  opening = false;
}

export async function openSettings(): Promise<void> {
  await closeTransient();
  if (!settings.open) await settings.show();
}

export async function showShortcuts(): Promise<void> {
  if (settings.open) settings.close();
  overlays.palette = false;
  await tick();
  overlays.shortcuts = true;
}

export async function toggleHistory(): Promise<void> {
  const fromPortals = connection.choosing;
  if (!(await showInspector())) return;
  // From the Portals page the user asked to see it, not to hide it.
  if (fromPortals) lookupHistory.setVisible(true);
  else lookupHistory.toggle();
  await tick();
  if (lookupHistory.visible) document.getElementById(HISTORY_SEARCH_ID)?.focus();
  else if (document.activeElement === document.body || document.activeElement === null) focusById(LOOKUP_INPUT_ID);
}

/** The overview in place of the inspector, or the inspector back; from the Portals page it is always shown. */
export async function toggleOverview(): Promise<void> {
  const fromPortals = connection.choosing;
  if (!(await showInspector())) return;
  if (fromPortals) overview.show();
  else overview.toggle();
  if (overview.shown) watchList.close();
}

/** The Watching view in place of the inspector (or the overview), or the inspector back; from the Portals page it is always shown. */
export async function toggleWatching(): Promise<void> {
  const fromPortals = connection.choosing;
  if (!(await showInspector())) return;
  if (fromPortals || !watchList.shown) {
    watchList.show();
    overview.close();
  } else {
    watchList.close();
  }
}

export async function managePortals(): Promise<void> {
  await closeTransient();
  if (settings.open) settings.close();
  if (connection.current?.kind === 'none') return;
  if (!connection.changing) connection.startChange();
  await tick();
  document.getElementById('webhook-url')?.focus();
}

export async function backToInspector(): Promise<void> {
  connection.cancelChange();
  await focusLookup();
}

export async function signInWithApplication(): Promise<void> {
  await closeTransient();
  await signIn.show();
}

export async function useDemo(): Promise<void> {
  await closeTransient();
  if (await connection.useDemo()) await focusLookup();
}

export async function switchAccount(id: string): Promise<void> {
  await closeTransient();
  const inUse = connection.current?.kind !== 'demo' && connection.current?.account?.id === id;
  if (inUse || (await accounts.use(id))) await focusLookup();
}

export async function disconnect(): Promise<void> {
  await closeTransient();
  await connection.disconnect();
}

/** Said in the window until dismissed: the title, what happened, what to do. */
export function showLinkProblem(error: ErrorEnvelope): void {
  overlays.closeTransient();
  overlays.linkProblem = error;
}

/**
 * Main may have switched the account before handing the link over: take its
 * state, replacing what is on screen only when the portal really changed.
 */
function takeConnection(state: ConnectionState): void {
  const before = connection.current;
  const same =
    before?.kind === state.kind &&
    before.account?.id === state.account?.id &&
    before.portal?.origin === state.portal?.origin &&
    before.userId === state.userId;
  if (same) {
    connection.current = state;
    connection.cancelChange();
  } else {
    connection.adopt(state);
  }
}

/** A lookup still running is cancelled: the link is the newer request. */
async function stopRunningLookup(): Promise<void> {
  if (!lookup.loading) return;
  await lookup.cancel();
  for (let waited = 0; lookup.loading && waited < CANCEL_WAIT_MS; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A deep link or a second launch: the identifier goes into the lookup field and is looked up. */
export async function lookUpFromMain(input: string): Promise<void> {
  await closeTransient();
  if (settings.open) settings.close();
  const [state] = await Promise.all([call((api) => api.getConnection()), accounts.load()]);
  if (!state.ok) {
    showLinkProblem(state.error);
    return;
  }
  takeConnection(state.value);
  if (state.value.kind === 'none') {
    const m = i18n.messages.errors.notConnected;
    showLinkProblem({ code: 'NOT_CONNECTED', title: m.title, message: m.message(input), action: m.action, retryable: false });
    return;
  }
  overlays.linkProblem = null;
  if (!(await showInspector())) return;
  await stopRunningLookup();
  lookup.setInput(input);
  await tick();
  focusById(LOOKUP_INPUT_ID);
  await lookup.run();
}

/** A notification about another account's watched dialog: its kept copy, no portal asked. */
export async function openKeptFromMain(account: string, chatId: number): Promise<void> {
  await closeTransient();
  if (settings.open) settings.close();
  overlays.linkProblem = null;
  if (!(await showInspector())) return;
  await stopRunningLookup();
  const error = await lookup.openCached({ account, chatId }, isConnectedAccount(account));
  if (error) noticeFailure(error);
}

export async function runAppCommand(command: AppCommand): Promise<void> {
  switch (command.kind) {
    case 'lookup':
      return lookUpFromMain(command.input);
    case 'open-kept':
      return openKeptFromMain(command.account, command.chatId);
    case 'link-refused':
      return showLinkProblem(command.error);
    case 'focus-lookup':
      return void (await focusLookup());
    case 'find-in-dialog':
      return void (await findInDialog());
    case 'open-palette':
      return openPalette();
    case 'open-settings':
      return openSettings();
    case 'show-shortcuts':
      return showShortcuts();
    case 'toggle-history':
      return toggleHistory();
    case 'manage-portals':
      return managePortals();
    default: {
      // A newer main may know commands this page does not: ignore them.
      const unknown: never = command;
      void unknown;
    }
  }
}

/**
 * Listens to main, then asks for what waited while the page loaded: in that
 * order, so a command pushed in between is not lost. Commands run one after
 * another, once `ready` (the first connection state) is in, oldest first.
 * Returns the unsubscribe.
 */
export function listenToMain(ready: Promise<unknown>): () => void {
  const api = bridge();
  if (!api) return () => {};
  const run = async (command: AppCommand): Promise<void> => {
    try {
      await runAppCommand(command);
    } catch {
      announcer.showNotice(i18n.messages.errors.commandFailed, 'error');
    }
  };
  let chain: Promise<void> = Promise.resolve();
  const unsubscribe = api.onCommand((command) => {
    chain = chain.then(() => run(command));
  });
  const waiting = call((bridged) => bridged.takeCommands());
  chain = Promise.all([ready, waiting]).then(async ([, answer]) => {
    if (!answer.ok) return;
    for (const command of answer.value) await run(command);
  });
  return unsubscribe;
}

const NOT_TEXT = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Where typing "?" means the character, not the shortcut sheet. */
function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** A modal the user is working in (settings, signing in): the other shortcuts wait until it closes. */
function workingInModal(): boolean {
  return settings.open || signIn.open;
}

/** By the key's place on the keyboard too, so Ctrl+K works with a Cyrillic layout. */
const KEY_BY_CODE: Record<string, string> = { KeyK: 'k', KeyL: 'l', KeyF: 'f', KeyH: 'h', Comma: ',' };

const WITH_MODIFIER: Record<string, () => Promise<unknown>> = {
  k: openPalette,
  l: focusLookup,
  f: findInDialog,
  ',': openSettings,
};

/** The same keys as main's menu accelerators (main/shell/app-menu.ts): handled here first, the menu never fires twice. */
const WITH_SHIFT: Record<string, () => Promise<unknown>> = {
  h: toggleHistory,
};

/** The window's shortcuts; lists, menus and dialogs handle their own keys first. */
export function handleWindowKeydown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  if ((event.ctrlKey || event.metaKey) && !event.altKey) {
    const key = /^[a-z,]$/i.test(event.key) ? event.key.toLowerCase() : KEY_BY_CODE[event.code];
    const action = key === undefined ? undefined : (event.shiftKey ? WITH_SHIFT : WITH_MODIFIER)[key];
    if (!action) return;
    event.preventDefault();
    if (workingInModal()) return;
    void action();
    return;
  }
  if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
    if (isTextEntry(event.target) || workingInModal() || overlays.palette || overlays.shortcuts) return;
    event.preventDefault();
    void showShortcuts();
    return;
  }
  if (event.key === 'Escape') {
    // Modal dialogs close themselves on Esc.
    if (workingInModal() || overlays.palette || overlays.shortcuts) return;
    const target = event.target;
    const inOtherField = target instanceof HTMLInputElement && target.id !== FILTER_INPUT_ID;
    if (!inOtherField && inspectorView.query !== '') {
      inspectorView.clearQuery();
    } else if (overlays.linkProblem) {
      overlays.linkProblem = null;
    } else if (announcer.notice) {
      announcer.dismissNotice();
    } else if (lookupHistory.narrow && lookupHistory.visible) {
      lookupHistory.setVisible(false);
      void tick().then(() => document.getElementById('history-toggle')?.focus());
    }
  }
}

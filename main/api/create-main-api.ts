// The main process's API: one handler per channel of the contract, plus the
// dispatcher that checks the channel and the argument before a handler runs.
// No `electron` here: the shell passes in what only Electron can do
// (safeStorage, shell.openExternal, the clipboard), and tests pass real
// stand-ins, so this exact code answers both the app and the browser tests.
import type { ArgsOf, Channel, EventSender, LanguageSetting, ResultOf, Result, Settings } from '../../preload/api-contract';
import { errorEnvelope, inspectorError, toEnvelope } from '../core/errors';
import { messages } from '../core/messages/index';
import { parseIdentifier } from '../core/identifier';
import { elapsedSince, presentDialog } from '../core/lookup';
import type { Emulator } from '../emulator/index';
import type { PortalClientOptions } from '../rest/portal-client';
import type { HistoryRetention, InspectorStore, RecoveredFile, StoreOptions } from '../store/index';
// Not through store/index: that would load the native database module at start-up.
import { isPassingStoreError } from '../store/store-error';
import { AccountStore } from '../accounts/account-store';
import { argumentSchemas, isChannel } from './argument-schemas';
import { ConnectionManager, NOTICES, type SecretCipher } from './connection';
import { accountOf, LookupService, portalOfAccount } from './lookup-service';
import { LookupsInFlight } from './lookups-in-flight';
import { inLanguage, resolveLanguage, type Language } from '../core/i18n';
import { AppCommandQueue } from './app-commands';
import { deepLinkOpener } from './deep-link';
import { OAuthSignIn } from './oauth-sign-in';
import { readSettings, updateSettings, type KeyValueStore } from './settings';

export interface MainApiDeps {
  /** Settings and the (encrypted) connection: electron-store in the app, conf elsewhere. */
  store: KeyValueStore;
  secrets: SecretCipher;
  /** Opens an https URL in the system browser (already checked against the portal). */
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): void;
  /** Defaults to the bundled emulator with its sample data. */
  startDemo?: () => Promise<Emulator>;
  /** Set when the settings file was damaged and moved aside at start: the user is told. */
  settingsRecovered?: RecoveredFile | null;
  /** Opens the history and cache database; called on the first lookup, not at start-up. */
  openMemory?: (options: StoreOptions) => InspectorStore | Promise<InspectorStore>;
  clientOptions?: PortalClientOptions;
  /** The OS's preferred languages, most preferred first (app.getPreferredSystemLanguages()); for the 'system' language. */
  preferredLanguages?: () => readonly string[];
  /** Told after every change of the settings (the shell applies the theme to nativeTheme). */
  settingsChanged?: (settings: Settings) => void;
  /** Pushes an event of the contract to the window (webContents.send in the app); dropped without one. */
  sendEvent?: EventSender;
}

export type Handlers = { [C in Channel]: (args: ArgsOf<C>) => Promise<ResultOf<C>> };

export interface MainApi {
  readonly channels: readonly Channel[];
  /** Validates and runs one call; never throws: failures come back as an error envelope. */
  dispatch(channel: string, args: unknown): Promise<Result<unknown>>;
  /** What the window is asked to do (deep links, menu items); the shell connects it to the page. */
  readonly commands: AppCommandQueue;
  /** A deep link from the OS (openlines-inspector://lookup/…): a lookup for the window, or a refusal it shows. Never throws. */
  openDeepLink(url: string): Promise<void>;
  dispose(): Promise<void>;
}

async function startBundledDemo(): Promise<Emulator> {
  // Loaded on demand: most sessions never open the demo, and start-up stays light.
  const { startEmulator } = await import('../emulator/index');
  return startEmulator({ recordRequests: false });
}

/** Links may only lead to the connected portal, over https, compared by parsed origin. */
function checkPortalLink(url: string, portalOrigin: string | undefined): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.api.linkNotUrl });
  }
  if (parsed.protocol !== 'https:' || !portalOrigin || parsed.origin !== portalOrigin) {
    throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.api.linkNotPortal });
  }
  return parsed.href;
}

/** The notice of a settings file moved aside at start, worded whenever the window asks. */
function settingsReset(movedTo: string): () => string {
  return () => NOTICES.settingsReset(movedTo);
}

function retentionOf(settings: Settings): HistoryRetention {
  return { maxEntries: settings.historyMaxEntries, maxAgeDays: settings.historyMaxAgeDays };
}

export function createMainApi(deps: MainApiDeps): MainApi {
  const accounts = new AccountStore(deps.store, deps.secrets);
  // Read by every client on every request, so a change applies to the next
  // one; kept here rather than read from the file each time, and renewed by settings:update.
  let maxAnswerMb: number | null = null;
  const maxAnswerBytes = (): number => (maxAnswerMb ??= readSettings(deps.store).maxAnswerMb) * 1024 * 1024;
  const connection = new ConnectionManager({
    store: deps.store,
    secrets: deps.secrets,
    accounts,
    startDemo: deps.startDemo ?? startBundledDemo,
    clientOptions: { maxAnswerBytes, ...deps.clientOptions },
    initialNotice: deps.settingsRecovered ? settingsReset(deps.settingsRecovered.movedTo) : null,
  });

  const signIn = new OAuthSignIn({
    accounts,
    // The portal's authorize page, built and checked (https) in OAuthSignIn.
    openExternal: (url) => deps.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    // A new client is made on the next lookup, on the tokens just saved.
    signedIn: (id) => connection.useAccount(id),
    ...(deps.clientOptions?.extraCertificates ? { extraCertificates: deps.clientOptions.extraCertificates } : {}),
  });

  const inFlight = new LookupsInFlight((progress) => deps.sendEvent?.('lookupProgress', progress));
  const commands = new AppCommandQueue();
  // Every call needs the language: kept here rather than read from the settings
  // file each time (the store reads the file on every get), and renewed by
  // settings:update, the one place the app changes it.
  let languageSetting: LanguageSetting | null = null;
  const languageNow = (): Language => {
    languageSetting ??= readSettings(deps.store).language;
    return resolveLanguage(languageSetting, deps.preferredLanguages?.() ?? []);
  };

  let memory: Promise<InspectorStore | null> | null = null;
  /** Opens the database once, when first needed; a failed open is tried again next time. */
  const openMemory = (): Promise<InspectorStore | null> => {
    memory ??= (async () => {
      const settings = readSettings(deps.store);
      const store = (await deps.openMemory?.({ snapshotsPerDialog: settings.snapshotsPerDialog })) ?? null;
      // Retention runs once per start, when the database is first needed, and after a change of its settings.
      try {
        store?.pruneHistory(retentionOf(settings));
      } catch (error) {
        // Locked by another program or a full disk: the store still reads (and
        // writes once that passes); retention waits for the next start.
        if (!isPassingStoreError(error)) {
          store?.close();
          throw error;
        }
      }
      return store;
    })();
    memory.catch(() => (memory = null));
    return memory;
  };
  const lookups = new LookupService(openMemory);

  /**
   * Applies new retention limits after the settings call has answered, so the
   * settings screen never waits on a large delete; a failure waits for the next start.
   */
  const pruneSoon = (settings: Settings): void => {
    setImmediate(() => {
      void openMemory()
        .then((store) => store?.pruneHistory(retentionOf(settings)))
        .catch(() => undefined);
    });
  };

  /** The store for the history handlers: their whole job, so a failure to open is their error. */
  const history = async (): Promise<InspectorStore> => {
    let store: InspectorStore | null = null;
    try {
      store = await openMemory();
    } catch (error) {
      // A lock or a full disk says what it is and passes by itself; anything else is HISTORY_UNAVAILABLE.
      if (isPassingStoreError(error)) throw error;
      throw inspectorError('HISTORY_UNAVAILABLE', undefined, error);
    }
    if (!store) throw inspectorError('HISTORY_UNAVAILABLE');
    return store;
  };
  /** The connected portal's history, or every portal's when asked or when none is connected. */
  const historyAccount = async (allAccounts: boolean | undefined): Promise<string | undefined> => {
    if (allAccounts) return undefined;
    const { portal } = await connection.state();
    return portal ? accountOf(portal) : undefined;
  };

  const handlers: Handlers = {
    'identifier:parse': async ({ input, numberAs }) => parseIdentifier(input, numberAs),
    'lookup:run': async ({ input, numberAs, requestId }) => {
      const started = performance.now();
      // Parse first: a bad identifier is refused before we even need a portal.
      const query = parseIdentifier(input, numberAs);
      const running = inFlight.start(requestId);
      try {
        return await lookups.run(await connection.client(), query, started, running.options);
      } finally {
        running.end();
      }
    },
    'lookup:cancel': async ({ requestId }) => ({ cancelled: inFlight.cancel(requestId) }),
    'connection:get': () => connection.state(),
    'connection:use-webhook': ({ url, name }) => connection.useWebhook(url, name),
    'connection:use-demo': () => connection.useDemo(),
    'connection:disconnect': () => connection.disconnect(),
    'connection:probe': async () => {
      const client = await connection.client();
      try {
        await client.call('scope', {});
        return { reachable: true, reason: null };
      } catch (error) {
        return { reachable: false, reason: toEnvelope(error) };
      }
    },
    'accounts:list': async () => accounts.list(),
    'accounts:use': ({ id }) => connection.useAccount(id),
    'accounts:rename': async ({ id, name }) => {
      accounts.rename(id, name);
      return accounts.list();
    },
    'accounts:set-plan': async ({ id, plan }) => {
      accounts.setPlan(id, plan);
      // The client keeps to the plan it was made with: the next lookup makes one on the new plan.
      if ((await connection.state()).account?.id === accounts.get(id).id) await connection.useAccount(id);
      return accounts.list();
    },
    'accounts:remove': ({ id }) => connection.removeAccount(id),
    'oauth:begin': (request) => signIn.begin(request),
    'oauth:finish': () => signIn.finish(),
    'oauth:paste': async ({ text }) => {
      await signIn.paste(text);
      return null;
    },
    'oauth:cancel': async () => {
      await signIn.cancel();
      return null;
    },
    'settings:get': async () => ({ ...readSettings(deps.store), resolvedLanguage: languageNow() }),
    'settings:update': async (patch) => {
      const settings = updateSettings(deps.store, patch);
      languageSetting = settings.language;
      maxAnswerMb = settings.maxAnswerMb;
      if (patch.historyMaxEntries !== undefined || patch.historyMaxAgeDays !== undefined) pruneSoon(settings);
      deps.settingsChanged?.(settings);
      return { ...settings, resolvedLanguage: languageNow() };
    },
    'link:open-portal': async ({ url }) => {
      const state = await connection.state();
      await deps.openExternal(checkPortalLink(url, state.portal?.origin)); // eng-disable OPEN_EXTERNAL_JS_CHECK: https, the connected portal's origin only
      return null;
    },
    'clipboard:write-text': async ({ text }) => {
      deps.writeClipboard(text);
      return null;
    },
    'history:list': async ({ allAccounts, ...filter }) => {
      const account = await historyAccount(allAccounts);
      return (await history()).listHistory({ ...filter, ...(account === undefined ? {} : { account }) });
    },
    'history:set-pinned': async ({ id, pinned }) => {
      (await history()).setPinned(id, pinned);
      return null;
    },
    'history:delete': async ({ id }) => {
      (await history()).deleteHistory(id);
      return null;
    },
    'history:clear': async ({ allAccounts }) => {
      const store = await history();
      return { removed: store.clearHistory(await historyAccount(allAccounts)) };
    },
    'history:status': async () => ({
      recovered: (await history()).report.recovered.map(({ movedTo, reason }) => ({ movedTo, reason })),
    }),
    'search:dialogs': async ({ text, allAccounts, limit }) => {
      const account = await historyAccount(allAccounts);
      return (await history()).searchDialogs(text, { ...(limit === undefined ? {} : { limit }), ...(account === undefined ? {} : { account }) });
    },
    'cache:open': async ({ account, chatId }) => {
      const started = performance.now();
      const cached = (await history()).findDialog(account, { param: 'CHAT_ID', value: chatId });
      if (!cached) throw inspectorError('NOT_CACHED', { message: messages().errors.api.notCached(chatId) });
      const { portal } = await connection.state();
      const query = parseIdentifier(`chat${chatId}`, 'chat');
      const offline = { reason: errorEnvelope('OFFLINE_BY_CHOICE', { action: messages().errors.api.askPortalAgain }) };
      return { ...presentDialog(query, portalOfAccount(account, portal), cached.dialog, cached.time, cached.fetchedAt, offline), elapsedMs: elapsedSince(started) };
    },
    'app:take-commands': async () => commands.take(),
  };

  const openLink = deepLinkOpener({
    numberAs: () => readSettings(deps.store).numberAs,
    accounts: () => accounts.list(),
    useAccount: (id) => connection.useAccount(id),
    push: (command) => commands.push(command),
  });

  async function dispatchOne(channel: string, args: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: errorEnvelope('INVALID_ARGUMENT', { message: messages().errors.api.unknownRequest }) };
    }
    const parsed = argumentSchemas[channel].safeParse(args);
    if (!parsed.success) {
      return { ok: false, error: errorEnvelope('INVALID_ARGUMENT', { message: messages().errors.api.badArgument(channel) }) };
    }
    try {
      const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toEnvelope(error) };
    }
  }

  return {
    channels: Object.keys(handlers) as Channel[],
    commands,
    // Not a channel: links come from the OS through the shell, never from the page.
    // A refusal is worded in the user's language, as an answer would be.
    openDeepLink: (url) => inLanguage(languageNow(), () => openLink(url)),
    dispatch(channel, args) {
      // Every text made while answering (errors, labels, notices) is in the user's language.
      return inLanguage(languageNow(), () => dispatchOne(channel, args));
    },
    async dispose() {
      inFlight.cancelAll();
      await signIn.cancel();
      await connection.dispose();
      const store = await memory?.catch(() => null);
      memory = null;
      store?.close();
    },
  };
}

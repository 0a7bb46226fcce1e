// The main process's API: the domains' handlers (one module each, with their
// argument schemas), wired to what they share, and the dispatcher that checks
// the channel and the argument before a handler runs. No `electron` here: the
// shell passes in what only Electron can do (safeStorage, shell.openExternal,
// the clipboard, webContents.send), and tests pass real stand-ins, so this
// exact code answers both the app and the browser tests.
import type { Channel, EventSender, Result, Settings } from '../../preload/api-contract';
import { describeCause, NO_LOG, type AppLog } from '../core/app-log';
import { errorEnvelope, toEnvelope } from '../core/error-codes';
import { inLanguage } from '../core/i18n';
import { messages } from '../core/messages/index';
import type { Emulator } from '../emulator/index';
import type { OpenFileOptions, SaveFileOptions } from '../export/export-types';
import type { PortalClientOptions } from '../rest/portal-client';
import type { InspectorStore, RecoveredFile, StoreOptions } from '../store/index';
import { AccountStore } from '../accounts/account-store';
import { accountHandlers } from './account-handlers';
import { AppCommandQueue } from './command-queue';
import { appHandlers } from './app-handlers';
import { argumentSchemas, isChannel } from './argument-schemas';
import { ConnectionManager, NOTICES, type SecretCipher } from './connection';
import { connectionHandlers } from './connection-handlers';
import { conversationHandlers } from './conversation-handlers';
import { deepLinkOpener } from './deep-link';
import type { HandlersFor } from './handler-types';
import { historyHandlers } from './history-handlers';
import { LiveSettings } from './live-settings';
import { lookupHandlers } from './lookup-handlers';
import { LookupService } from './lookup-service';
import { LineCache } from './line-cache';
import { BulkRuns } from './bulk-runs';
import { bulkHandlers } from './bulk-handlers';
import { exportHandlers } from './export-handlers';
import { listFileHandlers } from './list-file-handlers';
import { LookupsInFlight } from './lookups-in-flight';
import { overviewHandlers } from './overview-handlers';
import { OverviewRefresh } from './overview-refresh';
import { OverviewRefresher } from './overview-refresher';
import { OAuthSignIn } from './oauth-sign-in';
import { WatchNotices, noticeCommand } from '../watch/watch-notices';
import { listRules } from '../core/watch-rules';
import { readSettings, type KeyValueStore } from './settings';
import { settingsHandlers } from './settings-handlers';
import { signInHandlers } from './sign-in-handlers';
import { StoreOpener } from './store-opener';
import { watchHandlers } from './watch-handlers';
import { WatchService, type WatchClient } from './watch-service';
import { clientForAccount } from '../accounts/account-client';
import { inspectorError } from '../core/error-codes';
import type { PortalClient } from '../rest/portal-client';
import { accountOf } from './lookup-service';

export interface MainApiDeps {
  /** Settings and the (encrypted) connection: electron-store in the app, conf elsewhere. */
  store: KeyValueStore;
  secrets: SecretCipher;
  /** Opens an https URL in the system browser (already checked against the portal). */
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): void;
  /** Opens the OS save dialog for a file main is about to write; without one (no window to ask), nothing is saved. */
  chooseSaveFile?: (options: SaveFileOptions) => Promise<string | null>;
  /** Opens the OS open dialog for a list to read; without one (no window to ask), nothing is opened. */
  chooseOpenFile?: (options: OpenFileOptions) => Promise<string | null>;
  /** Defaults to the bundled emulator with its sample data. */
  startDemo?: () => Promise<Emulator>;
  /** Set when the settings file was damaged and moved aside at start: the user is told. */
  settingsRecovered?: RecoveredFile | null;
  /** Opens the history and cache database; called on the first lookup, not at start-up. */
  openStore?: (options: StoreOptions) => InspectorStore | Promise<InspectorStore>;
  clientOptions?: PortalClientOptions;
  /** The OS's preferred languages, most preferred first (app.getPreferredSystemLanguages()); for the 'system' language. */
  preferredLanguages?: () => readonly string[];
  /** Shows a desktop notification (Electron's Notification in the app); `onClick` when the user clicks it. Without one, none is shown. */
  notify?: (notice: { title: string; body: string; onClick: () => void }) => void;
  /** Told after every change of the settings (the shell applies the theme to nativeTheme). */
  settingsChanged?: (settings: Settings) => void;
  /** Pushes an event of the contract to the window (webContents.send in the app); dropped without one. */
  sendEvent?: EventSender;
  /** Where unexpected failures, refused links and store faults are written down (main/log/). */
  log?: AppLog;
  /** The file `log` writes to, shown in Settings. */
  logFile?: string;
}

export type Handlers = HandlersFor<Channel>;

export interface MainApi {
  readonly channels: readonly Channel[];
  /** Validates and runs one call; never throws: failures come back as an error envelope. */
  dispatch(channel: string, args: unknown): Promise<Result<unknown>>;
  /** What the window is asked to do (deep links, menu items); the shell connects it to the page. */
  readonly commands: AppCommandQueue;
  /** A deep link from the OS (openlines-inspector://lookup/…): a lookup for the window, or a refusal it shows. Never throws. */
  openDeepLink(url: string): Promise<void>;
  /** The background watch of the watched dialogs: started by the shell once the window is up, paused while the computer sleeps. */
  readonly watch: Pick<WatchService, 'start' | 'pause' | 'resume'>;
  /** Every secret the saved accounts hold: for the log to leave out. Never crosses IPC. */
  knownSecrets(): string[];
  dispose(): Promise<void>;
}

async function startBundledDemo(): Promise<Emulator> {
  // Loaded on demand: most sessions never open the demo, and start-up stays light.
  const { startEmulator } = await import('../emulator/index');
  return startEmulator({ recordRequests: false });
}

export function createMainApi(deps: MainApiDeps): MainApi {
  const log = deps.log ?? NO_LOG;
  const live = new LiveSettings(deps.store, deps.preferredLanguages);
  const accounts = new AccountStore(deps.store, deps.secrets);
  const recovered = deps.settingsRecovered;
  const connection = new ConnectionManager({
    store: deps.store,
    secrets: deps.secrets,
    accounts,
    startDemo: deps.startDemo ?? startBundledDemo,
    // Read by every client on every request, so a changed cap applies to the next one.
    clientOptions: { maxAnswerBytes: () => live.maxAnswerBytes(), ...deps.clientOptions },
    // Worded whenever the window asks, in its language then.
    initialNotice: recovered ? () => NOTICES.settingsReset(recovered.movedTo) : null,
  });
  const signIn = new OAuthSignIn({
    accounts,
    // The portal's authorize page, built and checked (https) in OAuthSignIn.
    openExternal: (url) => deps.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    // A new client is made on the next lookup, on the tokens just saved.
    signedIn: (id) => connection.useAccount(id),
    ...(deps.clientOptions?.extraCertificates ? { extraCertificates: deps.clientOptions.extraCertificates } : {}),
  });
  const stores = new StoreOpener(deps.store, deps.openStore, log);
  const lines = new LineCache();
  const lookups = new LookupService(() => stores.store(), { log, fetchConversation: () => live.fetchConversation(), lines });
  const bulk = new BulkRuns({
    client: () => connection.client(),
    store: () => stores.store(),
    lines,
    report: (progress) => deps.sendEvent?.('bulkProgress', progress),
  });
  const overview = new OverviewRefresh({ client: () => connection.client(), store: () => stores.store(), lines });
  const inFlight = new LookupsInFlight((progress) => deps.sendEvent?.('lookupProgress', progress));
  // The overview's refreshes on schedule: within the share of the connected account's rate, after the user's lookups.
  const overviewRefresher = new OverviewRefresher({
    refresh: overview,
    settings: () => readSettings(deps.store),
    connected: async () => {
      const client = await connection.client();
      const account = accountOf(client.portal);
      const saved = accounts.list().filter((one) => one.host === account);
      return { account, plan: saved.find((one) => one.current)?.plan ?? saved[0]?.plan ?? 'standard' };
    },
    userBusy: () => inFlight.running > 0,
    onSchedule: (schedule) => deps.sendEvent?.('overviewSchedule', schedule),
    onRefreshed: (refreshed) => deps.sendEvent?.('overviewRefreshed', refreshed),
  });
  const commands = new AppCommandQueue();
  const clientOptions = { maxAnswerBytes: () => live.maxAnswerBytes(), ...deps.clientOptions };
  // A saved account that is not the connected one is watched through a client
  // of its own; the connected one through the connection's, so lookups and the
  // watch share one rate limiter (and one OAuth refresher).
  const watchClients = new Map<string, PortalClient>();
  const dropWatchClient = (id: string) => {
    watchClients.get(id)?.close();
    watchClients.delete(id);
  };
  const watchClientFor = async (account: string): Promise<WatchClient | null> => {
    const current = await connection.client().catch(() => null);
    const saved = accounts.list().filter((one) => one.host === account);
    if (current && accountOf(current.portal) === account) {
      for (const one of saved) dropWatchClient(one.id);
      return { client: current, plan: saved.find((one) => one.current)?.plan ?? saved[0]?.plan ?? 'standard' };
    }
    if (account === 'demo') throw inspectorError('NOT_CONNECTED', { message: messages().errors.connection.watchNotConnected(account) });
    const chosen = saved.find((one) => one.state === 'ready') ?? saved[0];
    for (const [id] of watchClients) if (!accounts.find(id)) dropWatchClient(id);
    if (!chosen) return null;
    let client = watchClients.get(chosen.id);
    if (!client) {
      client = clientForAccount(accounts, chosen.id, clientOptions);
      watchClients.set(chosen.id, client);
    }
    return { client, plan: chosen.plan };
  };
  // A watched dialog's changes as desktop notifications, by the settings; clicking one looks the
  // dialog up when it is the connected portal's, opens its kept copy when it is another's, and
  // brings the window forward either way.
  const notices = new WatchNotices({
    show: (notice) =>
      deps.notify?.({
        title: notice.title,
        body: notice.body,
        onClick: () => {
          void connection.state().then(({ portal }) => {
            const command = noticeCommand(notice, portal ? accountOf(portal) : null);
            if (command) commands.push(command);
          });
        },
      }),
    settings: () => readSettings(deps.store),
    nameOf: async (account, chatId) => {
      const name = (await stores.store())?.findDialog(account, { param: 'CHAT_ID', value: chatId })?.dialog['name'];
      return typeof name === 'string' && name !== '' ? name : null;
    },
  });
  const watch = new WatchService({
    store: () => stores.store(),
    clientFor: watchClientFor,
    settings: () => readSettings(deps.store),
    userBusy: () => inFlight.running > 0,
    onChange: (event) => deps.sendEvent?.('watchChange', event),
    onStatus: (status) => deps.sendEvent?.('watchStatus', status),
    listRules: () => {
      const { watchNotify, watchWaitMinutes } = readSettings(deps.store);
      return listRules(watchNotify, watchWaitMinutes);
    },
    onFired: (event) => void notices.fired(event),
    lines,
  });

  const handlers = {
    ...lookupHandlers({ client: () => connection.client(), savedPortals: () => accounts.list(), lookups, inFlight }),
    ...connectionHandlers(connection),
    ...accountHandlers(accounts, connection),
    ...signInHandlers(signIn),
    ...settingsHandlers({
      store: deps.store,
      live,
      stores,
      changed: (settings) => {
        notices.settingsChanged();
        overviewRefresher.settingsChanged();
        deps.settingsChanged?.(settings);
      },
    }),
    ...historyHandlers({ stores, connection, lookups }),
    ...conversationHandlers({ client: () => connection.client(), connection, stores, lines, log }),
    ...appHandlers({ commands, connection, openExternal: deps.openExternal, writeClipboard: deps.writeClipboard, logFile: deps.logFile ?? null }),
    ...bulkHandlers(bulk, stores),
    ...exportHandlers({ chooseSaveFile: deps.chooseSaveFile ?? (async () => null), stores, connection, lookups, runs: bulk, overview }),
    ...listFileHandlers({ chooseOpenFile: deps.chooseOpenFile ?? (async () => null) }),
    ...overviewHandlers(overviewRefresher),
    ...watchHandlers({ watch, stores, connection, lines }),
  } satisfies Handlers;

  const openLink = deepLinkOpener({
    numberAs: () => readSettings(deps.store).numberAs,
    accounts: () => accounts.list(),
    useAccount: (id) => connection.useAccount(id),
    push: (command) => {
      if (command.kind === 'link-refused') log.warn('link-refused', { code: command.error.code, message: command.error.message });
      commands.push(command);
    },
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
      const envelope = toEnvelope(error);
      // The window only says "something went wrong": the cause is for the log, scrubbed there.
      if (envelope.code === 'INTERNAL') log.error('internal-error', { channel, cause: describeCause(error) });
      return { ok: false, error: envelope };
    }
  }

  return {
    channels: Object.keys(handlers) as Channel[],
    commands,
    watch: { start: () => watch.start(), pause: () => watch.pause(), resume: () => watch.resume() },
    // Not a channel: links come from the OS through the shell, never from the page.
    // A refusal is worded in the user's language, as an answer would be.
    openDeepLink: (url) => inLanguage(live.language(), () => openLink(url)),
    knownSecrets: () => accounts.everySecret(),
    dispatch(channel, args) {
      // Every text made while answering (errors, labels, notices) is in the user's language.
      return inLanguage(live.language(), () => dispatchOne(channel, args));
    },
    async dispose() {
      inFlight.cancelAll();
      bulk.cancelAll();
      await overviewRefresher.dispose();
      await watch.dispose();
      for (const [id] of watchClients) dropWatchClient(id);
      await signIn.cancel();
      await connection.dispose();
      await stores.close();
    },
  };
}

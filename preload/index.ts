// The bridge: one frozen object on `window.inspector`, one named method per
// operation. The renderer never sees ipcRenderer, a channel name, or a generic
// invoke, so a compromised page can only ask for what these methods ask for.
import { contextBridge, ipcRenderer } from 'electron';
import {
  API_CHANNELS,
  API_GLOBAL,
  EVENT_CHANNELS,
  type AppCommand,
  type ArgsOf,
  type Channel,
  type InspectorApi,
  type Result,
  type ResultOf,
} from './api-contract';

function invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  return ipcRenderer.invoke(channel, args) as Promise<Result<ResultOf<C>>>;
}

const api: InspectorApi = Object.freeze({
  parseIdentifier: (request) => invoke(API_CHANNELS.parseIdentifier, request),
  lookup: (request) => invoke(API_CHANNELS.lookup, request),
  lookupProgress: (request) => invoke(API_CHANNELS.lookupProgress, request),
  cancelLookup: (request) => invoke(API_CHANNELS.cancelLookup, request),
  getConnection: () => invoke(API_CHANNELS.getConnection, undefined),
  useWebhook: (request) => invoke(API_CHANNELS.useWebhook, request),
  useDemo: () => invoke(API_CHANNELS.useDemo, undefined),
  disconnect: () => invoke(API_CHANNELS.disconnect, undefined),
  probeConnection: () => invoke(API_CHANNELS.probeConnection, undefined),
  listAccounts: () => invoke(API_CHANNELS.listAccounts, undefined),
  useAccount: (request) => invoke(API_CHANNELS.useAccount, request),
  renameAccount: (request) => invoke(API_CHANNELS.renameAccount, request),
  setAccountPlan: (request) => invoke(API_CHANNELS.setAccountPlan, request),
  removeAccount: (request) => invoke(API_CHANNELS.removeAccount, request),
  beginSignIn: (request) => invoke(API_CHANNELS.beginSignIn, request),
  finishSignIn: () => invoke(API_CHANNELS.finishSignIn, undefined),
  pasteSignInCode: (request) => invoke(API_CHANNELS.pasteSignInCode, request),
  cancelSignIn: () => invoke(API_CHANNELS.cancelSignIn, undefined),
  getSettings: () => invoke(API_CHANNELS.getSettings, undefined),
  updateSettings: (patch) => invoke(API_CHANNELS.updateSettings, patch),
  openPortalLink: (request) => invoke(API_CHANNELS.openPortalLink, request),
  copyText: (request) => invoke(API_CHANNELS.copyText, request),
  listHistory: (query) => invoke(API_CHANNELS.listHistory, query),
  setHistoryPinned: (request) => invoke(API_CHANNELS.setHistoryPinned, request),
  deleteHistoryEntry: (request) => invoke(API_CHANNELS.deleteHistoryEntry, request),
  clearHistory: (request) => invoke(API_CHANNELS.clearHistory, request),
  historyStatus: () => invoke(API_CHANNELS.historyStatus, undefined),
  searchDialogs: (query) => invoke(API_CHANNELS.searchDialogs, query),
  openCachedDialog: (request) => invoke(API_CHANNELS.openCachedDialog, request),
  takeCommands: () => invoke(API_CHANNELS.takeCommands, undefined),
  onCommand: (listener) => {
    // The page gets the command alone, never the IPC event (whose `sender` reaches ipcRenderer).
    const relay = (_event: unknown, command: AppCommand) => listener(command);
    ipcRenderer.on(EVENT_CHANNELS.command, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNELS.command, relay);
    };
  },
} satisfies InspectorApi);

contextBridge.exposeInMainWorld(API_GLOBAL, api);

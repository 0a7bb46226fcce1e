// The real main-process API over a real settings file in a temp folder, with
// the emulator's certificate trusted: what the app runs, minus Electron.
import { createMainApi, type MainApi, type MainApiDeps } from '../../main/api/create-main-api';
import { openFileStore } from '../../main/api/file-store';
import type { KeyValueStore } from '../../main/api/settings';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '../../main/emulator/index';
import type { SaveFileOptions } from '../../main/export/export-types';
import type { PortalClientOptions, RateLimit } from '../../main/rest/portal-client';
import type { Settings } from '../../preload/api-contract';
import { InspectorStore } from '../../main/store/index';
import { logFileOf, openFileLog } from '../../main/log/file-log';
import { makeTempDir } from './temp-dir';
import { testCipher } from './test-cipher';

export interface Harness {
  api: MainApi;
  store: KeyValueStore;
  dataDir: string;
  opened: string[];
  copied: string[];
  /** What each save dialog was opened with; the user picks the offered name in `saved/`. */
  saves: SaveFileOptions[];
  cipher: ReturnType<typeof testCipher>;
  reopen(): MainApi;
  dispose(): Promise<void>;
}

export async function startHarness(
  emulator: Pick<Emulator, 'certificate'> | null,
  options: {
    canPersist?: boolean;
    openStore?: () => InspectorStore;
    rateLimit?: RateLimit | false;
    settingsChanged?: MainApiDeps['settingsChanged'];
    preferredLanguages?: MainApiDeps['preferredLanguages'];
    sendEvent?: MainApiDeps['sendEvent'];
    /** Writes main's log to logs/main.log in the data folder, as the app does. */
    logToFile?: boolean;
    /** The clipboard fails with this message (an unexpected failure, INTERNAL). */
    clipboardFailure?: string;
    /** The portal clients' deadline and answer cap, when not the defaults below. */
    clientOptions?: Pick<PortalClientOptions, 'timeoutMs' | 'maxAnswerBytes'>;
    /** The user's answer to the save dialog, when not "the offered name in saved/". */
    chooseSaveFile?: MainApiDeps['chooseSaveFile'];
    /** The user's answer to the open dialog; without one the dialog is closed (null). */
    chooseOpenFile?: MainApiDeps['chooseOpenFile'];
    /** Settings saved before the app starts. */
    settings?: Partial<Settings>;
  } = {},
): Promise<Harness> {
  const { dir, remove } = await makeTempDir();
  const saved = openFileStore(dir);
  for (const [key, value] of Object.entries(options.settings ?? {})) saved.set(`settings.${key}`, value);
  const opened: string[] = [];
  const copied: string[] = [];
  const saves: SaveFileOptions[] = [];
  const cipher = testCipher(options.canPersist ?? true);
  // Scrubbed of the secrets of whichever API was made last, as the app's log is of its one API.
  const log = options.logToFile ? await openFileLog({ file: logFileOf(dir, 'main'), secrets: () => apis.at(-1)?.knownSecrets() ?? [] }) : undefined;
  const apis: MainApi[] = [];
  const make = (): MainApi => {
    const api = createMainApi({
      store: openFileStore(dir),
      secrets: cipher,
      openExternal: async (url) => {
        opened.push(url);
      },
      writeClipboard: (text) => {
        if (options.clipboardFailure !== undefined) throw new Error(options.clipboardFailure);
        copied.push(text);
      },
      chooseSaveFile: async (offered) => {
        saves.push(offered);
        if (options.chooseSaveFile) return options.chooseSaveFile(offered);
        await mkdir(join(dir, 'saved'), { recursive: true });
        return join(dir, 'saved', offered.defaultName);
      },
      ...(options.chooseOpenFile ? { chooseOpenFile: options.chooseOpenFile } : {}),
      openStore: options.openStore ?? ((storeOptions) => InspectorStore.open(dir, storeOptions)),
      clientOptions: { extraCertificates: emulator ? [emulator.certificate] : [], rateLimit: options.rateLimit ?? false, timeoutMs: 5_000, ...options.clientOptions },
      ...(options.settingsChanged ? { settingsChanged: options.settingsChanged } : {}),
      ...(options.preferredLanguages ? { preferredLanguages: options.preferredLanguages } : {}),
      ...(options.sendEvent ? { sendEvent: options.sendEvent } : {}),
      ...(log ? { log, logFile: logFileOf(dir, 'main') } : {}),
    });
    apis.push(api);
    return api;
  };
  const api = make();
  return {
    api,
    store: openFileStore(dir),
    dataDir: dir,
    opened,
    copied,
    saves,
    cipher,
    reopen: make,
    async dispose() {
      await Promise.all(apis.map((each) => each.dispose()));
      await remove();
    },
  };
}

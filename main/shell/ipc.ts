// Registers every channel of the API with ipcMain. Each message is answered
// only when it comes from the app's own top-level page; the argument is then
// checked by the dispatcher against the contract's schema.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { MainApi } from '../api/create-main-api';
import { describeCause, NO_LOG, type AppLog } from '../core/app-log';
import { errorEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { isAppUrl } from './window';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  // A frame can be gone by the time its message is handled; and only the
  // top-level page may speak, never an iframe inside it.
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appOrigins);
}

/**
 * `api` may still be loading: the handlers are registered before the window
 * opens (the page may ask at once), and each waits for the API it needs. The
 * channels are the contract's (API_CHANNELS), which the API implements to the
 * letter (test/shell/ipc-sender-check.test.ts).
 */
export function registerIpc(
  ipcMain: IpcMain,
  api: Promise<MainApi>,
  channels: readonly string[],
  appOrigins: readonly string[],
  log: AppLog = NO_LOG,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(event, appOrigins)) {
        // Where it came from, without its query: only the app's own page may speak.
        const frame = event.senderFrame;
        log.warn('ipc-refused', { channel, from: frame ? frame.url.split(/[?#]/)[0] : '(a frame that is gone)', topLevel: frame ? frame.parent === null : null });
        return { ok: false, error: errorEnvelope('INVALID_ARGUMENT', { message: messages().errors.api.notFromWindow }) };
      }
      let ready: MainApi;
      try {
        ready = await api;
      } catch (error) {
        // The API could not be made (a module failed to load): every call says so, none hangs.
        log.error('api-unavailable', { channel, cause: describeCause(error) });
        return { ok: false, error: errorEnvelope('INTERNAL') };
      }
      return ready.dispatch(channel, args);
    });
  }
}

// `openlines-inspector watch <identifier>...`: the watch's refresh cycle in the
// foreground. Changes go to stdout, one line each (or one JSON object per
// dialog and refresh), everything else to stderr; trouble is said once and the
// watch goes on. Ctrl+C (or SIGTERM) ends it cleanly, exit 0.
import { accountOf } from '../api/lookup-service';
import { describeCause } from '../core/app-log';
import type { DialogQuery } from '../core/dialog-types';
import { toEnvelope } from '../core/error-codes';
import { parseIdentifier } from '../core/identifier';
import { messages } from '../core/messages/index';
import { refuseLinkToOtherPortal } from '../core/other-portal-link';
import { WatchCycle, type WatchTarget } from '../watch/watch-cycle';
import { runWatchLoop } from '../watch/watch-loop';
import type { Streams, WatchOptions } from './cli-options';
import { formatError } from './format-human';
import { watchJsonLine, watchNotice, watchTextLines } from './format-watch';
import { openCliLog, openClientOrSay } from './lookup-command';
import { savedPortals } from './open-accounts';
import { tryOpenStore } from './open-store';

/** The process's own stop: Ctrl+C or a polite kill. */
function processStop(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export async function runWatch(options: WatchOptions, { out, err, stop }: Streams): Promise<number> {
  // Every identifier is read before anything is asked: a typo ends the watch before it starts.
  const queries: Array<{ input: string; query: DialogQuery }> = [];
  for (const input of options.ids) {
    try {
      queries.push({ input, query: parseIdentifier(input, options.numberAs) });
    } catch (error) {
      err.write(`${formatError(input, toEnvelope(error))}\n`);
      return 2;
    }
  }
  const connection = await openClientOrSay(options, err);
  if (typeof connection === 'number') return connection;
  const { client } = connection;
  const targets: WatchTarget[] = [];
  try {
    const saved = savedPortals(options.dataDir);
    for (const { input, query } of queries) {
      refuseLinkToOtherPortal(query, client.portal, saved, 'terminal');
      targets.push({ input, query });
    }
  } catch (error) {
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    client.close();
    await connection.demo?.close();
    return 2;
  }
  const { store } = options.history ? tryOpenStore(options.dataDir, err) : { store: null };
  const log = await openCliLog(options, err);
  const ending = stop ? { signal: stop, release: () => undefined } : processStop();
  const cycle = new WatchCycle(targets, { client, account: accountOf(client.portal), store, options: { signal: ending.signal } });
  const says = messages().cli.watch;
  err.write(`${says.started(targets.length, client.portal.host, client.portal.demo, String(options.intervalMs / 1000))}\n`);
  try {
    const { cycles } = await runWatchLoop(() => cycle.refresh(), {
      intervalMs: options.intervalMs,
      signal: ending.signal,
      onEvent: (event) => {
        if (event.type === 'changed') {
          out.write(options.json ? `${watchJsonLine(event)}\n` : `${watchTextLines(event).join('\n')}\n`);
          return;
        }
        if (event.type === 'portal-failed' || event.type === 'dialog-failed') log.warn('watch-trouble', { code: event.error.code });
        const notice = watchNotice(event);
        if (notice !== null) err.write(`${notice}\n`);
      },
    });
    err.write(`${says.stopped(cycles)}\n`);
    return 0;
  } catch (error) {
    const envelope = toEnvelope(error);
    log.error('internal-error', { cause: describeCause(error) });
    err.write(`${formatError(null, envelope)}\n`);
    return 1;
  } finally {
    ending.release();
    client.close();
    store?.close();
    await connection.demo?.close();
  }
}

// Where a bench window's portal runs. A real portal is another machine: the
// emulator in the bench's own process shares main's heap and event loop, so
// its work and its garbage collections land inside main's timings (for a
// 5,000-message answer, about as much as main's own). A bench that times main
// against a heavy answer starts it in a process of its own instead.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Emulator, EmulatorOptions } from '../../main/emulator/index';

export interface BenchPortal {
  readonly certificate: string;
  webhookUrl(): string;
  /** The portal's own time answering (building and writing), summed over every request so far. */
  answeredMs(): Promise<number>;
  close(): Promise<void>;
}

/** The emulator where the bench runs. */
export function portalInProcess(emulator: Emulator): BenchPortal {
  return {
    certificate: emulator.certificate,
    webhookUrl: () => emulator.webhookUrl(),
    answeredMs: async () => emulator.requests.reduce((sum, request) => sum + request.answeredInMs, 0),
    close: () => emulator.close(),
  };
}

type ChildMessage = { kind: 'ready'; url: string; certificate: string } | { kind: 'answered'; ms: number };

/** The emulator in a child process; `options` must be plain data. */
export async function startPortalProcess(options: EmulatorOptions): Promise<BenchPortal> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./portal-process-child.ts', import.meta.url)), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <K extends ChildMessage['kind']>(kind: K): Promise<Extract<ChildMessage, { kind: K }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage): void => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<ChildMessage, { kind: K }>);
      };
      const onExit = (code: number | null): void => {
        child.off('message', onMessage);
        reject(new Error(`bench: the portal process ended (${code}) before it answered`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  return {
    certificate: ready.certificate,
    webhookUrl: () => ready.url,
    async answeredMs() {
      const answer = next('answered');
      child.send({ kind: 'answered' });
      return (await answer).ms;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

// Starts store-lock-child.ts and waits until it holds the lock; release() lets
// go and waits for the child to end, stop() kills it (for afterEach).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./store-lock-child.ts', import.meta.url));

export interface LockHolder {
  release(): Promise<void>;
  stop(): void;
}

function waitFor(child: ChildProcessWithoutNullStreams, word: string, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(word)) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before "${word}": ${stderr()}`)));
  });
}

export async function holdLock(file: string, mode: 'write' | 'exclusive'): Promise<LockHolder> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(child, 'locked', () => stderr);
  return {
    async release() {
      const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const released = waitFor(child, 'released', () => stderr);
      child.stdin.write('release\n');
      await released;
      await ended;
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

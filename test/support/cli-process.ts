// The built `openlines-inspector` binary, spawned as a user would run it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first line of stdout matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  /** Resolves with the first stderr text matching `pattern`. */
  stderrMatching(pattern: RegExp): Promise<string>;
  done: Promise<CliRun>;
}

/**
 * `home` stands in for the user's config folder, so the default data folder
 * is never the real one. NODE_EXTRA_CA_CERTS is cleared unless given.
 */
export function startCli(args: string[], home: string, env: Record<string, string> = {}): CliProcess {
  if (!existsSync(CLI)) throw new Error('Build first: npm run build (npm test does it)');
  const homeEnv = { XDG_CONFIG_HOME: path.join(home, 'config'), APPDATA: path.join(home, 'appdata') };
  // English unless a test asks otherwise, whatever this machine's locale.
  const locale = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...homeEnv, ...locale, ...env, NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS ?? '' } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((waiter) => waiter());
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    wake();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    wake();
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      wake();
      resolve({ code, stdout, stderr });
    });
  });
  const waitFor = (read: () => string | undefined, what: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = read();
        if (found !== undefined) return resolve(found);
        if (child.exitCode !== null) return reject(new Error(`CLI ended (${child.exitCode}) before ${what}:\n${stdout}\n${stderr}`));
        waiters.push(check);
      };
      check();
    });
  return {
    child,
    line: (pattern) => waitFor(() => stdout.split('\n').slice(0, -1).find((line) => pattern.test(line)), `a line matching ${pattern}`),
    stderrMatching: (pattern) => waitFor(() => (pattern.test(stderr) ? stderr : undefined), `stderr matching ${pattern}`),
    done,
  };
}

export function runCli(args: string[], home: string, env: Record<string, string> = {}): Promise<CliRun> {
  const cli = startCli(args, home, env);
  cli.child.stdin.end();
  return cli.done;
}

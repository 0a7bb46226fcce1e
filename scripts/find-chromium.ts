// Which Chromium the browser tests drive, and what to do when there is none.
//
//   node --import tsx scripts/find-chromium.ts --check
//
// is the first step of `npm test`: it names the Chromium it found, or installs
// one where it can (Debian's package as root or with passwordless sudo,
// otherwise Playwright's own download), or stops at once with one line that
// says what to run. playwright.config.ts asks the same question through
// chromiumForTests().
//
// Where it looks, in order:
//   1. CHROMIUM_PATH, then PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: taken as given,
//      and an error when the file is not there (no silent fallback);
//   2. the system's Chromium or Chrome at the usual places of each platform;
//   3. Playwright's own download (`npx playwright install chromium`), if present.
//
// decideChromium() is the whole decision, a pure function of the facts it is
// given, and checkChromium() the --check run around it with the machine passed
// in; test/unit/find-chromium.test.ts covers both without installing anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The variables that name a Chromium, the first set one wins. */
export const PATH_VARIABLES = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const;

export interface ChromiumFacts {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Whether an executable file is there. */
  exists(path: string): boolean;
  /** Where Playwright's own Chromium download is or would be; undefined when Playwright cannot say. */
  playwrightExecutable(): string | undefined;
  /** ID and ID_LIKE of /etc/os-release, lower case (e.g. ['debian'], ['ubuntu', 'debian']); [] elsewhere. */
  distro: readonly string[];
  /** Running as root (uid 0). */
  root: boolean;
  /** `sudo -n true` succeeds: asked only when the answer matters. */
  passwordlessSudo(): boolean;
}

export interface Install {
  /** The commands, each an argv, run one after the other. */
  steps: string[][];
  /** The same as a person would type it. */
  shown: string;
}

export type ChromiumDecision =
  | { kind: 'use'; path: string; from: string }
  /** None found: run `install`, look again; if still none, print `message`. */
  | { kind: 'install'; install: Install; message: string }
  /** Nothing to try: print `message` and stop. */
  | { kind: 'stop'; message: string };

/** Where Chromium or Chrome is installed by the system's usual means. */
export function systemCandidates(platform: NodeJS.Platform, env: ChromiumFacts['env']): string[] {
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'];
    return roots
      .filter((root): root is string => Boolean(root))
      .flatMap((root) => [win32.join(root, 'Chromium', 'Application', 'chrome.exe'), win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  }
  return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map((name) => posix.join('/usr/bin', name));
}

function apt(sudo: boolean): Install {
  // sudo drops the environment, where the root's run keeps DEBIAN_FRONTEND.
  const prefix = sudo ? ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'] : [];
  const typed = sudo ? 'sudo ' : '';
  return {
    steps: [
      [...prefix, 'apt-get', 'update'],
      [...prefix, 'apt-get', 'install', '-y', 'chromium'],
    ],
    shown: `${typed}apt-get update && ${typed}apt-get install -y chromium`,
  };
}

function playwright(withDeps: boolean): Install {
  const args = ['playwright', 'install', ...(withDeps ? ['--with-deps'] : []), 'chromium'];
  return { steps: [['npx', ...args]], shown: `npx ${args.join(' ')}` };
}

function missing(run: string): string {
  return `No Chromium for the browser tests: run \`${run}\` (or set CHROMIUM_PATH to a Chromium or Chrome executable), then npm test again.`;
}

/** The whole decision: which Chromium to use, or how to get one, or the one line to stop with. */
export function decideChromium(facts: ChromiumFacts): ChromiumDecision {
  for (const name of PATH_VARIABLES) {
    const value = facts.env[name]?.trim();
    if (!value) continue;
    if (facts.exists(value)) return { kind: 'use', path: value, from: name };
    return { kind: 'stop', message: `${name} is ${value}, which is not an executable file: point it at a Chromium or Chrome executable, or unset it.` };
  }

  const system = systemCandidates(facts.platform, facts.env).find((path) => facts.exists(path));
  if (system) return { kind: 'use', path: system, from: 'the system' };

  const downloaded = facts.playwrightExecutable();
  if (downloaded && facts.exists(downloaded)) return { kind: 'use', path: downloaded, from: "Playwright's download" };

  if (facts.platform === 'linux') {
    // Ubuntu's `chromium` package is only a way to the snap, which does not
    // install in containers and whose confinement gets in Playwright's way:
    // Playwright's own build there, with its libraries when it may install them.
    const ubuntu = facts.distro.includes('ubuntu');
    const debian = !ubuntu && facts.distro.includes('debian') && facts.exists('/usr/bin/apt-get');
    if (debian) {
      if (facts.root) return { kind: 'install', install: apt(false), message: missing(apt(false).shown) };
      if (facts.passwordlessSudo()) return { kind: 'install', install: apt(true), message: missing(apt(true).shown) };
      // Playwright's download needs no root; should it fail, the line still
      // names sudo and apt-get: a person can type the password.
      return { kind: 'install', install: playwright(false), message: missing(apt(true).shown) };
    }
    if (ubuntu && (facts.root || facts.passwordlessSudo())) {
      return { kind: 'install', install: playwright(true), message: missing(playwright(true).shown) };
    }
  }
  return { kind: 'install', install: playwright(false), message: missing(playwright(false).shown) };
}

// ---- The facts of this machine ----

const requireHere = createRequire(import.meta.url);

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readDistro(): string[] {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return [...text.matchAll(/^(?:ID|ID_LIKE)=["']?([^"'\n]*)["']?$/gm)].flatMap((match) => (match[1] ?? '').toLowerCase().split(/\s+/).filter(Boolean));
  } catch {
    return [];
  }
}

export function machineFacts(): ChromiumFacts {
  return {
    env: process.env,
    platform: process.platform,
    exists: isExecutableFile,
    playwrightExecutable() {
      try {
        const { chromium } = requireHere('@playwright/test') as typeof import('@playwright/test');
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    distro: process.platform === 'linux' ? readDistro() : [],
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    passwordlessSudo: () => existsSync('/usr/bin/sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5_000 }).status === 0,
  };
}

/** The Chromium the browser tests launch; throws the one-line message when there is none. */
export function chromiumForTests(facts: ChromiumFacts = machineFacts()): string {
  const decision = decideChromium(facts);
  if (decision.kind === 'use') return decision.path;
  throw new Error(decision.message);
}

export interface CheckIo {
  /** The machine as it is now: asked again after an install. */
  facts(): ChromiumFacts;
  /** Runs one command with the terminal; its exit status. */
  run(argv: string[]): number | null;
  out(line: string): void;
  err(line: string): void;
}

/** `--check`: find one, or install one where possible, or stop with one line. Returns the exit status. */
export function checkChromium(io: CheckIo): number {
  const first = decideChromium(io.facts());
  if (first.kind === 'use') {
    io.out(`Browser tests: Chromium from ${first.from}, ${first.path}`);
    return 0;
  }
  if (first.kind === 'stop') {
    io.err(first.message);
    return 1;
  }
  io.out(`No Chromium for the browser tests; installing one: ${first.install.shown}`);
  for (const step of first.install.steps) {
    if (io.run(step) !== 0) break;
  }
  const again = decideChromium(io.facts());
  if (again.kind === 'use') {
    io.out(`Browser tests: Chromium from ${again.from}, ${again.path}`);
    return 0;
  }
  io.err(first.message);
  return 1;
}

const machineIo: CheckIo = {
  facts: machineFacts,
  run: ([command, ...args]) =>
    spawnSync(command!, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    process.exitCode = checkChromium(machineIo);
  } else {
    try {
      console.log(chromiumForTests());
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
  }
}

// Which Chromium the browser tests drive, and what `npm test` does when a
// fresh machine has none: the decision as a pure function of the machine's facts.
import { describe, expect, it } from 'vitest';
import { checkChromium, chromiumForTests, decideChromium, systemCandidates, type ChromiumFacts } from '../../scripts/find-chromium';

const PLAYWRIGHT_BUILD = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

interface Machine {
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  files?: string[];
  distro?: string[];
  root?: boolean;
  sudo?: boolean;
  playwright?: string | undefined;
}

/** A Debian machine, not root, with no browser anywhere, unless told otherwise. */
function machine(overrides: Machine = {}): ChromiumFacts & { sudoAsked: () => number } {
  const files = new Set(overrides.files ?? ['/usr/bin/apt-get']);
  let sudoAsked = 0;
  return {
    env: overrides.env ?? {},
    platform: overrides.platform ?? 'linux',
    exists: (path) => files.has(path),
    playwrightExecutable: () => ('playwright' in overrides ? overrides.playwright : PLAYWRIGHT_BUILD),
    distro: overrides.distro ?? ['debian'],
    root: overrides.root ?? false,
    passwordlessSudo: () => {
      sudoAsked += 1;
      return overrides.sudo ?? false;
    },
    sudoAsked: () => sudoAsked,
  };
}

const APT = ['apt-get', 'update'];
const APT_INSTALL = ['apt-get', 'install', '-y', 'chromium'];
const SUDO = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];

describe('finding a Chromium', () => {
  it('takes CHROMIUM_PATH first, then PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, over the system', () => {
    const files = ['/usr/bin/chromium', '/opt/a/chrome', '/opt/b/chrome'];
    const env = { CHROMIUM_PATH: '/opt/a/chrome', PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/b/chrome' };
    expect(decideChromium(machine({ files, env }))).toEqual({ kind: 'use', path: '/opt/a/chrome', from: 'CHROMIUM_PATH' });
    expect(decideChromium(machine({ files, env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/b/chrome' } }))).toEqual({
      kind: 'use',
      path: '/opt/b/chrome',
      from: 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH',
    });
    // Empty is unset.
    expect(decideChromium(machine({ files, env: { CHROMIUM_PATH: ' ' } }))).toMatchObject({ path: '/usr/bin/chromium' });
  });

  it('stops, without looking elsewhere or installing, when the variable names no file', () => {
    const decision = decideChromium(machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/gone/chrome' }, root: true }));
    expect(decision).toEqual({
      kind: 'stop',
      message: 'CHROMIUM_PATH is /opt/gone/chrome, which is not an executable file: point it at a Chromium or Chrome executable, or unset it.',
    });
  });

  it.each([
    ['/usr/bin/chromium', ['/usr/bin/chromium', '/usr/bin/google-chrome']],
    ['/usr/bin/chromium-browser', ['/usr/bin/chromium-browser', '/usr/bin/google-chrome']],
    ['/usr/bin/google-chrome', ['/usr/bin/google-chrome']],
    ['/usr/bin/google-chrome-stable', ['/usr/bin/google-chrome-stable']],
  ])('on Linux uses %s of %j', (expected, files) => {
    expect(decideChromium(machine({ files }))).toEqual({ kind: 'use', path: expected, from: 'the system' });
  });

  it('knows the usual places on macOS and Windows', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(decideChromium(machine({ platform: 'darwin', files: [chrome], distro: [] }))).toMatchObject({ kind: 'use', path: chrome });

    const env = { LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' };
    expect(systemCandidates('win32', env)).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(systemCandidates('win32', env)).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
    const local = 'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(decideChromium(machine({ platform: 'win32', env, files: [local], distro: [] }))).toMatchObject({ kind: 'use', path: local });
  });

  it("uses Playwright's own download only when it is there, and after the system's", () => {
    expect(decideChromium(machine({ files: [PLAYWRIGHT_BUILD] }))).toEqual({ kind: 'use', path: PLAYWRIGHT_BUILD, from: "Playwright's download" });
    expect(decideChromium(machine({ files: [PLAYWRIGHT_BUILD, '/usr/bin/chromium'] }))).toMatchObject({ path: '/usr/bin/chromium' });
    expect(decideChromium(machine({ files: [] }))).toMatchObject({ kind: 'install' });
    expect(decideChromium(machine({ files: [], playwright: undefined }))).toMatchObject({ kind: 'install' });
  });

  it('does not ask sudo when a Chromium is found', () => {
    const facts = machine({ files: ['/usr/bin/chromium'] });
    decideChromium(facts);
    expect(facts.sudoAsked()).toBe(0);
  });
});

describe('a machine without one', () => {
  it("Debian as root: installs Debian's package", () => {
    expect(decideChromium(machine({ root: true }))).toEqual({
      kind: 'install',
      install: { steps: [APT, APT_INSTALL], shown: 'apt-get update && apt-get install -y chromium' },
      message:
        'No Chromium for the browser tests: run `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome executable), then npm test again.',
    });
  });

  it("Debian with passwordless sudo: installs Debian's package through sudo", () => {
    expect(decideChromium(machine({ sudo: true }))).toEqual({
      kind: 'install',
      install: { steps: [[...SUDO, ...APT], [...SUDO, ...APT_INSTALL]], shown: 'sudo apt-get update && sudo apt-get install -y chromium' },
      message:
        'No Chromium for the browser tests: run `sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome executable), then npm test again.',
    });
  });

  it("Debian without root or sudo: tries Playwright's download, and if that fails says to use sudo", () => {
    const decision = decideChromium(machine({ sudo: false }));
    expect(decision).toMatchObject({ kind: 'install', install: { steps: [['npx', 'playwright', 'install', 'chromium']] } });
    if (decision.kind !== 'install') throw new Error('expected an install');
    expect(decision.message).toContain('run `sudo apt-get update && sudo apt-get install -y chromium`');
  });

  it("Ubuntu, whose chromium package is a snap: Playwright's download, with its libraries when it may install them", () => {
    const ubuntu = { distro: ['ubuntu', 'debian'] };
    expect(decideChromium(machine({ ...ubuntu, root: true }))).toMatchObject({
      kind: 'install',
      install: { steps: [['npx', 'playwright', 'install', '--with-deps', 'chromium']], shown: 'npx playwright install --with-deps chromium' },
    });
    expect(decideChromium(machine({ ...ubuntu, sudo: true }))).toMatchObject({ install: { shown: 'npx playwright install --with-deps chromium' } });
    expect(decideChromium(machine({ ...ubuntu }))).toMatchObject({ install: { shown: 'npx playwright install chromium' } });
  });

  it("a Debian-like system without apt-get, macOS, Windows: Playwright's download", () => {
    const line =
      'No Chromium for the browser tests: run `npx playwright install chromium` (or set CHROMIUM_PATH to a Chromium or Chrome executable), then npm test again.';
    for (const facts of [
      machine({ files: [], root: true }),
      machine({ distro: ['fedora'], root: true }),
      machine({ platform: 'darwin', distro: [], root: true }),
      machine({ platform: 'win32', distro: [] }),
    ]) {
      expect(decideChromium(facts)).toEqual({
        kind: 'install',
        install: { steps: [['npx', 'playwright', 'install', 'chromium']], shown: 'npx playwright install chromium' },
        message: line,
      });
    }
  });

  it('every message is one line', () => {
    const decisions = [
      decideChromium(machine({ root: true })),
      decideChromium(machine({ sudo: true })),
      decideChromium(machine({ distro: ['ubuntu'] })),
      decideChromium(machine({ env: { CHROMIUM_PATH: '/nowhere' } })),
    ];
    for (const decision of decisions) {
      if (decision.kind === 'use') throw new Error('expected no Chromium');
      expect(decision.message).not.toMatch(/\n/);
    }
  });

  it('the Playwright config gets the path, or the message as an error, never an install', () => {
    expect(chromiumForTests(machine({ files: ['/usr/bin/chromium'] }))).toBe('/usr/bin/chromium');
    expect(() => chromiumForTests(machine({ root: true }))).toThrow(/^No Chromium for the browser tests: run `apt-get update/);
  });
});

describe('npm test\'s first step (--check)', () => {
  /** A machine whose commands are recorded; `installs` is what the commands leave behind when they succeed. */
  function run(start: Machine, outcome: { status: number; installs?: string[] }) {
    const files = [...(start.files ?? ['/usr/bin/apt-get'])];
    const ran: string[][] = [];
    const out: string[] = [];
    const err: string[] = [];
    const status = checkChromium({
      facts: () => machine({ ...start, files: [...files] }),
      run: (argv) => {
        ran.push(argv);
        if (outcome.status === 0) files.push(...(outcome.installs ?? []));
        return outcome.status;
      },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { status, ran, out, err };
  }

  it('names the Chromium it found and runs nothing', () => {
    expect(run({ files: ['/usr/bin/chromium'], root: true }, { status: 0 })).toEqual({
      status: 0,
      ran: [],
      out: ['Browser tests: Chromium from the system, /usr/bin/chromium'],
      err: [],
    });
  });

  it("installs Debian's Chromium as root, then goes on with it", () => {
    const result = run({ root: true }, { status: 0, installs: ['/usr/bin/chromium'] });
    expect(result.ran).toEqual([APT, APT_INSTALL]);
    expect(result.out).toEqual([
      'No Chromium for the browser tests; installing one: apt-get update && apt-get install -y chromium',
      'Browser tests: Chromium from the system, /usr/bin/chromium',
    ]);
    expect(result.status).toBe(0);
  });

  it('stops after the first failed command, with the one line on stderr', () => {
    const result = run({ root: true }, { status: 100 });
    expect(result.ran).toEqual([APT]);
    expect(result.status).toBe(1);
    expect(result.err).toEqual([
      'No Chromium for the browser tests: run `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome executable), then npm test again.',
    ]);
  });

  it('stops when the install succeeded but left no Chromium to find', () => {
    const result = run({ platform: 'darwin', distro: [] }, { status: 0, installs: [] });
    expect(result.ran).toEqual([['npx', 'playwright', 'install', 'chromium']]);
    expect(result.status).toBe(1);
    expect(result.err).toHaveLength(1);
  });

  it('installs nothing when CHROMIUM_PATH names no file', () => {
    const result = run({ root: true, env: { CHROMIUM_PATH: '/opt/gone/chrome' } }, { status: 0, installs: ['/usr/bin/chromium'] });
    expect(result).toMatchObject({ status: 1, ran: [], out: [] });
    expect(result.err).toHaveLength(1);
  });
});

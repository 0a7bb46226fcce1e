// .github/workflows/release.yml cannot run here (no GitHub), so this reads it
// as YAML and checks what would make a release go wrong: when it runs, on which
// runners, that every command it runs exists, and that each runner installs the
// native packages for every architecture electron-builder.yml builds for it.
import { access, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// js-yaml comes with electron-builder; it has no bundled types, and `load` is all we use.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  strategy?: { matrix: { include: Array<Record<string, string>> }; 'max-parallel'?: number };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

let workflow: Workflow;
let scripts: Record<string, string>;
let builderConfig: Record<string, { target: Array<{ target: string; arch: string[] }> }>;

beforeAll(async () => {
  workflow = load(await readFile(path.join(projectDir, '.github/workflows/release.yml'), 'utf8')) as Workflow;
  scripts = (JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  builderConfig = load(await readFile(path.join(projectDir, 'electron-builder.yml'), 'utf8')) as typeof builderConfig;
});

const steps = (): Array<Step & { job: string }> => Object.entries(workflow.jobs).flatMap(([job, each]) => each.steps.map((step) => ({ ...step, job })));
const commands = (): string[] =>
  steps()
    .flatMap((step) => (step.run ?? '').split(/\n|&&/))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

describe('the release workflow', () => {
  it('runs on a pushed v* tag, and on nothing else', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('may write releases, nothing more', () => {
    expect(workflow.permissions).toEqual({ contents: 'write' });
  });

  it('builds on Linux, Windows and macOS runners, after the tests', () => {
    const installers = workflow.jobs.installers!;
    expect(installers.needs).toBe('test');
    expect(installers['runs-on']).toBe('${{ matrix.os }}');
    expect(installers.strategy!.matrix.include.map((entry) => entry.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it('runs the whole npm test on Debian, through .ci/run (Debian’s Chromium for the browser tests)', async () => {
    const test = workflow.jobs.test!;
    expect(test.container).toMatch(/^node:20-bookworm$/);
    expect(test.steps.map((step) => step.run).filter(Boolean)).toEqual(['.ci/run']);
    const ciRun = await readFile(path.join(projectDir, '.ci/run'), 'utf8');
    expect(ciRun).toMatch(/^npm ci\b/m);
    expect(ciRun).toMatch(/^npm test$/m);
    expect((await stat(path.join(projectDir, '.ci/run'))).mode & 0o111).not.toBe(0);
  });

  it('every job checks out and sets up Node 20 with the npm cache', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.steps[0]?.uses, name).toBe('actions/checkout@v4');
      expect(job.steps[1], name).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } });
    }
  });

  it('every command it runs exists: npm scripts from package.json, npm ci and install, .ci/run', async () => {
    const all = commands();
    expect(all.length).toBeGreaterThan(0);
    for (const command of all) {
      const script = /^npm run ([\w:-]+)(?: -- .*)?$/.exec(command)?.[1];
      if (script) {
        expect(scripts, command).toHaveProperty([script]);
      } else if (command === 'npm test') {
        expect(scripts, command).toHaveProperty(['test']);
      } else if (command === '.ci/run') {
        await expect(access(path.join(projectDir, '.ci/run'))).resolves.toBeUndefined();
      } else {
        expect(command, 'an unexpected command').toMatch(/^npm (ci|install --no-save --force \$\{\{ matrix\.natives \}\})$/);
      }
    }
    // The ones a release depends on.
    expect(all).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm run release', 'npm run test:pure']));
    expect(scripts.release).toBe('electron-builder --publish always');
  });

  it('publishes with the GitHub token; signing secrets are optional', () => {
    const release = steps().find((step) => step.run === 'npm run release')!;
    expect(release.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
    for (const [name, value] of Object.entries(release.env ?? {})) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    // Building before publishing: electron-builder packages out/, it does not build it.
    const order = workflow.jobs.installers!.steps.map((step) => step.run);
    expect(order.indexOf('npm run build')).toBeLessThan(order.indexOf('npm run release'));
  });

  it('each runner installs libsql’s native package for every architecture electron-builder.yml builds there', async () => {
    const libsql = JSON.parse(await readFile(path.join(projectDir, 'node_modules/libsql/package.json'), 'utf8')) as { version: string };
    const platformOf: Record<string, { config: string; native: (arch: string) => string }> = {
      'ubuntu-latest': { config: 'linux', native: (arch) => `@libsql/linux-${arch}-gnu` },
      'windows-latest': { config: 'win', native: (arch) => `@libsql/win32-${arch}-msvc` },
      'macos-latest': { config: 'mac', native: (arch) => `@libsql/darwin-${arch}` },
    };
    for (const entry of workflow.jobs.installers!.strategy!.matrix.include) {
      const platform = platformOf[entry.os!]!;
      const archs = new Set(builderConfig[platform.config]!.target.flatMap((target) => target.arch));
      const wanted = [...archs].map((arch) => `${platform.native(arch)}@${libsql.version}`).sort();
      expect(entry.natives!.split(' ').sort(), entry.os).toEqual(wanted);
    }
  });
});

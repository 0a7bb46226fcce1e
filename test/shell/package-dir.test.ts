// The real `electron-builder --linux dir` over the built out/, offline: the
// Electron it packages is a stub folder whose `electron` file holds nothing but
// Electron's fuse wire, so electron-builder's own fuse-flipping step runs on it
// and we read the result back. Then app.asar is opened with @electron/asar to
// check what ships: the built app and production dependencies, nothing else.
// Real installers (AppImage, deb, nsis, dmg) need downloads from GitHub and are
// built by .github/workflows/release.yml instead.
import { spawn } from 'node:child_process';
import { access, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

// Electron's fuse wire: this sentinel, the wire version (1), the number of fuses,
// then one ASCII '0' or '1' per fuse (see @electron/fuses).
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45's shipped defaults, indexed by FuseV1Options: every fuse our config
// sets starts the other way, so each assertion below proves a flip.
const ELECTRON_DEFAULT_FUSES = '10110001';
const OFF = '0'.charCodeAt(0);
const ON = '1'.charCodeAt(0);
// Anything electron-builder or @electron/get might fetch goes to a closed local port
// instead of GitHub, so an attempted download fails the build rather than the network.
const NOWHERE = 'http://127.0.0.1:9/';

const packageJson = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let work: string;
let appOutDir: string;
let archive: string;
let entries: string[];
let builderOutput: string;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    await access(path.join(projectDir, built)).catch(() => {
      throw new Error(`${built} is missing: run \`npm run build\` first (npm test does). This test packages the built app.`);
    });
  }
  work = await mkdtemp(path.join(tmpdir(), 'openlines-package-dir-'));
  const electronDist = path.join(work, 'electron');
  await mkdir(path.join(electronDist, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\n# stub Electron for packaging tests\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
  ]);
  await writeFile(path.join(electronDist, 'electron'), wire, { mode: 0o755 });

  // An afterPack hook that asks electron-builder's own Linux helper for the
  // .desktop entry the deb and AppImage would install.
  const hook = path.join(work, 'write-desktop-entry.cjs');
  const helper = require.resolve('app-builder-lib/out/targets/LinuxTargetHelper');
  await writeFile(
    hook,
    `const { LinuxTargetHelper } = require(${JSON.stringify(helper)});
const { writeFileSync } = require('node:fs');
const path = require('node:path');
exports.default = async (context) => {
  const entry = await new LinuxTargetHelper(context.packager).computeDesktopEntry(context.packager.platformSpecificBuildOptions);
  writeFileSync(path.join(context.outDir, 'desktop-entry.txt'), entry);
};
`,
  );

  const output = path.join(work, 'dist');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_MIRROR: NOWHERE,
    ELECTRON_BUILDER_BINARIES_MIRROR: NOWHERE,
    ELECTRON_CACHE: path.join(work, 'cache'),
    electron_config_cache: path.join(work, 'cache'),
    HTTP_PROXY: NOWHERE,
    HTTPS_PROXY: NOWHERE,
    http_proxy: NOWHERE,
    https_proxy: NOWHERE,
  };
  // electron-builder stays silent under vitest (it checks VITEST); its log is what shows a download.
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  // Never publish from a test, whatever the environment holds.
  for (const secret of ['GH_TOKEN', 'GITHUB_TOKEN', 'CSC_LINK', 'CSC_KEY_PASSWORD']) delete env[secret];
  const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const result = await run(
    process.execPath,
    [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`, `-c.afterPack=${hook}`],
    env,
  );
  builderOutput = result.output;
  if (result.code !== 0) throw new Error(`electron-builder --dir failed (exit ${result.code}):\n${result.output}`);
  appOutDir = path.join(output, 'linux-unpacked');
  archive = path.join(appOutDir, 'resources', 'app.asar');
  entries = listPackage(archive, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
}, 90_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const has = (entry: string): boolean => entries.includes(entry);

describe('electron-builder --dir, offline', () => {
  it('downloaded nothing', () => {
    expect(builderOutput).not.toMatch(/download|ECONNREFUSED|127\.0\.0\.1:9/i);
    expect(builderOutput).toMatch(/using custom unpacked Electron distribution/);
  });

  it('app.asar holds the built main, preload and renderer, and package.json', () => {
    for (const entry of ['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(has(entry), entry).toBe(true);
    }
    expect(entries.some((entry) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(entry))).toBe(true);
  });

  it('at the top level, nothing but out/, node_modules/ and package.json: no sources, tests, docs, CI or config', () => {
    const top = new Set(entries.map((entry) => `/${entry.split('/')[1]}`));
    expect([...top].sort()).toEqual(['/node_modules', '/out', '/package.json']);
  });

  it('every production dependency is there, with libsql’s JavaScript', () => {
    for (const name of Object.keys(packageJson.dependencies)) {
      expect(has(`/node_modules/${name}/package.json`), name).toBe(true);
    }
    expect(has('/node_modules/libsql/index.js')).toBe(true);
    expect(has('/node_modules/zod/package.json')).toBe(true);
  });

  it('no development dependency is packed (vitest, playwright, svelte, vite, typescript, electron…)', () => {
    const dev = [...Object.keys(packageJson.devDependencies), 'playwright', 'playwright-core', 'vitest', 'svelte', 'vite', 'typescript', 'electron'];
    for (const name of new Set(dev)) {
      expect(
        entries.filter((entry) => entry === `/node_modules/${name}` || entry.includes(`/node_modules/${name}/`)),
        name,
      ).toEqual([]);
    }
  });

  it('no source maps and no TypeScript anywhere, dependencies included', () => {
    expect(entries.filter((entry) => /\.(map|ts|mts|cts)$/.test(entry))).toEqual([]);
  });

  it('native *.node modules are unpacked beside the archive, where Node can load them', async () => {
    const native = entries.filter((entry) => entry.endsWith('.node'));
    expect(native.length).toBeGreaterThan(0);
    for (const entry of native) {
      expect(statFile(archive, entry.slice(1).split('/').join(path.sep)), entry).toMatchObject({ unpacked: true });
      await expect(access(path.join(appOutDir, 'resources', 'app.asar.unpacked', ...entry.slice(1).split('/'))), entry).resolves.toBeUndefined();
    }
  });

  it('tells electron-updater where to look: app-update.yml for the GitHub provider', async () => {
    const updateConfig = await readFile(path.join(appOutDir, 'resources', 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/^provider: github$/m);
    expect(updateConfig).toMatch(/^owner: openlines-inspector$/m);
    expect(updateConfig).toMatch(/^repo: openlines-inspector$/m);
  });

  it('flipped the fuses in the packaged binary, read back from the file', async () => {
    const binary = path.join(appOutDir, 'openlines-inspector');
    const fuses = await getCurrentFuseWire(binary);
    expect(fuses.version).toBe('1');
    const state = (fuse: FuseV1Options) => (fuses as unknown as Record<number, number>)[fuse];
    expect(state(FuseV1Options.RunAsNode), 'runAsNode').toBe(OFF);
    expect(state(FuseV1Options.EnableCookieEncryption), 'cookie encryption').toBe(ON);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable), 'NODE_OPTIONS').toBe(OFF);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments), '--inspect').toBe(OFF);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation), 'ASAR integrity').toBe(ON);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar), 'only load from ASAR').toBe(ON);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges), 'file:// privileges').toBe(OFF);
    // Not configured, so left as Electron ships it.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(OFF);
  });

  it('the Linux .desktop entry claims the openlines-inspector: scheme and passes the link on', async () => {
    const entry = await readFile(path.join(work, 'dist', 'desktop-entry.txt'), 'utf8');
    expect(entry).toMatch(/^MimeType=x-scheme-handler\/openlines-inspector;$/m);
    expect(entry).toMatch(/^Exec="\/opt\/Open Lines Inspector\/openlines-inspector" %U$/m);
    expect(entry).toMatch(/^Name=Open Lines Inspector$/m);
  });
});

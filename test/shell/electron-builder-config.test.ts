// electron-builder has no dry run: this checks electron-builder.yml offline
// with electron-builder's own loader, schema validation and file matcher, with
// Ajv against electron-builder's JSON schema (scheme.json) without type
// coercion, and checks that the icons it names exist with the sizes the
// installers need. test/shell/package-dir.test.ts packages the app for real.
import type { Stats } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { Packager, type Configuration } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
let config: Configuration;

beforeAll(async () => {
  const loaded = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null },
    'electron-builder.yml',
  );
  if (!loaded) throw new Error('electron-builder.yml not found');
  config = loaded.result;
});

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), `${file} is a PNG`).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function filePatterns(): string[] {
  const files = config.files;
  expect(Array.isArray(files)).toBe(true);
  const patterns = (files as unknown[]).filter((each): each is string => typeof each === 'string');
  expect(patterns).toHaveLength((files as unknown[]).length);
  return patterns;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder validation', async () => {
    const packager = new Packager({ projectDir });
    await expect(packager.validateConfig()).resolves.toBeUndefined();
    expect(packager.config.appId).toBe('com.openlinesinspector.app');
    expect(packager.config.productName).toBe('Open Lines Inspector');
  });

  it('matches electron-builder’s JSON schema (scheme.json) under Ajv, strictly and without type coercion', async () => {
    const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    // strict: Ajv refuses any schema keyword it does not know, except `typeof`
    // (ajv-keywords', used by scheme.json for hook functions, which YAML cannot hold).
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'typeof' });
    const validate = ajv.compile(schema);
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true);
    // The same validator refuses what electron-builder would refuse.
    expect(validate({ ...config, publish: [{ provider: 'github', releaseType: 'nightly' }] })).toBe(false);
    expect(validate({ ...config, protocols: [{ name: 'no schemes' }] })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
  });

  it('a broken config is refused by the same validation (the check is live)', async () => {
    const packager = new Packager({ projectDir, config: { electronFuses: { notAFuse: true } } as unknown as Configuration });
    await expect(packager.validateConfig()).rejects.toThrow(/Invalid configuration object[\s\S]*electronFuses/);
  });

  it('names the app, its output and build resources', () => {
    expect(config.appId).toBe('com.openlinesinspector.app');
    expect(config.productName).toBe('Open Lines Inspector');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'assets' });
    expect(config.artifactName).toBe('${productName}-${version}-${os}-${arch}.${ext}');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('declares the openlines-inspector: deep-link scheme, and no file associations', () => {
    expect(config.protocols).toEqual([{ name: 'Open Lines Inspector link', schemes: ['openlines-inspector'] }]);
    expect(config.fileAssociations).toEqual([]);
  });

  it('publishes to GitHub releases (drafts), which electron-updater reads', () => {
    expect(config.publish).toEqual([{ provider: 'github', owner: 'openlines-inspector', repo: 'openlines-inspector', releaseType: 'draft' }]);
  });

  it('flips the Electron fuses that close Node-level back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served from app://, so file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages only the built app: no sources, tests or source maps', () => {
    const patterns = filePatterns();
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'package.json', '!**/*.map']));
    // Every inclusion is the build output or package.json.
    for (const pattern of patterns.filter((each) => !each.startsWith('!'))) {
      expect(['out/**', 'package.json']).toContain(pattern);
    }
    // Run the patterns through electron-builder's own matcher.
    const matcher = new FileMatcher(projectDir, path.join(projectDir, 'app'), (pattern) => pattern, patterns);
    const filter = matcher.createFilter();
    const asFile = { isDirectory: () => false } as Stats;
    const included = (relative: string): boolean => filter(path.join(projectDir, relative), asFile);
    for (const kept of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js']) {
      expect(included(kept), kept).toBe(true);
    }
    for (const dropped of [
      'main/index.ts',
      'main/shell/window.ts',
      'preload/index.ts',
      'renderer/src/App.svelte',
      'test/shell/window-options.test.ts',
      'test/unit/identifier-parsing.test.ts',
      'out/main/index.js.map',
      'out/renderer/assets/index.js.map',
      // TypeScript sources are dropped even under out/ (and in dependencies).
      'out/main/stray.ts',
      'out/main/types.d.mts',
      'electron-builder.yml',
      'tsconfig.json',
      'assets/icon.svg',
    ]) {
      expect(included(dropped), dropped).toBe(false);
    }
  });

  it('builds AppImage and deb, dmg and zip for x64 and arm64, nsis for x64', () => {
    const targets = (platform: 'linux' | 'win' | 'mac') => config[platform]?.target;
    const both = ['x64', 'arm64'];
    expect(targets('linux')).toEqual([
      { target: 'AppImage', arch: both },
      { target: 'deb', arch: both },
    ]);
    expect(targets('win')).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(targets('mac')).toEqual([
      { target: 'dmg', arch: both },
      { target: 'zip', arch: both },
    ]);
    expect(config.linux?.category).toBe('Utility');
    expect(config.linux?.maintainer).toMatch(/\S+ <[^@\s]+@[^@\s]+>/);
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.mac?.category).toBe('public.app-category.developer-tools');
  });

  it('every architecture it builds for has libsql’s native package (the history and cache need it)', async () => {
    const libsql = JSON.parse(await readFile(path.join(projectDir, 'node_modules/libsql/package.json'), 'utf8')) as { version: string; optionalDependencies: Record<string, string> };
    const nativePackage = { linux: (arch: string) => `@libsql/linux-${arch}-gnu`, win: (arch: string) => `@libsql/win32-${arch}-msvc`, mac: (arch: string) => `@libsql/darwin-${arch}` };
    for (const platform of ['linux', 'win', 'mac'] as const) {
      for (const target of config[platform]?.target as Array<{ arch: string[] }>) {
        for (const arch of target.arch) expect(libsql.optionalDependencies[nativePackage[platform](arch)], `${platform} ${arch}`).toBe(libsql.version);
      }
    }
    // Why Windows has no arm64 build.
    expect(libsql.optionalDependencies['@libsql/win32-arm64-msvc']).toBeUndefined();
  });

  it('the Linux icon set it names has every size, each PNG exactly that size', async () => {
    expect(config.linux?.icon).toBe('assets/icons');
    const folder = path.join(projectDir, 'assets/icons');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
    const expected = [16, 32, 48, 64, 128, 256, 512, 1024].map((size) => `${size}x${size}.png`).sort();
    expect(names).toEqual(expected);
    for (const name of names) {
      const size = Number(name.split('x')[0]);
      expect(await pngSize(path.join(folder, name)), name).toEqual({ width: size, height: size });
    }
  });

  it('the macOS and Windows icon it names is a 1024 px PNG', async () => {
    // electron-builder makes the .icns and the .ico (which needs at least 256 px) from it.
    expect(config.mac?.icon).toBe('assets/icon.png');
    expect(config.win?.icon).toBe('assets/icon.png');
    expect(await pngSize(path.join(projectDir, 'assets/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });
});

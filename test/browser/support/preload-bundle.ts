// The real preload source, bundled for the browser with `electron` swapped
// for the shim. Injected with page.addInitScript before the renderer loads.
import { resolve } from 'node:path';
import { build } from 'esbuild';

const REPO = resolve(import.meta.dirname, '../../..');
const SHIM = resolve(import.meta.dirname, 'electron-shim.ts');

export async function bundlePreload(): Promise<string> {
  const output = await build({
    entryPoints: [resolve(REPO, 'preload/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    plugins: [
      {
        name: 'electron-shim',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^electron$/ }, () => ({ path: SHIM }));
        },
      },
    ],
  });
  const file = output.outputFiles[0];
  if (!file) throw new Error('esbuild produced no preload bundle.');
  return file.text;
}

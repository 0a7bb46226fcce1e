import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 20_000, hookTimeout: 30_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{unit,integration,cli,shell}/**/*.test.ts'],
          environment: 'node',
          ...timeouts,
          // electron-store imports `electron`; the shell tests mock it, which only
          // works when vitest bundles electron-store instead of loading it from disk.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        // The page's stores (runes in .svelte.ts) under Node, against a fake
        // `window.inspector`. Compiled and resolved as for the browser, so that
        // $state is Svelte's client signal, as in the window, not the server's plain value.
        plugins: [svelte({ configFile: false, dynamicCompileOptions: () => ({ generate: 'client' }) })],
        resolve: { conditions: ['browser'] },
        ssr: { resolve: { conditions: ['browser'] } },
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/renderer/support/fake-window.ts'],
          ...timeouts,
          // Loaded through vite, so the browser condition picks Svelte's client runtime.
          server: { deps: { inline: ['svelte'] } },
        },
      },
    ],
  },
});

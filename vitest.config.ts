import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,integration,cli,shell}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // electron-store imports `electron`; the shell tests mock it, which only
    // works when vitest bundles electron-store instead of loading it from disk.
    server: { deps: { inline: ['electron-store'] } },
  },
});

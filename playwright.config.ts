import { defineConfig } from '@playwright/test';
import { chromiumForTests } from './scripts/find-chromium';

// Browser tests of the real renderer + real preload + real main-process API,
// in the Chromium scripts/find-chromium.ts finds: CHROMIUM_PATH, the system's
// (Debian's /usr/bin/chromium on this project's machines), or Playwright's own
// download. `npm test` finds or installs one first, then builds; run alone,
// Playwright stops here with the same one line when there is none.
function chromium(): string {
  try {
    return chromiumForTests();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export default defineConfig({
  testDir: 'test/browser',
  // Kept apart from test-results/screenshots so a partial run does not wipe them.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    // Tracing costs ~2 s a test on these machines; it is only worth it on a retry.
    trace: 'on-first-retry',
    screenshot: 'off',
    video: 'off',
    viewport: { width: 1200, height: 820 },
    colorScheme: 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      executablePath: chromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});

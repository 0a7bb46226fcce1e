import { defineConfig } from '@playwright/test';

// Browser tests of the real renderer + real preload + real main-process API,
// in Debian's Chromium (never `npx playwright install`). `npm test` builds first.
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
      executablePath: '/usr/bin/chromium',
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

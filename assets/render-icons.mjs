// Renders the app icon PNGs from assets/icon.svg with a headless Chromium.
//
// Re-run after editing icon.svg, from the repository root:
//
//   node assets/render-icons.mjs
//
// Writes assets/icon.png (1024 px, used for macOS and Windows) and
// assets/icons/<size>x<size>.png (the Linux icon set electron-builder reads).
// Needs Debian's Chromium (`apt-get install chromium`); set CHROMIUM_PATH to
// use another Chromium build.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await mkdir(path.join(here, 'icons'), { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img id="icon" src="${dataUrl}" width="${size}" height="${size}" style="display:block">` +
        `</body></html>`,
    );
    await page.waitForFunction(() => {
      const img = document.getElementById('icon');
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(path.join(here, 'icons', `${size}x${size}.png`), png);
    if (size === 1024) await writeFile(path.join(here, 'icon.png'), png);
    console.log(`icons/${size}x${size}.png`);
  }
} finally {
  await browser.close();
}

// Start-up, measured where it can be here (issue 5: the main bundle ≤ 100 ms,
// the renderer ≤ 300 ms to an interactive lookup field).
// - Main: the built out/main/index.js imported by a fresh Node process with
//   `electron` stubbed (electron-stub/), until it creates its first window;
//   with the synchronous disk calls and network connections made before it.
// - Renderer: the bench window (bench-window.ts: the built page in Debian's
//   Chromium, the real preload, the real main API over the emulator), from
//   navigation to the page's own `inspector:interactive` mark.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBenchWindows } from './bench-window';
import { median, percentile } from './stats';

export interface StartupReport {
  main: { runs: number; firstWindowMedianMs: number; firstWindowP90Ms: number; syncCallsBeforeWindow: string[]; connectionsBeforeWindow: string[] };
  renderer: { runs: number; interactiveMedianMs: number; interactiveP90Ms: number; domContentLoadedMedianMs: number };
}

const STUB = path.join(import.meta.dirname, 'electron-stub');

function mainStartup(root: string, runs: number): StartupReport['main'] {
  const times: number[] = [];
  let last: { syncCalls: string[]; connections: string[] } = { syncCalls: [], connections: [] };
  for (let run = 0; run < runs; run++) {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'oli-startup-'));
    try {
      const child = spawnSync(process.execPath, ['--import', path.join(STUB, 'register.mjs'), path.join(STUB, 'main-startup-child.mjs'), path.join(root, 'out/main/index.js')], {
        encoding: 'utf8',
        env: { ...process.env, OLI_BENCH_USER_DATA: userData, NODE_OPTIONS: '' },
      });
      if (child.status !== 0) throw new Error(`bench: the main start-up child failed: ${child.stderr}`);
      const report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { firstWindowMs: number; syncCalls: string[]; connections: string[] };
      times.push(report.firstWindowMs);
      last = report;
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  }
  return {
    runs,
    firstWindowMedianMs: median(times),
    firstWindowP90Ms: percentile(times, 90),
    syncCallsBeforeWindow: last.syncCalls,
    connectionsBeforeWindow: last.connections,
  };
}

async function rendererStartup(runs: number): Promise<StartupReport['renderer']> {
  const windows = await openBenchWindows();
  try {
    const interactive: number[] = [];
    const domContentLoaded: number[] = [];
    // One more than asked: the first load warms Chromium's own caches and is dropped.
    for (let run = 0; run <= runs; run++) {
      const { page, context } = await windows.open({ width: 1200, height: 820 });
      const marks = (await page.evaluate(
        "({ interactive: performance.getEntriesByName('inspector:interactive')[0].startTime, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })",
      )) as { interactive: number; dcl: number };
      if (run > 0) {
        interactive.push(marks.interactive);
        domContentLoaded.push(marks.dcl);
      }
      await context.close();
    }
    return { runs, interactiveMedianMs: median(interactive), interactiveP90Ms: percentile(interactive, 90), domContentLoadedMedianMs: median(domContentLoaded) };
  } finally {
    await windows.close();
  }
}

export async function benchStartup(root: string, runs: number): Promise<StartupReport> {
  return { main: mainStartup(root, runs), renderer: await rendererStartup(runs) };
}

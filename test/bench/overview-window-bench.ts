// Issue "Many dialogs at once", measured: the overview's table at 10,000 rows
// in Debian's Chromium, the built page, the real preload and main API. Each
// sort (a column header clicked) and each filter (a status, a channel, a line,
// an operator, a grouping, a search typed) is timed from the click or the key
// to the frame after the table was drawn again, in the page's own clock; the
// long tasks while the table is scrolled from top to bottom are counted; and
// the CSV of the 10,000 rows is made and written as main saves it. The page
// is the bench window (bench-window.ts).
//
// The 10,000 rows (MAX_OVERVIEW_ROWS, one refresh's bound) are a real refresh
// of the emulator (3,000 live chats besides the demo's) repeated under new
// chat ids, which keeps the bench to seconds: the bridge answers overview:get
// with them, everything else goes to main as in the app.
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { OverviewResult, OverviewRow } from '../../main/core/overview-types';
import { DEMO_WEBHOOK, demoDataset, demoLiveDialogs } from '../../main/emulator/index';
import { overviewCsv } from '../../main/export/overview-file';
import { saveWhole } from '../../main/export/save-file';
import { openBenchWindows } from './bench-window';
import { median, percentile } from './stats';

export interface TimedAction {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** The rows shown after it, as a check that it did what it says. */
  shown: string;
}

export interface OverviewWindowReport {
  rows: number;
  sorts: TimedAction[];
  filters: TimedAction[];
  scrollLongTasks: number;
  scrollLongestTaskMs: number;
  scrollSteps: number;
  /** From one frame of the scroll to the next (a screen each): 16.7 ms at 60 Hz when nothing is late. */
  scrollFrameMedianMs: number;
  scrollFrameP95Ms: number;
  /** The main thread's time per scroll step: all its tasks, and of them script, layout and style. */
  scrollPerFrameMs: { task: number; script: number; layout: number; style: number };
  csvMedianMs: number;
  csvP95Ms: number;
  csvBytes: number;
  csvRuns: number;
}

const ROWS = 10_000;
const LIVE_CHATS = 3_000;

/** A real refresh's rows, repeated under new chat and session ids until there are `count`. */
export function repeatRows(rows: readonly OverviewRow[], count: number): OverviewRow[] {
  const out: OverviewRow[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (const row of rows) {
      if (out.length === count) break;
      const chatId = row.chatId === null ? null : row.chatId + copy * 1_000_000;
      out.push({ ...row, chatId, dialogId: chatId === null ? null : `chat${chatId}`, sessionId: row.sessionId === null ? null : row.sessionId + copy * 1_000_000 });
    }
  }
  return out;
}

// The in-page parts are plain JavaScript text: the bench runs under tsx, whose
// transform would add helpers a function handed to the page cannot see.

/**
 * Does `act` (a step's name), then resolves with the time from it to the end
 * of the frame after the table changed: a requestAnimationFrame callback runs
 * before that frame's paint, and a task queued from it runs after.
 */
const TIMED = `(step) => new Promise((resolve, reject) => {
  const view = document.querySelector('section.overview');
  const rows = document.querySelector('[data-testid="overview-rows"]');
  const shown = () => document.querySelector('[data-testid="overview-shown"]').textContent.trim();
  const acts = {
    sort: (index) => view.querySelectorAll('.columns-row .sort')[index].click(),
    status: (value) => view.querySelector('input[name="overview-status"][value="' + value + '"]').click(),
    select: ([index, option]) => {
      const select = view.querySelectorAll('.selects select')[index];
      select.selectedIndex = option;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    type: (text) => {
      const input = view.querySelector('input[type="search"]');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
  };
  let changed = false;
  const observer = new MutationObserver(() => (changed = true));
  observer.observe(rows, { subtree: true, childList: true, characterData: true, attributes: true });
  const started = performance.now();
  acts[step.act](step.arg);
  const settle = () => requestAnimationFrame(() => setTimeout(() => {
    // Svelte draws in a microtask after the event: by the first frame the table has changed, unless the step changes nothing.
    observer.disconnect();
    resolve({ ms: performance.now() - started, changed, shown: shown() });
  }, 0));
  settle();
  setTimeout(() => reject(new Error('step ' + JSON.stringify(step) + ' never settled')), 10000);
})`;

/** Scrolls the table from top to bottom, a screen a frame; the long tasks meanwhile. */
const SCROLL = `() => new Promise((resolve) => {
  const list = document.querySelector('[data-testid="overview-rows"]');
  const durations = [];
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  list.scrollTop = 0;
  let steps = 0;
  const frameGaps = [];
  let last = null;
  const step = (at) => {
    if (last !== null) frameGaps.push(at - last);
    last = at;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) {
      setTimeout(() => {
        observer.disconnect();
        resolve({ durations, steps, frameGaps });
      }, 100);
      return;
    }
    list.scrollTop += list.clientHeight;
    steps += 1;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

interface Step {
  act: 'sort' | 'status' | 'select' | 'type';
  arg: unknown;
}

async function timed(page: Page, step: Step): Promise<{ ms: number; changed: boolean; shown: string }> {
  return (await page.evaluate(`(${TIMED})(${JSON.stringify(step)})`)) as { ms: number; changed: boolean; shown: string };
}

function summary(name: string, times: number[], shown: string): TimedAction {
  return { name, runs: times.length, medianMs: median(times), p95Ms: percentile(times, 95), shown };
}

/** The columns in the order of the header (OverviewView's COLUMNS). */
const COLUMNS = ['status', 'waitingSince', 'client', 'channel', 'line', 'operator', 'crm', 'sessionStart', 'unread'] as const;

export async function benchOverviewWindow(runs: number): Promise<OverviewWindowReport> {
  const now = Math.floor(Date.now() / 1000);
  const windows = await openBenchWindows({ operatingLimitSeconds: 1e9, dialogs: [...demoDataset(), ...demoLiveDialogs(now, LIVE_CHATS)], webhooks: [DEMO_WEBHOOK] });
  const { api, dataDir } = windows;
  try {
    const refreshed = await api.dispatch('overview:get', {});
    if (!refreshed.ok) throw new Error(`bench: the overview failed: ${refreshed.error.message}`);
    const real = refreshed.value as OverviewResult;
    const big: OverviewResult = { ...real, rows: repeatRows(real.rows, ROWS) };

    const { page, context } = await windows.open({ width: 1280, height: 900 }, async (channel, args) =>
      channel === 'overview:get' ? { ok: true, value: big } : api.dispatch(channel, args),
    );
    await page.getByRole('button', { name: 'Overview' }).click();
    await page.getByTestId('overview-shown').filter({ hasText: '10,000 dialogs' }).waitFor({ timeout: 60_000 });

    // Sorts: each column clicked `runs` times (each click turns it round), after one warm-up click.
    const sorts: TimedAction[] = [];
    for (const [index, key] of COLUMNS.entries()) {
      await timed(page, { act: 'sort', arg: index });
      const times: number[] = [];
      let shown = '';
      for (let run = 0; run < runs; run++) {
        const result = await timed(page, { act: 'sort', arg: index });
        if (!result.changed) throw new Error(`bench: sorting by ${key} changed nothing`);
        times.push(result.ms);
        shown = result.shown;
      }
      sorts.push(summary(`sort by ${key}`, times, shown));
    }
    // Back to the longest wait first, as the lead opens it.
    await timed(page, { act: 'sort', arg: 1 });

    // Filters: each applied and let go `runs` times; the applying is timed.
    const filters: TimedAction[] = [];
    const filterSteps: Array<[string, Step, Step]> = [
      ['status: client waiting', { act: 'status', arg: 'clientWaiting' }, { act: 'status', arg: '*' }],
      ['channel: the first', { act: 'select', arg: [0, 1] }, { act: 'select', arg: [0, 0] }],
      ['line: the first', { act: 'select', arg: [1, 1] }, { act: 'select', arg: [1, 0] }],
      ['operator: the first', { act: 'select', arg: [2, 1] }, { act: 'select', arg: [2, 0] }],
      ['grouped by status', { act: 'select', arg: [3, 1] }, { act: 'select', arg: [3, 0] }],
      ['grouped by line', { act: 'select', arg: [3, 3] }, { act: 'select', arg: [3, 0] }],
      ['search "и" (one key)', { act: 'type', arg: 'и' }, { act: 'type', arg: '' }],
      ['search "иван" (the fourth key)', { act: 'type', arg: 'иван' }, { act: 'type', arg: '' }],
    ];
    for (const [name, apply, clear] of filterSteps) {
      const times: number[] = [];
      let shown = '';
      // The search's fourth key comes after the first three, as typed.
      const before = apply.act === 'type' && typeof apply.arg === 'string' && apply.arg.length > 1 ? apply.arg.slice(0, -1) : null;
      for (let run = 0; run <= runs; run++) {
        if (before) await timed(page, { act: 'type', arg: before });
        const result = await timed(page, apply);
        await timed(page, clear);
        if (run === 0) continue;
        times.push(result.ms);
        shown = result.shown;
      }
      filters.push(summary(name, times, shown));
    }

    // Scrolling top to bottom three times; the long tasks of every run together, and where the
    // main thread's time went (Chromium's own counters), to tell the page's work from a busy machine.
    const longTasks: number[] = [];
    const frameGaps: number[] = [];
    let steps = 0;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const counters = async (): Promise<Record<string, number>> =>
      Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }).metrics.map((metric) => [metric.name, metric.value]));
    const before = await counters();
    for (let run = 0; run < 3; run++) {
      const scrolled = (await page.evaluate(`(${SCROLL})()`)) as { durations: number[]; steps: number; frameGaps: number[] };
      frameGaps.push(...scrolled.frameGaps);
      longTasks.push(...scrolled.durations);
      steps += scrolled.steps;
    }
    const after = await counters();
    const perStep = (name: string): number => ((after[name]! - before[name]!) * 1000) / steps;
    await context.close();

    // The CSV of the 10,000 rows as main makes it and writes it whole (export:save's part after the save dialog).
    const csvTimes: number[] = [];
    let csvBytes = 0;
    const file = path.join(dataDir, 'overview.csv');
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const content = overviewCsv(big.rows);
      csvBytes = await saveWhole(file, content);
      if (run > 0) csvTimes.push(performance.now() - started);
    }

    return {
      rows: big.rows.length,
      sorts,
      filters,
      scrollLongTasks: longTasks.length,
      scrollLongestTaskMs: longTasks.length === 0 ? 0 : Math.max(...longTasks),
      scrollSteps: steps,
      scrollFrameMedianMs: median(frameGaps),
      scrollFrameP95Ms: percentile(frameGaps, 95),
      scrollPerFrameMs: { task: perStep('TaskDuration'), script: perStep('ScriptDuration'), layout: perStep('LayoutDuration'), style: perStep('RecalcStyleDuration') },
      csvMedianMs: median(csvTimes),
      csvP95Ms: percentile(csvTimes, 95),
      csvBytes,
      csvRuns: csvTimes.length,
    };
  } finally {
    await windows.close();
  }
}

export function overviewWindowReport(report: OverviewWindowReport): string[] {
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  const verdict = (action: TimedAction) => (action.p95Ms <= 50 ? 'goal ≤ 50 ms: met' : action.medianMs <= 50 ? 'goal ≤ 50 ms: median met, p95 MISSED' : 'goal ≤ 50 ms: MISSED');
  const rows: Array<[string, string, string]> = [
    ...report.sorts.map((action): [string, string, string] => [action.name, `${fmt(action.medianMs)} / ${fmt(action.p95Ms)}`, verdict(action)]),
    ...report.filters.map((action): [string, string, string] => [`${action.name} → ${action.shown}`, `${fmt(action.medianMs)} / ${fmt(action.p95Ms)}`, verdict(action)]),
    ['frames while scrolling a screen a frame, median / p95', `${fmt(report.scrollFrameMedianMs)} / ${fmt(report.scrollFrameP95Ms)}`, ''],
    [
      '  main thread per step: all tasks (script, layout, style)',
      `${fmt(report.scrollPerFrameMs.task)} (${fmt(report.scrollPerFrameMs.script)}, ${fmt(report.scrollPerFrameMs.layout)}, ${fmt(report.scrollPerFrameMs.style)})`,
      '',
    ],
    ['long tasks over 50 ms scrolling top to bottom', `${report.scrollLongTasks} in ${report.scrollSteps} steps, longest ${fmt(report.scrollLongestTaskMs)}`, report.scrollLongTasks === 0 ? 'goal 0: met' : 'goal 0: MISSED'],
    [`CSV of ${report.rows.toLocaleString('en-GB')} rows, made and written (${(report.csvBytes / 1024 / 1024).toFixed(1)} MB)`, `${fmt(report.csvMedianMs)} / ${fmt(report.csvP95Ms)}`, report.csvP95Ms <= 1000 ? 'goal ≤ 1 s: met' : 'goal ≤ 1 s: MISSED'],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  return [
    `\nThe overview's table at ${report.rows.toLocaleString('en-GB')} rows (Chromium, the built page, real preload and main API); click or key to the frame drawn, median / p95 of ${report.sorts[0]?.runs ?? 0} runs:\n`,
    ...rows.map(([name, value, result]) => `${name.padEnd(width)}  ${value.padEnd(24)}  ${result}`),
  ];
}

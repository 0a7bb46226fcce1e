// Where the window opens: where it was last closed, if that is still on a
// screen. The saved state comes from config.json (a hand edit, another
// version, a monitor since unplugged), so it is checked, and a window whose
// title bar would be out of reach opens centred on the primary display.
import type { Rectangle } from 'electron';

export const WINDOW_STATE_KEY = 'window';
export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
/** As BrowserWindow's minWidth/minHeight in window.ts. */
export const MINIMUM_SIZE = { width: 800, height: 560 } as const;

/** Enough of the title bar to grab it with the mouse. */
const TITLE_BAR_HEIGHT = 32;
const GRAB_WIDTH = 120;
/** Beyond any real desktop: larger numbers are damage, not a monitor layout. */
const COORDINATE_LIMIT = 100_000;
const SIZE_LIMIT = 50_000;

export interface WindowState {
  /** The normal (not maximised) bounds, in DIPs as Electron gives them. */
  bounds: Rectangle;
  maximized: boolean;
}

export interface DisplayArea {
  workArea: Rectangle;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWithin(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** The state saved under `window`, or null when it is missing or malformed in any way. */
export function readWindowState(value: unknown): WindowState | null {
  if (!isRecord(value) || !isRecord(value.bounds)) return null;
  const { x, y, width, height } = value.bounds;
  if (!isWithin(x, -COORDINATE_LIMIT, COORDINATE_LIMIT) || !isWithin(y, -COORDINATE_LIMIT, COORDINATE_LIMIT)) return null;
  if (!isWithin(width, 1, SIZE_LIMIT) || !isWithin(height, 1, SIZE_LIMIT)) return null;
  if (value.maximized !== undefined && typeof value.maximized !== 'boolean') return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: value.maximized === true,
  };
}

/** What to save when the window closes: its normal bounds, so a maximised window remembers its size. */
export function windowStateOf(window: { getNormalBounds(): Rectangle; isMaximized(): boolean }): WindowState {
  return { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** Fits a length into a display's, but never below the window's minimum (a tiny display gets a window larger than itself). */
function fit(length: number, available: number, minimum: number): number {
  return Math.max(minimum, Math.min(length, available));
}

/** The display whose work area holds the most of the window's title bar, if any holds enough to grab. */
function displayUnderTitleBar(bounds: Rectangle, displays: readonly DisplayArea[]): DisplayArea | null {
  const bar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT };
  let best: DisplayArea | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const shared = overlap(bar, display.workArea);
    // The top of the bar must be on the display too: a window hanging above
    // a work area is out of reach unless another display is there.
    const grabbable = shared.width >= Math.min(GRAB_WIDTH, bounds.width) && shared.height >= TITLE_BAR_HEIGHT / 2 && bounds.y >= display.workArea.y;
    if (grabbable && shared.width * shared.height > bestArea) {
      best = display;
      bestArea = shared.width * shared.height;
    }
  }
  return best;
}

function centred(area: Rectangle): Rectangle {
  const width = fit(DEFAULT_SIZE.width, area.width, MINIMUM_SIZE.width);
  const height = fit(DEFAULT_SIZE.height, area.height, MINIMUM_SIZE.height);
  return {
    x: Math.max(area.x, area.x + Math.round((area.width - width) / 2)),
    y: Math.max(area.y, area.y + Math.round((area.height - height) / 2)),
    width,
    height,
  };
}

/**
 * Bounds to open the window with: the saved ones when their title bar is on
 * a display (the size fitted to that display), else the default size centred
 * on the primary display. The maximised flag is kept either way.
 */
export function placeWindow(saved: WindowState | null, displays: readonly DisplayArea[], primary: DisplayArea): WindowState {
  const all = displays.length > 0 ? displays : [primary];
  const display = saved ? displayUnderTitleBar(saved.bounds, all) : null;
  if (!saved || !display) return { bounds: centred(primary.workArea), maximized: saved?.maximized ?? false };

  const area = display.workArea;
  const width = fit(saved.bounds.width, area.width, MINIMUM_SIZE.width);
  const height = fit(saved.bounds.height, area.height, MINIMUM_SIZE.height);
  // A narrower window must keep a grabbable part of its title bar on the display.
  const grab = Math.min(GRAB_WIDTH, width);
  const x = Math.min(Math.max(saved.bounds.x, area.x - width + grab), area.x + area.width - grab);
  return { bounds: { x, y: saved.bounds.y, width, height }, maximized: saved.maximized };
}

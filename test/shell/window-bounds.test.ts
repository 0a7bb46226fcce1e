// Where the window reopens: the saved place when its title bar is still on a
// display, else centred on the primary one; and what is read from the file is
// checked first.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MINIMUM_SIZE, placeWindow, readWindowState, windowStateOf, type DisplayArea, type WindowState } from '../../main/shell/window-bounds';

const display = (x: number, y: number, width: number, height: number): DisplayArea => ({ workArea: { x, y, width, height } });
const saved = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

// A 1920×1080 laptop with a macOS menu bar, and a Windows desktop with the taskbar on the left.
const LAPTOP = display(0, 25, 1920, 1055);
const LEFT_TASKBAR = display(48, 0, 1872, 1080);
// A second 2560×1440 monitor to the left (negative x), one above (negative y).
const LEFT_MONITOR = display(-2560, 0, 2560, 1400);
const ABOVE_MONITOR = display(0, -1440, 2560, 1400);

function centredOn(area: DisplayArea, width: number = DEFAULT_SIZE.width, height: number = DEFAULT_SIZE.height) {
  const { x, y, width: w, height: h } = area.workArea;
  return { x: x + Math.round((w - width) / 2), y: y + Math.round((h - height) / 2), width, height };
}

describe('placeWindow', () => {
  it('opens centred on the primary display the first time', () => {
    expect(placeWindow(null, [LAPTOP], LAPTOP)).toEqual({ bounds: centredOn(LAPTOP), maximized: false });
  });

  it('reopens where it was when that is on a display', () => {
    expect(placeWindow(saved(100, 200), [LAPTOP], LAPTOP)).toEqual(saved(100, 200));
    expect(placeWindow(saved(300, 40, 1200, 800, true), [LAPTOP], LAPTOP)).toEqual(saved(300, 40, 1200, 800, true));
  });

  it('reopens on a monitor at negative coordinates, left or above', () => {
    expect(placeWindow(saved(-2000, 100), [LAPTOP, LEFT_MONITOR], LAPTOP)).toEqual(saved(-2000, 100));
    expect(placeWindow(saved(200, -1300), [ABOVE_MONITOR, LAPTOP], LAPTOP)).toEqual(saved(200, -1300));
  });

  it('opens on the primary display when the monitor it was on is gone, still maximised if it was', () => {
    expect(placeWindow(saved(-2000, 100), [LAPTOP], LAPTOP)).toEqual({ bounds: centredOn(LAPTOP), maximized: false });
    expect(placeWindow(saved(2500, 300, 1200, 800, true), [LAPTOP], LAPTOP)).toEqual({ bounds: centredOn(LAPTOP), maximized: true });
  });

  it('uses the primary display, wherever it is in the list', () => {
    const primary = display(1920, 0, 2560, 1400);
    expect(placeWindow(saved(-5000, 0), [LAPTOP, primary], primary).bounds).toEqual(centredOn(primary));
    expect(placeWindow(saved(-5000, 0), [], primary).bounds).toEqual(centredOn(primary));
  });

  it('does not reopen with the title bar above the top of the work area or under a left taskbar', () => {
    expect(placeWindow(saved(100, 5), [LAPTOP], LAPTOP).bounds).toEqual(centredOn(LAPTOP));
    expect(placeWindow(saved(100, -40), [LAPTOP], LAPTOP).bounds).toEqual(centredOn(LAPTOP));
    expect(placeWindow(saved(-1180, 100), [LEFT_TASKBAR], LEFT_TASKBAR).bounds).toEqual(centredOn(LEFT_TASKBAR));
  });

  it('needs enough of the title bar on screen to grab it, sideways and at the bottom', () => {
    // 20 px of title bar at the right edge: not enough.
    expect(placeWindow(saved(1900, 100), [LAPTOP], LAPTOP).bounds).toEqual(centredOn(LAPTOP));
    // 120 px: enough, and it stays where it was.
    expect(placeWindow(saved(1800, 100), [LAPTOP], LAPTOP)).toEqual(saved(1800, 100));
    // The bar's top 10 px above the bottom of the work area: not enough.
    expect(placeWindow(saved(100, 1070), [LAPTOP], LAPTOP).bounds).toEqual(centredOn(LAPTOP));
    expect(placeWindow(saved(100, 1040), [LAPTOP], LAPTOP)).toEqual(saved(100, 1040));
  });

  it('fits a window saved on a larger or less scaled screen into the display, keeping part of its title bar on it', () => {
    // Saved at 100 % on 2560×1440; now the same panel at 150 %: 1706×960 DIPs.
    const scaled = display(0, 0, 1706, 920);
    const placed = placeWindow(saved(-200, 20, 2400, 1380), [scaled], scaled);
    expect(placed.bounds).toEqual({ x: -200, y: 20, width: 1706, height: 920 });
    // Wide and mostly off to the left: once narrowed, it is moved so its bar can still be grabbed.
    const narrowed = placeWindow(saved(-1500, 100, 2000, 900), [LAPTOP], LAPTOP).bounds;
    expect(narrowed.width).toBe(1920);
    expect(narrowed.x + narrowed.width).toBeGreaterThanOrEqual(120);
  });

  it('never opens smaller than the minimum, even on a tiny display', () => {
    const tiny = display(0, 0, 640, 480);
    expect(placeWindow(null, [tiny], tiny)).toEqual({ bounds: { x: 0, y: 0, ...MINIMUM_SIZE }, maximized: false });
    expect(placeWindow(saved(0, 30, 300, 200), [LAPTOP], LAPTOP).bounds).toEqual({ x: 0, y: 30, ...MINIMUM_SIZE });
    expect(placeWindow(saved(10, 10, 1000, 700), [tiny], tiny).bounds).toEqual({ x: 10, y: 10, ...MINIMUM_SIZE });
  });

  it('picks the display that holds most of the title bar when it spans two', () => {
    const right = display(1920, 25, 1920, 1055);
    const placed = placeWindow(saved(1700, 100, 1900, 1000), [LAPTOP, right], LAPTOP);
    // Mostly on the right display: fitted to that one, and kept in place.
    expect(placed.bounds).toEqual({ x: 1700, y: 100, width: 1900, height: 1000 });
  });
});

describe('readWindowState', () => {
  it('reads what was saved, rounding fractions of a DIP', () => {
    expect(readWindowState({ bounds: { x: -10, y: 20.6, width: 1024.4, height: 700 }, maximized: true })).toEqual({
      bounds: { x: -10, y: 21, width: 1024, height: 700 },
      maximized: true,
    });
    expect(readWindowState({ bounds: { x: 0, y: 0, width: 900, height: 600 } })).toEqual({
      bounds: { x: 0, y: 0, width: 900, height: 600 },
      maximized: false,
    });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'maximized'],
    ['an array', [0, 0, 800, 600]],
    ['no bounds', { maximized: true }],
    ['bounds as an array', { bounds: [0, 0, 800, 600] }],
    ['a missing width', { bounds: { x: 0, y: 0, height: 600 } }],
    ['a number as text', { bounds: { x: '0', y: 0, width: 800, height: 600 } }],
    ['NaN', { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 } }],
    ['Infinity', { bounds: { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 600 } }],
    ['a zero width', { bounds: { x: 0, y: 0, width: 0, height: 600 } }],
    ['a negative height', { bounds: { x: 0, y: 0, width: 800, height: -600 } }],
    ['an absurd size', { bounds: { x: 0, y: 0, width: 900_000, height: 600 } }],
    ['an absurd position', { bounds: { x: 1e12, y: 0, width: 800, height: 600 } }],
    ['maximized as text', { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: 'yes' }],
  ])('ignores %s', (_what, value) => {
    expect(readWindowState(value)).toBeNull();
  });
});

describe('windowStateOf', () => {
  it('saves the normal bounds, so a maximised window remembers the size it returns to', () => {
    const window = {
      getBounds: () => ({ x: 0, y: 0, width: 1920, height: 1055 }),
      getNormalBounds: () => ({ x: 100, y: 120, width: 1100, height: 700 }),
      isMaximized: () => true,
    };
    expect(windowStateOf(window)).toEqual({ bounds: { x: 100, y: 120, width: 1100, height: 700 }, maximized: true });
  });
});

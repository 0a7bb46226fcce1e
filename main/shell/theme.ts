// The theme setting drives Chromium's (and so the page's prefers-color-scheme)
// through nativeTheme.themeSource; the window's own background, shown before
// and behind the page, is repainted to match so no frame flashes the wrong colour.
import type { BrowserWindow, NativeTheme } from 'electron';
import type { ThemeSetting } from '../../preload/api-contract';
import { DARK_BACKGROUND, LIGHT_BACKGROUND } from './window';

type ThemeSource = Pick<NativeTheme, 'themeSource' | 'shouldUseDarkColors'>;
type PaintedWindow = Pick<BrowserWindow, 'setBackgroundColor' | 'isDestroyed'>;

export function windowBackground(dark: boolean): string {
  return dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
}

/** Repaints the windows in the colours nativeTheme now resolves to (after a setting or an OS change). */
export function repaintWindows(nativeTheme: ThemeSource, windows: readonly PaintedWindow[]): void {
  const colour = windowBackground(nativeTheme.shouldUseDarkColors);
  for (const window of windows) if (!window.isDestroyed()) window.setBackgroundColor(colour);
}

/** 'system' follows the OS; 'light' and 'dark' override it, for the page too. */
export function applyTheme(nativeTheme: ThemeSource, theme: ThemeSetting, windows: readonly PaintedWindow[]): void {
  nativeTheme.themeSource = theme;
  repaintWindows(nativeTheme, windows);
}

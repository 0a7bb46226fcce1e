// The main window's options: the renderer is sandboxed, isolated and has no
// Node; the window is shown only once painted, in the theme's colour.
import { describe, expect, it } from 'vitest';
import { DARK_BACKGROUND, LIGHT_BACKGROUND, isAppUrl, mainWindowOptions } from '../../main/shell/window';

const PRELOAD = '/app/out/preload/index.cjs';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions(PRELOAD, false);
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
  });

  it('turns on no experimental or extra Blink features', () => {
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBeUndefined();
  });

  it('gives Node to no page, worker or subframe', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('allows no <webview> and no navigation by drag and drop', () => {
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('passes the preload path through unchanged', () => {
    expect(web.preload).toBe(PRELOAD);
    expect(mainWindowOptions('/elsewhere/preload.cjs', true).webPreferences?.preload).toBe('/elsewhere/preload.cjs');
  });

  it('stays hidden until it is ready to show', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Open Lines Inspector');
  });

  it('paints the background of the current theme before the first frame', () => {
    expect(mainWindowOptions(PRELOAD, true).backgroundColor).toBe(DARK_BACKGROUND);
    expect(mainWindowOptions(PRELOAD, false).backgroundColor).toBe(LIGHT_BACKGROUND);
    expect(DARK_BACKGROUND).not.toBe(LIGHT_BACKGROUND);
  });

  it('returns a fresh object each time (callers cannot weaken the next window)', () => {
    const first = mainWindowOptions(PRELOAD, false);
    first.webPreferences!.sandbox = false;
    expect(mainWindowOptions(PRELOAD, false).webPreferences?.sandbox).toBe(true);
  });
});

describe('isAppUrl', () => {
  const origins = ['app://renderer'];

  it.each(['app://renderer/index.html', 'app://renderer/other.html', 'app://renderer/assets/index.js?x=1#y', 'app://renderer'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url, origins)).toBe(true);
    },
  );

  it.each([
    'https://evil.example/',
    'app://evil/index.html',
    'app://renderer.evil.example/index.html',
    'app://renderer:8080/index.html',
    'file:///etc/passwd',
    'http://renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, origins)).toBe(false);
  });

  it('accepts the dev server origin only when it is listed', () => {
    expect(isAppUrl('http://localhost:5173/index.html', origins)).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', [...origins, 'http://localhost:5173'])).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', [...origins, 'http://localhost:5173'])).toBe(false);
  });
});

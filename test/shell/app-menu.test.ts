// The application menu's template: every item of ours sends its command, the
// accelerators are the documented ones and collide with nothing, the standard
// roles are there (copy and paste on macOS need the Edit menu), and a packaged
// app offers no reload and no developer tools.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../preload/api-contract';
import { appMenuTemplate, MENU_ACCELERATORS } from '../../main/shell/app-menu';
import { inLanguage } from '../../main/core/i18n';

type Platform = 'darwin' | 'win32' | 'linux';
const PLATFORMS: Platform[] = ['darwin', 'win32', 'linux'];

function build(platform: Platform, isPackaged = true) {
  const sent: AppCommand[] = [];
  const template = appMenuTemplate({ platform, isPackaged, appName: 'Open Lines Inspector', send: (command) => sent.push(command) });
  return { template, sent };
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? flatten(entry.submenu) : [])]);
}

const roles = (items: readonly MenuItemConstructorOptions[]) => flatten(items).flatMap((entry) => (entry.role ? [entry.role] : []));

/** The keys Electron gives each role we use, per platform (Electron's menu-item-roles). */
function roleAccelerator(role: string, platform: Platform): string | undefined {
  const mac = platform === 'darwin';
  const table: Record<string, string | undefined> = {
    undo: 'CmdOrCtrl+Z',
    redo: mac ? 'Shift+CmdOrCtrl+Z' : platform === 'win32' ? 'Control+Y' : 'Shift+CmdOrCtrl+Z',
    cut: 'CmdOrCtrl+X',
    copy: 'CmdOrCtrl+C',
    paste: 'CmdOrCtrl+V',
    pasteAndMatchStyle: 'Shift+CmdOrCtrl+V',
    selectAll: 'CmdOrCtrl+A',
    reload: 'CmdOrCtrl+R',
    forceReload: 'Shift+CmdOrCtrl+R',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    resetZoom: 'CommandOrControl+0',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
    quit: mac ? 'CommandOrControl+Q' : platform === 'win32' ? undefined : 'CommandOrControl+Q',
    minimize: 'CommandOrControl+M',
    close: 'CommandOrControl+W',
  };
  return table[role];
}

/** The keys an accelerator stands for on `platform`, in one spelling, so that collisions show. */
function normalise(accelerator: string, platform: Platform): string {
  const primary = platform === 'darwin' ? 'cmd' : 'ctrl';
  const names: Record<string, string> = {
    cmdorctrl: primary,
    commandorcontrol: primary,
    command: 'cmd',
    cmd: 'cmd',
    control: 'ctrl',
    ctrl: 'ctrl',
    alt: 'alt',
    option: 'alt',
    shift: 'shift',
  };
  const parts = accelerator.toLowerCase().split('+').map((part) => (part === '' ? 'plus' : (names[part] ?? part)));
  const key = parts.pop()!;
  return [...parts.sort(), key].join('+');
}

describe.each(PLATFORMS)('the application menu on %s', (platform) => {
  it('sends each command once, from an item that names it', () => {
    const { template, sent } = build(platform);
    const ours = flatten(template).filter((entry) => typeof entry.click === 'function');
    const kinds = ours.map((entry) => entry.id);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.sort()).toEqual(
      ['find-in-dialog', 'focus-lookup', 'manage-portals', 'open-palette', 'open-settings', 'show-shortcuts', 'toggle-history'].sort(),
    );
    for (const entry of ours) {
      sent.length = 0;
      (entry.click as () => void)();
      expect(sent).toEqual([{ kind: entry.id }]);
    }
  });

  it('has the documented accelerators', () => {
    const byId = new Map(flatten(build(platform).template).map((entry) => [entry.id, entry]));
    expect(byId.get('open-palette')?.accelerator).toBe('CmdOrCtrl+K');
    expect(byId.get('focus-lookup')?.accelerator).toBe('CmdOrCtrl+L');
    expect(byId.get('find-in-dialog')?.accelerator).toBe('CmdOrCtrl+F');
    expect(byId.get('open-settings')?.accelerator).toBe('CmdOrCtrl+,');
    expect(byId.get('toggle-history')?.accelerator).toBe('CmdOrCtrl+Shift+H');
    expect(byId.get('manage-portals')?.accelerator).toBeUndefined();
  });

  it('gives the shortcut sheet no accelerator, so "?" still types in the lookup field, and shows "?" in its label', () => {
    const sheet = flatten(build(platform).template).find((entry) => entry.id === 'show-shortcuts');
    expect(sheet?.accelerator).toBeUndefined();
    expect(sheet?.label).toContain('?');
  });

  it('uses no key twice, ours or a role’s, in a development build too', () => {
    for (const isPackaged of [true, false]) {
      const all = flatten(build(platform, isPackaged).template);
      const keys = [
        ...all.flatMap((entry) => (entry.accelerator ? [normalise(entry.accelerator, platform)] : [])),
        ...all.flatMap((entry) => {
          const key = entry.role ? roleAccelerator(entry.role, platform) : undefined;
          return key ? [normalise(key, platform)] : [];
        }),
      ];
      const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(repeated).toEqual([]);
    }
  });

  it('never takes a key that types text or moves in a field without a modifier', () => {
    for (const entry of flatten(build(platform, false).template)) {
      if (!entry.accelerator) continue;
      expect(normalise(entry.accelerator, platform)).toMatch(/^(cmd|ctrl)\+/);
    }
  });

  it('has an Edit menu, so copy and paste work in the fields', () => {
    expect(roles(build(platform).template)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('offers zoom, full screen and the window menu', () => {
    expect(roles(build(platform).template)).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'quit']),
    );
  });

  it('offers reload and the developer tools only in a development build', () => {
    const packaged = roles(build(platform, true).template);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(roles(build(platform, false).template)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });
});

describe('macOS and the others', () => {
  it('puts about, settings, hide and quit in the app menu on macOS', () => {
    const [first] = build('darwin').template;
    expect(first?.label).toBe('Open Lines Inspector');
    const items = flatten([first!]);
    expect(items.map((entry) => entry.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(items.some((entry) => entry.id === 'open-settings')).toBe(true);
  });

  it.each(['win32', 'linux'] as const)('has a File menu with settings and quit, and no macOS-only roles, on %s', (platform) => {
    const { template } = build(platform);
    expect(template[0]?.label).toBe('&File');
    const items = flatten([template[0]!]);
    expect(items.some((entry) => entry.id === 'open-settings')).toBe(true);
    expect(items.some((entry) => entry.role === 'quit')).toBe(true);
    for (const macOnly of ['about', 'services', 'hide', 'hideOthers', 'unhide', 'pasteAndMatchStyle']) {
      expect(roles(template)).not.toContain(macOnly);
    }
  });

  it('keeps Cmd+H for Hide on macOS: the history has another key', () => {
    const keys = flatten(build('darwin').template).flatMap((entry) => (entry.accelerator ? [normalise(entry.accelerator, 'darwin')] : []));
    expect(keys).not.toContain('cmd+h');
    expect(roles(build('darwin').template)).toContain('hide');
  });

  it('lists every accelerator in MENU_ACCELERATORS, which the shortcut sheet can show', () => {
    for (const platform of PLATFORMS) {
      const used = flatten(build(platform).template).flatMap((entry) => (entry.accelerator ? [[entry.id, entry.accelerator]] : []));
      expect(Object.fromEntries(used)).toEqual(MENU_ACCELERATORS);
    }
  });
});

describe('in Russian', () => {
  it('labels every item of ours and every menu of ours in Russian, with the same commands and keys', () => {
    for (const platform of PLATFORMS) {
      const english = flatten(build(platform).template);
      const russian = flatten(inLanguage('ru', () => build(platform).template));
      expect(russian.map((entry) => [entry.id, entry.role, entry.accelerator])).toEqual(english.map((entry) => [entry.id, entry.role, entry.accelerator]));
      const ours = russian.filter((entry) => entry.label !== undefined && entry.label !== 'Open Lines Inspector');
      expect(ours.length).toBeGreaterThan(8);
      for (const entry of ours) expect(entry.label, String(entry.id ?? entry.role)).toMatch(/[а-яё]/i);
    }
  });
});

// Registering the app for openlines-inspector:// links: a packaged app
// registers itself; while developing only Windows can, and then the registry
// entry must start Electron with the app's folder.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { protocolClientArgs, registerProtocolClient } from '../../main/shell/protocol-client';

const facts = { execPath: '/opt/electron/electron', argv: ['/opt/electron/electron', '.'] };

describe('protocolClientArgs', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('registers the packaged app by the scheme alone on %s', (platform) => {
    expect(protocolClientArgs({ ...facts, platform, isPackaged: true })).toEqual(['openlines-inspector']);
  });

  it('names Electron and the absolute app folder while developing on Windows, past any switches', () => {
    expect(protocolClientArgs({ platform: 'win32', isPackaged: false, execPath: 'electron.exe', argv: ['electron.exe', '--inspect=9229', 'out/app'] })).toEqual([
      'openlines-inspector',
      'electron.exe',
      [path.resolve('out/app')],
    ]);
  });

  it('registers nothing while developing when no app folder was given, or off Windows', () => {
    expect(protocolClientArgs({ platform: 'win32', isPackaged: false, execPath: 'electron.exe', argv: ['electron.exe', '--inspect'] })).toBeNull();
    expect(protocolClientArgs({ ...facts, platform: 'darwin', isPackaged: false })).toBeNull();
    expect(protocolClientArgs({ ...facts, platform: 'linux', isPackaged: false })).toBeNull();
  });
});

describe('registerProtocolClient', () => {
  it('leaves the optional arguments out rather than passing undefined', () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) };
    expect(registerProtocolClient(app, { ...facts, platform: 'linux', isPackaged: true })).toBe(true);
    expect(app.setAsDefaultProtocolClient.mock.calls[0]).toEqual(['openlines-inspector']);
    expect(registerProtocolClient(app, { ...facts, platform: 'linux', isPackaged: false })).toBe(false);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledTimes(1);
  });
});

// How the app registers itself as the handler of openlines-inspector:// links.
import path from 'node:path';
import type { App } from 'electron';
import { DEEP_LINK_SCHEME } from '../api/deep-link';

export type ProtocolClientArgs = [scheme: string] | [scheme: string, executable: string, args: string[]];

/** What decides whether and how the app registers: this launch's platform and command line. */
export interface LaunchFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  execPath: string;
  argv: readonly string[];
}

/**
 * The arguments for app.setAsDefaultProtocolClient, or null when registering
 * would do nothing useful. A packaged app registers itself. While developing,
 * the executable is Electron itself: on Windows the registry entry must also
 * name the app's folder, or a link would start a bare Electron; on macOS the
 * scheme comes from the bundle's Info.plist and on Linux from a .desktop file,
 * which only packaged builds have, so nothing is registered there.
 */
export function protocolClientArgs(options: LaunchFacts): ProtocolClientArgs | null {
  if (options.isPackaged) return [DEEP_LINK_SCHEME];
  if (options.platform !== 'win32') return null;
  // `electron [switches] <app folder> [args]`: the first argument that is not a switch.
  const appPath = options.argv.slice(1).find((arg) => !arg.startsWith('-'));
  if (!appPath) return null;
  return [DEEP_LINK_SCHEME, options.execPath, [path.resolve(appPath)]];
}

/** Registers the app for its links where that means something; false where nothing was registered. */
export function registerProtocolClient(app: Pick<App, 'setAsDefaultProtocolClient'>, facts: LaunchFacts): boolean {
  const args = protocolClientArgs(facts);
  if (!args) return false;
  // Electron's binding wants the optional arguments left out, not passed as undefined; the
  // length check is what lets TypeScript pick the matching overload for each spread.
  // What a link can do is limited by parseDeepLink (main/api/deep-link.ts): a lookup, or a refusal shown in the window.
  if (args.length === 3) return app.setAsDefaultProtocolClient(...args); // eng-disable PROTOCOL_HANDLER_JS_CHECK: links are read as hostile by parseDeepLink
  return app.setAsDefaultProtocolClient(...args); // eng-disable PROTOCOL_HANDLER_JS_CHECK: links are read as hostile by parseDeepLink
}

// Opens an https address in the user's default browser, the way each system
// does it. Best effort: the address is always printed too, so a machine with
// no browser (a server over SSH) can be signed in from another one.
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): Promise<void> {
  // Only ever an https address we built: never anything a shell could read as a command.
  if (!url.startsWith('https://')) return Promise.reject(new Error('only https addresses are opened'));
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? // rundll32 takes the address as one argument; `start` would go through cmd.exe's parsing.
          ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

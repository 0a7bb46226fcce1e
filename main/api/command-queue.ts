// Commands main asks the window to carry out (a deep link, a second launch's
// lookup, an application-menu item). Until the page has asked for what is
// waiting, commands wait here, so a deep link that started the app is not lost
// while the window loads; after that they are pushed at once.
import type { AppCommand } from '../../preload/api-contract';

export class AppCommandQueue {
  private waiting: AppCommand[] = [];
  private deliver: ((command: AppCommand) => void) | null = null;
  private listening = false;

  /** How to reach the page (webContents.send); set once the window exists. */
  connect(deliver: (command: AppCommand) => void): void {
    this.deliver = deliver;
  }

  /** The page is gone (closed or reloading): hold commands until it asks again. */
  disconnect(): void {
    this.deliver = null;
    this.listening = false;
  }

  push(command: AppCommand): void {
    if (this.listening && this.deliver) this.deliver(command);
    else this.waiting.push(command);
  }

  /** Called by the page when it starts listening: what waited, oldest first, each once. */
  take(): AppCommand[] {
    this.listening = true;
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }
}

// Injected faults: the things a real network and a real portal (or whatever
// sits in front of it) do to a client besides answering properly.
import type { EmulatorFault, FaultOptions } from './emulator-types';
import { normaliseMethod } from './request-params';

interface QueuedFault {
  fault: EmulatorFault;
  /** Matching requests still answered normally before the fault starts. */
  passes: number;
  remaining: number;
  method: string | null;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: EmulatorFault, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    const after = options.after ?? 0;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    if (!Number.isInteger(after) || after < 0) throw new RangeError(`after must be a whole number, got ${after}`);
    this.queue.push({
      fault,
      passes: after,
      remaining: times,
      method: options.method === undefined ? null : normaliseMethod(options.method),
    });
  }

  clear(): void {
    this.queue = [];
  }

  /** Consumes one use of the oldest fault that matches this method (or one of its passes). */
  take(method: string): EmulatorFault | null {
    const entry = this.queue.find((q) => q.method === null || q.method === method);
    if (!entry) return null;
    if (entry.passes > 0) {
      entry.passes -= 1;
      return null;
    }
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queue = this.queue.filter((q) => q !== entry);
    return entry.fault;
  }
}

/** What a reverse proxy or a login redirect serves instead of JSON. */
export function htmlPage(status: number): string {
  if (status === 200) {
    return [
      '<!DOCTYPE html>',
      '<html lang="en"><head><meta charset="utf-8"><title>Authorization</title></head>',
      '<body><form method="post" action="/auth/"><h1>Sign in to Bitrix24</h1>',
      '<input name="USER_LOGIN"><input name="USER_PASSWORD" type="password">',
      '<button type="submit">Log in</button></form></body></html>',
    ].join('\n');
  }
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

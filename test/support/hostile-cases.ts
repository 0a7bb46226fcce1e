// The ways a portal, or whatever sits between it and the user, can answer
// imopenlines.dialog.get badly, each with what the app must make of it. One
// list for every path that talks to a portal (the core, the app's API, the
// CLI), so a new class of misbehaviour is tested everywhere at once.
import { DOCUMENTED_DIALOG, timeBlock, type Bystander, type Exchange, type HostilePortal, type Misbehaviour } from './hostile-portal';

/** The deadline and the size cap the paths under test are given: small, so each case ends fast. */
export const HOSTILE_DEADLINE_MS = 1_500;
export const HOSTILE_MAX_ANSWER_BYTES = 1024 * 1024;

export interface HostileCase {
  name: string;
  /** What is looked up; chat1777 unless said. */
  input?: string;
  numberAs?: 'chat' | 'session';
  make(context: { portal: HostilePortal; bystander: Bystander }): Misbehaviour;
  /** The error code the lookup must end with; 'dialog' when the answer is a correct dialog. */
  expect: string;
  /** Words the error's message must contain (a redirect's target host). */
  says?: (context: { portal: HostilePortal; bystander: Bystander }) => string;
}

function json({ res }: Exchange, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function dialogBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ result: { ...DOCUMENTED_DIALOG, ...overrides }, time: timeBlock() });
}

const redirect =
  (status: number, target: (context: { portal: HostilePortal; bystander: Bystander }, path: string) => string) =>
  (context: { portal: HostilePortal; bystander: Bystander }): Misbehaviour =>
  ({ req, res }) => {
    res.writeHead(status, { location: target(context, req.url ?? '/'), 'content-type': 'text/html' });
    res.end(`<html><body>Moved</body></html>`);
  };

const hostOf = (origin: string): string => new URL(origin).host;

/** Headers, then a valid body one byte every 100 ms: the connection never goes quiet for long. */
const drip: Misbehaviour = ({ res }) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const body = dialogBody();
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed || at >= body.length) {
      clearInterval(timer);
      return;
    }
    res.write(body[at]);
    at += 1;
  }, 100);
  res.on('close', () => clearInterval(timer));
};

export const HOSTILE_CASES: HostileCase[] = [
  ...[301, 302, 307, 308].map(
    (status): HostileCase => ({
      name: `a ${status} redirect to another host`,
      make: redirect(status, ({ bystander }, path) => `${bystander.httpsOrigin}${path}`),
      expect: 'REDIRECT_REFUSED',
      says: ({ bystander }) => hostOf(bystander.httpsOrigin),
    }),
  ),
  {
    name: 'a redirect to the same host over plain http',
    make: redirect(301, ({ bystander }, path) => `http://127.0.0.1:${bystander.httpPort}${path}`),
    expect: 'REDIRECT_REFUSED',
    says: ({ bystander }) => `127.0.0.1:${bystander.httpPort}`,
  },
  {
    name: 'a redirect within the same origin',
    make: redirect(302, ({ portal }) => `${portal.origin}/rest/elsewhere/imopenlines.dialog.get.json`),
    expect: 'REDIRECT_REFUSED',
  },
  {
    name: 'a 308 to another host for a session lookup',
    input: '343',
    numberAs: 'session',
    make: redirect(308, ({ bystander }, path) => `${bystander.httpsOrigin}${path}`),
    expect: 'REDIRECT_REFUSED',
  },
  { name: 'a body sent a byte at a time', make: () => drip, expect: 'TIMEOUT' },
  { name: 'a connection that stalls before the headers', make: () => () => undefined, expect: 'TIMEOUT' },
  {
    name: 'a connection reset halfway through the body',
    make: () => ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(dialogBody().slice(0, 400), () => setTimeout(() => res.socket?.destroy(), 50));
    },
    expect: 'CONNECTION_RESET',
  },
  {
    name: 'a body over the cap, with its length announced',
    make: () => (exchange) => json(exchange, 200, dialogBody({ padding: 'x'.repeat(3 * HOSTILE_MAX_ANSWER_BYTES) })),
    expect: 'ANSWER_TOO_LARGE',
  },
  {
    name: 'a body over the cap, streamed without a length',
    make: () => ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      res.write(`{"result":{"id":1777,"padding":"`);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    expect: 'ANSWER_TOO_LARGE',
  },
  {
    name: "a proxy's HTML error page",
    make: () => ({ res }) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
    },
    expect: 'NOT_BITRIX_JSON',
  },
  {
    name: 'a truncated body',
    make: () => ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(dialogBody().slice(0, 700));
    },
    expect: 'TRUNCATED_RESPONSE',
  },
  { name: 'an empty body', make: () => (exchange) => json(exchange, 200, ''), expect: 'EMPTY_RESPONSE' },
  {
    name: 'a body that is not UTF-8',
    make: () => ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // The name in windows-1251, as a misconfigured proxy might re-encode it.
      const [before, after] = dialogBody({ name: '@@' }).split('@@') as [string, string];
      res.end(Buffer.concat([Buffer.from(before), Buffer.from([0xc8, 0xe2, 0xe0, 0xed]), Buffer.from(after)]));
    },
    expect: 'NOT_BITRIX_JSON',
  },
  { name: 'a field of the wrong type', make: () => (exchange) => json(exchange, 200, dialogBody({ id: '1777' })), expect: 'UNEXPECTED_SHAPE' },
  {
    name: 'a missing field',
    make: () => (exchange) => {
      const { dialog_id: _gone, ...rest } = DOCUMENTED_DIALOG;
      json(exchange, 200, { result: rest, time: timeBlock() });
    },
    expect: 'UNEXPECTED_SHAPE',
  },
  { name: 'a result that is null', make: () => (exchange) => json(exchange, 200, { result: null, time: timeBlock() }), expect: 'UNEXPECTED_SHAPE' },
  {
    name: 'another dialog than the one asked for',
    make: () => (exchange) => json(exchange, 200, dialogBody({ id: 7012, dialog_id: 'chat7012' })),
    expect: 'FOREIGN_ANSWER',
  },
  {
    name: 'another dialog for a user code',
    input: 'livechat|22|1775|599',
    make: () => (exchange) =>
      json(exchange, 200, dialogBody({ id: 7012, dialog_id: 'chat7012', entity_id: 'telegrambot|3|88|91', entity_link: { type: 'LINES', url: '', id: 'telegrambot|3|88|91' } })),
    expect: 'FOREIGN_ANSWER',
  },
  {
    name: 'an older session than the one asked for',
    input: '9343',
    numberAs: 'session',
    make: () => (exchange) => json(exchange, 200, dialogBody()),
    expect: 'FOREIGN_ANSWER',
  },
  {
    name: 'a dialog id that is not its chat id',
    make: () => (exchange) => json(exchange, 200, dialogBody({ dialog_id: 'chat1778' })),
    expect: 'FOREIGN_ANSWER',
  },
  {
    name: '__proto__ and constructor keys',
    make: () => ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const body = dialogBody({ constructor: { prototype: { polluted: 'constructor' } } });
      res.end(body.replace('{"id":1777', '{"__proto__":{"polluted":"proto","id":99},"id":1777'));
    },
    expect: 'dialog',
  },
  {
    name: 'very deep nesting in an extra field',
    make: () => ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const depth = 200_000;
      res.end(dialogBody({ extra: '@@' }).replace('"@@"', `${'['.repeat(depth)}${']'.repeat(depth)}`));
    },
    expect: 'ANSWER_TOO_DEEP',
  },
  {
    name: 'an error whose code is an object and whose description is a number',
    make: () => (exchange) => json(exchange, 400, { error: { code: 'ACCESS_ERROR' }, error_description: 42 }),
    expect: 'MALFORMED_ERROR',
  },
  {
    name: 'an error of the wrong shape with a success status',
    make: () => (exchange) => json(exchange, 200, { error: ['QUERY_LIMIT_EXCEEDED'], error_description: { text: 'x' } }),
    expect: 'MALFORMED_ERROR',
  },
];

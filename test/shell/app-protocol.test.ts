// The app:// protocol serves the built renderer from one folder and nothing
// outside it, always with the Content-Security-Policy header.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  resolveAppFile,
  serveAppFile,
} from '../../main/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/content-security-policy';

const SECRET = 'top secret, outside the renderer folder';
let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'oli-app-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Inspector</title>');
  await writeFile(path.join(root, 'other.html'), '<!doctype html><title>Other</title>');
  await writeFile(path.join(root, 'assets', 'index.js'), 'console.log("app");');
  await writeFile(path.join(root, 'assets', 'index.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'blob.bin'), Buffer.from([0, 1, 2, 3]));
  await writeFile(path.join(root, 'with space.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(base, 'secret'), SECRET);
  // A sibling folder whose name starts with the root's name.
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'index.html'), SECRET);
});

afterAll(() => rm(base, { recursive: true, force: true }));

function expectCsp(response: Response): void {
  const csp = response.headers.get('content-security-policy');
  expect(csp).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the scheme', () => {
  it('is app://renderer, registered as standard and secure, with no fetch, CORS or streaming', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('renderer');
    expect(APP_ENTRY_URL).toBe('app://renderer/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
    });
  });
});

describe('resolveAppFile', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppFile('app://renderer/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://renderer/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://renderer/assets/index.js?v=1#top', root)).toBe(path.join(root, 'assets', 'index.js'));
    expect(resolveAppFile('app://renderer/with%20space.svg', root)).toBe(path.join(root, 'with space.svg'));
  });

  it.each([
    'app://renderer/%2e%2e%2fsecret',
    'app://renderer/..%2fsecret',
    'app://renderer/..%2f..%2f..%2fetc%2fpasswd',
    'app://renderer/assets/..%2f..%2fsecret',
    'app://renderer/%2E%2E%2Fsecret',
    'app://renderer/..%2frenderer-evil%2findex.html',
  ])('refuses the encoded traversal %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it.each(['app://renderer/../secret', 'app://renderer/%2e%2e/secret', 'app://renderer/assets/../../../secret', 'app://renderer//etc/passwd'])(
    'keeps %s inside the root (the URL parser already collapsed the dots)',
    (url) => {
      const file = resolveAppFile(url, root);
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
      expect(file).not.toBe(path.join(base, 'secret'));
    },
  );

  it.each([
    'app://evil/index.html',
    'app://renderer.evil/index.html',
    'app://renderer:8080/index.html',
    'https://renderer/index.html',
    'file:///index.html',
    'http://localhost:5173/index.html',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s (another host or scheme)', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('works with a root given with a trailing separator', () => {
    expect(resolveAppFile('app://renderer/index.html', root + path.sep)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://renderer/..%2fsecret', root + path.sep)).toBeNull();
  });
});

describe('serveAppFile over a real folder', () => {
  it('serves index.html with its content type and the CSP header', async () => {
    const response = await serveAppFile('app://renderer/index.html', root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<!doctype html><title>Inspector</title>');
    expectCsp(response);
  });

  it.each([
    ['app://renderer/', 'text/html; charset=utf-8'],
    ['app://renderer/other.html', 'text/html; charset=utf-8'],
    ['app://renderer/assets/index.js', 'text/javascript; charset=utf-8'],
    ['app://renderer/assets/index.css', 'text/css; charset=utf-8'],
    ['app://renderer/with%20space.svg', 'image/svg+xml'],
    ['app://renderer/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const response = await serveAppFile(url, root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expectCsp(response);
  });

  it.each([
    'app://renderer/missing.html',
    'app://renderer/assets/',
    'app://renderer/assets',
    'app://renderer/index.html%00.js',
    'app://renderer/%2e%2e%2fsecret',
    'app://renderer/..%2frenderer-evil%2findex.html',
    'app://evil/index.html',
  ])('answers 404 with the CSP header for %s, never the secret', async (url) => {
    const response = await serveAppFile(url, root);
    expect(response.status).toBe(404);
    expectCsp(response);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 404 for a malformed percent-escape', async () => {
    const response = await serveAppFile('app://renderer/%E0%A4%A.html', root);
    expect(response.status).toBe(404);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('denies by default and allows scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
  });

  it('has no unsafe-inline, unsafe-eval or wildcard anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|blob:/);
  });

  it('lets the page connect nowhere, be framed by no one and load no plugins', () => {
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
  });
});

describe('handleAppProtocol', () => {
  it('registers a handler for app: that serves from the given root', async () => {
    const handlers = new Map<string, (request: { url: string }) => Promise<Response>>();
    const protocol = {
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => void handlers.set(scheme, handler),
    };
    handleAppProtocol(protocol as unknown as Protocol, root);
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!({ url: 'app://renderer/assets/index.js' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("app");');
    expectCsp(response);
    expect((await handlers.get('app')!({ url: 'app://renderer/%2e%2e%2fsecret' })).status).toBe(404);
  });
});

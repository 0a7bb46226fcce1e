// The renderer is served from app://renderer/, a privileged scheme of our own,
// never file:// (which would give the page the whole disk as its origin).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Maps an app:// URL to a file under `root`, refusing anything that escapes it. */
export function resolveAppFile(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null; // a malformed %-escape names no file
  }
  const file = path.resolve(root, `.${relative}`);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  return file.startsWith(rootWithSep) ? file : null;
}

export async function serveAppFile(requestUrl: string, root: string): Promise<Response> {
  const headers = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
  const file = resolveAppFile(requestUrl, root);
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    const type = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': type } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

export function handleAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, root));
}

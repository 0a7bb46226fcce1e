// The page the browser shows after the portal sends it back to us. It is
// served from 127.0.0.1 to whatever browser made the request, so it loads
// nothing, runs nothing, and prints parameters only as escaped text.
import { createHash } from 'node:crypto';
import { language } from '../core/i18n';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f4f6f8;color:#1f2933}' +
  'main{max-width:32rem;margin:1rem;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08)}' +
  'h1{font-size:1.3rem;margin:0 0 .5rem}p{margin:.5rem 0}.bad h1{color:#b42318}';

/** A hash instead of 'unsafe-inline': only this exact style may apply, and no script at all. */
export const CALLBACK_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every answer of the listener: the URL carried a code, so nothing is cached, framed or referred on. */
export const CALLBACK_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CALLBACK_PAGE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The listener closes right after the flow; a kept-alive socket would only hold it open.
  connection: 'close',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface CallbackPage {
  title: string;
  /** Set in bold before the paragraphs: what went wrong, when the heading only says that something did. */
  lead?: string;
  /** Plain-text paragraphs; escaped here. */
  paragraphs: string[];
  failed?: boolean;
}

/** The page, in the language of the call in progress (the listener runs its requests in the sign-in's). */
export function renderCallbackPage(page: CallbackPage): string {
  const lead = page.lead === undefined ? [] : [`<p><strong>${escapeHtml(page.lead)}</strong></p>`];
  const body = [...lead, ...page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)].join('\n');
  return (
    `<!DOCTYPE html>\n<html lang="${language()}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(page.title)} — Open Lines Inspector</title><style>${STYLE}</style></head>\n` +
    `<body><main${page.failed ? ' class="bad"' : ''}><h1>${escapeHtml(page.title)}</h1>\n${body}\n</main></body></html>\n`
  );
}

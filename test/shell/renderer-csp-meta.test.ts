// The built index.html repeats main's CSP (the header is what Electron
// enforces; the meta tag covers any other way the page is opened).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/content-security-policy';

const BUILT = path.resolve(import.meta.dirname, '../../out/renderer/index.html');

function decode(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('the built renderer page', () => {
  it('carries the same policy as the header, minus what a meta tag cannot do', () => {
    if (!existsSync(BUILT)) throw new Error('Build first: npm run build (npm test does it)');
    const html = readFileSync(BUILT, 'utf8');
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(match).not.toBeNull();
    const meta = decode(match![1]!).split('; ');
    const header = CONTENT_SECURITY_POLICY.split('; ');
    expect(meta).toEqual(header.filter((directive) => !directive.startsWith('frame-ancestors')));
    expect(meta.join(' ')).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('loads no script or style from anywhere but its own files', () => {
    const html = readFileSync(BUILT, 'utf8');
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(url!.startsWith('./') || url!.startsWith('/') || url === 'data:,').toBe(true);
    }
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/shell/content-security-policy';

/**
 * Puts main's CSP into index.html as a meta tag too, from the one definition
 * main sends as a header. frame-ancestors is ignored in a meta tag, so it is
 * left out there. The dev server needs its websocket and injected styles, so
 * only `electron-vite dev` gets those two relaxations.
 */
function contentSecurityPolicyMeta(): Plugin {
  let dev = false;
  return {
    name: 'openlines-csp-meta',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml() {
      let policy = CONTENT_SECURITY_POLICY.split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; ');
      if (dev) {
        policy = policy.replace("connect-src 'none'", "connect-src 'self' ws://localhost:*").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
      }
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
    },
  };
}

// Three targets from one config. Our top-level folders are main/, preload/ and
// renderer/ (the design card), not electron-vite's default src/ layout, so every
// entry is explicit.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('main/index.ts'),
          // The CLI shares the core with the app but must never pull in `electron`.
          cli: resolve('main/cli/index.ts'),
        },
        output: {
          banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [svelte(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});

// One cold start of the built main bundle under Node, `electron` stubbed:
// how long from importing out/main/index.js to the first window, and which
// synchronous disk calls and network connections happened before it.
// Prints one JSON line. Run by test/bench/startup-bench.ts with
// --import ./register.mjs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
const syncCalls = [];
let counting = true;
for (const name of Object.keys(fs)) {
  const original = fs[name];
  if (!name.endsWith('Sync') || typeof original !== 'function') continue;
  fs[name] = function (...args) {
    if (counting) syncCalls.push(`${name}(${typeof args[0] === 'string' ? args[0].split(/[\\/]/).slice(-2).join('/') : typeof args[0]})`);
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
const connections = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  if (counting) connections.push(String(args[0]?.host ?? args[0]?.path ?? args[0]));
  return connect.apply(this, args);
};

const started = performance.now();
globalThis.__benchFirstWindow = () => {
  counting = false;
  const firstWindowMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ firstWindowMs, syncCalls, connections })}\n`);
  process.exit(0);
};
await import(pathToFileURL(bundle).href);
setTimeout(() => {
  process.stderr.write('bench: the main bundle never created a window\n');
  process.exit(1);
}, 5_000);

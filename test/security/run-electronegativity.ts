// `npm run lint:security`: Doyensec's electronegativity over the sources the
// app ships (main/, preload/, renderer/ with the built index.html, which holds
// the CSP meta tag), assuming Electron 45. Zero findings, or the build fails;
// a finding we judged safe is suppressed where it is, with the reason beside
// it (`eng-disable CHECK_ID`). It is scanned as one tree so the global checks
// (navigation limits, permission handler, CSP) see main and the page together.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_HTML = path.join(ROOT, 'out/renderer/index.html');
const CLI = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');

if (!existsSync(BUILT_HTML)) throw new Error('Build first: npm run build (npm test does it)');
const tree = mkdtempSync(path.join(os.tmpdir(), 'oli-electronegativity-'));
try {
  for (const dir of ['main', 'preload', 'renderer/src']) cpSync(path.join(ROOT, dir), path.join(tree, dir), { recursive: true });
  cpSync(BUILT_HTML, path.join(tree, 'renderer/index.html'));
  const report = path.join(tree, 'report.csv');
  // It tries to fetch Electron's release list and translations, and goes on without them offline.
  const run = spawnSync(process.execPath, [CLI, '-i', tree, '-e', '45.0.0', '-r', '-v', 'false', '-o', report], { encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(report)) {
    process.stderr.write(`electronegativity did not run (exit ${run.status}):\n${run.stderr}\n`);
    process.exit(1);
  }
  const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter((line) => line.trim() !== '');
  if (findings.length > 0) {
    process.stderr.write(`electronegativity: ${findings.length} finding(s). Fix each, or suppress it inline with a reason:\n${findings.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('electronegativity (Electron 45): no findings in main/, preload/, renderer/\n');
} finally {
  rmSync(tree, { recursive: true, force: true });
}

// `openlines-inspector … | head -1` and `… | true`: when the reader closes the
// pipe, the CLI ends at once and quietly (status 141, as a shell reports a
// program ended by SIGPIPE), never with Node's EPIPE stack trace.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCli, type CliRun } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(() => temp.remove());

function expectQuietEnd(run: CliRun): void {
  expect(run.code).toBe(141);
  expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
}

it('stops after the reader has read what it wanted (lookup … | head -1)', async () => {
  const ids = Array.from({ length: 40 }, (_, i) => String(2001 + i));
  const cli = startCli(['lookup', ...ids, '--demo', '--data-dir', temp.dir], temp.dir);
  cli.child.stdin.end();
  await cli.line(/./);
  // head -1 has its line: it exits, and the pipe's read end closes.
  cli.child.stdout.destroy();
  const run = await cli.done;
  expectQuietEnd(run);
  // It did not go on through all forty lookups first.
  expect(run.stdout.split('\n').filter((line) => line.startsWith('Dialog')).length).toBeLessThan(40);
});

it('ends quietly when nobody reads at all (search … | true)', async () => {
  const cli = startCli(['search', 'livechat|22', '--data-dir', temp.dir], temp.dir);
  cli.child.stdin.end();
  cli.child.stdout.destroy();
  expectQuietEnd(await cli.done);
});

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

it('ends quietly when the reader has gone before forty lookups are printed (lookup … --json | true)', async () => {
  const ids = Array.from({ length: 40 }, (_, i) => String(2001 + i));
  // --json: a full lookup each, printed once all are done (several identifiers without it are one bulk table).
  const cli = startCli(['lookup', ...ids, '--json', '--demo', '--data-dir', temp.dir], temp.dir);
  cli.child.stdin.end();
  cli.child.stdout.destroy();
  expectQuietEnd(await cli.done);
});

it('ends quietly when nobody reads at all (search … | true)', async () => {
  const cli = startCli(['search', 'livechat|22', '--data-dir', temp.dir], temp.dir);
  cli.child.stdin.end();
  cli.child.stdout.destroy();
  expectQuietEnd(await cli.done);
});

// The built CLI against a portal that misbehaves on purpose: for each case
// the process ends within --timeout with the case's own error (or the
// dialog), prints no key and no stack trace, keeps nothing of the answer in
// its data folder, and the next normal lookup there works.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process';
import { folderBytes } from '../support/folder-bytes';
import { HOSTILE_CASES, HOSTILE_DEADLINE_MS, HOSTILE_MAX_ANSWER_BYTES } from '../support/hostile-cases';
import { startBystander, startHostilePortal, type Bystander, type HostilePortal } from '../support/hostile-portal';
import { makeTempDir } from '../support/temp-dir';

const KEY = 'HOSTILEcliKEY0x77f1';

let portal: HostilePortal;
let bystander: Bystander;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let caFile: string;

beforeAll(async () => {
  [portal, bystander, temp] = await Promise.all([startHostilePortal(), startBystander(), makeTempDir()]);
  caFile = path.join(temp.dir, 'portal-ca.pem');
  await writeFile(caFile, portal.certificate);
});
afterAll(async () => {
  await Promise.all([portal.close(), bystander.close(), temp.remove()]);
});
beforeEach(() => {
  portal.behave();
  bystander.received.length = 0;
});

interface JsonOutcome {
  ok: boolean;
  error?: { code: string; message: string };
  dialog?: { id: number; name: string };
  source?: string;
}

describe('openlines-inspector lookup against a hostile portal', () => {
  it.each(HOSTILE_CASES)('$name → $expect', async (hostile) => {
    const dataDir = path.join(temp.dir, hostile.name.replace(/\W+/g, '-'));
    const lookup = (input: string, numberAs = 'chat') =>
      runCli(
        ['lookup', input, '--as', numberAs, '--webhook', portal.webhookUrl(KEY), '--json', '--data-dir', dataDir,
          '--timeout', String(HOSTILE_DEADLINE_MS / 1000), '--max-answer-mb', String(HOSTILE_MAX_ANSWER_BYTES / (1024 * 1024))],
        temp.dir,
        { NODE_EXTRA_CA_CERTS: caFile },
      );

    portal.misbehave(hostile.make({ portal, bystander }));
    const started = performance.now();
    const run = await lookup(hostile.input ?? 'chat1777', hostile.numberAs);
    // The process's own start-up included, on a loaded machine.
    expect(performance.now() - started).toBeLessThan(HOSTILE_DEADLINE_MS + 5_000);
    expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const [outcome] = JSON.parse(run.stdout) as [JsonOutcome];
    if (hostile.expect === 'dialog') {
      expect(run.code).toBe(0);
      expect(outcome.dialog?.id).toBe(1777);
    } else {
      expect(run.code).toBe(1);
      expect(outcome.error?.code).toBe(hostile.expect);
      if (hostile.says) expect(run.stderr).toContain(hostile.says({ portal, bystander }));
    }
    expect(bystander.received).toEqual([]);

    portal.behave();
    const next = await lookup('chat1777');
    expect(next.code).toBe(0);
    expect((JSON.parse(next.stdout) as [JsonOutcome])[0]).toMatchObject({ ok: true, source: 'network', dialog: { id: 1777 } });
    const stored = await folderBytes(dataDir);
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain('BYSTANDER ANSWER');
    expect(stored).not.toContain('chat7012');
  });

  it('--verbose says each lookup’s outcome on stderr, without the key', async () => {
    portal.misbehave(({ req, res }) => {
      res.writeHead(302, { location: `${bystander.httpsOrigin}${req.url ?? '/'}` });
      res.end();
    });
    const dataDir = path.join(temp.dir, 'verbose');
    const run = await runCli(['lookup', 'chat1777', '--webhook', portal.webhookUrl(KEY), '--verbose', '--data-dir', dataDir], temp.dir, { NODE_EXTRA_CA_CERTS: caFile });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[info\] lookup .*"outcome":"REDIRECT_REFUSED"/);
    expect(run.stderr + run.stdout).not.toContain(KEY);
    const quiet = await runCli(['lookup', 'chat1777', '--webhook', portal.webhookUrl(KEY), '--data-dir', dataDir], temp.dir, { NODE_EXTRA_CA_CERTS: caFile });
    expect(quiet.stderr).not.toContain('[info]');
  });

  it('--max-answer-mb takes a number of megabytes, and refuses nonsense as a usage error', async () => {
    const run = await runCli(['lookup', 'chat1777', '--webhook', portal.webhookUrl(KEY), '--max-answer-mb', 'lots'], temp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-answer-mb');
  });
});

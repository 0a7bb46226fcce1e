// `lookup <link>` where the link is to another portal than the account in
// use: refused before any request, naming the saved account of the link's
// portal as --account, as a user runs it against two emulated portals.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { runCli, type CliRun } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';

/** Two portals: each emulator listens on its own port, so each is its own host. */
let support: Emulator;
let sales: Emulator;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let caFile: string;
let dataDir: string;
let run = 0;

beforeAll(async () => {
  [support, sales] = await Promise.all([startEmulator({ rateLimit: false }), startEmulator({ rateLimit: false })]);
  temp = await makeTempDir();
  caFile = path.join(temp.dir, 'emulator-ca.pem');
  // One certificate per process: it is both emulators'.
  await writeFile(caFile, support.certificate);
});
afterAll(async () => {
  await Promise.all([support.close(), sales.close()]);
  await temp.remove();
});
beforeEach(() => {
  run += 1;
  dataDir = path.join(temp.dir, `data-${run}`);
});

const cli = (args: string[]): Promise<CliRun> => runCli([...args, '--data-dir', dataDir], temp.dir, { NODE_EXTRA_CA_CERTS: caFile });
const hostOf = (emulator: Emulator) => new URL(emulator.origin).host;
const linkTo = (host: string) => `https://${host}/online/?IM_DIALOG=chat1777`;
const seen = () => [support.requests.length, sales.requests.length];

async function saveBoth(): Promise<void> {
  expect((await cli(['login', '--webhook', sales.webhookUrl(), '--name', 'Sales desk'])).code).toBe(0);
  expect((await cli(['login', '--webhook', support.webhookUrl(), '--name', 'Support'])).code).toBe(0);
  expect((await cli(['accounts', 'use', 'Support'])).code).toBe(0);
}

describe('openlines-inspector lookup <link to another portal>', () => {
  it('is refused before any request, naming --account of the saved account for its host; with it, it is looked up', async () => {
    await saveBoth();
    const before = seen();
    const refused = await cli(['lookup', linkTo(hostOf(sales))]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Link to another portal [LINK_OTHER_PORTAL]');
    expect(refused.stderr).toContain(`This link is to a dialog on ${hostOf(sales)}, but lookups go to ${hostOf(support)}, where`);
    expect(refused.stderr).toContain(`What to do: Run the lookup again with --account "Sales desk", your saved account for ${hostOf(sales)}.`);
    expect(seen()).toEqual(before);

    const found = await cli(['lookup', linkTo(hostOf(sales)), '--account', 'Sales desk']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain(`on ${hostOf(sales)}`);
    expect(seen()).toEqual([before[0], before[1]! + 1]);
  });

  it('carries the offer in --json, and still looks up the other identifiers given', async () => {
    await saveBoth();
    const before = seen();
    const result = await cli(['lookup', 'chat1777', linkTo(hostOf(sales)), '--json']);
    expect(result.code).toBe(1);
    const [first, second] = JSON.parse(result.stdout) as Array<{ ok: boolean; error?: { code: string; otherAccount?: { name: string } } }>;
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'LINK_OTHER_PORTAL', otherAccount: { name: 'Sales desk' } } });
    expect(seen()).toEqual([before[0]! + 1, before[1]]);
  });

  it('says how to save an account when none is for its host, with --webhook and --demo too', async () => {
    const before = seen();
    const hooked = await cli(['lookup', linkTo('x.bitrix24.com'), '--webhook', support.webhookUrl()]);
    expect(hooked.code).toBe(1);
    expect(hooked.stderr).toContain(`on x.bitrix24.com, but lookups go to ${hostOf(support)}, where`);
    expect(hooked.stderr).toContain('What to do: No saved account is for x.bitrix24.com. Save one with openlines-inspector login');
    expect(seen()).toEqual(before);

    const demo = await cli(['lookup', linkTo('x.bitrix24.com'), '--demo']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('but lookups go to the demo portal, where');
  });

  it('is looked up as usual when the link is to the portal in use', async () => {
    await saveBoth();
    const before = seen();
    const result = await cli(['lookup', linkTo(hostOf(support))]);
    expect(result.code, result.stderr).toBe(0);
    expect(seen()).toEqual([before[0]! + 1, before[1]]);
  });
});

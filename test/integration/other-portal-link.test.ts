// A Bitrix24 link pasted while another portal is connected, through the
// handlers the window talks to, against two emulated portals over HTTPS: it
// is refused before any request leaves, offering the saved account of the
// link's portal; a link to the connected portal is looked up as usual.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState, LookupResult } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorOf, ok } from '../support/ipc-result';

/** Two portals: each emulator listens on its own port, so each is its own host. */
let support: Emulator;
let sales: Emulator;
let harness: Harness;

beforeAll(async () => {
  [support, sales] = await Promise.all([startEmulator({ rateLimit: false }), startEmulator({ rateLimit: false })]);
});
afterAll(() => Promise.all([support.close(), sales.close()]));
afterEach(() => harness?.dispose());

const hostOf = (emulator: Emulator) => new URL(emulator.origin).host;
const linkTo = (host: string, dialog = 'chat1777') => `https://${host}/online/?IM_DIALOG=${dialog}`;
const lookUp = (input: string) => harness.api.dispatch('lookup:run', { input, numberAs: 'chat' });

async function connect(emulator: Emulator, name: string): Promise<ConnectionState> {
  return ok<ConnectionState>(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name }));
}

/** Requests each portal has answered so far. */
const seen = () => [support.requests.length, sales.requests.length];

describe('a link to another portal than the connected one', () => {
  it('is refused before any request, naming both hosts and offering the saved account; switching looks it up there', async () => {
    harness = await startHarness(support);
    const salesAccount = (await connect(sales, 'Sales')).account!;
    await connect(support, 'Support');
    // A kept copy of the connected portal's chat1777 is there to be (wrongly) shown.
    expect(ok<LookupResult>(await lookUp('chat1777')).source).toBe('network');
    const before = seen();

    const refused = errorOf(await lookUp(linkTo(hostOf(sales))));
    expect(refused).toMatchObject({ code: 'LINK_OTHER_PORTAL', retryable: false, otherAccount: { id: salesAccount.id, name: 'Sales' } });
    expect(refused.message).toContain(`on ${hostOf(sales)}, but lookups go to ${hostOf(support)}`);
    expect(refused.action).toBe(`Look it up with "Sales", your saved account for ${hostOf(sales)}.`);
    expect(seen()).toEqual(before);

    // What the window's button does: switch to the offered account, run the same input.
    ok(await harness.api.dispatch('accounts:use', { id: refused.otherAccount!.id }));
    const found = ok<LookupResult>(await lookUp(linkTo(hostOf(sales))));
    expect(found).toMatchObject({ source: 'network', portal: { host: hostOf(sales) }, query: { linkHost: hostOf(sales) } });
    expect(found.dialog.id).toBe(1777);
    expect(support.requests.length).toBe(before[0]);
    // The dialog, then its conversation.
    expect(sales.requests.length).toBe(before[1]! + 2);
  });

  it('says that no account of its host is connected when none is saved', async () => {
    harness = await startHarness(support);
    await connect(support, 'Support');
    const before = seen();
    const refused = errorOf(await lookUp(linkTo('X.Bitrix24.com', 'chat2001')));
    expect(refused.code).toBe('LINK_OTHER_PORTAL');
    expect(refused).not.toHaveProperty('otherAccount');
    expect(refused.message).toContain(`on x.bitrix24.com, but lookups go to ${hostOf(support)}`);
    expect(refused.action).toContain('No account for x.bitrix24.com is connected.');
    expect(seen()).toEqual(before);
  });

  it('is refused on the demo portal too, offering the saved account', async () => {
    harness = await startHarness(support);
    const supportAccount = (await connect(support, 'Support')).account!;
    ok(await harness.api.dispatch('connection:use-demo', undefined));
    const before = seen();
    const refused = errorOf(await lookUp(linkTo(hostOf(support))));
    expect(refused).toMatchObject({ code: 'LINK_OTHER_PORTAL', otherAccount: { id: supportAccount.id, name: 'Support' } });
    expect(refused.message).toContain('but lookups go to the demo portal, where');
    expect(seen()).toEqual(before);
  });
});

describe('a link to the connected portal', () => {
  it('is looked up as usual, however its host is written', async () => {
    harness = await startHarness(support);
    await connect(support, 'Support');
    const before = support.requests.length;
    const linked = ok<LookupResult>(await lookUp(`HTTPS://127.0.0.1.:${support.port}/online/?IM_DIALOG=imol|livechat|22|1775|599`));
    expect(linked.source).toBe('network');
    expect(linked.query).toMatchObject({ param: 'USER_CODE', value: 'livechat|22|1775|599' });
    expect(support.requests.length).toBe(before + 2);
    expect(support.requests.at(-2)).toMatchObject({ method: 'imopenlines.dialog.get' });
  });
});

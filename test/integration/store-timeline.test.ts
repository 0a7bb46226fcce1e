// A dialog's timeline read from a real database file: the kept copies oldest
// first with what changed between each, named from the account's directory,
// and any two compared; older copies past snapshotsPerDialog are gone from it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawDialog } from '../../main/core/dialog-types';
import { InspectorStore } from '../../main/store/index';
import { documentedDialog } from '../support/store-fixtures';
import { makeTempDir } from '../support/temp-dir';

const ACCOUNT = 'example.bitrix24.com';
const at = (minute: number) => `2026-03-16T10:${String(minute).padStart(2, '0')}:00.000Z`;

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-timeline-'));
  store = InspectorStore.open(dir, { snapshotsPerDialog: 3 });
});

afterEach(async () => {
  store.close();
  await remove();
});

const dialog = (patch: Record<string, unknown> = {}): RawDialog => ({ ...documentedDialog().dialog, ...patch });

describe('the store\'s timeline of a dialog', () => {
  it('reads the kept copies oldest first, each with its changes, the operator named from the directory', () => {
    // The answer itself names user 27 (first_viewers); another dialog named 31 before.
    store.putDialog(ACCOUNT, dialog({ id: 2006, dialog_id: 'chat2006', entity_id: 'livechat|1|2006|1', readed_list: [{ user_id: 31, user_name: 'Daniel Kim', message_id: 1, date: null }] }), null, at(0));
    store.putDialog(ACCOUNT, dialog(), null, at(1));
    store.putDialog(ACCOUNT, dialog({ owner: 31, counter: 4 }), null, at(2));
    store.putDialog(ACCOUNT, dialog({ owner: 31, counter: 4, entity_data_3: 'Y' }), null, at(3));
    const timeline = store.timeline(ACCOUNT, 1777);
    expect(timeline.map((entry) => entry.fetchedAt)).toEqual([at(1), at(2), at(3)]);
    expect(timeline[0]!.changes).toBeNull();
    expect(timeline[1]!.changes!.changes.map((change) => change.text)).toEqual(['Responsible operator changed: Samantha Johnson (27) → Daniel Kim (31)']);
    expect(timeline[1]!.changes!.viewerDependent.map((change) => change.key)).toEqual(['counter']);
    expect(timeline[2]!.changes!.changes.map((change) => change.kind)).toEqual(['silent']);
  });

  it('drops the copies past snapshotsPerDialog from the timeline', () => {
    for (let minute = 1; minute <= 5; minute += 1) store.putDialog(ACCOUNT, dialog({ message_count: 100 + minute }), null, at(minute));
    const timeline = store.timeline(ACCOUNT, 1777);
    expect(timeline.map((entry) => entry.dialog['message_count'])).toEqual([103, 104, 105]);
    expect(timeline[1]!.changes!.changes.map((change) => change.text)).toEqual(['1 new message']);
  });

  it('compares any two kept copies, and says null for one not kept', () => {
    store.putDialog(ACCOUNT, dialog(), null, at(1));
    store.putDialog(ACCOUNT, dialog({ name: 'VIP' }), null, at(2));
    store.putDialog(ACCOUNT, dialog({ name: 'VIP', entity_data_1: 'Y|DEAL|77|N|N|343|1773682918|0|0|0' }), null, at(3));
    const changes = store.compareKept(ACCOUNT, 1777, at(3), at(1));
    expect(changes?.since).toBe(at(1));
    expect(changes?.changes.map((change) => change.text)).toEqual(['CRM binding moved: lead 1209 → deal 77', 'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”']);
    expect(store.compareKept(ACCOUNT, 1777, at(1), at(9))).toBeNull();
  });

  it('has no timeline for a dialog never kept, nor for another account\'s', () => {
    store.putDialog(ACCOUNT, dialog(), null, at(1));
    expect(store.timeline(ACCOUNT, 4242)).toEqual([]);
    expect(store.timeline('other.bitrix24.com', 1777)).toEqual([]);
  });
});

// Desktop notifications of a watched dialog's changes: which changes are worth
// one, what it says, and quiet mode, which holds them and says them once.
import { expect, it } from 'vitest';
import type { DialogChange } from '../../main/core/dialog-types';
import type { WatchChangeEvent } from '../../main/core/watch-types';
import { noticeFor, noticeworthy, WatchNotices, type WatchNotice } from '../../main/watch/watch-notices';

const change = (kind: DialogChange['kind'], text: string): DialogChange => ({ key: kind, kind, before: null, after: null, text });
const event = (changes: DialogChange[], chatId = 1777): WatchChangeEvent => ({ account: 'example.bitrix24.com', chatId, at: '2026-12-07T10:00:00Z', changes });

it('notifies of what a lead drops things for by default, of every change on "all", of none on "off"; never of what depends on who asks', () => {
  const changes = [change('renamed', 'Renamed'), change('clientWaiting', 'The client is now waiting'), change('viewer', 'counter'), change('owner', 'Operator: Daniel Kim')];
  expect(noticeworthy(changes, 'important').map((c) => c.kind)).toEqual(['clientWaiting', 'owner']);
  expect(noticeworthy(changes, 'all').map((c) => c.kind)).toEqual(['renamed', 'clientWaiting', 'owner']);
  expect(noticeworthy(changes, 'off')).toEqual([]);
});

it('titles the notice with the dialog, lists three changes and counts the rest', () => {
  const many = ['session', 'clientWaiting', 'owner', 'blocked', 'closed'].map((kind, i) => change(kind as DialogChange['kind'], `change ${i + 1}`));
  expect(noticeFor(event(many), 'important', 'Anna - Sales')).toEqual({
    title: 'Changed: Anna - Sales',
    body: 'change 1\nchange 2\nchange 3\nand 2 more',
    chatId: 1777,
    account: 'example.bitrix24.com',
  });
  expect(noticeFor(event([change('renamed', 'Renamed')]), 'important', null)).toBeNull();
  expect(noticeFor(event([change('session', 'A new session')]), 'all', null)?.title).toBe('Changed: chat1777');
});

it('holds notices in quiet mode and says once, when it ends, how many and in how many dialogs', async () => {
  const shown: WatchNotice[] = [];
  let quiet = true;
  const notices = new WatchNotices({
    show: (notice) => shown.push(notice),
    settings: () => ({ watchNotify: 'important', watchQuiet: quiet }),
    nameOf: async () => {
      throw new Error('store locked');
    },
  });
  await notices.changed(event([change('session', 'A new session')]));
  await notices.changed(event([change('closed', 'Closed')], 2001));
  await notices.changed(event([change('renamed', 'Renamed')], 2002));
  expect(shown).toEqual([]);
  notices.settingsChanged();
  expect(shown).toEqual([]);
  quiet = false;
  notices.settingsChanged();
  expect(shown).toEqual([{ title: 'While quiet mode was on', body: '2 changes in 2 watched dialogs. Open the watch list to see them.', chatId: null, account: 'example.bitrix24.com' }]);
  // Said once: nothing is held any more.
  notices.settingsChanged();
  expect(shown).toHaveLength(1);
  // Out of quiet mode, each is shown as it comes, named by the chat when the name cannot be read.
  await notices.changed(event([change('owner', 'Operator: Daniel Kim')]));
  expect(shown.at(-1)).toMatchObject({ title: 'Changed: chat1777', body: 'Operator: Daniel Kim', chatId: 1777 });
});

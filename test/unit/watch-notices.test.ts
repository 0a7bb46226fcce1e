// Desktop notifications of a watched dialog's fired rules: what one says, and
// quiet mode, which holds them and says them once.
import { expect, it } from 'vitest';
import type { FiredRule, WatchRuleName } from '../../main/core/watch-rules';
import type { WatchFiredEvent } from '../../main/core/watch-types';
import { noticeCommand, noticeFor, WatchNotices, type WatchNotice } from '../../main/watch/watch-notices';

const rule = (name: WatchRuleName, text: string): FiredRule => ({ rule: name, key: `${name}:${text}`, text });
const event = (fired: FiredRule[], chatId = 1777): WatchFiredEvent => ({ account: 'example.bitrix24.com', chatId, at: '2026-12-07T10:00:00Z', fired });

it('titles the notice with the dialog, lists three fired rules and counts the rest', () => {
  const many = ['newSession', 'clientWaiting', 'operatorChanged', 'blocked', 'closed'].map((name, i) => rule(name as WatchRuleName, `change ${i + 1}`));
  expect(noticeFor(event(many), 'Anna - Sales')).toEqual({
    title: 'Changed: Anna - Sales',
    body: 'change 1\nchange 2\nchange 3\nand 2 more',
    chatId: 1777,
    account: 'example.bitrix24.com',
  });
  expect(noticeFor(event([]), null)).toBeNull();
  expect(noticeFor(event([rule('newSession', 'A new session')]), null)?.title).toBe('Changed: chat1777');
});

it('says "client waiting" in the title when only the wait fired, as nothing changed', () => {
  const waited = rule('waitedLonger', 'The client has waited 16 minutes, longer than 15 minutes');
  expect(noticeFor(event([waited]), 'Anna - Sales')).toMatchObject({ title: 'Client waiting: Anna - Sales', body: waited.text });
  expect(noticeFor(event([waited, rule('closed', 'Closed')]), 'Anna - Sales')?.title).toBe('Changed: Anna - Sales');
});

it('holds notices in quiet mode and says once, when it ends, how many and in how many dialogs', async () => {
  const shown: WatchNotice[] = [];
  let quiet = true;
  const notices = new WatchNotices({
    show: (notice) => shown.push(notice),
    settings: () => ({ watchQuiet: quiet }),
    nameOf: async () => {
      throw new Error('store locked');
    },
  });
  await notices.fired(event([rule('newSession', 'A new session')]));
  await notices.fired(event([rule('closed', 'Closed')], 2001));
  await notices.fired(event([], 2002));
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
  await notices.fired(event([rule('operatorChanged', 'Operator: Daniel Kim')]));
  expect(shown.at(-1)).toMatchObject({ title: 'Changed: chat1777', body: 'Operator: Daniel Kim', chatId: 1777 });
});

it("a click looks the connected account's dialog up, and opens another account's as kept, never asking the wrong portal", () => {
  expect(noticeCommand({ account: 'example.bitrix24.com', chatId: 1777 }, 'example.bitrix24.com')).toEqual({ kind: 'lookup', input: 'chat1777' });
  expect(noticeCommand({ account: 'demo', chatId: 2002 }, 'example.bitrix24.com')).toEqual({ kind: 'open-kept', account: 'demo', chatId: 2002 });
  expect(noticeCommand({ account: 'demo', chatId: 2002 }, null)).toEqual({ kind: 'open-kept', account: 'demo', chatId: 2002 });
  // The quiet-mode summary names no dialog: a click only brings the window forward.
  expect(noticeCommand({ account: 'demo', chatId: null }, 'demo')).toBeNull();
});

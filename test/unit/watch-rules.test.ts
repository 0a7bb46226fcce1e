// The watch's notification rules: which fire on a refresh, with a key per
// event, the list's rules from the settings, a dialog's own beating them, and
// the client's wait as far as a dialog and its kept transcript tell it.
import { describe, expect, it } from 'vitest';
import { conversationFrom } from '../../main/core/conversation';
import type { Conversation } from '../../main/core/conversation-types';
import type { ChangeKind, DialogChange, RawDialog } from '../../main/core/dialog-types';
import { inLanguage } from '../../main/core/i18n';
import {
  asWatchRules,
  clientWaitOf,
  effectiveRules,
  firedRules,
  kpiNote,
  listRules,
  watchRulesProblem,
  type ClientWait,
  type RuleInput,
  type WatchRules,
} from '../../main/core/watch-rules';

const change = (kind: ChangeKind, key: string = kind, after: unknown = null): DialogChange => ({ key, kind, before: null, after, text: `${kind} happened` });
const OFF: WatchRules = listRules('off', 0);
const AT = '2026-12-07T10:00:00.000Z';
const NOW = Date.parse(AT);
const notWaiting: ClientWait = { known: true, sessionId: 343, since: null, firstAnswer: false };

const input = (over: Partial<RuleInput>): RuleInput => ({ changes: [], at: AT, rules: OFF, now: NOW, wait: notWaiting, kpi: null, ...over });
const rulesOf = (fired: ReturnType<typeof firedRules>) => fired.map((one) => one.rule);

describe('the change rules', () => {
  const every: DialogChange[] = [
    change('session', 'entity_data_1[5]', 344),
    change('clientWaiting', 'conversation.status'),
    change('owner'),
    change('closed', 'entity_data_1[5]'),
    change('blocked', 'entity_data_1[8]'),
    change('renamed', 'name'),
    change('viewer', 'counter'),
  ];
  const cases: Array<[keyof WatchRules, ChangeKind]> = [
    ['newSession', 'session'],
    ['clientWaiting', 'clientWaiting'],
    ['operatorChanged', 'owner'],
    ['closed', 'closed'],
    ['blocked', 'blocked'],
  ];

  it.each(cases)('%s fires on its own change and on no other', (rule, kind) => {
    const fired = firedRules(input({ changes: every, rules: { ...OFF, [rule]: true } }));
    expect(fired).toEqual([expect.objectContaining({ rule, text: `${kind} happened` })]);
  });

  it('anyChange fires on every change but what depends on who asks, and gives way to a specific rule that is on', () => {
    expect(rulesOf(firedRules(input({ changes: every, rules: { ...OFF, anyChange: true } })))).toEqual(Array(6).fill('anyChange'));
    const both = firedRules(input({ changes: every, rules: { ...OFF, anyChange: true, operatorChanged: true } }));
    expect(rulesOf(both)).toEqual(['anyChange', 'anyChange', 'operatorChanged', 'anyChange', 'anyChange', 'anyChange']);
  });

  it('fires nothing with every rule off, and nothing when nothing changed', () => {
    expect(firedRules(input({ changes: every }))).toEqual([]);
    expect(firedRules(input({ rules: listRules('all', 5) }))).toEqual([]);
  });

  it('keys a new session by its id wherever it is seen, any other change by the refresh that found it', () => {
    const rules = listRules('all', 0);
    const first = firedRules(input({ changes: [change('session', 'entity_data_1[5]', 344), change('owner')], rules }));
    const later = firedRules(input({ changes: [change('session', 'entity_data_1[5]', 344), change('owner')], rules, at: '2026-12-07T10:05:00.000Z' }));
    expect(first.map((one) => one.key)).toEqual(['session:344', `operatorChanged:owner@${AT}`]);
    expect(later[0]!.key).toBe(first[0]!.key);
    expect(later[1]!.key).not.toBe(first[1]!.key);
  });
});

describe('the wait rule', () => {
  const since = '2026-12-07T09:40:00.000Z';
  const waiting: ClientWait = { known: true, sessionId: 343, since, firstAnswer: false };
  const wait15 = { ...OFF, waitedLonger: 15 };

  it('fires when the wait passes N minutes, with nothing changed, keyed by the session and the moment the wait began', () => {
    expect(firedRules(input({ rules: wait15, wait: waiting, now: Date.parse('2026-12-07T09:55:00.000Z') }))).toEqual([]);
    const fired = firedRules(input({ rules: wait15, wait: waiting, now: Date.parse('2026-12-07T09:55:01.000Z') }));
    expect(fired).toEqual([{ rule: 'waitedLonger', key: `waited:343@${since}`, text: 'The client has waited 15 minutes, longer than 15 minutes' }]);
    // A cycle later it would fire the same event: the caller keeps the key and says it once.
    expect(firedRules(input({ rules: wait15, wait: waiting, now: NOW }))[0]!.key).toBe(fired[0]!.key);
  });

  it('names the wait by its moment in UTC, whatever offset the portal wrote it in', () => {
    const inMoscow = firedRules(input({ rules: wait15, wait: { ...waiting, since: '2026-12-07T12:40:00+03:00' } }));
    expect(inMoscow[0]!.key).toBe(`waited:343@${since}`);
  });

  it('does not fire when the client is not waiting, or when nobody can tell', () => {
    expect(firedRules(input({ rules: wait15, wait: notWaiting }))).toEqual([]);
    expect(firedRules(input({ rules: wait15, wait: { ...waiting, since: 'yesterday' } }))).toEqual([]);
    expect(firedRules(input({ rules: wait15, wait: { known: false, sessionId: 343 } }))).toEqual([]);
  });

  it('measures against the line\'s first-answer target before any answer, and the further-answer one after', () => {
    const kpi = { firstAnswerSeconds: 120, furtherAnswerSeconds: 1500 };
    const rules = { ...OFF, waitedLonger: 'kpi' as const };
    // 20 minutes: over the 2-minute first answer, under the 25-minute further answer.
    expect(firedRules(input({ rules, kpi, wait: { ...waiting, firstAnswer: true } }))[0]?.text).toBe("The client has waited 20 minutes, longer than the line's answer-time target (2 min)");
    expect(firedRules(input({ rules, kpi, wait: waiting }))).toEqual([]);
    expect(firedRules(input({ rules, kpi: null, wait: waiting }))).toEqual([]);
  });

  it('says in Russian what fired', () => {
    const fired = inLanguage('ru', () => firedRules(input({ rules: wait15, wait: waiting })));
    expect(fired[0]!.text).toBe('Клиент ждёт 20 минут, дольше, чем 15 минут');
  });
});

describe('the rules a dialog follows', () => {
  it('derives the list\'s rules from the notification setting, so nothing notified before changes', () => {
    expect(listRules('important', 0)).toEqual({ waitedLonger: null, newSession: true, clientWaiting: true, operatorChanged: true, closed: true, blocked: true, anyChange: false });
    expect(listRules('all', 'kpi')).toMatchObject({ waitedLonger: 'kpi', anyChange: true });
    expect(listRules('important', 30).waitedLonger).toBe(30);
    expect(listRules('off', 30)).toEqual(OFF);
  });

  it('takes the dialog\'s own rules over the list\'s, and the list\'s when it has none', () => {
    const own = { ...OFF, closed: true };
    const list = listRules('all', 10);
    expect(effectiveRules(own, list)).toEqual({ rules: own, own: true });
    expect(effectiveRules(null, list)).toEqual({ rules: list, own: false });
    expect(rulesOf(firedRules(input({ changes: [change('renamed', 'name'), change('closed')], rules: effectiveRules(own, list).rules })))).toEqual(['closed']);
  });

  it('keeps the wait within 1 to 1440 whole minutes, saying so', () => {
    for (const ok of [1, 1440, 'kpi' as const, null]) expect(watchRulesProblem({ ...OFF, waitedLonger: ok })).toBeNull();
    for (const bad of [0, 1441, 2.5, -3, Number.NaN]) {
      expect(watchRulesProblem({ ...OFF, waitedLonger: bad })).toBe('"The client has waited longer than" takes whole minutes from 1 to 1440, or the line\'s answer-time target.');
    }
  });

  it('reads back a kept rule set, and nothing from a damaged one', () => {
    const own = { ...OFF, waitedLonger: 20, unknownKey: 'x' };
    expect(asWatchRules(JSON.parse(JSON.stringify(own)))).toEqual({ ...OFF, waitedLonger: 20 });
    expect(asWatchRules({ ...OFF, closed: 'yes' })).toBeNull();
    expect(asWatchRules({ ...OFF, waitedLonger: 5000 })).toBeNull();
    expect(asWatchRules([OFF])).toBeNull();
  });

  it('says why the line\'s target cannot be used: the lines unreadable, no line, no target set', () => {
    const kpiRules = { ...OFF, waitedLonger: 'kpi' as const };
    const lines = { '1': { kpi: { firstAnswerSeconds: 120, furtherAnswerSeconds: null } }, '5': { kpi: { firstAnswerSeconds: null, furtherAnswerSeconds: null } } };
    expect(kpiNote(kpiRules, 1, lines, null)).toBeNull();
    expect(kpiNote({ ...OFF, waitedLonger: 10 }, 5, lines, null)).toBeNull();
    expect(kpiNote(kpiRules, 5, lines, null)).toBe('Line 5 has no answer-time target set (KPI_FIRST_ANSWER_TIME / KPI_FURTHER_ANSWER_TIME are off).');
    expect(kpiNote(kpiRules, null, lines, null)).toBe('The dialog names no open line, so it has no answer-time target to wait against.');
    expect(kpiNote(kpiRules, 1, null, 'The webhook lacks the scope.')).toBe("The line's answer-time target cannot be read, so the wait is not measured against it: The webhook lacks the scope.");
  });
});

describe('the client\'s wait, from what the watch has', () => {
  const dialog = (sessionId: number | null, lastMessageId: number): RawDialog => ({
    id: 1777,
    entity_type: 'LINES',
    entity_id: 'livechat|22|1775|599',
    entity_data_1: sessionId === null ? '' : `Y|LEAD|1209|N|N|${sessionId}|1773682918|0|0|0`,
    last_message_id: lastMessageId,
  });
  const transcript = (sessionId: number, lastId: number, status: Conversation['status'], answered: boolean): Conversation =>
    ({
      chatId: 1777,
      sessionId,
      messages: [{ id: lastId - 1 }, { id: lastId }],
      status,
      timings: { clientWaitingSince: status === 'clientWaiting' ? '2026-03-16T19:50:08.000Z' : null, firstResponse: answered ? { seconds: 60, from: '', to: '' } : null },
    }) as unknown as Conversation;

  it('is the kept transcript\'s while it covers the dialog\'s last message', () => {
    expect(clientWaitOf(dialog(343, 900), transcript(343, 900, 'clientWaiting', true))).toEqual({ known: true, sessionId: 343, since: '2026-03-16T19:50:08.000Z', firstAnswer: false });
    expect(clientWaitOf(dialog(343, 900), transcript(343, 900, 'operatorAnswered', false))).toMatchObject({ known: true, since: null });
  });

  it('is unknown without a transcript of the current session, or once a message came after it', () => {
    expect(clientWaitOf(dialog(343, 900), null)).toEqual({ known: false, sessionId: 343 });
    expect(clientWaitOf(dialog(344, 900), transcript(343, 900, 'clientWaiting', true))).toEqual({ known: false, sessionId: 344 });
    expect(clientWaitOf(dialog(343, 901), transcript(343, 900, 'clientWaiting', true))).toEqual({ known: false, sessionId: 343 });
  });

  it("waits through a bot's greeting until an operator writes, held to the first-answer target; the module's closing message ends it", () => {
    const users = { '597': { id: '597', name: 'Help Desk Bot', bot: true }, '599': { id: '599', name: 'Guest', connector: true } };
    const raw = (messages: Array<[number, string, string, Record<string, unknown>?]>) => ({
      chatId: 1777,
      sessionId: 343,
      users,
      message: Object.fromEntries(messages.map(([id, senderid, date, params]) => [String(id), { id: String(id), senderid, date, text: 'x', params: params ?? [] }])),
    });
    const asked = { chatId: 1777, sessionId: 343, current: true };
    const greeted = conversationFrom(raw([[898, '599', '2026-03-16T19:50:08+01:00'], [899, '597', '2026-03-16T19:50:10+01:00'], [900, '0', '2026-03-16T19:51:00+01:00']]), asked, null, AT);
    expect(clientWaitOf(dialog(343, 900), greeted)).toEqual({ known: true, sessionId: 343, since: '2026-03-16T19:50:08+01:00', firstAnswer: true });
    const closed = conversationFrom(
      raw([[898, '599', '2026-03-16T19:50:08+01:00'], [900, '0', '2026-03-16T20:50:00+01:00', { class: 'bx-messenger-content-item-ol-end' }]]),
      asked,
      null,
      AT,
    );
    expect(clientWaitOf(dialog(343, 900), closed)).toMatchObject({ known: true, since: null });
  });

  it('is nobody waiting when the dialog has no current session', () => {
    expect(clientWaitOf(dialog(null, 900), null)).toMatchObject({ known: true, since: null });
  });
});

// Issue 13, a watched dialog's rules in the window: what a row says it follows
// in a few words (English and Russian), the wait's minutes as typed checked
// with a specific reason, and the rules dialog's form to and from the rules
// main keeps.
import { describe, expect, it as test } from 'vitest';
import type { WatchedRow, WatchRules } from '../../preload/api-contract';
import en from '../../renderer/src/lib/messages/watch-en';
import ru from '../../renderer/src/lib/messages/watch-ru';
import { formFromRow, parseWaitMinutes, rulesFromForm, rulesSummary } from '../../renderer/src/lib/watch-rules-view';

const NONE: WatchRules = { waitedLonger: null, newSession: false, clientWaiting: false, operatorChanged: false, closed: false, blocked: false, anyChange: false };
const IMPORTANT: WatchRules = { ...NONE, newSession: true, clientWaiting: true, operatorChanged: true, closed: true, blocked: true };

function rowWith(rules: WatchRules, own: boolean): Pick<WatchedRow, 'rules'> {
  return { rules: { rules, own, kpiNote: null } };
}

describe('what a row says it follows', () => {
  test('a dialog following the list says so, whatever the list’s rules are', () => {
    expect(rulesSummary(rowWith(IMPORTANT, false), en.rules)).toBe('follow the list');
    expect(rulesSummary(rowWith(NONE, false), ru.rules)).toBe('по правилам списка');
  });

  test('its own rules are named, the wait first', () => {
    const own = { ...NONE, waitedLonger: 15, newSession: true, closed: true };
    expect(rulesSummary(rowWith(own, true), en.rules)).toBe('own rules — waits over 15 min, new session, closed');
    expect(rulesSummary(rowWith(own, true), ru.rules)).toBe('свои правила — ждёт дольше 15 мин, новая сессия, закрыт');
  });

  test('the line’s target and a long wait read as a lead would say them', () => {
    expect(rulesSummary(rowWith({ ...NONE, waitedLonger: 'kpi', anyChange: true }, true), en.rules)).toBe('own rules — waits over the line’s target, any change');
    expect(rulesSummary(rowWith({ ...NONE, waitedLonger: 1440 }, true), en.rules)).toBe('own rules — waits over 1,440 min');
  });

  test('own rules with everything off say that nothing notifies', () => {
    expect(rulesSummary(rowWith(NONE, true), en.rules)).toBe('own rules — none at all');
  });
});

describe('the wait’s minutes as typed', () => {
  test('whole minutes from 1 to 1,440 are taken, spaces and grouping aside', () => {
    expect(parseWaitMinutes('15')).toEqual({ ok: true, minutes: 15 });
    expect(parseWaitMinutes(' 1 440 ')).toEqual({ ok: true, minutes: 1440 });
    expect(parseWaitMinutes('1,440')).toEqual({ ok: true, minutes: 1440 });
    expect(parseWaitMinutes('1')).toEqual({ ok: true, minutes: 1 });
  });

  test('each refusal has its own reason', () => {
    expect(parseWaitMinutes('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseWaitMinutes('1.5')).toEqual({ ok: false, problem: 'notWhole' });
    expect(parseWaitMinutes('-5')).toEqual({ ok: false, problem: 'notWhole' });
    expect(parseWaitMinutes('15m')).toEqual({ ok: false, problem: 'notWhole' });
    expect(parseWaitMinutes('0')).toEqual({ ok: false, problem: 'outOfRange' });
    expect(parseWaitMinutes('1441')).toEqual({ ok: false, problem: 'outOfRange' });
  });
});

describe('the rules dialog’s form', () => {
  test('a dialog following the list starts from the list’s rules, to be made its own', () => {
    const form = formFromRow(rowWith({ ...IMPORTANT, waitedLonger: 'kpi' }, false));
    expect(form).toEqual({
      own: false,
      flags: { newSession: true, clientWaiting: true, operatorChanged: true, closed: true, blocked: true, anyChange: false },
      wait: 'kpi',
      minutes: '15',
    });
    expect(rulesFromForm(form)).toEqual({ ok: true, rules: null });
  });

  test('its own rules go back as they came', () => {
    const own = { ...NONE, waitedLonger: 30, operatorChanged: true, anyChange: true };
    expect(rulesFromForm(formFromRow(rowWith(own, true)))).toEqual({ ok: true, rules: own });
  });

  test('the wait off or at the line’s target ignores what the minutes box holds', () => {
    const form = { ...formFromRow(rowWith(NONE, true)), minutes: 'soon' };
    expect(rulesFromForm({ ...form, wait: 'off' })).toEqual({ ok: true, rules: NONE });
    expect(rulesFromForm({ ...form, wait: 'kpi' })).toEqual({ ok: true, rules: { ...NONE, waitedLonger: 'kpi' } });
  });

  test('minutes that cannot be a wait are refused with the reason, nothing sent', () => {
    const form = { ...formFromRow(rowWith(NONE, true)), wait: 'minutes' as const, minutes: '2000' };
    expect(rulesFromForm(form)).toEqual({ ok: false, problem: 'outOfRange' });
  });
});

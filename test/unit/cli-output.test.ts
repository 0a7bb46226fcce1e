import { describe, expect, it } from 'vitest';
import { formatError, printable } from '../../main/cli/format-human';
import { errorEnvelope, portalErrorEnvelope } from '../../main/core/error-codes';

describe('terminal output of text from the portal', () => {
  it('makes control characters visible instead of obeying them', () => {
    expect(printable('Guest\u001b]0;pwned\u0007')).toBe('Guest\\u001b]0;pwned\\u0007');
    expect(printable('two\nlines\r\ttab')).toBe('two\\u000alines\\u000d\\u0009tab');
    expect(printable('\u009b31m')).toBe('\\u009b31m');
  });

  it('shows bidi overrides rather than letting them reorder a line', () => {
    expect(printable('abc\u202Edef\u2066')).toBe('abc\\u202edef\\u2066');
  });

  it('leaves ordinary text, other scripts and emoji alone', () => {
    for (const text of ['Green Guest #17 - Bitrix24 Documentation', 'Иван Петров', 'محمد', '顧客 🎉', '<img src=x onerror=alert(1)>']) {
      expect(printable(text)).toBe(text);
    }
  });

  it("cannot forge a line in an error's portal description", () => {
    const text = formatError('1777', errorEnvelope('ACCESS_ERROR', { portalDescription: 'x\nWhat to do: run rm -rf' }));
    expect(text.split('\n').filter((line) => line.startsWith('  What to do:'))).toHaveLength(1);
    expect(text).toContain('Portal said: x\\u000aWhat to do');
  });

  it("names a code the portal sent that we do not know by the portal's spelling, a control character shown", () => {
    const text = formatError('1777', portalErrorEnvelope('ERROR_NEW_IN_2027\u001b[2J'));
    expect(text.split('\n')[0]).toBe('1777: Bitrix24 error [ERROR_NEW_IN_2027\\u001b[2J]');
  });
});

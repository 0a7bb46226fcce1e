// A message as plain words for the terminal, saved transcripts and search:
// action tags as their label (a call with its number), and tags that would
// show or fetch something else as words in the language of the call.
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../main/core/i18n';
import { messagePlainText } from '../../main/core/transcript-text';

describe('a message as plain text', () => {
  it('[SEND], [PUT] and [CONTEXT] are their label; the command is not printed', () => {
    expect(messagePlainText('[SEND=/help]Show help[/SEND] · [PUT=/search]Search[/PUT] · [CONTEXT=chat1777/3901]that message[/CONTEXT]')).toBe(
      'Show help · Search · that message',
    );
  });

  it('[CALL] is its label with the number beside it, or the number alone', () => {
    expect(messagePlainText('[CALL=+19991234567]Call us[/CALL]')).toBe('Call us (+19991234567)');
    expect(messagePlainText('[CALL]+19991234567[/CALL]')).toBe('+19991234567');
  });

  it('[ATTACH], [RATING], [IMG], [DISK] and [ICON] are words, no address printed', () => {
    const text = messagePlainText('[ATTACH=1] [RATING=5] [IMG size=medium]https://example.com/pic.jpg [/IMG] [DISK=12] [ICON=https://example.com/i.png title=Unicorn]');
    expect(text).toBe('[attachment] [rating 5/5] [image] [file] [icon: Unicorn]');
  });

  it('[TIMESTAMP] is a date in words; in Russian, the Russian words', () => {
    expect(messagePlainText('[TIMESTAMP=1645844720 FORMAT=LONG_DATE_FORMAT]')).toMatch(/^\d{1,2} Feb 2022$/);
    inLanguage('ru', () => {
      expect(messagePlainText('[ATTACH=1] [IMG size=small]https://example.com/a.png [/IMG] [DISK=3] [RATING=2] [ICON=https://example.com/i.png]')).toBe(
        '[вложение] [изображение] [файл] [оценка 2/5] [значок]',
      );
      expect(messagePlainText('[TIMESTAMP=1645844720 FORMAT=LONG_DATE_FORMAT]')).toMatch(/^\d{1,2} февр\.? 2022/);
    });
  });
});

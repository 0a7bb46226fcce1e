// A message as plain words for the terminal, saved transcripts and search:
// action tags as their label (a call with its number), and tags that would
// show or fetch something else as words in the language of the call.
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../main/core/i18n';
import { conversationFrom } from '../../main/core/conversation';
import { messagePlainText } from '../../main/core/transcript-text';
import { formatTranscriptText } from '../../main/export/transcript-file';

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

describe('a transcript for the terminal', () => {
  const users = {
    '27': { id: '27', name: 'Samantha\u001b[2J Johnson', bot: false, connector: false },
    '599': { id: '599', name: 'Guest \u202etxt.exe', bot: false, connector: true },
  };
  const message = (id: number, senderid: string, minute: number, text: string) => ({
    id: String(id),
    chatid: '1777',
    senderid,
    recipientid: 'chat1777',
    date: `2026-03-16T18:${String(minute).padStart(2, '0')}:00+01:00`,
    text,
    params: [],
  });
  const conversation = conversationFrom(
    {
      chatId: 1777,
      sessionId: 343,
      message: { 2: message(2, '27', 2, 'Fine\u0007 now\rOVERWRITTEN'), 1: message(1, '599', 1, 'Hello\u001b]0;pwned\u0007') },
      users,
      files: [],
    },
    { chatId: 1777, sessionId: 343, current: true },
    null,
    '2026-03-16T18:10:00.000Z',
  );

  it("never hands the terminal a control character or a bidi override from the portal's names and messages", () => {
    const text = formatTranscriptText(conversation, 'Chat \u001b[31mred', 'portal');
    // Only the line breaks we write ourselves are control characters.
    expect(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)).toBe(false);
    expect(text).toContain('\\u001b[2J');
    expect(text).toContain('\\u202e');
    expect(text).toContain('Hello');
    expect(text).toContain('Fine');
  });
});

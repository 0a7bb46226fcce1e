// Which sessions the portal has, and their transcripts: the ones given (the
// demo's written conversations, or a test's), and for every other session a
// dialog names a generated one, since a real session always has at least its
// "session started" message. Given transcripts are loaded on first use, so a
// portal that is never asked for history never builds the long ones.
import type { EmulatedSession } from './emulator-types';
import type { DialogIndex } from './dialog-get';
import { generatedSession } from './generated-transcript';

export class SessionStore {
  private given: Map<number, EmulatedSession> | null = null;

  constructor(
    private readonly dialogs: DialogIndex,
    private readonly load: () => readonly EmulatedSession[],
  ) {}

  get(sessionId: number): EmulatedSession | undefined {
    const given = this.givenSessions().get(sessionId);
    if (given && this.dialogs.get(given.chatId)) return given;
    const chatId = this.dialogs.chatIdForSession(sessionId);
    const entry = chatId === undefined ? undefined : this.dialogs.get(chatId);
    return entry ? generatedSession(entry, sessionId) : undefined;
  }

  /** What CHAT_ID alone resolves to: the chat's newest session (the portal orders by ID DESC). */
  latestForChat(chatId: number): number | undefined {
    const entry = this.dialogs.get(chatId);
    if (!entry) return undefined;
    const ids = [...entry.sessionIds];
    for (const session of this.givenSessions().values()) if (session.chatId === chatId) ids.push(session.sessionId);
    return ids.length === 0 ? undefined : Math.max(...ids);
  }

  private givenSessions(): Map<number, EmulatedSession> {
    this.given ??= new Map(this.load().map((session) => [session.sessionId, session]));
    return this.given;
  }
}

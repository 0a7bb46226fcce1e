// openlines-inspector transcript: a session's conversation from the portal
// (kept, as the app keeps it) or from the kept copy; as text, Markdown or JSON.
// The built binary against the emulator over HTTPS, as a user would run it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptJson } from '../../main/core/transcript-text';
import type { Emulator } from '../../main/emulator/index';
import { runCli, type CliRun } from '../support/cli-process';
import { startTrustedEmulator, type TrustedEmulator } from '../support/trusted-emulator';

let emulator: Emulator;
let caFile: string;
let temp: TrustedEmulator['temp'];
let started: TrustedEmulator;

beforeAll(async () => {
  started = await startTrustedEmulator();
  ({ emulator, temp, caFile } = started);
});
afterAll(() => started.close());

const run = (args: string[], portal = true): Promise<CliRun> =>
  runCli(['transcript', ...args, ...(portal ? ['--webhook', emulator.webhookUrl()] : [])], temp.dir, { NODE_EXTRA_CA_CERTS: caFile });

describe('openlines-inspector transcript', () => {
  it('prints the current session as a readable transcript: whose, the timings, then each message oldest first', async () => {
    const result = await run(['chat1777']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Conversation of chat1777, session 343 — Green Guest #17 - Bitrix24 Documentation');
    expect(lines[1]).toMatch(/^From the portal, .+; 15 messages$/);
    expect(lines[2]).toMatch(/^client waiting · waiting since .+ · first response 2 min 20 s · longest wait 2 min 20 s · wrote last: client$/);
    expect(lines).toContain('— Monday, 16 March 2026 —');
    // Links as their addresses, mentions as the name, files as metadata.
    expect(result.stdout).toMatch(/\d\d:\d\d {2}Help Desk Bot \(bot\): Hello! You have reached Bitrix24 Documentation\./);
    expect(result.stdout).toContain('https://apidocs.bitrix24.com/');
    expect(result.stdout).toMatch(/System: Samantha Johnson joined the conversation/);
    expect(result.stdout).toContain('[file] access-error.png (82 KB)');
    expect(result.stdout).not.toContain('[b]');
  });

  it('prints JSON for other tools: the timings in seconds, messages oldest first as plain text', async () => {
    const result = await run(['chat1777', '--session', '287', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const transcript = JSON.parse(result.stdout) as TranscriptJson;
    expect(transcript).toMatchObject({ chatId: 1777, sessionId: 287, source: 'portal', status: 'closed', rating: { client: 'like', supervisor: 5 } });
    expect(transcript.timings.firstResponseSeconds).toBe(74);
    const dates = transcript.messages.map((message) => Date.parse(message.date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(transcript.messages.every((message) => !/\[\/?(b|i|url|user)\b/i.test(message.text))).toBe(true);
    expect(new Set(transcript.messages.map((message) => message.role))).toEqual(new Set(['system', 'client', 'bot', 'operator']));
    // The shape the issue gives other tools: every timing named, every message whole.
    expect(Object.keys(transcript.timings)).toEqual(expect.arrayContaining(['sessionStart', 'firstResponseSeconds', 'longestClientWaitSeconds', 'clientWaitingSince', 'lastAuthorRole']));
    expect(Date.parse(transcript.timings.sessionStart!)).toBeLessThanOrEqual(dates[0]!);
    // Closed: nobody waits.
    expect(transcript.timings.clientWaitingSince).toBeNull();
    expect(['client', 'operator', 'bot', 'system']).toContain(transcript.timings.lastAuthorRole);
    for (const message of transcript.messages) {
      expect(Object.keys(message)).toEqual(expect.arrayContaining(['id', 'date', 'role', 'author', 'text', 'files']));
      expect(Number.isSafeInteger(message.id)).toBe(true);
      expect(typeof message.author).toBe('string');
      expect(Array.isArray(message.files)).toBe(true);
    }
    expect(new Set(transcript.messages.map((message) => message.id)).size).toBe(transcript.messages.length);
  });

  it('prints the kept copy with --offline, asking no portal, and says when none is kept', async () => {
    await run(['chat1777', '--format', 'markdown']);
    const before = emulator.requests.length;
    const kept = await run(['chat1777', '--offline'], false);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout.split('\n')[1]).toMatch(/^The copy kept on this computer, /);
    expect(emulator.requests.length).toBe(before);
    const none = await run(['chat2003', '--offline'], false);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No conversation of chat2003 is kept on this computer.');
  });

  it('writes Markdown whose portal text cannot open markup, and refuses what cannot be', async () => {
    const markdown = await run(['chat1777', '--format', 'markdown']);
    expect(markdown.stdout.split('\n')[0]).toBe('# Conversation of chat1777, session 343 — Green Guest #17 - Bitrix24 Documentation');
    expect(markdown.stdout).toMatch(/\*\*\d\d:\d\d · Samantha Johnson \(operator\)\*\*/);
    expect(markdown.stdout).toContain('{"CHAT\\_ID": 1777}');

    const wrongChat = await run(['chat2001', '--session', '287']);
    expect(wrongChat.code).toBe(1);
    expect(wrongChat.stderr).toContain('Session 287 belongs to chat1777, not to chat2001.');
    expect((await run(['chat1777', '2001'])).code).toBe(2);
    const format = await run(['chat1777', '--format', 'csv']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^transcript --format takes "text" or "markdown"/);
  });
});

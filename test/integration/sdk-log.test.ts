// The SDK logs every request and answer it sends for us. Its answer line is
// JSON text of the whole result cut to 100 characters, made whatever the log
// level: megabytes of work for a long transcript, and the portal's data in a
// log. The transport hands it the answer's envelope only; the caller still
// gets the whole answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { LONG_SESSION } from '../../main/emulator/long-session';
import { webhookHook } from '../../main/rest/sdk-hooks';
import { createSdkTransport } from '../../main/rest/sdk-transport';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(async () => {
  await emulator.close();
});

/** Every line the SDK logs, as JSON text: the LoggerInterface's levels, each a promise. */
function recordingLogger(lines: string[]): Record<string, (...args: unknown[]) => Promise<void>> {
  const levels = ['log', 'debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
  return Object.fromEntries(levels.map((level) => [level, async (...args: unknown[]) => void lines.push(JSON.stringify(args))]));
}

it("the SDK's own log lines never hold a portal's answer, and the caller gets the whole answer", async () => {
  const lines: string[] = [];
  const transport = createSdkTransport({
    makeHook: (module) => {
      const hook = webhookHook(parseWebhookUrl(emulator.webhookUrl()))(module);
      hook.setLogger(recordingLogger(lines) as never);
      return hook;
    },
    secrets: () => [],
    limiter: null,
    timeoutMs: 10_000,
    maxAnswerBytes: () => 32 * 1024 * 1024,
    extraCertificates: [emulator.certificate],
    closed: new AbortController().signal,
    onTime: () => undefined,
  });
  try {
    const context = { signal: new AbortController().signal, front: false, onQueued: () => undefined };
    const answer = await transport.send('imopenlines.session.history.get', { SESSION_ID: LONG_SESSION.sessionId }, context);
    const result = answer.result as { message: Record<string, unknown> };
    expect(Object.keys(result.message)).toHaveLength(LONG_SESSION.messageCount);
    expect(answer.time).not.toBeNull();

    // The SDK did log the exchange, and none of its lines carries a word of the answer.
    expect(lines.some((line) => line.includes('post/response'))).toBe(true);
    const logged = lines.join('\n');
    // The answer begins with its chat's keys (chatId, canJoin…); the log had its first 100 characters.
    const opening = JSON.stringify(result).slice(0, 40);
    expect(opening).toContain(`${LONG_SESSION.chatId}`);
    expect(logged).not.toContain(JSON.stringify(opening).slice(1, -1));
    expect(logged).not.toContain('chatId');
  } finally {
    transport.close();
  }
});

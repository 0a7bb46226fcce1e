// `openlines-inspector watch`, the built binary spawned as a user runs it,
// against the emulator over real HTTPS: the portal's dialog changes between
// refreshes and the changes arrive as lines (or JSON lines); trouble is said
// once and the watch goes on; Ctrl+C ends it with exit 0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_IDS, type Emulator } from '../../main/emulator/index';
import { runCli, startCli, type CliProcess } from '../support/cli-process';
import { startTrustedEmulator, type TrustedEmulator } from '../support/trusted-emulator';

let started: TrustedEmulator;
let emulator: Emulator;
let running: CliProcess | null = null;

// A fresh portal for each test: the tests change its dialogs.
beforeEach(async () => {
  started = await startTrustedEmulator();
  emulator = started.emulator;
});
afterEach(async () => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = null;
  await started.close();
});

function watch(args: string[]): CliProcess {
  running = startCli(['watch', ...args, '--webhook', emulator.webhookUrl(), '--interval', '0.1'], started.temp.dir, { NODE_EXTRA_CA_CERTS: started.caFile });
  return running;
}

describe('openlines-inspector watch', () => {
  it('prints each change in words as the portal changes the dialog, and ends cleanly on Ctrl+C', async () => {
    const cli = watch(['chat1777', String(DEMO_IDS.cyrillicChatId)]);
    await cli.stderrMatching(/Watching chat1777\n/);
    await cli.stderrMatching(/Watching 2001 \(chat2001\)/);
    emulator.updateDialog(1777, {
      entity_data_1: 'Y|DEAL|77|Y|Y|343|1773682918|0|1773700000|USER',
      entity_data_3: 'Y',
      name: 'VIP: Green Guest',
      owner: 31,
      counter: 9,
    });
    await cli.line(/Renamed/);
    cli.child.kill('SIGINT');
    const done = await cli.done;
    expect(done.code).toBe(0);
    const lines = done.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.replace(/^.*?  chat1777  /, ''))).toEqual([
      'CRM binding moved: lead 1209 → deal 77',
      'Pinned to its operator',
      'The session now waits for an automatic action (closed line, after hours, no answer, or reopened after a vote)',
      'Blocked (reason: USER), since 2026-03-16T22:26:40.000Z',
      'Responsible operator changed: Samantha Johnson (27) → 31',
      'Silent mode on: operator messages are not sent to the client',
      'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP: Green Guest”',
    ]);
    // Each line says when and which chat; the caller's own counter is no change; chat2001 did not change.
    expect(lines.every((line) => /^\S.*\d{2}:\d{2}:\d{2}.*  chat1777  /.test(line))).toBe(true);
    expect(done.stdout).not.toContain('counter');
    expect(done.stderr).toMatch(/Stopped after \d+ refreshes\.\n$/);
  });

  it('--json: one object per line, { chatId, at, changes: [{ key, kind, before, after, text }] }', async () => {
    const cli = watch(['1777', '--json']);
    await cli.stderrMatching(/Watching 1777 \(chat1777\)/);
    emulator.updateDialog(1777, { message_count: 107, entity_data_1: 'Y|LEAD|1209|N|N|350|1773700000|0|0|0' }, { newSessionId: 350 });
    const line = await cli.line(/^\{/);
    cli.child.kill('SIGINT');
    expect((await cli.done).code).toBe(0);
    const parsed = JSON.parse(line) as { chatId: number; at: string; changes: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['chatId', 'at', 'changes']);
    expect(parsed.chatId).toBe(1777);
    expect(Number.isNaN(Date.parse(parsed.at))).toBe(false);
    expect(parsed.changes).toEqual([
      { key: 'entity_data_1[5]', kind: 'session', before: 343, after: 350, text: 'A new session started: 350 (was 343)' },
      { key: 'message_count', kind: 'messages', before: 104, after: 107, text: '3 new messages' },
    ]);
  });

  it('says a portal out of reach once, goes on watching, and still sees the change that came meanwhile', async () => {
    const cli = watch(['chat1777']);
    await cli.stderrMatching(/Watching chat1777\n/);
    emulator.injectFault({ kind: 'reset' }, { method: 'batch', times: 4 });
    await cli.stderrMatching(/The portal answers again\./);
    emulator.updateDialog(1777, { entity_data_3: 'Y' });
    await cli.line(/Silent mode on/);
    cli.child.kill('SIGINT');
    const done = await cli.done;
    expect(done.code).toBe(0);
    expect(done.stderr.match(/CONNECTION_RESET/g)).toHaveLength(1);
    expect(done.stderr.match(/Still watching/g)).toHaveLength(1);
  });

  it('says a dialog it may not open once, and watches the others', async () => {
    const cli = watch([String(DEMO_IDS.missingChatId), 'chat1777']);
    await cli.stderrMatching(/Watching chat1777\n/);
    emulator.updateDialog(1777, { entity_data_3: 'Y' });
    await cli.line(/Silent mode on/);
    emulator.updateDialog(1777, { entity_data_3: 'N' });
    await cli.line(/Silent mode off/);
    cli.child.kill('SIGINT');
    const done = await cli.done;
    expect(done.code).toBe(0);
    expect(done.stderr.match(/\[ACCESS_ERROR\]/g)).toHaveLength(1);
  });

  it('refuses what it cannot watch before asking anything: no identifier, a bad one, a bad interval', async () => {
    const home = started.temp.dir;
    const none = await runCli(['watch', '--demo'], home);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give at least one identifier to watch.');
    const typo = await runCli(['watch', 'chat17x7', '--webhook', emulator.webhookUrl()], home);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('chat17x7:');
    const zero = await runCli(['watch', 'chat1777', '--demo', '--interval', '0'], home);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--interval takes a number more than 0 and at most 86400.');
    const russian = await runCli(['watch', '--demo'], home, { LANG: 'ru_RU.UTF-8' });
    expect(russian.stderr).toContain('Укажите хотя бы один идентификатор, за которым следить.');
    expect(emulator.requests).toEqual([]);
  });

  it('speaks the terminal\'s language, the changes included', async () => {
    running = startCli(['watch', 'chat1777', '--webhook', emulator.webhookUrl(), '--interval', '0.1'], started.temp.dir, {
      NODE_EXTRA_CA_CERTS: started.caFile,
      LANG: 'ru_RU.UTF-8',
    });
    const cli = running;
    await cli.stderrMatching(/Слежу за chat1777\n/);
    emulator.updateDialog(1777, { entity_data_1: 'Y|DEAL|77|Y|N|343|1773682918|0|0|0' });
    await cli.line(/Закреплён за оператором/);
    cli.child.kill('SIGINT');
    const done = await cli.done;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Привязка к CRM перенесена: лид 1209 → сделка 77');
    expect(done.stderr).toMatch(/Остановлено после \d+ обновлени/);
  });
});

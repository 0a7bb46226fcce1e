// Main's events reach the page on the contract's channel for each, and a
// window or page that is gone is skipped rather than thrown at.
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS } from '../../preload/api-contract';
import { sendEvent, type EventWindow } from '../../main/shell/event-channel';

function fakeWindow(state: { destroyed?: boolean; pageDestroyed?: boolean } = {}) {
  const sent: Array<[string, unknown]> = [];
  const window: EventWindow = {
    isDestroyed: () => state.destroyed ?? false,
    webContents: { send: (channel: string, payload: unknown) => void sent.push([channel, payload]), isDestroyed: () => state.pageDestroyed ?? false },
  };
  return { window, sent };
}

describe('sendEvent', () => {
  it('sends each event on its own channel, with the payload as given', () => {
    const { window, sent } = fakeWindow();
    const progress = { requestId: 'r', waiting: { reason: 'retry' as const, attempt: 2, waitMs: 1000 } };
    sendEvent(window, 'lookupProgress', progress);
    sendEvent(window, 'command', { kind: 'focus-lookup' });
    expect(sent).toEqual([
      [EVENT_CHANNELS.lookupProgress, progress],
      [EVENT_CHANNELS.command, { kind: 'focus-lookup' }],
    ]);
    expect(new Set(Object.values(EVENT_CHANNELS)).size).toBe(Object.keys(EVENT_CHANNELS).length);
  });

  it('skips a window that is closed, a page that is gone, and no window at all', () => {
    for (const state of [{ destroyed: true }, { pageDestroyed: true }]) {
      const { window, sent } = fakeWindow(state);
      sendEvent(window, 'command', { kind: 'focus-lookup' });
      expect(sent).toEqual([]);
    }
    expect(() => sendEvent(null, 'command', { kind: 'focus-lookup' })).not.toThrow();
  });
});

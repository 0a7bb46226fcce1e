// The renderer's event bus: what one store tells the others without importing them.
import { beforeEach, expect, test, vi } from 'vitest';

type Bus = typeof import('../../renderer/src/lib/app-events');
let bus: Bus;

beforeEach(async () => {
  // Listeners live in the module: each test starts with none.
  vi.resetModules();
  bus = await import('../../renderer/src/lib/app-events');
});

test('every listener of an event hears its payload, in the order they subscribed', () => {
  const heard: string[] = [];
  bus.on('account-changed', ({ code }) => heard.push(`first ${code}`));
  bus.on('account-changed', ({ code }) => heard.push(`second ${code}`));
  bus.emit('account-changed', { code: 'OAUTH_SIGN_IN_AGAIN' });
  expect(heard).toEqual(['first OAUTH_SIGN_IN_AGAIN', 'second OAUTH_SIGN_IN_AGAIN']);
});

test('an event nobody listens to is dropped quietly', () => {
  expect(() => bus.emit('account-changed', { code: 'ACCOUNT_SECRETS_FORGOTTEN' })).not.toThrow();
});

test('after unsubscribing, a listener hears nothing more; the others still do', () => {
  const gone = vi.fn();
  const stays = vi.fn();
  const unsubscribe = bus.on('account-changed', gone);
  bus.on('account-changed', stays);
  unsubscribe();
  bus.emit('account-changed', { code: 'X' });
  expect(gone).not.toHaveBeenCalled();
  expect(stays).toHaveBeenCalledWith({ code: 'X' });
});

test('a listener that unsubscribes while being called does not make the next one miss the event', () => {
  const second = vi.fn();
  const unsubscribe = bus.on('account-changed', () => unsubscribe());
  bus.on('account-changed', second);
  bus.emit('account-changed', { code: 'X' });
  expect(second).toHaveBeenCalledTimes(1);
  bus.emit('account-changed', { code: 'Y' });
  expect(second).toHaveBeenCalledTimes(2);
});

test('the same listener subscribed twice is called once', () => {
  const listener = vi.fn();
  bus.on('account-changed', listener);
  bus.on('account-changed', listener);
  bus.emit('account-changed', { code: 'X' });
  expect(listener).toHaveBeenCalledTimes(1);
});

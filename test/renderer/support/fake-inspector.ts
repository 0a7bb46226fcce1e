// A fake preload bridge: every operation of the contract answers "not faked"
// unless the test gives it an answer, and a test can hold an answer back
// (`deferred`) to make answers come back in the order it wants.
import { OPERATIONS, type ErrorCode, type ErrorEnvelope, type InspectorApi, type Result } from '../../../preload/api-contract';

export function failure(code: ErrorCode, title: string = code): ErrorEnvelope {
  return { code, title, message: `${title}, said the fake.`, action: 'Try again.', retryable: true };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failed = (code: ErrorCode, title?: string): Result<never> => ({ ok: false, error: failure(code, title) });

/** Installs a fake `window.inspector` answering with `answers`; returns it. */
export function fakeInspector(answers: Partial<InspectorApi> = {}): InspectorApi {
  const unanswered = Object.fromEntries(
    Object.keys(OPERATIONS).map((name) => [name, () => Promise.resolve(failed('INTERNAL', `${name} is not faked`))]),
  );
  const api = { ...unanswered, onCommand: () => () => {}, onLookupProgress: () => () => {}, onBulkProgress: () => () => {}, ...answers } as InspectorApi;
  Object.assign(window, { inspector: api });
  return api;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

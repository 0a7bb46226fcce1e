// Unwrapping what the main API answers, for tests: the value, or the failure's code.
import type { ErrorEnvelope, Result } from '../../preload/api-contract';

export function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export function errorCode(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected an error');
  return result.error.code;
}

/** The whole envelope of a failure, for tests that read its words. */
export function errorOf(result: Result<unknown>): ErrorEnvelope {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

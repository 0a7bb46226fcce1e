// The InspectorError a call ends with, for tests; anything else thrown (or no
// error at all) fails the test.
import { InspectorError } from '../../main/core/error-codes';

export function caught(fn: () => unknown): InspectorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

export async function rejection(promise: Promise<unknown>): Promise<InspectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('did not reject');
}

// The one door to the preload bridge. Every call comes back as a Result, even
// when the bridge is missing or the IPC transport itself throws, so components
// only ever branch on `ok`.
import type { ErrorEnvelope, InspectorApi, Result } from '../../../preload/api-contract';

const BRIDGE_MISSING: ErrorEnvelope = {
  code: 'BRIDGE_MISSING',
  title: 'The app bridge is not available',
  message: 'This window was opened without the Open Lines Inspector bridge, so it cannot reach Bitrix24.',
  action: 'Start Open Lines Inspector normally (not in a web browser) and try again.',
  retryable: false,
};

const TRANSPORT_FAILED: ErrorEnvelope = {
  code: 'INTERNAL',
  title: 'Something went wrong',
  message: 'Open Lines Inspector met an unexpected problem.',
  action: 'Try again. If it keeps happening, please report it.',
  retryable: true,
};

export function bridge(): InspectorApi | null {
  return window.inspector ?? null;
}

export async function call<T>(operation: (api: InspectorApi) => Promise<Result<T>>): Promise<Result<T>> {
  const api = bridge();
  if (!api) return { ok: false, error: BRIDGE_MISSING };
  try {
    return await operation(api);
  } catch {
    return { ok: false, error: TRANSPORT_FAILED };
  }
}

// The one door to the preload bridge. Every call comes back as a Result, even
// when the bridge is missing or the IPC transport itself throws, so components
// only ever branch on `ok`.
import type { ErrorEnvelope, InspectorApi, Result } from '../../../preload/api-contract';
import { i18n } from './i18n.svelte';

/** Made here, so worded in the window's language at the time. */
const bridgeMissing = (): ErrorEnvelope => ({ code: 'BRIDGE_MISSING', ...i18n.messages.errors.bridgeMissing, retryable: false });
const transportFailed = (): ErrorEnvelope => ({ code: 'INTERNAL', ...i18n.messages.errors.transportFailed, retryable: true });

export function bridge(): InspectorApi | null {
  return window.inspector ?? null;
}

export async function call<T>(operation: (api: InspectorApi) => Promise<Result<T>>): Promise<Result<T>> {
  const api = bridge();
  if (!api) return { ok: false, error: bridgeMissing() };
  try {
    return await operation(api);
  } catch {
    return { ok: false, error: transportFailed() };
  }
}

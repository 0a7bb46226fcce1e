// What a lookup needs of a portal client, owned by core so that core never
// imports the client: rest's PortalClient is one (it extends this), a test's
// fake can be another.
import type { PortalInfo, TimeBlock } from './dialog-types';

/**
 * `Options` are the client's own per-call options (rest's: cancel the call,
 * hear about its waits). A lookup hands them to `call` without reading them,
 * so core need not know what a client can wait for.
 */
export interface LookupClient<Options = never> {
  readonly portal: PortalInfo;
  /** One REST method with a JSON body: the answer's `result` (not yet checked) and its `time` block. Throws InspectorError only. */
  call(method: string, params: Record<string, unknown>, options?: Options): Promise<{ result: unknown; time: TimeBlock | null }>;
  /** The method's operating time as of its last answer, resetAt in local epoch ms; null before any. */
  budget(method: string): { usedSeconds: number; limitSeconds: number; resetAt: number | null } | null;
}

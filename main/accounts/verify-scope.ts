// `scope` answers with the scopes the credentials carry: proof that they work
// and that they may read open lines, before anything is saved.
import { inspectorError } from '../core/errors';
import type { PortalClient } from '../rest/portal-client';

export const REQUIRED_SCOPE = 'imopenlines';

export async function verifyScope(client: PortalClient, kind: 'webhook' | 'application' = 'webhook'): Promise<void> {
  const answer = await client.call('scope', {});
  const scopes = Array.isArray(answer.result) ? answer.result : [];
  if (!scopes.includes(REQUIRED_SCOPE)) {
    const granted = scopes.length > 0 ? scopes.join(', ') : 'none';
    throw inspectorError('insufficient_scope', {
      message: `The ${kind} works, but it was created without the "${REQUIRED_SCOPE}" scope (its scopes: ${granted}).`,
    });
  }
}

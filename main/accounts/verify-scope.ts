// `scope` answers with the scopes the credentials carry: proof that they work
// and that they may read open lines, before anything is saved.
import { inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { PortalClient } from '../rest/portal-client';

export const REQUIRED_SCOPE = 'imopenlines';

export async function verifyScope(client: PortalClient, kind: 'webhook' | 'application' = 'webhook'): Promise<void> {
  const answer = await client.call('scope', {});
  const scopes = Array.isArray(answer.result) ? answer.result : [];
  if (!scopes.includes(REQUIRED_SCOPE)) {
    const granted = scopes.map(String);
    const said = messages().errors.accounts;
    throw inspectorError('insufficient_scope', {
      message: kind === 'webhook' ? said.webhookLacksScope(REQUIRED_SCOPE, granted) : said.applicationLacksScope(REQUIRED_SCOPE, granted),
    });
  }
}

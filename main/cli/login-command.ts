// `openlines-inspector login`: saves an account, by OAuth 2.0 with the user's
// own local application or by inbound webhook. For OAuth the authorize
// address is printed on a line of its own (and opened in the browser unless
// --no-browser); the code comes back to the loopback listener, or is pasted on
// stdin (the code alone or the whole address the browser landed on).
import readline from 'node:readline';
import type { AccountSummary } from '../accounts/account-store';
import { REQUIRED_SCOPE, verifyScope } from '../accounts/verify-scope';
import { InspectorError, inspectorError, toEnvelope } from '../core/error-codes';
import { parseWebhookUrl } from '../core/webhook';
import { startSignIn, type SignInFlow, type SignInOptions, type SignInResult } from '../oauth/sign-in-flow';
import { createWebhookClient } from '../rest/portal-client';
import { messages } from '../core/messages/index';
import { formatError, printable } from './format-human';
import { openAccounts } from './open-accounts';
import { openInBrowser } from './open-browser';
import type { LoginOptions, Streams } from './cli-options';

function saved(account: AccountSummary): string {
  const says = messages().cli.login;
  return printable(says.saved(account.name, account.kind === 'oauth' ? says.kindOAuth : says.kindWebhook, account.host));
}

async function loginWebhook(options: LoginOptions & { webhook: string }, { out }: Streams): Promise<number> {
  const webhook = parseWebhookUrl(options.webhook);
  const client = createWebhookClient(webhook);
  try {
    await verifyScope(client, 'webhook');
  } finally {
    client.close();
  }
  const account = openAccounts(options.dataDir).addWebhook({ webhook, ...(options.name !== null ? { name: options.name } : {}) });
  out.write(`${saved(account)}\n`);
  return 0;
}

async function startFlow(signIn: SignInOptions, err: NodeJS.WritableStream): Promise<SignInFlow> {
  try {
    return await startSignIn(signIn);
  } catch (error) {
    if (!(error instanceof InspectorError) || error.envelope.code !== 'OAUTH_PORT_IN_USE') throw error;
    // The code can still be pasted: the portal then shows it, or sends the browser to an address that does not answer.
    err.write(`${formatError(null, error.envelope)}\n  ${messages().cli.login.pasteInstead}\n`);
    return startSignIn({ ...signIn, listen: false });
  }
}

/** Every line typed is tried as a code until one works; a bad one says why and waits for the next. */
function readPastes(flow: SignInFlow, input: NodeJS.ReadableStream, err: NodeJS.WritableStream): () => void {
  const lines = readline.createInterface({ input, terminal: false });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    flow.submitPastedCode(line).catch((error: unknown) => {
      err.write(`${formatError(null, toEnvelope(error))}\n  ${messages().cli.login.pasteAgain}\n`);
    });
  });
  return () => lines.close();
}

async function loginOAuth(options: LoginOptions & { portal: string }, { out, err, input }: Streams): Promise<number> {
  const flow = await startFlow(
    {
      portal: options.portal,
      clientId: options.clientId ?? '',
      clientSecret: options.clientSecret ?? '',
      ...(options.oauthServer !== null ? { oauthServer: options.oauthServer } : {}),
      ...(options.port !== null ? { port: options.port } : {}),
    },
    err,
  );
  const says = messages().cli.login;
  err.write(`${flow.redirectUri ? says.signInWithRedirect(flow.redirectUri) : says.signInPaste}\n`);
  out.write(`${flow.authorizeUrl}\n`);
  if (options.openBrowser) {
    openInBrowser(flow.authorizeUrl).catch(() => err.write(`${says.noBrowser}\n`));
  }
  const stopReading = input ? readPastes(flow, input, err) : () => {};
  let result: SignInResult;
  try {
    result = await flow.result;
  } finally {
    stopReading();
  }
  if (!result.tokens.scope.includes(REQUIRED_SCOPE)) {
    throw inspectorError('APPLICATION_SCOPE_MISSING', {
      message: says.scopeMissing(REQUIRED_SCOPE, result.tokens.scope),
    });
  }
  const account = openAccounts(options.dataDir).addOAuth({
    origin: result.portal.origin,
    host: result.portal.host,
    clientId: options.clientId ?? '',
    clientSecret: (options.clientSecret ?? '').trim(),
    oauthServer: result.serverOrigin,
    tokens: result.tokens,
    ...(options.name !== null ? { name: options.name } : {}),
  });
  out.write(`${saved(account)}\n`);
  return 0;
}

export async function runLogin(options: LoginOptions, streams: Streams): Promise<number> {
  try {
    if (options.webhook !== null) return await loginWebhook({ ...options, webhook: options.webhook }, streams);
    return await loginOAuth({ ...options, portal: options.portal ?? '' }, streams);
  } catch (error) {
    streams.err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  }
}

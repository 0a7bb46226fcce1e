// A token server that misbehaves, over real HTTPS on 127.0.0.1: it redirects
// the request that carries the client secret, or drips its answer so slowly
// that the socket never goes quiet. The client must refuse the first without
// following it and give up on the second at its deadline.
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenClient, type TokenClient } from '../../main/oauth/token-client';
import { APP, answerJson, rejection, startLocalHttps, tokenAnswer, type LocalHttpsServer } from './oauth-support';

const servers: LocalHttpsServer[] = [];
const timers: NodeJS.Timeout[] = [];
afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(): Promise<LocalHttpsServer> {
  const started = await startLocalHttps();
  servers.push(started);
  return started;
}

function clientOf(tokenServer: LocalHttpsServer, timeoutMs?: number): TokenClient {
  return createTokenClient({
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    serverOrigin: tokenServer.origin,
    extraCertificates: [tokenServer.certificate],
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}

const CODE = 'c0de'.repeat(17);

describe('a token server that redirects', () => {
  it.each([301, 302, 307, 308])('refuses a %i to another host, names only that host, and sends it nothing', async (status) => {
    const tokenServer = await server();
    const bystander = await server();
    const elsewhere = `https://localhost:${bystander.port}`;
    const exchange = clientOf(tokenServer).exchangeCode(CODE);
    const { res } = await tokenServer.nextRequest();
    res.writeHead(status, { location: `${elsewhere}/oauth/token/?code=${CODE}&client_secret=${APP.clientSecret}` });
    res.end('Moved');

    const error = await rejection(exchange);
    expect(error.envelope.code).toBe('REDIRECT_REFUSED');
    expect(error.envelope.status).toBe(status);
    expect(error.envelope.title).toBe('The sign-in server sent us elsewhere');
    expect(error.envelope.message).toContain(`a redirect to ${elsewhere}. Redirects are not followed, so nothing was sent there`);
    const said = JSON.stringify(error.envelope);
    for (const hidden of ['/oauth/token', 'code=', CODE, APP.clientSecret]) expect(said).not.toContain(hidden);
    expect(bystander.connections).toBe(0);
    expect(tokenServer.received).toHaveLength(1);
  });

  it('names the token server itself for a relative redirect, and says so when there is no address at all', async () => {
    const tokenServer = await server();
    const client = clientOf(tokenServer);
    const relative = client.exchangeCode(CODE);
    (await tokenServer.nextRequest()).res.writeHead(302, { location: `/login?code=${CODE}` }).end();
    expect((await rejection(relative)).envelope.message).toContain(`a redirect to ${tokenServer.origin}. `);

    const nowhere = client.refresh('r'.repeat(40));
    (await tokenServer.nextRequest()).res.writeHead(303).end();
    const error = await rejection(nowhere);
    expect(error.envelope.code).toBe('REDIRECT_REFUSED');
    expect(error.envelope.message).toBe(
      'The sign-in server answered HTTP 303, a redirect without a usable address. Redirects are not followed, so nothing was sent anywhere else.',
    );
  });

  it('scrubs the code even when the server puts it into the redirect’s host name', async () => {
    const tokenServer = await server();
    const exchange = clientOf(tokenServer).exchangeCode(CODE);
    (await tokenServer.nextRequest()).res.writeHead(302, { location: `https://${CODE}.example/` }).end();
    const error = await rejection(exchange);
    expect(error.envelope.message).toContain('a redirect to https://•••.example.');
    expect(JSON.stringify(error.envelope)).not.toContain(CODE);
  });
});

describe('a token server that drips its answer', () => {
  it('is given up on at the deadline, though a byte arrives every 200 ms', async () => {
    const tokenServer = await server();
    const started = Date.now();
    const exchange = clientOf(tokenServer, 1_500).exchangeCode(CODE);
    const { res } = await tokenServer.nextRequest();
    const answer = JSON.stringify(tokenAnswer());
    let sent = 0;
    res.writeHead(200, { 'content-type': 'application/json' });
    timers.push(
      setInterval(() => {
        if (sent < answer.length && !res.destroyed) res.write(answer[sent++]!);
      }, 200),
    );

    const error = await rejection(exchange);
    const took = Date.now() - started;
    expect(error.envelope.code).toBe('TIMEOUT');
    expect(error.envelope.title).toBe('The sign-in server did not answer in time');
    expect(error.envelope.message).toBe(`The sign-in server 127.0.0.1:${tokenServer.port} took too long to answer, and the request was stopped.`);
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(2_000);
    // The socket was never quiet for long: an idle timeout alone would not have fired.
    expect(sent).toBeGreaterThanOrEqual(5);
  });

  it('still takes an answer that arrives within the deadline', async () => {
    const tokenServer = await server();
    const exchange = clientOf(tokenServer, 1_500).exchangeCode(CODE);
    answerJson((await tokenServer.nextRequest()).res, 200, tokenAnswer());
    expect((await exchange).accessToken).toBe(tokenAnswer().access_token);
  });
});

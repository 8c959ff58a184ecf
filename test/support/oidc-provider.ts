/**
 * A real OpenID Connect provider for tests (oidc-provider), on a free local port, with two confidential clients
 * and an interaction that signs in whichever account the test names — no form, no network beyond 127.0.0.1.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface TestProvider {
  issuer: string;
  redirectUrl: string;
  main: TestClient;
  other: TestClient;
  accounts: Map<string, TestAccount>;
  /** The account the next interaction signs in. */
  signInAs(subject: string): void;
  /** Replaces the id_token of the next token answer (a token for another audience, say). */
  swapNextIdToken(idToken: string): void;
  close(): Promise<void>;
}

export const TEST_REDIRECT_URL = 'http://wijkpost.test/auth/oidc/callback';

export async function startTestProvider(): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  let current = '';
  let swap: string | null = null;
  const main = { clientId: 'wijkpost', clientSecret: 'wijkpost-test-client-secret' };
  const other = { clientId: 'other-app', clientSecret: 'other-app-test-client-secret' };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [main, other].map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [TEST_REDIRECT_URL],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['test-cookie-signing-key'] },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: async () => ({ sub: id, ...account }) } : undefined;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (swap && ctx.path === '/token' && body?.id_token) {
      ctx.body = { ...body, id_token: swap };
      swap = null;
    }
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: current } });
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    redirectUrl: TEST_REDIRECT_URL,
    main,
    other,
    accounts,
    signInAs: (subject) => {
      current = subject;
    },
    swapNextIdToken: (idToken) => {
      swap = idToken;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Follows the provider's redirects as a browser would (a cookie jar of its own, so each call is a fresh browser
 * at the provider) until it is sent to the redirect URL, and returns that URL with code and state.
 */
export async function followToCallback(start: string, redirectUrl = TEST_REDIRECT_URL): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(redirectUrl)) return url;
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.trim().split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    await response.arrayBuffer();
    if (!location) throw new Error(`the provider stopped at ${url.pathname} with ${response.status}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}

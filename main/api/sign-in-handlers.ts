// The sign-in domain: one OAuth sign-in at a time, in the system browser, with
// the paste fallback.
import { z } from 'zod';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import type { OAuthSignIn } from './oauth-sign-in';
import { accountId, accountName, none } from './schema-atoms';

export const signInSchemas = schemasFor({
  'oauth:begin': z.strictObject({
    portal: z.string().max(2_000).optional(),
    clientId: z.string().max(300).optional(),
    clientSecret: z.string().max(1_000).optional(),
    accountId: accountId.optional(),
    oauthServer: z.string().max(2_000).optional(),
    port: z.number().int().min(0).max(65_535).optional(),
    name: accountName.optional(),
  }),
  'oauth:finish': none,
  'oauth:paste': z.strictObject({ text: z.string().max(10_000) }),
  'oauth:cancel': none,
});

export function signInHandlers(signIn: OAuthSignIn): HandlersFor<ChannelsOf<typeof signInSchemas>> {
  return {
    'oauth:begin': (request) => signIn.begin(request),
    'oauth:finish': () => signIn.finish(),
    'oauth:paste': async ({ text }) => {
      await signIn.paste(text);
      return null;
    },
    'oauth:cancel': async () => {
      await signIn.cancel();
      return null;
    },
  };
}

import { replyV2Error, type Exchange } from './exchange.js';
import { drain, header } from './http-util.js';
import type { MockUser } from './options.js';

const BEARER = /^Bearer\s+(\S+)$/;

/**
 * v2 authentication (§3.1, checklist §8): `Authorization: Bearer <token>` naming a known token,
 * issued by v2 OAuth unless the mock accepts v1 tokens (§2.9), holding one of `scopes`.
 * Answers 401 itself and returns undefined when the request fails.
 */
export async function authenticateV2(ex: Exchange, scopes: readonly string[]): Promise<MockUser | undefined> {
  const match = BEARER.exec(header(ex.req, 'authorization') ?? '');
  const user = match ? ex.state.users.get(match[1]!) : undefined;
  if (!user || (user.issuedBy === 'v1' && ex.config.v1TokensOnV2 === 'reject')) {
    await drain(ex.req);
    replyV2Error(ex, 'access_token_invalid');
    return undefined;
  }
  if (!scopes.some((scope) => user.scopes.includes(scope))) {
    await drain(ex.req);
    replyV2Error(ex, 'scope_not_authorized', `The user did not authorize the scope required for this endpoint: ${scopes.join(' or ')}.`);
    return undefined;
  }
  return user;
}

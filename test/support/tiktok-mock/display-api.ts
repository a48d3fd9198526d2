import { authenticateV2 } from './auth.js';
import { replyV2Error, type Exchange } from './exchange.js';
import { drain, header, mediaType, readBody, sendJson } from './http-util.js';
import type { MockUser } from './options.js';

/** A v1 Display API failure (§2.7): HTTP 200, no data, `error.code` an int. */
export function replyV1DisplayError(ex: Exchange, code: number, message: string): void {
  ex.note(code, message);
  sendJson(ex.res, 200, { data: {}, error: { code, message } });
}

/**
 * The start of a v2 Display API call (§2.8): its one method, then `Authorization: Bearer` with a v2
 * token holding `scope`. Answers the failure itself and returns undefined.
 */
export async function displayApiUser(ex: Exchange, method: 'GET' | 'POST', scope: string): Promise<MockUser | undefined> {
  if (ex.req.method !== method) {
    await drain(ex.req);
    replyV2Error(ex, 'invalid_param', `${ex.url.pathname} takes ${method}`);
    return undefined;
  }
  return authenticateV2(ex, [scope]);
}

/**
 * The start of a v1 Display API call (§2.7): `POST` with a JSON body, the token in it or in the query.
 * Answers the failure itself (v1's way) and returns undefined; else the body and the token's user
 * (undefined for a token the mock never issued: the caller says what it checks beside it).
 */
export async function v1JsonCall(ex: Exchange): Promise<{ body: Record<string, unknown>; user?: MockUser } | undefined> {
  if (ex.req.method !== 'POST' || mediaType(header(ex.req, 'content-type')) !== 'application/json') {
    await drain(ex.req);
    replyV1DisplayError(ex, 10002, 'POST a JSON body');
    return undefined;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await readBody(ex.req, 1 << 16)).bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    replyV1DisplayError(ex, 10002, 'the body is not valid JSON');
    return undefined;
  }
  const token = typeof body.access_token === 'string' ? body.access_token : (ex.url.searchParams.get('access_token') ?? '');
  return { body, user: ex.state.users.get(token) };
}

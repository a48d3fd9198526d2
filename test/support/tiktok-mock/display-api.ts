import { authenticateV2 } from './auth.js';
import { replyV2Error, type Exchange } from './exchange.js';
import { drain, sendJson } from './http-util.js';
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

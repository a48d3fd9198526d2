import { LOGIN_KIT_USER_FIELDS, LOGIN_KIT_USER_INFO_PATH, USER_INFO_BASIC_FIELDS, V2_USER_INFO_URL } from '../../../src/contract/index.js';
import { replyV2Error, replyV2Ok, type Exchange } from './exchange.js';
import { displayApiUser, replyV1DisplayError } from './display-api.js';
import { drain, header, mediaType, readBody, sendJson } from './http-util.js';
import type { MockUser } from './options.js';

/** v1 user info on the legacy host (§2.7) and v2 on open.tiktokapis.com (§2.8). */
export const V1_USER_INFO_PATH = '/user/info/';
export const V1_LOGIN_KIT_USER_INFO_PATH = LOGIN_KIT_USER_INFO_PATH;
export const V2_USER_INFO_PATH = new URL(V2_USER_INFO_URL).pathname;

/** What v1 could answer, and what it answered when no `fields` were asked for. */
const V1_FIELDS = ['open_id', 'union_id', 'avatar_url', 'avatar_url_100', 'avatar_large_url', 'display_name'];
const V1_DEFAULT_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];
/** The v2 fields of the `user.info.basic` scope (§2.8); the others need scopes no mock user has. */
const V2_BASIC_FIELDS: readonly string[] = USER_INFO_BASIC_FIELDS;

/** The same profile on both generations, derived from the open_id so that two runs compare equal. */
function profileOf(user: MockUser): Record<string, string> {
  const avatar = `https://p16-sign.tiktokcdn.example/${user.openId}`;
  return {
    open_id: user.openId,
    union_id: `union.${user.openId}`,
    avatar_url: `${avatar}~168x168.jpeg`,
    avatar_url_100: `${avatar}~100x100.jpeg`,
    avatar_large_url: `${avatar}~1080x1080.jpeg`,
    display_name: `Creator ${user.openId}`,
  };
}

const pick = (profile: Record<string, string>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, profile[field]]));

/**
 * `POST /user/info/` (§2.7): JSON body with `fields`, the token in the query or the body (both
 * documented), `open_id` in the body optional but checked. Answers `{ data: { user }, error: { code:
 * 0, message } }`, `error.code` an int.
 */
export async function handleV1UserInfo(ex: Exchange): Promise<void> {
  const fail = (code: number, message: string) => replyV1DisplayError(ex, code, message);
  if (ex.req.method !== 'POST') {
    await drain(ex.req);
    return fail(10002, `method ${ex.req.method ?? '?'} is not supported`);
  }
  const raw = (await readBody(ex.req, 1 << 16)).bytes.toString('utf8');
  let body: Record<string, unknown> = {};
  if (raw !== '') {
    if (mediaType(header(ex.req, 'content-type')) !== 'application/json') return fail(10002, 'Content-Type must be application/json');
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail(10002, 'the body is not valid JSON');
    }
  }
  const token = ex.url.searchParams.get('access_token') ?? (typeof body.access_token === 'string' ? body.access_token : '');
  const user = ex.state.users.get(token);
  if (!user) return fail(10002, 'access_token is invalid');
  if (body.open_id !== undefined && body.open_id !== user.openId) return fail(10002, 'open_id does not match the access_token');
  const fields = Array.isArray(body.fields) ? (body.fields as unknown[]) : V1_DEFAULT_FIELDS;
  const unknown = fields.filter((field) => typeof field !== 'string' || !V1_FIELDS.includes(field));
  if (unknown.length > 0) return fail(10002, `unknown fields: ${unknown.join(', ')}`);
  ex.note(0);
  sendJson(ex.res, 200, { data: { user: pick(profileOf(user), fields as string[]) }, error: { code: 0, message: '' } });
}

/**
 * Login Kit's v1 user info, `/oauth/userinfo/` (legacy-share-api.ts: not in §2.7, seen in public
 * clients): `GET` or `POST`, the token and `open_id` in the query or a JSON or form body. Answers the
 * user flat in `data`, under v1's names (`avatar`, `avatar_larger`), with `error_code` 0 and a
 * top-level `message`, "success" or "error".
 */
export async function handleV1LoginKitUserInfo(ex: Exchange): Promise<void> {
  const fail = (code: number, description: string) => {
    ex.note(code, description);
    sendJson(ex.res, 200, { data: { error_code: code, description }, message: 'error' });
  };
  const raw = (await readBody(ex.req, 1 << 16)).bytes.toString('utf8');
  let body: Record<string, unknown> = {};
  if (raw !== '') {
    const type = mediaType(header(ex.req, 'content-type'));
    if (type === 'application/json') {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return fail(10002, 'the body is not valid JSON');
      }
    } else if (type === 'application/x-www-form-urlencoded') body = Object.fromEntries(new URLSearchParams(raw));
    else return fail(10002, 'the body is neither JSON nor a form');
  }
  const param = (name: string) => ex.url.searchParams.get(name) ?? (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  const user = ex.state.users.get(param('access_token') ?? '');
  if (!user) return fail(10002, 'access_token is invalid');
  const openId = param('open_id');
  if (openId !== undefined && openId !== user.openId) return fail(10002, 'open_id does not match the access_token');
  const profile = profileOf(user);
  const flat = Object.fromEntries(Object.entries(LOGIN_KIT_USER_FIELDS).map(([v1, v2]) => [v1, profile[v2]]));
  ex.note(0);
  sendJson(ex.res, 200, { data: { ...flat, error_code: 0, description: '' }, message: 'success' });
}

/**
 * `GET /v2/user/info/?fields=…` (§2.8): `Authorization: Bearer` with a v2 token holding
 * `user.info.basic`, no body, `fields` required. Answers `{ data: { user }, error: { code: "ok" } }`.
 */
export async function handleV2UserInfo(ex: Exchange): Promise<void> {
  const user = await displayApiUser(ex, 'GET', 'user.info.basic');
  if (!user) return;
  await drain(ex.req);
  const fields = (ex.url.searchParams.get('fields') ?? '').split(',').filter((field) => field !== '');
  if (fields.length === 0) return replyV2Error(ex, 'invalid_param', 'fields is required');
  const unknown = fields.filter((field) => !V2_BASIC_FIELDS.includes(field));
  if (unknown.length > 0) return replyV2Error(ex, 'invalid_param', `unknown or unauthorized fields: ${unknown.join(', ')}`);
  replyV2Ok(ex, { user: pick(profileOf(user), fields) });
}

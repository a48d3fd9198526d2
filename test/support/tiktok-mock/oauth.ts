import { randomBytes } from 'node:crypto';
import { V2_TOKEN_URL } from '../../../src/contract/index.js';
import type { Exchange } from './exchange.js';
import { drain, header, mediaType, readBody, sendJson } from './http-util.js';
import { logId } from './ids.js';

/** The v1 exchange on the legacy host (§2.7) and the v2 one on open.tiktokapis.com (§2.8). */
export const V1_TOKEN_PATH = '/oauth/access_token/';
export const V1_REFRESH_PATH = '/oauth/refresh_token/';
export const V1_REVOKE_PATH = '/oauth/revoke/';
export const V2_REVOKE_PATH = '/v2/oauth/revoke/';
export const V2_TOKEN_PATH = new URL(V2_TOKEN_URL).pathname;

/** An authorization code the mock handed out, as TikTok's authorize page would: once, for one generation. */
export interface AuthCode {
  readonly openId: string;
  readonly scopes: readonly string[];
  readonly issuedBy: 'v1' | 'v2';
}

/** What the mock's exchange answered: the tests compare a program's result with it. */
export interface IssuedToken {
  /** The code exchanged, or `refresh:<refresh token>` for a refresh. */
  readonly code: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly openId: string;
  readonly issuedBy: 'v1' | 'v2';
}

/** A v1 OAuth failure: HTTP 200 with `error_code` in the `data` envelope and `message: "error"` (§2.7). */
function replyV1Error(ex: Exchange, errorCode: number, description: string): void {
  ex.note(errorCode, description);
  sendJson(ex.res, 200, { data: { captcha: '', desc_url: '', description, error_code: errorCode }, message: 'error' });
}

/** A v2 OAuth failure: `{ error, error_description, log_id }` (§2.8). */
function replyV2OAuthError(ex: Exchange, status: number, error: string, description: string): void {
  ex.note(error, description);
  sendJson(ex.res, status, { error, error_description: description, log_id: logId(ex.config.now()) });
}

const token = (prefix: string) => `${prefix}.${randomBytes(12).toString('hex')}`;

/**
 * `POST /oauth/access_token/?client_key&client_secret&code&grant_type=authorization_code` (§2.7):
 * parameters in the query only, the answer in the v1 `{ data: { … }, message }` envelope. A v2 code
 * is not one of its own.
 */
export async function handleV1Token(ex: Exchange): Promise<void> {
  await drain(ex.req);
  const query = ex.url.searchParams;
  const fail = (errorCode: number, description: string) => replyV1Error(ex, errorCode, description);
  if (ex.req.method !== 'POST') return fail(10002, `method ${ex.req.method ?? '?'} is not supported`);
  if (query.get('client_key') !== ex.config.oauth.clientKey || query.get('client_secret') !== ex.config.oauth.clientSecret)
    return fail(10003, 'client_key or client_secret not found in the request query param');
  if (query.get('grant_type') !== 'authorization_code') return fail(10002, 'grant_type must be authorization_code');
  const code = redeem(ex, query.get('code'), 'v1');
  if (!code) return fail(10007, 'authorization code is expired or invalid');
  const issued = issue(ex, query.get('code')!, code);
  sendJson(ex.res, 200, {
    data: {
      access_token: issued.accessToken,
      captcha: '',
      desc_url: '',
      description: '',
      error_code: 0,
      expires_in: 86400,
      log_id: logId(ex.config.now()),
      open_id: issued.openId,
      refresh_expires_in: 31536000,
      refresh_token: issued.refreshToken,
      scope: code.scopes.join(','),
    },
    message: 'success',
  });
}

/**
 * `POST /oauth/refresh_token/?client_key&grant_type=refresh_token&refresh_token` (§2.7): no secret in
 * v1; the same envelope as the exchange, with a new access token and the same refresh token.
 */
export async function handleV1Refresh(ex: Exchange): Promise<void> {
  await drain(ex.req);
  const query = ex.url.searchParams;
  const fail = (errorCode: number, description: string) => replyV1Error(ex, errorCode, description);
  if (ex.req.method !== 'POST') return fail(10002, `method ${ex.req.method ?? '?'} is not supported`);
  if (query.get('client_key') !== ex.config.oauth.clientKey) return fail(10003, 'client_key not found in the request query param');
  if (query.get('grant_type') !== 'refresh_token') return fail(10002, 'grant_type must be refresh_token');
  const refreshToken = query.get('refresh_token') ?? '';
  const grant = ex.state.refreshTokens.get(refreshToken);
  if (!grant || grant.issuedBy !== 'v1') return fail(10010, 'refresh_token is expired or invalid');
  const issued = issue(ex, `refresh:${refreshToken}`, grant, refreshToken);
  sendJson(ex.res, 200, {
    data: {
      access_token: issued.accessToken,
      description: '',
      error_code: 0,
      expires_in: 86400,
      open_id: issued.openId,
      refresh_expires_in: 31536000,
      refresh_token: issued.refreshToken,
      scope: grant.scopes.join(','),
    },
    message: 'success',
  });
}

/**
 * `POST /v2/oauth/token/` (§2.8): a form-encoded body only, the registered `redirect_uri`, a v2 code;
 * the answer flat. Errors as `{ error, error_description, log_id }`.
 */
export async function handleV2Token(ex: Exchange): Promise<void> {
  const raw = (await readBody(ex.req, 1 << 16)).bytes.toString('utf8');
  const fail = (status: number, error: string, description: string) => replyV2OAuthError(ex, status, error, description);
  if (ex.req.method !== 'POST') return fail(405, 'invalid_request', 'the token endpoint takes POST');
  if (mediaType(header(ex.req, 'content-type')) !== 'application/x-www-form-urlencoded')
    return fail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  const body = new URLSearchParams(raw);
  if (body.get('client_key') !== ex.config.oauth.clientKey || body.get('client_secret') !== ex.config.oauth.clientSecret)
    return fail(401, 'invalid_client', 'client_key or client_secret is wrong');
  if (body.get('grant_type') === 'refresh_token') {
    // A refresh token works once: the answer carries the one to keep (§2.8 "use the new one").
    const old = body.get('refresh_token') ?? '';
    const grant = ex.state.refreshTokens.get(old);
    if (!grant || grant.issuedBy !== 'v2') return fail(400, 'invalid_grant', 'Refresh token is invalid or expired.');
    ex.state.refreshTokens.delete(old);
    return answerV2(ex, issue(ex, `refresh:${old}`, grant), grant);
  }
  if (body.get('grant_type') !== 'authorization_code')
    return fail(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  if (!ex.config.oauth.redirectUris.includes(body.get('redirect_uri') ?? ''))
    return fail(400, 'invalid_request', 'redirect_uri is missing or not registered for this app');
  const code = redeem(ex, body.get('code'), 'v2');
  if (!code) return fail(400, 'invalid_grant', 'Authorization code is expired.');
  answerV2(ex, issue(ex, body.get('code')!, code), code);
}

function answerV2(ex: Exchange, issued: IssuedToken, grant: AuthCode): void {
  sendJson(ex.res, 200, {
    access_token: issued.accessToken,
    expires_in: 86400,
    open_id: issued.openId,
    refresh_expires_in: 31536000,
    refresh_token: issued.refreshToken,
    scope: grant.scopes.join(','),
    token_type: 'Bearer',
  });
}

/** The code, taken out of the mock's hands: a code works once, and only on its own generation's route. */
function redeem(ex: Exchange, value: string | null, generation: 'v1' | 'v2'): AuthCode | undefined {
  const code = value ? ex.state.authCodes.get(value) : undefined;
  if (!code || code.issuedBy !== generation) return undefined;
  ex.state.authCodes.delete(value!);
  return code;
}

function issue(ex: Exchange, code: string, grant: AuthCode, keepRefreshToken?: string): IssuedToken {
  const issued = {
    code,
    accessToken: token(`act.${grant.issuedBy}`),
    refreshToken: keepRefreshToken ?? token(`rft.${grant.issuedBy}`),
    openId: grant.openId,
    issuedBy: grant.issuedBy,
  };
  ex.state.users.set(issued.accessToken, {
    accessToken: issued.accessToken,
    openId: grant.openId,
    scopes: grant.scopes,
    issuedBy: grant.issuedBy,
  });
  ex.state.tokensIssued.push(issued);
  ex.state.refreshTokens.set(issued.refreshToken, grant);
  return issued;
}

/** A fresh code for `openId`, as the authorize page of `generation` would redirect with. */
export function newAuthCode(): string {
  return `code.${randomBytes(9).toString('hex')}`;
}

/** `POST /oauth/revoke/?open_id&access_token` (§2.7, unconfirmed): the token stops working. */
export async function handleV1Revoke(ex: Exchange): Promise<void> {
  await drain(ex.req);
  const token = ex.url.searchParams.get('access_token') ?? '';
  const user = ex.state.users.get(token);
  if (ex.req.method !== 'POST' || !user || user.issuedBy !== 'v1' || user.openId !== ex.url.searchParams.get('open_id'))
    return replyV1Error(ex, 10002, 'access_token or open_id is invalid');
  ex.state.users.delete(token);
  ex.state.revoked.push(token);
  sendJson(ex.res, 200, { data: { description: '', error_code: 0 }, message: 'success' });
}

/** `POST /v2/oauth/revoke/` (§2.8): `client_key`, `client_secret`, `token` in a form; an empty answer on success. */
export async function handleV2Revoke(ex: Exchange): Promise<void> {
  const raw = (await readBody(ex.req, 1 << 16)).bytes.toString('utf8');
  const fail = (status: number, error: string, description: string) => replyV2OAuthError(ex, status, error, description);
  if (ex.req.method !== 'POST' || mediaType(header(ex.req, 'content-type')) !== 'application/x-www-form-urlencoded')
    return fail(400, 'invalid_request', 'POST a form-encoded body');
  const body = new URLSearchParams(raw);
  if (body.get('client_key') !== ex.config.oauth.clientKey || body.get('client_secret') !== ex.config.oauth.clientSecret)
    return fail(401, 'invalid_client', 'client_key or client_secret is wrong');
  const token = body.get('token') ?? '';
  const user = ex.state.users.get(token);
  if (!user || user.issuedBy !== 'v2') return fail(400, 'invalid_request', 'token is invalid');
  ex.state.users.delete(token);
  ex.state.revoked.push(token);
  ex.res.writeHead(200, { 'Content-Length': '0' }).end();
}

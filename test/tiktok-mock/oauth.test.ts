import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH, DEFAULT_USERS, mockRequest, type TikTokMock, startTikTokMock } from '../support/tiktok-mock/index.js';
import { fileUpload, postJson } from './helpers.js';

const USER = DEFAULT_USERS.alice;
const APP = { client_key: DEFAULT_OAUTH.clientKey, client_secret: DEFAULT_OAUTH.clientSecret };

describe('OAuth code exchange, v1 and v2 (API-CONTRACT §2.7–§2.9)', () => {
  let mock: TikTokMock;
  beforeAll(async () => {
    mock = await startTikTokMock({ init: { rateLimit: false, pendingShareLimit: false } });
  });
  afterAll(() => mock?.close());

  const v1 = (query: Record<string, string>) =>
    mockRequest(mock, `https://${mock.hosts.legacy}/oauth/access_token/?${new URLSearchParams(query)}`, { method: 'POST' });
  const v2 = (body: string, contentType = 'application/x-www-form-urlencoded') =>
    mockRequest(mock, `https://${mock.hosts.contentPosting}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });
  const form = (code: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      ...APP,
      code,
      grant_type: 'authorization_code',
      redirect_uri: DEFAULT_OAUTH.redirectUris[0],
      ...extra,
    }).toString();

  it('v1: query parameters, an answer in the data envelope; the code works once', async () => {
    const code = mock.issueCode(USER.openId, USER.scopes, 'v1');
    const body = (await v1({ ...APP, code, grant_type: 'authorization_code' })).json();
    expect(body).toMatchObject({
      message: 'success',
      data: { error_code: 0, open_id: USER.openId, access_token: expect.stringMatching(/^act\.v1\./) },
    });
    expect((await v1({ ...APP, code, grant_type: 'authorization_code' })).json()).toMatchObject({
      message: 'error',
      data: { error_code: 10007 },
    });
  });

  it('v2: a form body with the registered redirect_uri, a flat answer', async () => {
    const code = mock.issueCode(USER.openId, USER.scopes, 'v2');
    const response = await v2(form(code));
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      open_id: USER.openId,
      token_type: 'Bearer',
      access_token: expect.stringMatching(/^act\.v2\./),
    });
  });

  it('v2 refuses a JSON body, an unregistered or missing redirect_uri, and a code from the v1 page', async () => {
    const code = mock.issueCode(USER.openId, USER.scopes, 'v2');
    expect((await v2(JSON.stringify({ ...APP, code }), 'application/json')).json()).toMatchObject({ error: 'invalid_request' });
    expect((await v2(form(code, { redirect_uri: 'https://elsewhere.example/cb' }))).json()).toMatchObject({ error: 'invalid_request' });
    const v1Code = mock.issueCode(USER.openId, USER.scopes, 'v1');
    expect((await v2(form(v1Code))).json()).toMatchObject({ error: 'invalid_grant' });
    expect((await v2(form(code, { client_secret: 'wrong' }))).status).toBe(401);
  });

  it('refresh: v1 in the query without the secret; v2 in a form with the secret, answering a new refresh token that replaces the old', async () => {
    const v1Code = mock.issueCode(USER.openId, USER.scopes, 'v1');
    const v1Refresh = (await v1({ ...APP, code: v1Code, grant_type: 'authorization_code' })).json().data.refresh_token as string;
    const renewed = await mockRequest(
      mock,
      `https://${mock.hosts.legacy}/oauth/refresh_token/?${new URLSearchParams({ client_key: APP.client_key, grant_type: 'refresh_token', refresh_token: v1Refresh })}`,
      { method: 'POST' },
    );
    expect(renewed.json()).toMatchObject({ message: 'success', data: { refresh_token: v1Refresh } });

    const code = mock.issueCode(USER.openId, USER.scopes, 'v2');
    const first = (await v2(form(code))).json().refresh_token as string;
    const refresh = (token: string, extra: Record<string, string> = {}) =>
      v2(new URLSearchParams({ ...APP, grant_type: 'refresh_token', refresh_token: token, ...extra }).toString());
    expect((await refresh(first, { client_secret: 'wrong' })).status).toBe(401);
    const second = (await refresh(first)).json();
    expect(second).toMatchObject({ token_type: 'Bearer', refresh_token: expect.not.stringMatching(first) });
    expect((await refresh(first)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('a v1-issued token is refused on every v2 route: access_token_invalid (§2.9, the strict choice)', async () => {
    const code = mock.issueCode(USER.openId, USER.scopes, 'v1');
    const token = (await v1({ ...APP, code, grant_type: 'authorization_code' })).json().data.access_token as string;
    const init = await postJson(mock, mock.urls.inboxInit, fileUpload(1024, 1024), { token });
    expect(init.status).toBe(401);
    expect(init.json().error.code).toBe('access_token_invalid');
  });
});

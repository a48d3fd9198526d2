import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, mockRequest, type MockUser, type TikTokMock, startTikTokMock } from '../support/tiktok-mock/index.js';

const ALICE = DEFAULT_USERS.alice;
const V1_TOKEN = DEFAULT_USERS.dave.accessToken;
/** A v2 user who granted `video.list`. */
const LISTER: MockUser = {
  accessToken: 'act.erin.video-list',
  openId: 'erin-open-id',
  scopes: ['user.info.basic', 'video.list'],
  issuedBy: 'v2',
};

describe('user info, v1 and v2 (API-CONTRACT §2.7, §2.8)', () => {
  let mock: TikTokMock;
  beforeAll(async () => {
    mock = await startTikTokMock({ users: [...Object.values(DEFAULT_USERS), LISTER] });
  });
  afterAll(() => mock?.close());

  const v1 = (query: string, body?: unknown) =>
    mockRequest(mock, `https://${mock.hosts.legacy}/user/info/${query}`, {
      method: 'POST',
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const v2 = (fields: string, init: { method?: string; token?: string } = {}) =>
    mockRequest(mock, `https://${mock.hosts.contentPosting}/v2/user/info/?fields=${fields}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${init.token ?? ALICE.accessToken}` },
    });

  it('v1: the token in the query or the body, the fields asked for, error.code the number 0', async () => {
    const inQuery = (await v1(`?access_token=${V1_TOKEN}`, { fields: ['display_name'] })).json();
    expect(inQuery).toEqual({ data: { user: { display_name: expect.any(String) } }, error: { code: 0, message: '' } });
    const inBody = (await v1('', { access_token: V1_TOKEN, open_id: DEFAULT_USERS.dave.openId, fields: ['open_id'] })).json();
    expect(inBody).toEqual({ data: { user: { open_id: DEFAULT_USERS.dave.openId } }, error: { code: 0, message: '' } });
    expect((await v1('', { access_token: V1_TOKEN, open_id: 'someone-else' })).json()).toMatchObject({ error: { code: 10002 } });
  });

  it('v2: GET with Bearer and the fields in the query; error.code "ok"; the same profile as v1 for the same user', async () => {
    const answer = await v2('open_id,display_name');
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      data: { user: { open_id: ALICE.openId, display_name: expect.any(String) } },
      error: { code: 'ok', message: '' },
    });
    const legacy = (await v1(`?access_token=${ALICE.accessToken}`, { fields: ['open_id', 'display_name'] })).json() as { data: unknown };
    expect((answer.json() as { data: unknown }).data).toEqual(legacy.data);
  });

  it('v2: refuses a v1 token, a POST, and a request without fields', async () => {
    expect((await v2('open_id', { token: V1_TOKEN })).json()).toMatchObject({ error: { code: 'access_token_invalid' } });
    expect((await v2('open_id', { method: 'POST' })).json()).toMatchObject({ error: { code: 'invalid_param' } });
    expect((await v2('')).json()).toMatchObject({ error: { code: 'invalid_param' } });
    expect((await v2('follower_count')).json()).toMatchObject({ error: { code: 'invalid_param' } });
  });

  it("Login Kit v1 (/oauth/userinfo/): GET or a form POST, the user flat in data under v1's names, status in data", async () => {
    const loginKit = (query: string, init: { method?: string; form?: string } = {}) =>
      mockRequest(mock, `https://${mock.hosts.legacy}/oauth/userinfo/${query}`, {
        method: init.method ?? 'GET',
        ...(init.form === undefined ? {} : { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: init.form }),
      });
    const flat = (await loginKit(`?access_token=${V1_TOKEN}&open_id=${DEFAULT_USERS.dave.openId}`)).json() as {
      data: Record<string, unknown>;
    };
    expect(flat).toEqual({
      data: expect.objectContaining({ open_id: DEFAULT_USERS.dave.openId, avatar: expect.any(String), error_code: 0, description: '' }),
      message: 'success',
    });
    // The same profile v2 answers under data.user: avatar is avatar_url, avatar_larger avatar_large_url.
    const v2Profile = (await v2('avatar_url,avatar_large_url', { token: ALICE.accessToken })).json() as {
      data: { user: Record<string, unknown> };
    };
    const alice = (await loginKit('', { method: 'POST', form: `access_token=${ALICE.accessToken}` })).json() as {
      data: Record<string, unknown>;
    };
    expect([alice.data.avatar, alice.data.avatar_larger]).toEqual([v2Profile.data.user.avatar_url, v2Profile.data.user.avatar_large_url]);
    expect((await loginKit(`?access_token=${V1_TOKEN}&open_id=someone-else`)).json()).toMatchObject({
      data: { error_code: 10002 },
      message: 'error',
    });
  });

  const listV1 = (body: Record<string, unknown>) =>
    mockRequest(mock, `https://${mock.hosts.legacy}/video/list/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const listV2 = (fields: string, body: Record<string, unknown>, token = LISTER.accessToken) =>
    mockRequest(mock, `https://${mock.hosts.contentPosting}/v2/video/list/?fields=${fields}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('video list: the same pages on v1 (token and open_id in the body) and v2 (Bearer, fields in the query)', async () => {
    const v1 = (
      await listV1({ open_id: LISTER.openId, access_token: LISTER.accessToken, cursor: 0, max_count: 4, fields: ['id', 'title'] })
    ).json() as {
      data: { videos: unknown[]; cursor: number; has_more: boolean };
      error: { code: number };
    };
    const v2 = (await listV2('id,title', { cursor: 0, max_count: 4 })).json() as { data: unknown; error: { code: string } };
    expect(v1.error.code).toBe(0);
    expect(v2.error.code).toBe('ok');
    expect(v1.data).toMatchObject({ cursor: 4, has_more: true });
    expect(v1.data.videos).toHaveLength(4);
    expect(v2.data).toEqual(v1.data);
  });

  it('video list v2: refuses a token without video.list, a v1 token, missing fields and max_count over 20', async () => {
    expect((await listV2('id', {}, ALICE.accessToken)).json()).toMatchObject({ error: { code: 'scope_not_authorized' } });
    expect((await listV2('id', {}, V1_TOKEN)).json()).toMatchObject({ error: { code: 'access_token_invalid' } });
    expect((await listV2('', {})).json()).toMatchObject({ error: { code: 'invalid_param' } });
    expect((await listV2('id', { max_count: 21 })).json()).toMatchObject({ error: { code: 'invalid_param' } });
  });
});

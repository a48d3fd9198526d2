import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, mockRequest, type TikTokMock, startTikTokMock } from '../support/tiktok-mock/index.js';

const ALICE = DEFAULT_USERS.alice;
const V1_TOKEN = DEFAULT_USERS.dave.accessToken;

describe('user info, v1 and v2 (API-CONTRACT §2.7, §2.8)', () => {
  let mock: TikTokMock;
  beforeAll(async () => {
    mock = await startTikTokMock();
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
});

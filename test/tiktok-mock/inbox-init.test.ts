import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INIT_RESPONSE_LIMITS, MEDIA_TRANSFER_HOST } from '../../src/contract/index.js';
import { DEFAULT_USERS, createManualClock, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { MiB, fileUpload, postJson } from './helpers.js';

const LOG_ID = /^\d{14}[0-9A-F]{20}$/;

function expectError(response: { status: number; json(): any }, status: number, code: string, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = response.json();
  expect(body).not.toHaveProperty('data');
  expect(body.error).toEqual({
    code,
    message: message ? expect.stringMatching(message) : expect.any(String),
    log_id: expect.stringMatching(LOG_ID),
  });
}

describe('POST /v2/post/publish/inbox/video/init/ (API-CONTRACT §3, checklist §8)', () => {
  let mock: TikTokMock;
  beforeAll(async () => {
    mock = await startTikTokMock({ init: { rateLimit: false, pendingShareLimit: false } });
  });
  afterAll(() => mock?.close());

  it('answers a valid FILE_UPLOAD with publish_id, upload_url and error ok', async () => {
    const response = await postJson(mock, mock.urls.inboxInit, fileUpload(30_567_100, 30_567_100, 1));
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body.error).toEqual({ code: 'ok', message: '', log_id: expect.stringMatching(LOG_ID) });
    expect(body.data.publish_id).toMatch(/^v_inbox_file~v2\.\d+$/);
    expect(body.data.publish_id.length).toBeLessThanOrEqual(INIT_RESPONSE_LIMITS.maxPublishIdLength);
    expect(body.data.upload_url.length).toBeLessThanOrEqual(INIT_RESPONSE_LIMITS.maxUploadUrlLength);
    const uploadUrl = new URL(body.data.upload_url);
    expect(uploadUrl.origin).toBe(`https://${MEDIA_TRANSFER_HOST}`);
    expect([...uploadUrl.searchParams.keys()]).toEqual(['upload_id', 'upload_token']);
    expect(mock.state.publish(body.data.publish_id)).toMatchObject({
      status: 'PROCESSING_UPLOAD',
      videoSize: 30_567_100,
      openId: DEFAULT_USERS.alice.openId,
    });
  });

  it('takes application/json with or without charset, in any case', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset=UTF-8']) {
      const response = await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { contentType });
      expect(response.status, contentType).toBe(200);
    }
  });

  it('answers 401 access_token_invalid without a Bearer token, with an unknown one, or with a v1 token', async () => {
    expectError(await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: null }), 401, 'access_token_invalid');
    expectError(
      await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: 'act.unknown' }),
      401,
      'access_token_invalid',
    );
    expectError(
      await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: DEFAULT_USERS.dave.accessToken }),
      401,
      'access_token_invalid',
    );
    const basic = await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), {
      token: null,
      contentType: 'application/json',
    });
    expect(basic.json().error.message).toBe('The access token is invalid or not found in the request.');
  });

  it('answers 401 scope_not_authorized for a token without video.upload', async () => {
    expectError(
      await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: DEFAULT_USERS.carol.accessToken }),
      401,
      'scope_not_authorized',
      /video\.upload/,
    );
  });

  it('answers 400 invalid_param for a wrong Content-Type, bad JSON or a bad source', async () => {
    expectError(
      await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { contentType: 'text/plain' }),
      400,
      'invalid_param',
      /Content-Type/,
    );
    expectError(
      await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { contentType: null }),
      400,
      'invalid_param',
      /Content-Type/,
    );
    expectError(
      await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { contentType: 'application/json; charset=latin1' }),
      400,
      'invalid_param',
    );
    expectError(await postJson(mock, mock.urls.inboxInit, null, { raw: '{"source_info":' }), 400, 'invalid_param', /not valid JSON/);
    expectError(await postJson(mock, mock.urls.inboxInit, [1]), 400, 'invalid_param', /JSON object/);
    expectError(await postJson(mock, mock.urls.inboxInit, {}), 400, 'invalid_param', /source_info is required/);
    expectError(
      await postJson(mock, mock.urls.inboxInit, { source_info: { source: 'UPLOAD' } }),
      400,
      'invalid_param',
      /FILE_UPLOAD, PULL_FROM_URL/,
    );
  });

  it('answers 400 invalid_param naming the broken chunk rule', async () => {
    const cases: [ReturnType<typeof fileUpload>, RegExp][] = [
      [fileUpload(50_000_123, 10_000_000, 6), /floor\(50000123 \/ 10000000\) = 5, got 6/],
      [fileUpload(4 * MiB, 2 * MiB, 2), /goes whole/],
      [fileUpload(20 * MiB, 4 * MiB, 5), /chunk_size must be between/],
      [fileUpload(100 * MiB, 64 * MiB, 1), /needs total_chunk_count >= 2/],
      [fileUpload(4 * 1024 * MiB + 64 * MiB, 64 * MiB, 65), /4 GiB/],
      [{ source_info: { source: 'FILE_UPLOAD', video_size: 1000 } } as never, /chunk_size must be a positive integer/],
    ];
    for (const [body, message] of cases) expectError(await postJson(mock, mock.urls.inboxInit, body), 400, 'invalid_param', message);
  });

  it('answers a verified PULL_FROM_URL with a publish_id and no upload_url', async () => {
    const response = await postJson(mock, mock.urls.inboxInit, {
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://example.verified.domain.com/example_video.mp4' },
    });
    expect(response.status).toBe(200);
    const body = response.json();
    expect(Object.keys(body.data)).toEqual(['publish_id']);
    expect(mock.state.publish(body.data.publish_id).status).toBe('PROCESSING_DOWNLOAD');
  });

  it('answers 403 url_ownership_unverified for plain http or an unverified prefix, 400 without a URL', async () => {
    const pull = (video_url: unknown) => postJson(mock, mock.urls.inboxInit, { source_info: { source: 'PULL_FROM_URL', video_url } });
    expectError(await pull('http://example.verified.domain.com/example_video.mp4'), 403, 'url_ownership_unverified', /https/);
    expectError(await pull('https://elsewhere.example/video.mp4'), 403, 'url_ownership_unverified', /not verified/);
    expectError(await pull(undefined), 400, 'invalid_param', /video_url is required/);
  });
});

describe('init limits (§3.2 rate limit, §3.4 pending cap)', () => {
  it('allows 6 calls per token per minute on a sliding window, then 429 rate_limit_exceeded', async () => {
    const clock = createManualClock();
    const mock = await startTikTokMock({ now: clock.now, init: { pendingShareLimit: false } });
    try {
      for (let n = 0; n < 6; n += 1) {
        expect((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).status).toBe(200);
        clock.advance(5_000);
      }
      expectError(await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1)), 429, 'rate_limit_exceeded');
      // Another token has its own window.
      expect(
        (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: DEFAULT_USERS.bob.accessToken })).status,
      ).toBe(200);
      // The first call leaves the window 60 s after it was made: one more fits, not two.
      clock.advance(60_000 - 30_000 + 1);
      expect((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).status).toBe(200);
      expect((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).status).toBe(429);
    } finally {
      await mock.close();
    }
  });

  it('allows 5 pending shares per user in 24 h, then 403 spam_risk_too_many_pending_share; posting frees a slot', async () => {
    const clock = createManualClock();
    const mock = await startTikTokMock({ now: clock.now, init: { rateLimit: false } });
    try {
      const ids: string[] = [];
      for (let n = 0; n < 5; n += 1)
        ids.push((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).json().data.publish_id);
      const refused = await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1));
      // The captured body: message equal to the code, no data.
      expect(refused.status).toBe(403);
      expect(refused.json()).toEqual({
        error: {
          code: 'spam_risk_too_many_pending_share',
          message: 'spam_risk_too_many_pending_share',
          log_id: expect.stringMatching(LOG_ID),
        },
      });
      // bob is another user.
      expect(
        (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: DEFAULT_USERS.bob.accessToken })).status,
      ).toBe(200);
      await mock.lifecycle.completePublish(ids[0]!);
      expect((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).status).toBe(200);
      expect((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).status).toBe(403);
      // A day later the old ones no longer count.
      clock.advance(24 * 60 * 60 * 1000);
      expect((await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('answers 403 spam_risk_user_banned_from_posting for a banned user', async () => {
    const mock = await startTikTokMock({ users: [{ ...DEFAULT_USERS.alice, bannedFromPosting: true }] });
    try {
      expectError(await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1)), 403, 'spam_risk_user_banned_from_posting');
    } finally {
      await mock.close();
    }
  });

  it('accepts v1 tokens on v2 when configured to (§2.9 is unconfirmed)', async () => {
    const mock = await startTikTokMock({ v1TokensOnV2: 'accept' });
    try {
      expect(
        (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1), { token: DEFAULT_USERS.dave.accessToken })).status,
      ).toBe(200);
    } finally {
      await mock.close();
    }
  });
});

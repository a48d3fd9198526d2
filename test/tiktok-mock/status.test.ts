import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_SCOPE } from '../../src/contract/index.js';
import { DEFAULT_USERS, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { MiB, fileUpload, postJson, putChunk } from './helpers.js';

describe('POST /v2/post/publish/status/fetch/ (API-CONTRACT §5, checklist §8)', () => {
  let mock: TikTokMock;
  const video = randomBytes(10 * MiB);

  beforeAll(async () => {
    mock = await startTikTokMock({
      users: [
        ...Object.values(DEFAULT_USERS),
        { accessToken: 'act.erin.publish-only', openId: 'erin-open-id', scopes: [PUBLISH_SCOPE], issuedBy: 'v2' },
        { accessToken: 'act.frank.rate-limit', openId: 'frank-open-id', scopes: [PUBLISH_SCOPE], issuedBy: 'v2' },
      ],
      init: { rateLimit: false, pendingShareLimit: false },
      status: { rateLimit: { requests: 30, windowMs: 60_000 } },
    });
  });
  afterAll(() => mock?.close());

  const status = (publishId: unknown, token?: string) =>
    postJson(mock, mock.urls.statusFetch, { publish_id: publishId }, token ? { token } : {});

  it('follows the upload: PROCESSING_UPLOAD with uploaded_bytes, then SEND_TO_USER_INBOX, then PUBLISH_COMPLETE', async () => {
    const { publish_id, upload_url } = (await postJson(mock, mock.urls.inboxInit, fileUpload(video.length, 5 * MiB))).json().data;
    let body = (await status(publish_id)).json();
    expect(body).toEqual({
      data: { status: 'PROCESSING_UPLOAD', publicaly_available_post_id: [], uploaded_bytes: 0 },
      error: { code: 'ok', message: '', log_id: expect.any(String) },
    });
    await putChunk(mock, upload_url, video, 0, 5 * MiB - 1);
    body = (await status(publish_id)).json();
    expect(body.data).toMatchObject({ status: 'PROCESSING_UPLOAD', uploaded_bytes: 5 * MiB });
    expect((await putChunk(mock, upload_url, video, 5 * MiB, 10 * MiB - 1)).status).toBe(201);
    body = (await status(publish_id)).json();
    expect(body.data).toMatchObject({ status: 'SEND_TO_USER_INBOX', uploaded_bytes: 10 * MiB });

    await mock.lifecycle.completePublish(publish_id);
    await mock.lifecycle.makePubliclyAvailable(publish_id, 7_300_000_000_000_000_000);
    body = (await status(publish_id)).json();
    expect(body.data).toMatchObject({ status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [7_300_000_000_000_000_000] });
  });

  it('reports FAILED with fail_reason', async () => {
    const { publish_id } = (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).json().data;
    await mock.lifecycle.failPublish(publish_id, 'file_format_check_failed');
    expect((await status(publish_id)).json().data).toMatchObject({ status: 'FAILED', fail_reason: 'file_format_check_failed' });
  });

  it('accepts the video.publish scope too', async () => {
    const { publish_id } = (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).json().data;
    // erin can read only her own tasks; the answer proves her scope passed.
    expect((await status(publish_id, 'act.erin.publish-only')).json().error.code).toBe('token_not_authorized_for_specified_publish_id');
  });

  it('answers 400 invalid_publish_id for an unknown id, and another user gets token_not_authorized_for_specified_publish_id', async () => {
    const unknown = await status('v_inbox_file~v2.1');
    expect(unknown.status).toBe(400);
    expect(unknown.json().error.code).toBe('invalid_publish_id');
    const { publish_id } = (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).json().data;
    const bob = await status(publish_id, DEFAULT_USERS.bob.accessToken);
    expect(bob.status).toBe(400);
    expect(bob.json().error.code).toBe('token_not_authorized_for_specified_publish_id');
  });

  it('answers 401 for a missing token or scope, 400 invalid_param without a publish_id', async () => {
    const noToken = await postJson(mock, mock.urls.statusFetch, { publish_id: 'x' }, { token: null });
    expect([noToken.status, noToken.json().error.code]).toEqual([401, 'access_token_invalid']);
    const carol = await status('x', DEFAULT_USERS.carol.accessToken);
    expect([carol.status, carol.json().error.code]).toEqual([401, 'scope_not_authorized']);
    const empty = await postJson(mock, mock.urls.statusFetch, {});
    expect([empty.status, empty.json().error.code]).toEqual([400, 'invalid_param']);
  });

  it('answers 429 after 30 calls in a minute from one token', async () => {
    const token = 'act.frank.rate-limit';
    const answers: number[] = [];
    for (let n = 0; n < 31; n += 1) answers.push((await status('v_inbox_file~v2.1', token)).status);
    expect(answers.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(answers[30]).toBe(429);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INIT_RESPONSE_LIMITS } from '../../src/contract/index.js';
import { createManualClock, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { MiB, fileUpload, postJson, putChunk } from './helpers.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function init(mock: TikTokMock, video: Buffer, chunkSize: number) {
  const body = (await postJson(mock, mock.urls.inboxInit, fileUpload(video.length, chunkSize))).json();
  expect(body.error.code).toBe('ok');
  return body.data as { publish_id: string; upload_url: string };
}

describe('PUT upload_url (API-CONTRACT §4, checklist §8)', () => {
  const clock = createManualClock();
  let mock: TikTokMock;
  // 12 MiB in 5 MiB chunks: floor gives 2 chunks, 5 MiB then 7 MiB (§4.2).
  const video = randomBytes(12 * MiB);
  const small = randomBytes(64 * 1024);

  beforeAll(async () => {
    mock = await startTikTokMock({ now: clock.now, init: { rateLimit: false, pendingShareLimit: false } });
  });
  afterAll(() => mock?.close());

  it('takes a 12 MiB video as 5 MiB + 7 MiB: 206, then 201, and keeps the same bytes', async () => {
    const { publish_id, upload_url } = await init(mock, video, 5 * MiB);
    const first = await putChunk(mock, upload_url, video, 0, 5 * MiB - 1);
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-${5 * MiB - 1}/${12 * MiB}`);
    expect(first.body.length).toBe(0);
    expect(mock.state.publish(publish_id)).toMatchObject({ status: 'PROCESSING_UPLOAD', receivedBytes: 5 * MiB });

    const last = await putChunk(mock, upload_url, video, 5 * MiB, 12 * MiB - 1);
    expect(last.status).toBe(201);
    expect(last.headers['content-range']).toBe(`bytes 0-${12 * MiB - 1}/${12 * MiB}`);
    expect(last.body.length).toBe(0);

    const task = mock.state.publish(publish_id);
    expect(task.bytes!.equals(video)).toBe(true);
    expect(task.sha256).toBe(sha256(video));
    expect(task.chunks.map((c) => [c.index, c.first, c.last, c.length])).toEqual([
      [0, 0, 5 * MiB - 1, 5 * MiB],
      [1, 5 * MiB, 12 * MiB - 1, 7 * MiB],
    ]);
    expect(task.status).toBe('SEND_TO_USER_INBOX');
    expect(mock.state.completedUploads().map((t) => t.publishId)).toContain(publish_id);
  });

  it('takes a small video whole in one PUT (201)', async () => {
    const { upload_url } = await init(mock, small, small.length);
    expect((await putChunk(mock, upload_url, small, 0, small.length - 1, { contentType: 'video/webm' })).status).toBe(201);
  });

  it('answers 404 for an unknown upload_id or a wrong upload_token', async () => {
    const { upload_url } = await init(mock, small, small.length);
    const url = new URL(upload_url);
    url.searchParams.set('upload_token', 'forged');
    expect((await putChunk(mock, url.href, small, 0, small.length - 1)).status).toBe(404);
    url.searchParams.set('upload_id', '1');
    expect((await putChunk(mock, url.href, small, 0, small.length - 1)).status).toBe(404);
  });

  it('answers 403 once the upload_url is over an hour old', async () => {
    const { upload_url } = await init(mock, small, small.length);
    clock.advance(INIT_RESPONSE_LIMITS.uploadUrlLifetimeMs + 1);
    const response = await putChunk(mock, upload_url, small, 0, small.length - 1);
    expect(response.status).toBe(403);
    expect(response.text).toMatch(/expired/);
  });

  it('answers 400 for a Content-Type that is not video/mp4, quicktime or webm', async () => {
    const { upload_url } = await init(mock, small, small.length);
    for (const contentType of ['application/octet-stream', null]) {
      expect((await putChunk(mock, upload_url, small, 0, small.length - 1, { contentType })).status, String(contentType)).toBe(400);
    }
    expect((await putChunk(mock, upload_url, small, 0, small.length - 1, { contentType: 'video/quicktime' })).status).toBe(201);
  });

  it('answers 400 without Content-Length (chunked), or when it disagrees with Content-Range', async () => {
    const { upload_url } = await init(mock, small, small.length);
    const chunked = await putChunk(mock, upload_url, small, 0, small.length - 1, { contentLength: null });
    expect(chunked.status).toBe(400);
    expect(chunked.text).toMatch(/Content-Length is required/);
    const shorter = await putChunk(mock, upload_url, small, 0, small.length - 2, {
      contentRange: `bytes 0-${small.length - 1}/${small.length}`,
    });
    expect(shorter.status).toBe(400);
    expect(shorter.text).toMatch(/covers 65536 bytes but Content-Length is 65535/);
  });

  it('answers 400 for a malformed Content-Range or a total that is not video_size', async () => {
    const { upload_url } = await init(mock, small, small.length);
    for (const contentRange of [
      null,
      `bytes=0-${small.length - 1}/${small.length}`,
      `bytes 0-${small.length - 1}/*`,
      `0-${small.length - 1}/${small.length}`,
    ]) {
      expect((await putChunk(mock, upload_url, small, 0, small.length - 1, { contentRange })).status, String(contentRange)).toBe(400);
    }
    const total = await putChunk(mock, upload_url, small, 0, small.length - 1, {
      contentRange: `bytes 0-${small.length - 1}/${small.length + 1}`,
    });
    expect(total.status).toBe(400);
    expect(total.text).toMatch(/not the video_size/);
  });

  it('answers 416 for a chunk out of order, with the progress so far', async () => {
    const { upload_url } = await init(mock, video, 5 * MiB);
    const skipped = await putChunk(mock, upload_url, video, 5 * MiB, 12 * MiB - 1);
    expect(skipped.status).toBe(416);
    expect(skipped.headers['content-range']).toBeUndefined();
    expect((await putChunk(mock, upload_url, video, 0, 5 * MiB - 1)).status).toBe(206);
    const again = await putChunk(mock, upload_url, video, 0, 5 * MiB - 1);
    expect(again.status).toBe(416);
    expect(again.headers['content-range']).toBe(`bytes 0-${5 * MiB - 1}/${12 * MiB}`);
  });

  it('answers 400 when a non-final chunk is not chunk_size, or the final one stops short', async () => {
    const { upload_url } = await init(mock, video, 5 * MiB);
    const ceilStyle = await putChunk(mock, upload_url, video, 0, 4 * MiB - 1);
    expect(ceilStyle.status).toBe(400);
    expect(ceilStyle.text).toMatch(/chunk 1 of 2 must be chunk_size 5242880 bytes/);
    expect((await putChunk(mock, upload_url, video, 0, 5 * MiB - 1)).status).toBe(206);
    // A ceil-count client sends 5 MiB again, then 2 MiB: the floor rule merged those into one 7 MiB chunk.
    const short = await putChunk(mock, upload_url, video, 5 * MiB, 10 * MiB - 1);
    expect(short.status).toBe(400);
    expect(short.text).toMatch(/final chunk \(2 of 2\) must run to the last byte/);
  });

  it('answers 5xx to an injected fault and accepts the same chunk sent again', async () => {
    const { publish_id, upload_url } = await init(mock, video, 5 * MiB);
    mock.injectFault({ publishId: publish_id, chunkIndex: 1, status: 503 });
    expect((await putChunk(mock, upload_url, video, 0, 5 * MiB - 1)).status).toBe(206);
    expect((await putChunk(mock, upload_url, video, 5 * MiB, 12 * MiB - 1)).status).toBe(503);
    expect(mock.state.publish(publish_id).receivedBytes).toBe(5 * MiB);
    expect((await putChunk(mock, upload_url, video, 5 * MiB, 12 * MiB - 1)).status).toBe(201);
    expect(mock.state.faultsInjected).toContainEqual({ publishId: publish_id, chunkIndex: 1, status: 503 });
    expect(mock.state.publish(publish_id).sha256).toBe(sha256(video));
  });

  it('refuses methods other than PUT', async () => {
    const { upload_url } = await init(mock, small, small.length);
    expect((await postJson(mock, upload_url, {})).status).toBe(405);
  });
});

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import FormData from 'form-data';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SIGNATURE_HEADER } from '../../src/contract/index.js';
import {
  DEFAULT_USERS,
  buildEnvelope,
  mockRequest,
  sendWebhook,
  signWebhook,
  startTikTokMock,
  verifyWebhookSignature,
  webhookEvents,
  type TikTokMock,
} from '../support/tiktok-mock/index.js';
import { MiB, fileUpload, postJson, putChunk } from './helpers.js';

interface Received {
  readonly body: string;
  readonly signature: string | undefined;
  readonly contentType: string | undefined;
}

/** A webhook receiver on loopback that answers with the given statuses in turn, then 200. */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const queue = [...statuses];
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(parts).toString('utf8'),
        signature: req.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string | undefined,
        contentType: req.headers['content-type'],
      });
      res.writeHead(queue.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/tiktok`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const secret = 'test_client_secret';
const clientKey = 'bwo2m45353a6k85';

describe('webhook signature and envelope (API-CONTRACT §6.2, §6.5)', () => {
  it('reproduces the test vector of §6.5', () => {
    const envelope = buildEnvelope({
      clientKey,
      ...webhookEvents.postPublishComplete('v_inbox_file~v2.123456789'),
      createTime: 1633174587,
      userOpenId: 'act.example12345Example12345Example',
    });
    const rawBody = JSON.stringify(envelope);
    expect(rawBody).toBe(
      '{"client_key":"bwo2m45353a6k85","event":"post.publish.complete","create_time":1633174587,"user_openid":"act.example12345Example12345Example","content":"{\\"publish_id\\":\\"v_inbox_file~v2.123456789\\",\\"publish_type\\":\\"INBOX_SHARE\\"}"}',
    );
    expect(signWebhook(rawBody, secret, 1633174587)).toBe(
      't=1633174587,s=c297d558e9085fa94c776806f246a678a8e768337adc6e7ce22bb8ac995e4c07',
    );
    expect(
      verifyWebhookSignature(rawBody, 't=1633174587,s=c297d558e9085fa94c776806f246a678a8e768337adc6e7ce22bb8ac995e4c07', secret, {
        nowSeconds: 1633174600,
      }),
    ).toBe(true);
    expect(
      verifyWebhookSignature(rawBody.replace('complete', 'failed'), signWebhook(rawBody, secret, 1633174587), secret, {
        nowSeconds: 1633174600,
      }),
    ).toBe(false);
    expect(verifyWebhookSignature(rawBody, signWebhook(rawBody, secret, 1633174587), secret, { nowSeconds: 1633174587 + 301 })).toBe(false);
  });

  it('builds the legacy and Content Posting payloads with their documented keys', () => {
    expect(webhookEvents.videoUploadFailed('video.6974245311675353080.VDCxrcMJ')).toEqual({
      event: 'video.upload.failed',
      content: { share_id: 'video.6974245311675353080.VDCxrcMJ' },
    });
    expect(webhookEvents.videoPublishCompleted('s1').event).toBe('video.publish.completed');
    expect(webhookEvents.videoPublishCompleted('s1', 'complete').event).toBe('video.publish.complete');
    // The constructed example of §6.3, key for key.
    const failed = buildEnvelope({
      clientKey,
      ...webhookEvents.postPublishFailed('v_inbox_file~v2.123456789', 'file_format_check_failed'),
      createTime: 1633174587,
      userOpenId: 'act.example12345Example12345Example',
    });
    expect(failed.content).toBe(
      '{"publish_id":"v_inbox_file~v2.123456789","reason":"file_format_check_failed","publish_type":"INBOX_SHARE"}',
    );
    expect(webhookEvents.postPublishInboxDelivered('p').event).toBe('post.publish.inbox_delivered');
    expect(webhookEvents.postPublishNoLongerPubliclyAvailable('p', '1').event).toBe('post.publish.no_longer_publicaly_available');
  });
});

describe('sendWebhook delivery (§6.1)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(() => receiver?.close());

  it('retries every answer but 200 with backoff, then stops; the body and signature stay the same', async () => {
    receiver = await startReceiver([500, 204]);
    const delivery = await sendWebhook(receiver.url, {
      ...webhookEvents.videoUploadFailed('v_inbox.1'),
      clientKey,
      clientSecret: secret,
      userOpenId: 'u1',
      retry: { baseDelayMs: 5 },
    });
    expect(delivery.delivered).toBe(true);
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 204, 200]);
    expect(receiver.received).toHaveLength(3);
    for (const got of receiver.received) {
      expect(got.body).toBe(delivery.rawBody);
      expect(got.contentType).toBe('application/json');
      expect(verifyWebhookSignature(got.body, got.signature!, secret)).toBe(true);
    }
    const envelope = JSON.parse(receiver.received[0]!.body);
    expect(Object.keys(envelope)).toEqual(['client_key', 'event', 'create_time', 'user_openid', 'content']);
    expect(typeof envelope.content).toBe('string');
    expect(JSON.parse(envelope.content)).toEqual({ share_id: 'v_inbox.1' });
    expect(Math.abs(envelope.create_time - Date.now() / 1000)).toBeLessThan(5);
  });

  it('gives up after the bounded number of attempts', async () => {
    receiver = await startReceiver([503, 503, 503]);
    const delivery = await sendWebhook(receiver.url, {
      ...webhookEvents.postPublishComplete('p'),
      clientKey,
      clientSecret: secret,
      retry: { attempts: 3, baseDelayMs: 1 },
    });
    expect(delivery.delivered).toBe(false);
    expect(delivery.attempts).toHaveLength(3);
  });

  it('counts a refused connection as a failed attempt', async () => {
    const closed = await startReceiver();
    await closed.close();
    const delivery = await sendWebhook(closed.url, {
      ...webhookEvents.postPublishComplete('p'),
      clientKey,
      clientSecret: secret,
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    expect(delivery.delivered).toBe(false);
    expect(delivery.attempts[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it('delivers duplicates on request, to test idempotency', async () => {
    receiver = await startReceiver();
    const delivery = await sendWebhook(receiver.url, {
      ...webhookEvents.postPublishComplete('p'),
      clientKey,
      clientSecret: secret,
      duplicates: 2,
    });
    expect(delivery.duplicatesSent).toBe(2);
    expect(new Set(receiver.received.map((r) => r.body + r.signature)).size).toBe(1);
    expect(receiver.received).toHaveLength(3);
  });
});

describe('webhooks the mock fires from its own state (§2.6, §4.3, §6.3)', () => {
  let mock: TikTokMock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    mock = await startTikTokMock({ webhooks: { url: receiver.url, clientKey, clientSecret: secret }, init: { rateLimit: false } });
  });
  afterAll(async () => {
    await mock?.close();
    await receiver?.close();
  });

  const events = () =>
    receiver.received.map((r) => {
      const envelope = JSON.parse(r.body);
      return { event: envelope.event, user: envelope.user_openid, content: JSON.parse(envelope.content) };
    });

  it('fires inbox_delivered after the final chunk, then complete or failed as the test decides', async () => {
    const video = randomBytes(5 * MiB);
    const { publish_id, upload_url } = (await postJson(mock, mock.urls.inboxInit, fileUpload(video.length, video.length, 1))).json().data;
    expect((await putChunk(mock, upload_url, video, 0, video.length - 1)).status).toBe(201);
    await mock.webhooksIdle();
    await mock.lifecycle.completePublish(publish_id);
    const second = (await postJson(mock, mock.urls.inboxInit, fileUpload(4 * MiB, 4 * MiB, 1))).json().data.publish_id;
    await mock.lifecycle.failPublish(second, 'duration_check_failed');
    const alice = DEFAULT_USERS.alice.openId;
    expect(events()).toEqual([
      { event: 'post.publish.inbox_delivered', user: alice, content: { publish_id, publish_type: 'INBOX_SHARE' } },
      { event: 'post.publish.complete', user: alice, content: { publish_id, publish_type: 'INBOX_SHARE' } },
      {
        event: 'post.publish.failed',
        user: alice,
        content: { publish_id: second, reason: 'duration_check_failed', publish_type: 'INBOX_SHARE' },
      },
    ]);
    expect(mock.state.webhookDeliveries.every((d) => d.delivered)).toBe(true);
  });

  it('fires the legacy events for a legacy share_id', async () => {
    receiver.received.length = 0;
    const form = new FormData();
    form.append('video', randomBytes(2000), { filename: 'clip.mp4', contentType: 'video/mp4' });
    const bob = DEFAULT_USERS.bob;
    const url = `${mock.urls.legacyUpload}?open_id=${bob.openId}&access_token=${bob.accessToken}`;
    const shareId = (await mockRequest(mock, url, { method: 'POST', headers: form.getHeaders(), body: form.getBuffer() })).json().data
      .share_id;
    await mock.lifecycle.completeLegacyShare(shareId);
    await mock.lifecycle.failLegacyShare(shareId);
    expect(events()).toEqual([
      { event: 'video.publish.completed', user: bob.openId, content: { share_id: shareId } },
      { event: 'video.upload.failed', user: bob.openId, content: { share_id: shareId } },
    ]);
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  INBOX_PUBLISH_TYPE,
  WEBHOOK_SIGNATURE_HEADER,
  type CONTENT_POSTING_EVENTS,
  type LegacyEventName,
  type PublishFailReason,
} from '../../../src/contract/index.js';

type ContentPostingEvent = (typeof CONTENT_POSTING_EVENTS)[number];

/** An event and its `content` before the envelope is put round it (§6.2). */
export interface WebhookEvent {
  readonly event: LegacyEventName | ContentPostingEvent | (string & {});
  /** An object is serialised once more into the envelope's `content` string; a string goes as is. */
  readonly content: Readonly<Record<string, unknown>> | string;
}

export interface WebhookEnvelope {
  readonly client_key: string;
  readonly event: string;
  readonly create_time: number;
  readonly user_openid?: string;
  readonly content: string;
}

/**
 * Retries on any answer but 200 (§6.1), with exponential backoff. TikTok keeps trying for 72 h;
 * tests keep it to milliseconds and a few attempts.
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Per attempt: a receiver that does not answer within it counts as a failure. */
  readonly timeoutMs: number;
}

export const TEST_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 25, maxDelayMs: 400, timeoutMs: 5_000 };

export interface SendWebhookOptions extends WebhookEvent {
  readonly clientSecret: string;
  readonly clientKey: string;
  readonly userOpenId?: string;
  /** Envelope `create_time`, epoch seconds. Default: now. */
  readonly createTime?: number;
  /** `t` of the signature, epoch seconds. Default: now; set it to test a receiver's tolerance window. */
  readonly timestamp?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Deliver the same request this many more times after it succeeded: delivery is at least once (§6.1). */
  readonly duplicates?: number;
  /** Send this signature instead of the right one, to test that a receiver rejects it. */
  readonly signatureOverride?: string;
  readonly ca?: string;
  readonly lookup?: LookupFunction;
  readonly signal?: AbortSignal;
}

export interface WebhookAttempt {
  readonly at: number;
  readonly status?: number;
  readonly error?: string;
  readonly responseBody: string;
}

export interface WebhookDelivery {
  readonly url: string;
  readonly event: string;
  readonly rawBody: string;
  readonly signature: string;
  readonly attempts: WebhookAttempt[];
  delivered: boolean;
  duplicatesSent: number;
}

/** `t=<seconds>,s=<lowercase hex HMAC-SHA256(client_secret, t + "." + rawBody)>` (§6.5). */
export function signWebhook(rawBody: string, clientSecret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', clientSecret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
  return `t=${timestampSeconds},s=${signature}`;
}

/**
 * Checks a `TikTok-Signature` value the way §6.5 tells a receiver to: parse t and s, recompute,
 * compare in constant time, then hold t to a tolerance (TikTok names none; 300 s is common).
 */
export function verifyWebhookSignature(
  rawBody: string,
  headerValue: string,
  clientSecret: string,
  { toleranceSeconds = 300, nowSeconds = Math.floor(Date.now() / 1000) } = {},
): boolean {
  const parts = new Map(
    headerValue.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = parts.get('t');
  const s = parts.get('s');
  if (!t || !s || !/^\d+$/.test(t) || !/^[0-9a-f]{64}$/.test(s)) return false;
  const expected = createHmac('sha256', clientSecret).update(`${t}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(s, 'hex'))) return false;
  return Math.abs(nowSeconds - Number(t)) <= toleranceSeconds;
}

/** The envelope, keys in the documented order (§6.2); `content` is a JSON string. */
export function buildEnvelope(options: {
  clientKey: string;
  event: string;
  content: Readonly<Record<string, unknown>> | string;
  userOpenId?: string;
  createTime?: number;
}): WebhookEnvelope {
  return {
    client_key: options.clientKey,
    event: options.event,
    create_time: options.createTime ?? Math.floor(Date.now() / 1000),
    ...(options.userOpenId === undefined ? {} : { user_openid: options.userOpenId }),
    content: typeof options.content === 'string' ? options.content : JSON.stringify(options.content),
  };
}

/** The client key and user of TikTok's documented example envelope (§6.2), for tests to send as. */
export const EXAMPLE_SENDER = { clientKey: 'bwo2m45353a6k85', userOpenId: 'act.example12345Example12345Example' } as const;

/** Builders for the events of §2.6 and §6.3, `content` keys in the documented order. */
export const webhookEvents = {
  /** Legacy: a Video Kit upload failed in TikTok (§2.6). */
  videoUploadFailed: (shareId: string): WebhookEvent => ({
    event: 'video.upload.failed' satisfies LegacyEventName,
    content: { share_id: shareId },
  }),
  /** Legacy: the user published the upload. `completed` is the wire name; the notice wrote `complete` (§2.6). */
  videoPublishCompleted: (shareId: string, spelling: 'completed' | 'complete' = 'completed'): WebhookEvent => ({
    event: `video.publish.${spelling}` satisfies LegacyEventName,
    content: { share_id: shareId },
  }),
  postPublishFailed: (publishId: string, reason: PublishFailReason): WebhookEvent => ({
    event: 'post.publish.failed' satisfies ContentPostingEvent,
    content: { publish_id: publishId, reason, publish_type: INBOX_PUBLISH_TYPE },
  }),
  postPublishComplete: (publishId: string): WebhookEvent => ({
    event: 'post.publish.complete' satisfies ContentPostingEvent,
    content: { publish_id: publishId, publish_type: INBOX_PUBLISH_TYPE },
  }),
  postPublishInboxDelivered: (publishId: string): WebhookEvent => ({
    event: 'post.publish.inbox_delivered' satisfies ContentPostingEvent,
    content: { publish_id: publishId, publish_type: INBOX_PUBLISH_TYPE },
  }),
  /** `post_id`'s JSON type is unconfirmed (§6.3); a string is sent. */
  postPublishPubliclyAvailable: (publishId: string, postId: string): WebhookEvent => ({
    event: 'post.publish.publicly_available' satisfies ContentPostingEvent,
    content: { publish_id: publishId, post_id: postId, publish_type: INBOX_PUBLISH_TYPE },
  }),
  postPublishNoLongerPubliclyAvailable: (publishId: string, postId: string): WebhookEvent => ({
    event: 'post.publish.no_longer_publicaly_available' satisfies ContentPostingEvent,
    content: { publish_id: publishId, post_id: postId, publish_type: INBOX_PUBLISH_TYPE },
  }),
};

function post(
  url: URL,
  rawBody: string,
  signature: string,
  options: SendWebhookOptions,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(rawBody)),
          [WEBHOOK_SIGNATURE_HEADER]: signature,
          'User-Agent': 'tiktok-mock-webhook-sender',
        },
        ...(options.ca ? { ca: options.ca } : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
        agent: false,
        timeout: timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(rawBody);
  });
}

/**
 * POSTs one signed webhook to `targetUrl` (§6.1, §6.2, §6.5): the envelope as the raw body, the
 * signature over exactly that body. Retries until a 200 or the policy runs out; never throws for a
 * failed delivery (the result says so), only for an aborted one.
 */
export async function sendWebhook(targetUrl: string, options: SendWebhookOptions): Promise<WebhookDelivery> {
  const policy = { ...TEST_RETRY_POLICY, ...options.retry };
  const envelope = buildEnvelope({
    clientKey: options.clientKey,
    event: options.event,
    content: options.content,
    ...(options.userOpenId === undefined ? {} : { userOpenId: options.userOpenId }),
    ...(options.createTime === undefined ? {} : { createTime: options.createTime }),
  });
  const rawBody = JSON.stringify(envelope);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signatureOverride ?? signWebhook(rawBody, options.clientSecret, timestamp);
  const url = new URL(targetUrl);
  const delivery: WebhookDelivery = {
    url: targetUrl,
    event: options.event,
    rawBody,
    signature,
    attempts: [],
    delivered: false,
    duplicatesSent: 0,
  };

  const attempt = async (): Promise<boolean> => {
    try {
      const { status, body } = await post(url, rawBody, signature, options, policy.timeoutMs);
      delivery.attempts.push({ at: Date.now(), status, responseBody: body });
      return status === 200;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      delivery.attempts.push({ at: Date.now(), error: (error as Error).message, responseBody: '' });
      return false;
    }
  };

  for (let n = 0; n < policy.attempts; n += 1) {
    if (n > 0) await delay(Math.min(policy.baseDelayMs * 2 ** (n - 1), policy.maxDelayMs), undefined, { signal: options.signal });
    if (await attempt()) {
      delivery.delivered = true;
      break;
    }
  }
  for (let n = 0; delivery.delivered && n < (options.duplicates ?? 0); n += 1) {
    await attempt();
    delivery.duplicatesSent += 1;
  }
  return delivery;
}

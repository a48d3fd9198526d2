import type { PublishFailReason } from '../../../src/contract/index.js';
import type { MockConfig } from './options.js';
import type { MockState, PublishTask } from './state.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';
import type { WebhookDelivery } from './webhook-sender.js';
import { webhookEvents } from './webhook-sender.js';

/**
 * What happens to an upload after the bytes are in, and what a test makes happen in place of the
 * user or TikTok's checks: the inbox sequence of §5 (PROCESSING_UPLOAD or PROCESSING_DOWNLOAD →
 * SEND_TO_USER_INBOX → PUBLISH_COMPLETE or FAILED) and the webhook each step fires (§4.3, §6.3),
 * plus the two legacy events (§2.6). Each method returns the webhook delivery, or undefined when
 * the mock has no webhook target.
 */
export class Lifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly config: MockConfig,
    private readonly state: MockState,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** Called on the 201: inbox delivery now, or after `upload.inboxDelayMs`. */
  uploadFinished(task: PublishTask): void {
    const delayMs = this.config.upload.inboxDelayMs;
    if (delayMs <= 0) {
      void this.deliverToInbox(task.publishId);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.deliverToInbox(task.publishId);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** SEND_TO_USER_INBOX and `post.publish.inbox_delivered`. For PULL_FROM_URL, stands for the finished download. */
  deliverToInbox(publishId: string): Promise<WebhookDelivery | undefined> {
    const task = this.state.publish(publishId);
    if (task.status === 'FAILED' || task.status === 'PUBLISH_COMPLETE') return Promise.resolve(undefined);
    task.status = 'SEND_TO_USER_INBOX';
    return this.webhooks.emit(webhookEvents.postPublishInboxDelivered(publishId), task.openId);
  }

  /** The user posted from the draft: PUBLISH_COMPLETE and `post.publish.complete` (it may fire more than once, §6.3). */
  completePublish(publishId: string): Promise<WebhookDelivery | undefined> {
    const task = this.state.publish(publishId);
    task.status = 'PUBLISH_COMPLETE';
    return this.webhooks.emit(webhookEvents.postPublishComplete(publishId), task.openId);
  }

  /** TikTok's checks failed: FAILED with `fail_reason`, and `post.publish.failed` with `reason` (§5, §6.4). */
  failPublish(publishId: string, reason: PublishFailReason): Promise<WebhookDelivery | undefined> {
    const task = this.state.publish(publishId);
    task.status = 'FAILED';
    task.failReason = reason;
    return this.webhooks.emit(webhookEvents.postPublishFailed(publishId, reason), task.openId);
  }

  /** A public post passed moderation: its id joins `publicaly_available_post_id` (§5, §6.3). */
  makePubliclyAvailable(publishId: string, postId: number): Promise<WebhookDelivery | undefined> {
    const task = this.state.publish(publishId);
    task.publiclyAvailablePostIds.push(postId);
    return this.webhooks.emit(webhookEvents.postPublishPubliclyAvailable(publishId, String(postId)), task.openId);
  }

  /** Legacy: the user published a Video Kit upload (§2.6). */
  completeLegacyShare(shareId: string, spelling: 'completed' | 'complete' = 'completed'): Promise<WebhookDelivery | undefined> {
    return this.webhooks.emit(webhookEvents.videoPublishCompleted(shareId, spelling), this.legacyOwner(shareId));
  }

  /** Legacy: a Video Kit upload failed in TikTok (§2.6). */
  failLegacyShare(shareId: string): Promise<WebhookDelivery | undefined> {
    return this.webhooks.emit(webhookEvents.videoUploadFailed(shareId), this.legacyOwner(shareId));
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private legacyOwner(shareId: string): string {
    const openId = this.state.legacyShares.get(shareId);
    if (openId === undefined) throw new Error(`the mock issued no legacy share_id ${shareId}`);
    return openId;
  }
}

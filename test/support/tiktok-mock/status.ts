import { PUBLISH_STATUS_FETCH } from '../../../src/contract/index.js';
import { authenticateV2 } from './auth.js';
import { replyV2Error, replyV2Ok, type Exchange } from './exchange.js';
import { drain } from './http-util.js';
import { readJsonObject } from './json-body.js';

export const STATUS_FETCH_PATH = new URL(PUBLISH_STATUS_FETCH.url).pathname;

/**
 * `POST /v2/post/publish/status/fetch/` (§5, checklist §8): Bearer with `video.upload` or
 * `video.publish`, 30 calls per minute per token, body `{"publish_id"}`, the task's own user only.
 */
export async function handleStatusFetch(ex: Exchange): Promise<void> {
  const { req, state } = ex;
  if (req.method !== PUBLISH_STATUS_FETCH.method) {
    await drain(req);
    return replyV2Error(
      ex,
      'invalid_param',
      `method ${req.method ?? '?'} is not supported; status fetch is ${PUBLISH_STATUS_FETCH.method}`,
    );
  }
  const user = await authenticateV2(ex, PUBLISH_STATUS_FETCH.scopes);
  if (!user) return;
  if (!ex.limiters.status.take(user.accessToken)) {
    await drain(req);
    return replyV2Error(ex, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.');
  }
  const body = await readJsonObject(ex);
  if (!body) return;
  const publishId = body.publish_id;
  if (typeof publishId !== 'string' || publishId === '') {
    return replyV2Error(ex, 'invalid_param', 'publish_id is required and must be a string');
  }
  const task = state.publishes.get(publishId);
  if (!task) return replyV2Error(ex, 'invalid_publish_id', `publish_id ${publishId} does not exist`);
  if (task.openId !== user.openId) {
    return replyV2Error(
      ex,
      'token_not_authorized_for_specified_publish_id',
      'The access token does not belong to the user who created this publish_id.',
    );
  }
  return replyV2Ok(ex, {
    status: task.status,
    ...(task.status === 'FAILED' ? { fail_reason: task.failReason ?? 'internal' } : {}),
    // Spelled as TikTok spells it (§5).
    publicaly_available_post_id: [...task.publiclyAvailablePostIds],
    // The mock pulls nothing from a PULL_FROM_URL video_url (the machine reaches no outside host),
    // so its download progress stays 0; lifecycle.deliverToInbox() stands for a finished download.
    ...(task.source === 'FILE_UPLOAD' ? { uploaded_bytes: task.receivedBytes } : { downloaded_bytes: 0 }),
  });
}

import { INBOX_VIDEO_INIT, INIT_RESPONSE_LIMITS, MEDIA_TRANSFER_HOST, UPLOAD_SCOPE } from '../../../src/contract/index.js';
import { authenticateV2 } from './auth.js';
import { chunkPlanViolations } from './chunk-rules.js';
import { replyV2Error, replyV2Ok, type Exchange } from './exchange.js';
import { drain } from './http-util.js';
import { publishId as newPublishId, uploadId as newUploadId, uploadToken as newUploadToken } from './ids.js';
import { readJsonObject } from './json-body.js';
import type { MockUser } from './options.js';
import type { PublishTask } from './state.js';

type Source = (typeof INBOX_VIDEO_INIT.sources)[number];

/** The path of the init URL, derived from the contract's URL. */
export const INBOX_INIT_PATH = new URL(INBOX_VIDEO_INIT.url).pathname;

/**
 * `POST /v2/post/publish/inbox/video/init/` (§3.2–§3.4, checklist §8). Check order: who (401),
 * how often (429), what (400, 403 url_ownership_unverified), then the per-user caps (403).
 */
export async function handleInboxInit(ex: Exchange): Promise<void> {
  const { req, state, config } = ex;
  if (req.method !== INBOX_VIDEO_INIT.method) {
    await drain(req);
    return replyV2Error(ex, 'invalid_param', `method ${req.method ?? '?'} is not supported; init is ${INBOX_VIDEO_INIT.method}`);
  }
  const user = await authenticateV2(ex, [UPLOAD_SCOPE]);
  if (!user) return;

  // §3.2: 6 per minute per access token; every authenticated call counts, valid or not.
  if (!ex.limiters.init.take(user.accessToken)) {
    await drain(req);
    return replyV2Error(ex, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.');
  }

  const body = await readJsonObject(ex);
  if (!body) return;
  const sourceInfo = body.source_info;
  if (typeof sourceInfo !== 'object' || sourceInfo === null || Array.isArray(sourceInfo)) {
    return replyV2Error(ex, 'invalid_param', 'source_info is required and must be an object');
  }
  const info = sourceInfo as Record<string, unknown>;
  const source = info.source;
  if (!INBOX_VIDEO_INIT.sources.includes(source as Source)) {
    return replyV2Error(
      ex,
      'invalid_param',
      `source_info.source must be one of ${INBOX_VIDEO_INIT.sources.join(', ')}, got ${JSON.stringify(source) ?? 'nothing'}`,
    );
  }

  let videoUrl: string | undefined;
  if (source === 'FILE_UPLOAD') {
    const problems = chunkPlanViolations({
      video_size: info.video_size,
      chunk_size: info.chunk_size,
      total_chunk_count: info.total_chunk_count,
    });
    if (problems.length > 0) return replyV2Error(ex, 'invalid_param', problems.join('; '));
  } else {
    const verdict = checkVideoUrl(info.video_url, config.init.verifiedUrlPrefixes);
    if (verdict.error !== undefined) return replyV2Error(ex, verdict.error, verdict.message);
    videoUrl = verdict.url;
  }

  if (user.bannedFromPosting) return replyV2Error(ex, 'spam_risk_user_banned_from_posting', 'The user is banned from making new posts.');
  if (tooManyPending(ex, user)) return replyV2Error(ex, 'spam_risk_too_many_pending_share');

  const task = createTask(ex, user, source as Source, info, videoUrl);
  state.publishes.set(task.publishId, task);
  // No upload_url for PULL_FROM_URL: TikTok fetches the video itself (§3.3).
  return replyV2Ok(
    ex,
    task.uploadUrl === undefined ? { publish_id: task.publishId } : { publish_id: task.publishId, upload_url: task.uploadUrl },
  );
}

type UrlVerdict =
  | { readonly error: undefined; readonly url: string }
  | { readonly error: 'invalid_param' | 'url_ownership_unverified'; readonly message: string };

/** §3.2 / §4.4: https, and under a prefix the app verified. */
function checkVideoUrl(value: unknown, verifiedPrefixes: readonly string[]): UrlVerdict {
  if (typeof value !== 'string' || value === '') {
    return { error: 'invalid_param', message: 'source_info.video_url is required for PULL_FROM_URL' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: 'invalid_param', message: `source_info.video_url is not a URL: ${value}` };
  }
  if (url.protocol !== 'https:') {
    return { error: 'url_ownership_unverified', message: `video_url must use https, got ${url.protocol}` };
  }
  if (!verifiedPrefixes.some((prefix) => value.startsWith(prefix))) {
    return { error: 'url_ownership_unverified', message: `the domain or URL prefix of ${value} is not verified for this app` };
  }
  return { error: undefined, url: value };
}

/** §3.4: at most N shares within the window that the user has not posted (nor has TikTok failed). */
function tooManyPending(ex: Exchange, user: MockUser): boolean {
  const limit = ex.config.init.pendingShareLimit;
  if (limit === false) return false;
  const since = ex.config.now() - limit.windowMs;
  let pending = 0;
  for (const task of ex.state.publishes.values()) {
    if (task.openId === user.openId && task.createdAt > since && task.status !== 'PUBLISH_COMPLETE' && task.status !== 'FAILED')
      pending += 1;
  }
  return pending >= limit.pending;
}

function createTask(
  ex: Exchange,
  user: MockUser,
  source: Source,
  info: Record<string, unknown>,
  videoUrl: string | undefined,
): PublishTask {
  const publishId = newPublishId(source);
  const common = {
    publishId,
    openId: user.openId,
    accessToken: user.accessToken,
    source,
    createdAt: ex.config.now(),
    publiclyAvailablePostIds: [],
    receivedBytes: 0,
    chunks: [],
  };
  if (source === 'PULL_FROM_URL') return { ...common, videoUrl, status: 'PROCESSING_DOWNLOAD' };

  const uploadId = newUploadId();
  const uploadToken = newUploadToken();
  const uploadUrl = `https://${MEDIA_TRANSFER_HOST}/video/?upload_id=${uploadId}&upload_token=${uploadToken}`;
  // §3.3 caps both lengths; ids.ts makes shorter ones, and this says so if that ever changes.
  if (publishId.length > INIT_RESPONSE_LIMITS.maxPublishIdLength || uploadUrl.length > INIT_RESPONSE_LIMITS.maxUploadUrlLength) {
    throw new Error(`mock made an over-long publish_id or upload_url: ${publishId} ${uploadUrl}`);
  }
  return {
    ...common,
    videoSize: info.video_size as number,
    chunkSize: info.chunk_size as number,
    totalChunkCount: info.total_chunk_count as number,
    uploadId,
    uploadToken,
    uploadUrl,
    status: 'PROCESSING_UPLOAD',
  };
}

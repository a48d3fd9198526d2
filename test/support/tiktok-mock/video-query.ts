import { V2_VIDEO_QUERY_URL } from '../../../src/contract/index.js';
import { replyV2Error, replyV2Ok, type Exchange } from './exchange.js';
import { replyV1DisplayError, v1JsonCall } from './display-api.js';
import { sendJson } from './http-util.js';
import type { MockUser } from './options.js';
import { V1_DEFAULT_FIELDS, VIDEO_FIELDS, v2VideoCall, videosOf } from './video-list.js';

/** v1 video query on the legacy host and v2 on open.tiktokapis.com (§2.8): the user's own videos by id. */
export const V1_VIDEO_QUERY_PATH = '/video/query/';
export const V2_VIDEO_QUERY_PATH = new URL(V2_VIDEO_QUERY_URL).pathname;
/** Both generations take up to 20 ids; an id that is not the user's is left out of the answer. */
const MAX_IDS = 20;

function idsOf(filters: unknown): string[] | undefined {
  const ids = (filters as { video_ids?: unknown } | undefined)?.video_ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS || ids.some((id) => typeof id !== 'string')) return undefined;
  return ids as string[];
}

function videosNamed(user: MockUser, ids: readonly string[], fields: readonly string[]) {
  return videosOf(user)
    .filter((video) => ids.includes(String(video.id)))
    .map((video) => Object.fromEntries(fields.map((field) => [field, video[field]])));
}

/**
 * `POST /video/query/` (v1): a JSON body `{ filters: { video_ids }, fields }` with `open_id` and
 * `access_token` in it or in the query. Answers `{ data: { videos }, error: { code: 0, message } }`.
 */
export async function handleV1VideoQuery(ex: Exchange): Promise<void> {
  const fail = (code: number, message: string) => replyV1DisplayError(ex, code, message);
  const call = await v1JsonCall(ex);
  if (!call) return;
  const { body, user } = call;
  const openId = body.open_id ?? ex.url.searchParams.get('open_id') ?? user?.openId;
  if (!user || openId !== user.openId) return fail(10002, 'access_token or open_id is invalid');
  const fields = Array.isArray(body.fields) ? (body.fields as unknown[]) : V1_DEFAULT_FIELDS;
  if (fields.some((field) => typeof field !== 'string' || !VIDEO_FIELDS.includes(field))) return fail(10002, 'unknown fields');
  const ids = idsOf(body.filters);
  if (!ids) return fail(10002, 'filters.video_ids is invalid');
  ex.note(0);
  sendJson(ex.res, 200, { data: { videos: videosNamed(user, ids, fields as string[]) }, error: { code: 0, message: '' } });
}

/**
 * `POST /v2/video/query/?fields=…`: `Authorization: Bearer` with a v2 token holding `video.list`, the
 * fields in the query, a JSON body `{ filters: { video_ids } }`.
 */
export async function handleV2VideoQuery(ex: Exchange): Promise<void> {
  const call = await v2VideoCall(ex);
  if (!call) return;
  const { user, body, fields } = call;
  const ids = idsOf(body.filters);
  if (!ids) return replyV2Error(ex, 'invalid_param', 'filters.video_ids is invalid');
  replyV2Ok(ex, { videos: videosNamed(user, ids, fields) });
}

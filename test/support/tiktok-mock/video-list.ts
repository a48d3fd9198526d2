import { V2_VIDEO_LIST_URL } from '../../../src/contract/index.js';
import { replyV2Error, replyV2Ok, type Exchange } from './exchange.js';
import { displayApiUser, replyV1DisplayError, v1JsonCall } from './display-api.js';
import { sendJson } from './http-util.js';
import { readJsonObject } from './json-body.js';
import type { MockUser } from './options.js';

/** v1 video list on the legacy host (§2.7) and v2 on open.tiktokapis.com (§2.8). */
export const V1_VIDEO_LIST_PATH = '/video/list/';
export const V2_VIDEO_LIST_PATH = new URL(V2_VIDEO_LIST_URL).pathname;

/** Fields both generations know; v2 answers only those named in its query. */
export const VIDEO_FIELDS = [
  'id',
  'title',
  'video_description',
  'duration',
  'cover_image_url',
  'share_url',
  'embed_html',
  'embed_link',
  'create_time',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
];
export const V1_DEFAULT_FIELDS = ['id', 'title', 'cover_image_url', 'share_url', 'create_time'];
const VIDEOS_PER_USER = 7;
/** `max_count` defaults to 10, at most 20 (§2.7, §2.8). */
const DEFAULT_MAX = 10;
const MAX_COUNT = 20;

/** The user's videos, newest first, the same on both generations (derived from the open_id). */
export function videosOf(user: MockUser): Record<string, string | number>[] {
  return Array.from({ length: VIDEOS_PER_USER }, (_, index) => {
    const id = `73${String(index).padStart(2, '0')}${[...user.openId].reduce((sum, char) => sum + char.charCodeAt(0), 0)}`;
    return {
      id,
      title: `Clip ${VIDEOS_PER_USER - index} of ${user.openId}`,
      video_description: `Rendered clip number ${VIDEOS_PER_USER - index}`,
      duration: 12 + index,
      cover_image_url: `https://p16-sign.tiktokcdn.example/cover/${id}.jpeg`,
      share_url: `https://www.tiktok.com/@${user.openId}/video/${id}`,
      embed_html: `<blockquote class="tiktok-embed" data-video-id="${id}"></blockquote>`,
      embed_link: `https://www.tiktok.com/player/v1/${id}`,
      create_time: 1_700_000_000 - index * 86_400,
      like_count: 100 + index * 7,
      comment_count: 10 + index,
      share_count: 3 + index,
      view_count: 1_000 + index * 111,
    };
  });
}

/** One page: `cursor` is how many videos came before it (an opaque number to the client). */
function page(user: MockUser, fields: readonly string[], cursor: number, maxCount: number) {
  const all = videosOf(user);
  const videos = all.slice(cursor, cursor + maxCount).map((video) => Object.fromEntries(fields.map((field) => [field, video[field]])));
  return { videos, cursor: cursor + videos.length, has_more: cursor + videos.length < all.length };
}

const countOf = (value: unknown) =>
  value === undefined ? DEFAULT_MAX : typeof value === 'number' && value >= 1 && value <= MAX_COUNT ? value : undefined;
const cursorOf = (value: unknown) => (value === undefined ? 0 : typeof value === 'number' && value >= 0 ? value : undefined);

/**
 * `POST /video/list/` (§2.7): JSON body `{ open_id, access_token, cursor, max_count, fields }`.
 * Answers `{ data: { videos, cursor, has_more }, error: { code: 0, message } }`.
 */
export async function handleV1VideoList(ex: Exchange): Promise<void> {
  const fail = (code: number, message: string) => replyV1DisplayError(ex, code, message);
  const call = await v1JsonCall(ex);
  if (!call) return;
  const { body, user } = call;
  if (!user || body.open_id !== user.openId) return fail(10002, 'access_token or open_id is invalid');
  const fields = Array.isArray(body.fields) ? (body.fields as unknown[]) : V1_DEFAULT_FIELDS;
  if (fields.some((field) => typeof field !== 'string' || !VIDEO_FIELDS.includes(field))) return fail(10002, 'unknown fields');
  const [cursor, maxCount] = [cursorOf(body.cursor), countOf(body.max_count)];
  if (cursor === undefined || maxCount === undefined) return fail(10002, 'cursor or max_count is invalid');
  ex.note(0);
  sendJson(ex.res, 200, { data: page(user, fields as string[], cursor, maxCount), error: { code: 0, message: '' } });
}

/**
 * `POST /v2/video/list/?fields=…` (§2.8): `Authorization: Bearer` with a v2 token holding `video.list`,
 * the fields in the query, a JSON body `{ cursor, max_count }`.
 */
export async function handleV2VideoList(ex: Exchange): Promise<void> {
  const call = await v2VideoCall(ex);
  if (!call) return;
  const { user, body, fields } = call;
  const [cursor, maxCount] = [cursorOf(body.cursor), countOf(body.max_count)];
  if (cursor === undefined || maxCount === undefined) return replyV2Error(ex, 'invalid_param', 'cursor or max_count is invalid');
  replyV2Ok(ex, page(user, fields, cursor, maxCount));
}

/**
 * The start of a v2 video list or query (§2.8): `POST`, Bearer with a v2 token holding `video.list`, a
 * JSON body, and the video fields named in the query. Answers the failure itself and returns undefined.
 */
export async function v2VideoCall(ex: Exchange): Promise<{ user: MockUser; body: Record<string, unknown>; fields: string[] } | undefined> {
  const user = await displayApiUser(ex, 'POST', 'video.list');
  if (!user) return undefined;
  const body = await readJsonObject(ex);
  if (!body) return undefined;
  const fields = (ex.url.searchParams.get('fields') ?? '').split(',').filter((field) => field !== '');
  if (fields.length === 0) return void replyV2Error(ex, 'invalid_param', 'fields is required');
  if (fields.some((field) => !VIDEO_FIELDS.includes(field))) return void replyV2Error(ex, 'invalid_param', 'unknown fields');
  return { user, body, fields };
}

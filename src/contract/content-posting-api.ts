/**
 * The Content Posting API, upload-to-inbox flow. Source: ../shared/API-CONTRACT.md §3 and §4
 * (TikTok's Upload Video reference [S3] and Media Transfer Guide [S5]).
 */

export const CONTENT_POSTING_HOSTS = ['open.tiktokapis.com'] as const;

export const INBOX_VIDEO_INIT = {
  method: 'POST',
  url: 'https://open.tiktokapis.com/v2/post/publish/inbox/video/init/',
  contentType: 'application/json; charset=UTF-8',
  sources: ['FILE_UPLOAD', 'PULL_FROM_URL'],
} as const;

/** Direct Post's init (§7, [S4]): the post goes out with `post_info` (caption, privacy), scope `video.publish`. */
export const DIRECT_POST_INIT_URL = 'https://open.tiktokapis.com/v2/post/publish/video/init/';

export const MEDIA_TRANSFER = {
  method: 'PUT',
  contentTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
  defaultContentType: 'video/mp4',
  /** The type each accepted container's usual file extension stands for. */
  typeByExtension: { '.mp4': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm' },
  /** `bytes {first}-{last}/{total}`, both ends inclusive and 0-based (§4.1). */
  contentRange: (first: number, last: number, total: number) => `bytes ${first}-${last}/${total}`,
  /** 206 for each chunk but the last, 201 when the final byte arrives (§4.3). */
  partialStatus: 206,
  completeStatus: 201,
} as const;

const MiB = 1024 * 1024;

/** §4.2. TikTok's own examples imply binary megabytes. */
export const CHUNK_RULES = {
  minChunkSize: 5 * MiB,
  maxChunkSize: 64 * MiB,
  maxFinalChunkSize: 128 * MiB,
  minChunkCount: 1,
  maxChunkCount: 1000,
  maxVideoSize: 4 * 1024 * MiB,
  /** Below this a video goes whole: chunk_size = video_size, total_chunk_count = 1. */
  wholeUploadBelow: 5 * MiB,
  /** Above this a video needs two or more chunks. */
  multiChunkAbove: 64 * MiB,
} as const;

export const SUCCESS_ERROR_CODE = 'ok';

/** The scope the inbox init needs (§3.2). The status fetch also accepts the Direct Post scope (§5). */
export const UPLOAD_SCOPE = 'video.upload';
export const PUBLISH_SCOPE = 'video.publish';

/** What a person is told where the app wants a caption and privacy set from the app: Direct Post (§3.5). */
export const DIRECT_POST_ADVICE = `post with caption and privacy through Direct Post (POST ${DIRECT_POST_INIT_URL} with post_info, scope ${PUBLISH_SCOPE})`;

/** Limits of the init answer and of the upload it opens (§3.3, §4.3). */
export const INIT_RESPONSE_LIMITS = {
  maxPublishIdLength: 64,
  maxUploadUrlLength: 256,
  /** The whole upload must finish within an hour of init; a later PUT gets 403. */
  uploadUrlLifetimeMs: 60 * 60 * 1000,
} as const;

/** 6 init calls per minute per user access token, on a sliding window (§3.2). */
export const INIT_RATE_LIMIT = { requests: 6, windowMs: 60 * 1000 } as const;

/** At most 5 shares per user within any 24 h that the user has not posted yet (§3.4). */
export const PENDING_SHARE_LIMIT = { pending: 5, windowMs: 24 * 60 * 60 * 1000 } as const;

/**
 * The host of upload_url in TikTok's inbox examples (§3.3, §4.1). Clients must treat upload_url as
 * opaque; a server that hands one out needs a host for it.
 */
export const MEDIA_TRANSFER_HOST = 'open-upload.tiktokapis.com';

/** §5. */
export const PUBLISH_STATUS_FETCH = {
  method: 'POST',
  url: 'https://open.tiktokapis.com/v2/post/publish/status/fetch/',
  scopes: [UPLOAD_SCOPE, PUBLISH_SCOPE],
  rateLimit: { requests: 30, windowMs: 60 * 1000 },
} as const;

/**
 * Where a post's id comes from, said where code reads the Share Video `share_id` of a Content Posting
 * answer: an init answers only `publish_id`; the status fetch lists a public post's ids (§5, spelled
 * `publicaly`, int64: `JSON.parse` rounds ids past 2^53); the webhook sends `post_id` (§6.3).
 */
/** The Content Posting API's own paths (§3.2, §3.5): any other under `/v2/post/publish/` is none of its endpoints. */
export const CONTENT_POSTING_PATHS = [
  '/v2/post/publish/inbox/video/init/',
  '/v2/post/publish/video/init/',
  '/v2/post/publish/creator_info/query/',
  '/v2/post/publish/status/fetch/',
  '/v2/post/publish/cancel/',
  '/v2/post/publish/content/init/',
] as const;

/** Whether a path under `/v2/post/publish/` is one of the Content Posting endpoints. */
export const isContentPostingPath = (path: string): boolean =>
  (CONTENT_POSTING_PATHS as readonly string[]).includes(path.replace(/\/?$/, '/'));

export function postIdSource(path: string): string {
  if (!isContentPostingPath(path))
    return `no Content Posting endpoint is at ${path} (every call fails), and Direct Post has no step after its init: delete this step, post with POST ${DIRECT_POST_INIT_URL} (post_info with source_info, scope ${PUBLISH_SCOPE}), and follow the post by the data.publish_id that init answers`;
  return path === new URL(PUBLISH_STATUS_FETCH.url).pathname
    ? "the status fetch answers a public post's ids as data.publicaly_available_post_id, a list, empty until the post is public and passed moderation (int64 numbers: JSON.parse rounds ids past 2^53, so parse them as strings), or take post_id from the post.publish.publicly_available webhook"
    : 'an init answers data.publish_id, and a post id arrives later (post_id of the post.publish.publicly_available webhook)';
}

/** `data.status` of the status fetch, in the inbox order of §5. */
export const PUBLISH_STATUSES = ['PROCESSING_UPLOAD', 'PROCESSING_DOWNLOAD', 'SEND_TO_USER_INBOX', 'PUBLISH_COMPLETE', 'FAILED'] as const;

export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/** `fail_reason` (status fetch) and `reason` (webhook) values (§6.4). */
export const PUBLISH_FAIL_REASONS = [
  'file_format_check_failed',
  'duration_check_failed',
  'frame_rate_check_failed',
  'picture_size_check_failed',
  'internal',
  'video_pull_failed',
  'photo_pull_failed',
  'publish_cancelled',
  'auth_removed',
  'spam_risk_too_many_posts',
  'spam_risk_user_banned_from_posting',
  'spam_risk_text',
  'spam_risk',
] as const;

export type PublishFailReason = (typeof PUBLISH_FAIL_REASONS)[number];

/**
 * `error.code` values of the inbox init and the status fetch with their HTTP statuses (§3.4, §5).
 * `message` is the text of a captured answer where one exists [S15].
 */
export const CONTENT_POSTING_ERRORS = {
  invalid_param: { status: 400 },
  access_token_invalid: { status: 401, message: 'The access token is invalid or not found in the request.' },
  scope_not_authorized: { status: 401 },
  spam_risk_too_many_pending_share: { status: 403, message: 'spam_risk_too_many_pending_share' },
  spam_risk_user_banned_from_posting: { status: 403 },
  url_ownership_unverified: { status: 403 },
  rate_limit_exceeded: { status: 429 },
  invalid_publish_id: { status: 400 },
  token_not_authorized_for_specified_publish_id: { status: 400 },
  internal_error: { status: 500 },
} as const;

export type ContentPostingErrorCode = keyof typeof CONTENT_POSTING_ERRORS;

/** The v2 authorize page (§2.8): the v1 page's parameters, unchanged. */
export const V2_AUTHORIZE_PAGE = 'https://www.tiktok.com/v2/auth/authorize/';

/** The v2 token endpoint (§2.8): code exchange and refresh, form-encoded, answered flat. */
export const V2_TOKEN_URL = 'https://open.tiktokapis.com/v2/oauth/token/';

/**
 * The app's own token, with no user: `grant_type=client_credentials` on the same endpoint, form-encoded
 * with client_key and client_secret, answered flat (access_token, expires_in, token_type), for the
 * Research and Commercial Content APIs only. Not in API-CONTRACT.md; TikTok's page says so:
 * https://developers.tiktok.com/doc/client-access-token-management
 */
export const V2_CLIENT_TOKEN = {
  grantType: 'client_credentials',
  fields: ['client_key', 'client_secret', 'grant_type=client_credentials'],
  answer: ['access_token', 'expires_in', 'token_type'],
  usedBy: 'the Research and Commercial Content APIs',
} as const;

/** Fields of the v1 token answer's `data` that the v2 answer has at its top (§2.7, §2.8). */
export const TOKEN_FIELDS = ['access_token', 'open_id', 'refresh_token', 'expires_in', 'refresh_expires_in', 'scope'] as const;

/** The v2 revoke endpoint (§2.8): `client_key`, `client_secret`, `token`, form-encoded; an empty answer is success. */
export const V2_REVOKE_URL = 'https://open.tiktokapis.com/v2/oauth/revoke/';

/**
 * v2 user info (§2.8): `GET` with `Authorization: Bearer` and the fields wanted in the query, no body.
 * It answers `{ data: { user: {…} }, error: { code, message, log_id } }`, `error.code` "ok" on success.
 */
export const V2_USER_INFO_URL = 'https://open.tiktokapis.com/v2/user/info/';

/**
 * The scope a user info field needs beyond `user.info.basic`, v1 and v2 alike, since TikTok's User Info
 * scope migration (in force from 2024-02-29, https://developers.tiktok.com/bulletin/user-info-scope-migration).
 * `user.info.basic` answers open_id, union_id, avatar_url, avatar_url_100, avatar_large_url and
 * display_name only.
 */
export const USER_INFO_FIELD_SCOPES: Readonly<Record<string, string>> = {
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

/** The fields `user.info.basic` answers (the scope migration above). */
export const USER_INFO_BASIC_FIELDS = ['open_id', 'union_id', 'avatar_url', 'avatar_url_100', 'avatar_large_url', 'display_name'] as const;

/** Every field v2 user info answers, under one scope or another: the names its `fields` query takes. */
export const V2_USER_FIELDS: ReadonlySet<string> = new Set([...USER_INFO_BASIC_FIELDS, ...Object.keys(USER_INFO_FIELD_SCOPES)]);

/**
 * The fields of v2's video object, the names the video list and query take in `fields`
 * (https://developers.tiktok.com/doc/tiktok-api-v2-video-object): the video's own id is `id`.
 */
export const V2_VIDEO_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
]);

/**
 * Names code reads of a user or a video that neither v2 object has, and the v2 field that holds what
 * they most likely meant (the handle is `username`, the nickname `display_name`, a play count
 * `view_count`): said beside the name in a TODO, for the person to confirm.
 */
export const NEAREST_V2_FIELD: Readonly<Record<string, string>> = {
  unique_id: 'username',
  nickname: 'display_name',
  bio: 'bio_description',
  signature: 'bio_description',
  avatar: 'avatar_url',
  user_id: 'open_id',
  followers_count: 'follower_count',
  video_id: 'id',
  play_count: 'view_count',
  digg_count: 'like_count',
  description: 'video_description',
  desc: 'video_description',
  embed_url: 'embed_link',
  followers: 'follower_count',
  // The likes a creator's videos received, as TikTok's web profile names them.
  total_favorited: 'likes_count',
  heart_count: 'likes_count',
};

/**
 * v2 video list (§2.8): `POST` with `Authorization: Bearer`, the fields in the query and a JSON body
 * `{ cursor, max_count }`; it answers `{ data: { videos, cursor, has_more }, error }`.
 */
export const V2_VIDEO_LIST_URL = 'https://open.tiktokapis.com/v2/video/list/';

/**
 * v2 video query (§2.8, its rate limit; the successor of v1's `/video/query/`): `POST` with
 * `Authorization: Bearer`, the fields in the query and a JSON body `{ filters: { video_ids } }`.
 */
export const V2_VIDEO_QUERY_URL = 'https://open.tiktokapis.com/v2/video/query/';

/** The type of the Content Posting `error` object (§3.1), as a declaration of it is written. */
export const ERROR_OBJECT_TYPE = '{ code: string; message: string; log_id: string }';

/** A Share Video upload or a Content Posting init, in any text: code, another language's backend, a config. */
export const UPLOAD_CALL_MARKER = /share\/video\/upload|\/v2\/post\/publish\/(?:inbox\/)?video\/init/;

/**
 * What a call of each v2 endpoint must be, for the codemod to trust a call written for it (a v2 path put
 * on the retired v1 host, whose host alone is wrong): its method, whether it sends the user's token as
 * `Authorization: Bearer`, and whether the fields it answers are named in its query (§2.7, §2.8, §3, §5).
 */
export const V2_ENDPOINT_SHAPES: Readonly<Record<string, { method: 'GET' | 'POST'; bearer: boolean; fields: boolean }>> = {
  [V2_TOKEN_URL]: { method: 'POST', bearer: false, fields: false },
  [V2_REVOKE_URL]: { method: 'POST', bearer: false, fields: false },
  [V2_USER_INFO_URL]: { method: 'GET', bearer: true, fields: true },
  [V2_VIDEO_LIST_URL]: { method: 'POST', bearer: true, fields: true },
  [V2_VIDEO_QUERY_URL]: { method: 'POST', bearer: true, fields: true },
  [INBOX_VIDEO_INIT.url]: { method: 'POST', bearer: true, fields: false },
  [DIRECT_POST_INIT_URL]: { method: 'POST', bearer: true, fields: false },
  [PUBLISH_STATUS_FETCH.url]: { method: 'POST', bearer: true, fields: false },
};

/**
 * The v2 endpoints the contract names, on their own host, and how each is called: what a v2 path put
 * on the retired v1 host (`https://open-api.tiktok.com/v2/user/info/`) was meant to reach.
 */
export const V2_ENDPOINT_CALLS: Readonly<Record<string, string>> = {
  [V2_TOKEN_URL]: `POST ${V2_TOKEN_URL}, form-encoded`,
  [V2_REVOKE_URL]: `POST ${V2_REVOKE_URL}, form-encoded`,
  [V2_USER_INFO_URL]: `GET ${V2_USER_INFO_URL}?fields=… with Authorization: Bearer and no body`,
  [V2_VIDEO_LIST_URL]: `POST ${V2_VIDEO_LIST_URL}?fields=… with Authorization: Bearer and a JSON {cursor, max_count}`,
  [V2_VIDEO_QUERY_URL]: `POST ${V2_VIDEO_QUERY_URL}?fields=… with Authorization: Bearer and a JSON {filters: {video_ids}}`,
  [INBOX_VIDEO_INIT.url]: `POST ${INBOX_VIDEO_INIT.url} with Authorization: Bearer and a JSON source_info`,
  [DIRECT_POST_INIT_URL]: `POST ${DIRECT_POST_INIT_URL} with Authorization: Bearer and a JSON post_info and source_info (scope video.publish)`,
  [PUBLISH_STATUS_FETCH.url]: `POST ${PUBLISH_STATUS_FETCH.url} with Authorization: Bearer and a JSON {publish_id} alone (it reports a post's status and publishes nothing: a caption or privacy goes in Direct Post's post_info)`,
};

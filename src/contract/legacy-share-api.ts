/**
 * The retired Share Video API (Video Kit for Web) and the v1 endpoints that lived beside it.
 * Source: ../shared/API-CONTRACT.md §2 (TikTok's Share Video page [S2], migration notice [S1]).
 */
import { DIRECT_POST_INIT_URL, INBOX_VIDEO_INIT, PUBLISH_SCOPE } from './content-posting-api.js';

/** Hosts of the v1 API. Every Share Video, v1 OAuth and v1 user call went here. */
export const LEGACY_API_HOSTS = ['open-api.tiktok.com'] as const;

/**
 * The one Share Video endpoint with a Content Posting equivalent. Third-party code also drops
 * the trailing slash, so matching ignores it (§2.1 "URL variants").
 */
export const LEGACY_UPLOAD = {
  method: 'POST',
  host: 'open-api.tiktok.com',
  path: '/share/video/upload/',
  url: 'https://open-api.tiktok.com/share/video/upload/',
  /** The multipart part that carried the bytes (§2.2). */
  videoField: 'video',
  /** Query parameters that carried the credentials (§2.2). */
  queryCredentials: ['access_token', 'open_id'],
} as const;

/**
 * Paths the legacy host never served that real code sends its uploads to, the Share Video upload
 * being what their authors meant: `/video/upload/`, `/share/highlights/upload/` or the API's own name
 * cut short (`/share/video`) with the upload's query tokens and multipart `video` field, or its JSON
 * `video_url`. They are reported and rewritten as the upload.
 */
export const MISSPELLED_UPLOAD_PATHS = ['/video/upload/', '/share/highlights/upload/', '/share/video/'] as const;

/**
 * Steps real code imagined around the Share Video upload and sent to the legacy host, which never
 * served them: the Share Video API was one multipart upload into the creator's inbox (§2.1), where
 * the creator posted the video. An init before it (`/share/video/init/`, `/video/init/`,
 * `/share/video/upload/init/`) has the inbox init as its counterpart (§3); a publish after it
 * (`/share/video/publish/`, `/video/publish/`, `/share/video/create/`, `…/commit/`, `…/complete/`,
 * `/share/content/post/`) has none in the inbox flow and is Direct Post's in spirit (§3.5). The
 * finding says so, instead of "no equivalent", so that the person knows the choice they make.
 */
/**
 * Keys of a JSON body that name a video an earlier step uploaded (`{ video_id: uploadId, post_info }`):
 * such a request publishes that upload, a step of the app's own imagining, not the upload itself.
 */
export const EARLIER_UPLOAD_IDS = ['video_id', 'upload_id', 'publish_id'] as const;

/** What replaces a publish step after the upload, which the Share Video API never had. */
/**
 * Direct Post is one init carrying post_info beside source_info: it takes the upload's init's place, it
 * does not follow it, so a person who picks it changes the init above and still deletes this step.
 */
export const PUBLISH_STEP_ADVICE = `the Share Video API had no publish step (its upload put the video in the creator's inbox, to post from the TikTok app): keep that with the inbox upload (POST ${INBOX_VIDEO_INIT.url}) and delete this step, or post with caption and privacy through Direct Post, whose init takes the upload's place: send the upload's init to POST ${DIRECT_POST_INIT_URL} with post_info (title, privacy_level: one of creator_info's privacy_level_options, …) beside its source_info (scope ${PUBLISH_SCOPE}), then delete this step`;

/** What the advice of a call no API serves says to do with it; the reads of its answer go with it. */
export const REMOVE_THE_CALL = 'remove this call';

/**
 * A publish step whose body is text alone (`{ title, description, privacy_level }`, no video, no id of
 * one): a text post, which neither API ever took: the Share Video API uploaded a video, and the
 * Content Posting API posts a video (`source_info`) or photos (its content init, §3).
 */
export const TEXT_POST_ADVICE = `no TikTok API posts text alone: the Share Video API uploaded a video, and the Content Posting API posts a video (its init's source_info) or photos (POST https://open.tiktokapis.com/v2/post/publish/content/init/ with media_type PHOTO): ${REMOVE_THE_CALL} and what reads its answer, or give the post a video`;

export const IMAGINED_STEPS: readonly { readonly path: RegExp; readonly advice: string }[] = [
  {
    path: /^\/(?:share\/)?video\/(?:upload\/)?init(?:\/|$)/i,
    advice:
      "the Share Video API had no init step; the Content Posting upload starts at POST https://open.tiktokapis.com/v2/post/publish/inbox/video/init/ with Bearer and a JSON source_info: FILE_UPLOAD with the sizes, then a PUT of the bytes to data.upload_url, or PULL_FROM_URL with video_url (a domain verified for the app) and no PUT; a caption or privacy beside it is Direct Post's (post_info, POST https://open.tiktokapis.com/v2/post/publish/video/init/)",
  },
  {
    path: /^\/(?:share\/)?(?:video|content)\/(?:upload\/)?(?:publish|create|commit|complete|post)(?:\/|$)/i,
    advice: PUBLISH_STEP_ADVICE,
  },
  {
    // Deleting a post: neither API ever had a call for it.
    path: /^\/(?:share\/)?video\/delete(?:\/|$)/i,
    advice: `neither the Share Video nor the Content Posting API deletes a post (the creator deletes it in the TikTok app): ${REMOVE_THE_CALL}, or the feature it serves`,
  },
];

/**
 * Legacy paths that nothing replaces, and what to do with their calls: a sound shared on the
 * retired host (`/share/sound/upload/`) has no v2 endpoint to go to (the Content Posting API posts
 * videos and photos, §3).
 */
/** A video's comments: in v2 only the Research API lists them, for approved research projects (https://developers.tiktok.com/doc/research-api-specs-query-video-comments). */
const RESEARCH_COMMENT_LIST =
  'TikTok\'s Research API, POST https://open.tiktokapis.com/v2/research/video/comment/list/?fields=… with {"video_id"} (approved research projects only; a client access token, grant_type=client_credentials, as Authorization: Bearer)';

const WITHOUT_SUCCESSOR: readonly { readonly path: RegExp; readonly advice: string }[] = [
  {
    path: /^\/share\/sound\//i,
    advice: `no v2 endpoint takes a sound (the Content Posting API posts videos and photos): ${REMOVE_THE_CALL} and the feature it serves, or post a video that carries the sound`,
  },
  {
    // `/video/comments/`, `/video/comment/reply/`: real code imagined these beside the upload.
    path: /\/comments?(?:\/|$)/i,
    advice: `no Login Kit, Display or Content Posting endpoint posts or answers a comment (Direct Post only turns a new post's comments off, with post_info.disable_comment), and only TikTok's Research API lists a video's comments (POST https://open.tiktokapis.com/v2/research/video/comment/list/, approved research projects only): ${REMOVE_THE_CALL} and the feature it serves`,
  },
];

/** What to do with a call to a legacy path nothing replaces (see {@link WITHOUT_SUCCESSOR}). */
export const withoutSuccessorAdvice = (path: string): string | undefined =>
  WITHOUT_SUCCESSOR.find((entry) => entry.path.test(path))?.advice;

/**
 * Paths on the legacy host that real code calls and that have no Content Posting equivalent.
 * They are reported for a person to port, never mapped (issue 3). Any other path on the legacy host
 * that is neither the upload nor a v1 OAuth/user endpoint is treated the same way.
 */
export const LEGACY_UNMAPPED_PATH_EXAMPLES = ['/share/video/publish/', '/share/video/upload/init/', '/share/sound/upload/'] as const;

/**
 * Login Kit's v1 user info (`/oauth/userinfo/`) answered `{ data: { open_id, union_id, avatar,
 * avatar_larger, display_name, error_code, description }, message }`; v2 answers the same user, all
 * of it in the `user.info.basic` scope, as `data.user`, two fields renamed. Each v1 field and its v2 name.
 */
export const LOGIN_KIT_USER_FIELDS: Readonly<Record<string, string>> = {
  open_id: 'open_id',
  union_id: 'union_id',
  avatar: 'avatar_url',
  avatar_larger: 'avatar_large_url',
  display_name: 'display_name',
};
export const LOGIN_KIT_USER_INFO_PATH = '/oauth/userinfo/';

export interface V1Endpoint {
  /** Host and path, matched without the trailing slash. */
  readonly host: string;
  readonly path: string;
  readonly purpose: string;
  /** The v2 endpoint a person should move to. */
  readonly replacement: string;
  /**
   * What the codemod rewrites of it: the authorize page's URL (same parameters, §2.8); the code
   * exchange (form body, redirect_uri, flat answer), refresh and revoke, user info and the video list
   * (Bearer and the fields in the query), in fetch and axios.
   */
  readonly rewrite?: 'authorize-page' | 'code-exchange' | 'token-refresh' | 'token-revoke' | 'user-info' | 'video-list';
}

/** v1 OAuth and user endpoints (§2.7) with their v2 equivalents (§2.8). */
export const V1_ENDPOINTS: readonly V1Endpoint[] = [
  {
    host: 'open-api.tiktok.com',
    path: '/oauth/access_token/',
    purpose: 'v1 code-to-token exchange',
    replacement: 'POST https://open.tiktokapis.com/v2/oauth/token/',
    rewrite: 'code-exchange',
  },
  {
    host: 'open-api.tiktok.com',
    path: '/oauth/refresh_token/',
    purpose: 'v1 token refresh',
    replacement: 'POST https://open.tiktokapis.com/v2/oauth/token/ (grant_type=refresh_token)',
    rewrite: 'token-refresh',
  },
  {
    host: 'open-api.tiktok.com',
    path: '/oauth/revoke/',
    purpose: 'v1 token revoke',
    replacement: 'POST https://open.tiktokapis.com/v2/oauth/revoke/',
    rewrite: 'token-revoke',
  },
  {
    host: 'open-api.tiktok.com',
    path: '/platform/oauth/connect/',
    purpose: 'v1 authorize page',
    replacement: 'https://www.tiktok.com/v2/auth/authorize/',
    rewrite: 'authorize-page',
  },
  {
    // Never served by the legacy host (its page was /platform/oauth/connect/), but written for the
    // authorize page, with its parameters: the page its author meant.
    host: 'open-api.tiktok.com',
    path: '/oauth/authorize/',
    purpose: 'v1 authorize page',
    replacement: 'https://www.tiktok.com/v2/auth/authorize/',
    rewrite: 'authorize-page',
  },
  {
    // Never served by the legacy host either: v1's page of that path was on www.tiktok.com; written
    // for it, with its parameters, on the API's host.
    host: 'open-api.tiktok.com',
    path: '/auth/authorize/',
    purpose: 'v1 authorize page',
    replacement: 'https://www.tiktok.com/v2/auth/authorize/',
    rewrite: 'authorize-page',
  },
  {
    host: 'www.tiktok.com',
    path: '/auth/authorize/',
    purpose: 'v1 authorize page',
    replacement: 'https://www.tiktok.com/v2/auth/authorize/',
    rewrite: 'authorize-page',
  },
  {
    // Never a page of TikTok's (v1's was /auth/authorize/), but written for it, with its parameters,
    // as OAuth servers name theirs: the page its author meant.
    host: 'www.tiktok.com',
    path: '/oauth/authorize/',
    purpose: 'v1 authorize page',
    replacement: 'https://www.tiktok.com/v2/auth/authorize/',
    rewrite: 'authorize-page',
  },
  {
    host: 'open-api.tiktok.com',
    path: '/user/info/',
    purpose: 'v1 user info',
    replacement: 'GET https://open.tiktokapis.com/v2/user/info/?fields=…',
    rewrite: 'user-info',
  },
  {
    host: 'open-api.tiktok.com',
    path: '/video/list/',
    purpose: 'v1 video list',
    replacement: 'POST https://open.tiktokapis.com/v2/video/list/?fields=…',
    rewrite: 'video-list',
  },
  {
    // Not in API-CONTRACT §2.7: Login Kit's own v1 user info, seen in public clients (SDKs, NextAuth and
    // passport providers); it answered the user flat in `data` ({@link LOGIN_KIT_USER_FIELDS}), where
    // v2 answers `data.user`, so its rewrite moves every read with the call.
    host: 'open-api.tiktok.com',
    path: LOGIN_KIT_USER_INFO_PATH,
    purpose: 'v1 Login Kit user info',
    replacement: 'GET https://open.tiktokapis.com/v2/user/info/?fields=… (data.user.avatar_url, …)',
  },
];

/**
 * Other paths on the legacy host that do have a v2 successor: said in the finding, so that a person
 * ports the call to it instead of searching for one. Of these the codemod rewrites the status of a
 * share ({@link STATUS_QUERY_PATHS}), whose v2 request (§5) takes what the legacy one sent, and the
 * video query whose JSON body names its `filters` (v2's body takes them as they are).
 */
export const NEVER_SERVED_TOKEN_PATH = '/oauth/token/';

/**
 * The status of a share on the legacy host: `/share/video/query/`, and `/share/video/status/` and
 * `/share/status/`, which it never served but code wrote for it. All become the status fetch, `POST`
 * with `{ publish_id }` (§5).
 */
export const STATUS_QUERY_PATHS = ['/share/video/query/', '/share/video/status/', '/share/status/'] as const;

export const LEGACY_PATH_SUCCESSORS: Readonly<Record<string, string>> = {
  // The Share Video status query: the Content Posting status fetch takes the publish_id (§5).
  '/share/video/query/':
    'POST https://open.tiktokapis.com/v2/post/publish/status/fetch/ with {"publish_id"} (a share_id has no v2 status: poll the publish_id of the migrated upload)',
  // Never served by the legacy host, but written for the status of a share: the same status fetch.
  '/share/video/status/':
    'POST https://open.tiktokapis.com/v2/post/publish/status/fetch/ with {"publish_id"} (the legacy host never served this path; poll the publish_id of the migrated upload)',
  '/share/status/':
    'POST https://open.tiktokapis.com/v2/post/publish/status/fetch/ with {"publish_id"} (the legacy host never served this path; poll the publish_id of the migrated upload)',
  // Never served by the legacy host, but written for the details of a share by its id: what Content
  // Posting tells of an upload is its status fetch (§5), the post's id included once it is public.
  '/share/video/detail/':
    'POST https://open.tiktokapis.com/v2/post/publish/status/fetch/ with {"publish_id"}, if it asks after an upload (the legacy host never served this path; the status fetch answers data.status, fail_reason and, once the post is public, publicaly_available_post_id; a posted video\'s own fields come from POST https://open.tiktokapis.com/v2/video/query/)',
  // Never served by the legacy host, but written for a list of the user's videos by cursor: the
  // Display API's v2 video list takes the same cursor and count (§2.8).
  '/share/video/list/':
    'POST https://open.tiktokapis.com/v2/video/list/?fields=… with Authorization: Bearer and {"cursor", "max_count"} (the legacy host never served this path)',
  // The Display API's v1 video query (§2.8 names its v2 endpoint and rate limit).
  '/video/query/': 'POST https://open.tiktokapis.com/v2/video/query/?fields=… with Authorization: Bearer and {"filters":{"video_ids":[…]}}',
  // Never served by the legacy host, but written for one video's fields by its id: the v2 video query.
  '/video/info/':
    'POST https://open.tiktokapis.com/v2/video/query/?fields=… with Authorization: Bearer and {"filters":{"video_ids":[…]}}, scope video.list (the legacy host never served this path; the video is data.videos[0] of the answer, and its id is a posted video\'s, never a publish_id)',
  // v0 QR-code login, deprecated on 2024-02-29 (§1); its v2 twins take some parameters of their own
  // ([S13], TikTok's QR Code Authorization V2 migration bulletin).
  '/v0/oauth/get_qrcode/':
    'POST https://open.tiktokapis.com/v2/oauth/get_qrcode/ (QR code login v2; some parameters changed, see its reference)',
  '/v0/oauth/check_qrcode/':
    'POST https://open.tiktokapis.com/v2/oauth/check_qrcode/ (QR code login v2; some parameters changed, see its reference)',
  // Never served by the legacy host (v1 had /oauth/access_token/ and /oauth/refresh_token/), but
  // written for its token endpoint, as OAuth libraries name theirs: the v2 token endpoint (§2.8).
  '/comment/list/': RESEARCH_COMMENT_LIST,
  '/video/comment/list/': RESEARCH_COMMENT_LIST,
  [NEVER_SERVED_TOKEN_PATH]:
    'POST https://open.tiktokapis.com/v2/oauth/token/, form-encoded (client_key, client_secret, grant_type, and code with redirect_uri or refresh_token), answered flat (access_token, open_id, refresh_token at the top; the legacy host never served this path)',
};

/**
 * A TikTok Shop Partner API path (`/product/202309/products/search`: a resource, then the API version as
 * year and month): the Shop API lives on its own host, with its own authorization and signed requests,
 * and was never served by the Login Kit host that some code put it on. Its successor is that host.
 */
export const TIKTOK_SHOP_PATH = /^\/[a-z_]+\/20\d{4}\//;
export const TIKTOK_SHOP_SUCCESSOR =
  'the TikTok Shop API on its own host, https://open-api.tiktokglobalshop.com (a Shop path: the Shop API never lived on this host, and takes its own authorization and signed requests)';

/**
 * A TikTok API for Business path (`/v1.3/business/get/`, `/open_api/v1.3/…`: the version first) put on
 * the Login Kit host, which never served it: that API lives on its own host, with a Business
 * account's token in its own `Access-Token` header. Not in API-CONTRACT.md; its host is the one
 * TikTok's Business API clients call (https://business-api.tiktok.com/open_api/v1.3/).
 */
export const BUSINESS_API_PATH = /^\/(?:open_api\/)?v1\.\d\//;
export const BUSINESS_API_SUCCESSOR =
  "TikTok's API for Business on its own host, https://business-api.tiktok.com/open_api/v1.3/ (a Business path: that API never lived on this host, and takes a Business account's token in its own Access-Token header, not a Login Kit one); to post a creator's own video instead, use the Content Posting API";

/**
 * A Research API path (`/research/video/query/`) put on the legacy host, which never served it: the
 * Research API lives on the v2 host under `/v2/research/`, for approved research projects, with a
 * client access token (client_credentials, `V2_CLIENT_TOKEN`) as Bearer. Not in API-CONTRACT.md;
 * TikTok's page says so: https://developers.tiktok.com/doc/research-api-get-started
 */
export const RESEARCH_PATH = /^\/research\/[\w/-]*$/;
/** The one Research API endpoint that page names; for another path, where its endpoints live. */
const RESEARCH_VIDEO_QUERY = '/research/video/query/';
const RESEARCH_ACCESS = 'approved research projects only; a client access token, grant_type=client_credentials, as Authorization: Bearer';
/** How the advice names the Research API (a TODO for it takes no user-token advice). */
export const RESEARCH_API_NAME = "TikTok's Research API";
export const researchSuccessor = (path: string): string =>
  path.replace(/\/?$/, '/') === RESEARCH_VIDEO_QUERY
    ? `${RESEARCH_API_NAME} on the v2 host, POST https://open.tiktokapis.com/v2${RESEARCH_VIDEO_QUERY}?fields=… (${RESEARCH_ACCESS}); ${OWN_VIDEOS}`
    : `${RESEARCH_API_NAME}, whose endpoints are on the v2 host under https://open.tiktokapis.com/v2/research/ (find the one this call means in its reference; ${RESEARCH_ACCESS})${path.replace(/\/?$/, '/') === RESEARCH_USER_INFO ? `; ${OWN_PROFILE}` : ''}`;

/**
 * Code that called a research path with the signed-in creator's own token, for their own videos or
 * counts, wants the Display API, which answers a user token (API-CONTRACT §2.8): said beside the
 * Research API, as the person knows which the app is.
 */
const RESEARCH_USER_INFO = '/research/user/info/';
const OWN_VIDEOS =
  'if it reads the signed-in creator\'s own videos with their user token, that is v2\'s video query instead, POST https://open.tiktokapis.com/v2/video/query/?fields=… with {"filters":{"video_ids":[…]}}, or without ids its video list, POST https://open.tiktokapis.com/v2/video/list/?fields=… with {"cursor","max_count"}, either with the user token as Authorization: Bearer (scope video.list)';
const OWN_PROFILE =
  "if it reads the signed-in creator's own profile or counts with their user token, that is v2's user info instead: GET https://open.tiktokapis.com/v2/user/info/?fields=… with the user token as Authorization: Bearer (scope user.info.stats for the counts)";

/**
 * Paths that only the legacy host serves, without their trailing slash and in lower case: a
 * path written with no host (`/share/video/upload/`, `/user/info/`) under that host's name or a
 * TikTok key is one of its endpoints.
 */
export const KNOWN_LEGACY_PATHS: ReadonlySet<string> = new Set(
  [
    LEGACY_UPLOAD.path,
    ...LEGACY_UNMAPPED_PATH_EXAMPLES,
    // `/oauth/token/` with no host is every OAuth server's path, the v2 one's among them (under a
    // `…/v2` base): only on the legacy host is it legacy.
    ...Object.keys(LEGACY_PATH_SUCCESSORS).filter((path) => path !== NEVER_SERVED_TOKEN_PATH),
    ...V1_ENDPOINTS.filter((endpoint) => (LEGACY_API_HOSTS as readonly string[]).includes(endpoint.host)).map((e) => e.path),
  ].map((path) => path.replace(/\/+$/, '').toLowerCase()),
);

/**
 * Fields of the legacy upload response (§2.4) and their Content Posting counterparts (§7.2).
 * Real responses carry both err_code and error_code (observed, [S15]).
 */
export const LEGACY_RESPONSE_FIELDS = {
  share_id: 'data.publish_id',
  err_code: 'error.code (a string, "ok" on success)',
  error_code: 'error.code (a string, "ok" on success)',
  error_msg: 'error.message',
  logid: 'error.log_id',
  error_detail: 'error.message',
} as const;

export type LegacyResponseField = keyof typeof LEGACY_RESPONSE_FIELDS;

/**
 * Where each legacy field sat in the response body and where the Content Posting response keeps
 * it (§2.4, §7.2): `data.share_id` → `data.publish_id`, `data.err_code` → `error.code`,
 * `extra.logid` → `error.log_id`; `extra.error_detail` has no field of its own and folds into
 * `error.message`.
 */
/**
 * v1's error text, beside `error_code` in the `data` of its answers (§2.7, the token answers' status
 * fields). Code reads it from the other legacy answers too (`res.data.description` after an upload),
 * where it meant the error's text: v2 keeps that in `error.message`. Not a {@link LegacyResponseField}:
 * the name is too common for a read anywhere else (types, text scans) to say anything.
 */
export const LEGACY_ERROR_TEXT_FIELD = 'description';

/** A legacy answer's field whose place the Content Posting answer changes. */
export type MovedResponseField = LegacyResponseField | typeof LEGACY_ERROR_TEXT_FIELD;

export const RESPONSE_FIELD_MOVES: Readonly<Record<MovedResponseField, { readonly from: 'data' | 'extra'; readonly to: string }>> = {
  share_id: { from: 'data', to: 'data.publish_id' },
  err_code: { from: 'data', to: 'error.code' },
  error_code: { from: 'data', to: 'error.code' },
  error_msg: { from: 'data', to: 'error.message' },
  logid: { from: 'extra', to: 'error.log_id' },
  error_detail: { from: 'extra', to: 'error.message' },
  description: { from: 'data', to: 'error.message' },
};

/**
 * Fields integrations read from the upload's answer that neither API ever sent (§2.4, §3): the
 * legacy answer held `share_id` and the status, the init holds `publish_id` and `upload_url` (no
 * `upload_id` or `upload_token`, which code imagining an init step reads). The post's own id arrives only later, with
 * `post.publish.publicly_available` (`post_id`, §6).
 */
export const UNSENT_RESPONSE_FIELDS = [
  'video_id',
  'share_url',
  'item_id',
  'aweme_id',
  'video_url',
  'share_link',
  'upload_id',
  'upload_token',
  'create_time',
  'video_status',
] as const;

/** The top-level `message` of a v1 OAuth answer on success (§2.7, `{"data":{…},"message":"success"}`): no v2 answer has it. */
export const V1_SUCCESS_WORD = 'success';
/** Its word on a failure. */
export const V1_FAILURE_WORD = 'error';

/** What the v1 token answer's `data` held beside the tokens (§2.7): the v2 answer has none of them. */
export const V1_TOKEN_STATUS_FIELDS = ['error_code', 'description', 'captcha', 'desc_url', 'log_id'] as const;

/**
 * A v1 token request with its fields in the URL's query (§2.7): the app named `client_key` (TikTok's
 * name, and Douyin's, where OAuth elsewhere says `client_id`) and one of these grants. v2 reads the
 * same fields from a form-encoded body only (§2.8).
 */
export const V1_QUERY_TOKEN_REQUEST = { appKey: 'client_key', grants: ['authorization_code', 'refresh_token'] } as const;

/** The one field of a legacy webhook's decoded `content` (§2.6) and its new name (§7.3). */
export const LEGACY_WEBHOOK_CONTENT_FIELDS = { share_id: 'publish_id' } as const;

/**
 * A failure's reason as the status fetch names it (`fail_reason`, §5), read from a webhook's content,
 * where `post.publish.failed` sends it as `reason` (§6.3): no TikTok webhook ever had `fail_reason`.
 */
export const WEBHOOK_FAILURE_REASON = { misnamed: 'fail_reason', sent: 'reason' } as const;

/** `data.err_code` / `data.error_code` of a successful legacy upload (§2.4). */
export const LEGACY_SUCCESS_CODE = 0;

/**
 * The two legacy error answers that were captured (§2.4, §2.5 [S15]). Only the token error has a
 * known HTTP status; the status of 10002 is unconfirmed.
 */
export const LEGACY_ERRORS = {
  tokenInvalid: {
    code: 20000,
    status: 401,
    message: 'The access token is invalid or not found in the request.',
    detail: 'access_token not found in the request query param',
  },
  invalidParams: {
    code: 10002,
    message: 'Invalid request parameters.',
    detail: 'expecting a binary field `video` in the form-data',
  },
} as const;

/**
 * The Content Posting `error.code` that stands where a legacy numeric code stood (§7.4: a suggested
 * mapping, not documented by TikTok): a check for 20000 becomes one for `access_token_invalid`.
 */
export const LEGACY_ERROR_CODE_MAP: Readonly<Record<number, string>> = {
  [LEGACY_SUCCESS_CODE]: 'ok',
  [LEGACY_ERRORS.tokenInvalid.code]: 'access_token_invalid',
  [LEGACY_ERRORS.invalidParams.code]: 'invalid_param',
};

/**
 * Upload size limit (§2.3): the Share Video page says 50 MB, the migration notice 64 MB. Read as
 * binary megabytes, like the Content Posting limits (§4.2).
 */
export const LEGACY_SIZE_LIMITS = {
  documentedMaxBytes: 50 * 1024 * 1024,
  noticeMaxBytes: 64 * 1024 * 1024,
} as const;

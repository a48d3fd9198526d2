/**
 * Every kind of finding, shared by `--check`, the reports and (later) the ESLint plugin: one rule id
 * each, named for what it forbids. Messages are ESLint-style templates keyed by messageId and filled
 * from the contract by the detectors.
 */
export type Severity = 'error' | 'warning';

export interface RuleMeta {
  readonly description: string;
  readonly severity: Severity;
  /** Which files the rule reads: JS/TS sources (parsed) or any text file (scanned). */
  readonly scope: 'source' | 'text';
  readonly messages: Readonly<Record<string, string>>;
}

const run = 'run `npx migrate-share-video` to rewrite it';

export const RULES = {
  'no-legacy-share-endpoint': {
    description: 'Disallow calls to the retired Share Video upload endpoint',
    severity: 'error',
    scope: 'source',
    messages: {
      request:
        'Request to the retired {{legacy}}: use POST {{replacement}} with an Authorization: Bearer header and a JSON source_info body, then PUT the bytes to data.upload_url ({{hint}})',
      url: 'URL of the retired {{legacy}}: the Content Posting API starts at POST {{replacement}} ({{hint}})',
      relative:
        '{{path}} is the path of the retired Share Video upload, on a host not in sight here (a base URL set elsewhere): if that base is https://open-api.tiktok.com, the upload fails since 2023-09-10; move it to POST {{replacement}} with Bearer and a JSON source_info, then PUT the bytes',
      relativeFromUrl:
        "{{path}} is the path of the retired Share Video upload, on a host not in sight here (a base URL set elsewhere): if that base is https://open-api.tiktok.com, the upload fails since 2023-09-10; this body sends the video's URL (`{{key}}`), so move it to POST {{replacement}} with Bearer and the JSON source_info { source: 'PULL_FROM_URL', video_url }: TikTok pulls the video itself, from a domain or URL prefix verified for the app, and there are no bytes to PUT",
      relativePublishStep:
        '{{path}} is the path of the retired Share Video upload, on a host not in sight here (a base URL set elsewhere), and this request sends no video: its JSON body names one an earlier step uploaded (`{{key}}`), so it publishes that upload: {{advice}}',
      relativeBesideBase:
        '{{path}} is the path of the retired Share Video upload, on the retired v1 host that `{{key}}` names beside it: the upload fails since 2023-09-10; point `{{key}}` at {{newHost}} and this path at {{newPath}}, and the request that reads them to Bearer and a JSON source_info, then a PUT of the bytes to data.upload_url',
      pathOnNewHost:
        "{{legacy}} puts the retired Share Video upload's path on the Content Posting host, which never had it (every call fails): an upload to the inbox starts at POST {{replacement}}, a post with a caption and privacy (`post_info`) at Direct Post's POST {{direct}} (scope video.publish)",
      sharePathOnNewHost:
        '{{legacy}} puts a path of the retired Share Video API on the Content Posting host, which never had it (every call fails): the status of an upload is POST {{status}} with {"publish_id"}',
    },
  },
  'no-unmapped-legacy-endpoint': {
    description: 'Disallow calls to paths on the retired v1 API host that the codemod does not rewrite',
    severity: 'error',
    scope: 'source',
    messages: {
      request:
        '{{legacy}} on the retired v1 host has no Content Posting equivalent and fails now: port it by hand (the profile and videos of a user, with their stats, are in the v2 Display API of TikTok: GET /v2/user/info/ and POST /v2/video/query/)',
      successor:
        '{{legacy}} is a path of the retired v1 host, where every call fails now; its successor is {{successor}}: port the call to it by hand',
      imaginedStep: '{{legacy}} was never served by the retired v1 host (every call fails): {{advice}}',
      withoutSuccessor: '{{legacy}} on the retired v1 host fails now, and nothing replaces it: {{advice}}',
      v2PathOnLegacyHost: '{{legacy}} puts a v2 path on the retired v1 host, which never served one (every call fails): {{advice}}',
      statusQuery:
        '{{legacy}} asks the retired v1 host for the status of a share, which fails since 2023-09-10 ({{hint}}); its successor is {{successor}}',
      dynamic:
        'Request to the retired v1 host {{host}} with a path that cannot be read statically: every call there fails now; port it by hand',
      pathOnNewHost:
        '{{legacy}} puts a v1 path on the Content Posting host without its /v2 prefix, and that host never served it (every call fails): its successor is {{successor}}',
      base: 'Base URL {{legacy}} of the retired v1 host: every request built on it fails now; give each its endpoint on https://open.tiktokapis.com, and remove this once nothing reads it',
      relative:
        '{{path}}{{where}} is a path of the retired v1 host, on a base set elsewhere: if that base is https://open-api.tiktok.com, the call fails now{{successor}}',
      relativeBesideBase:
        '{{path}} is a path of the retired host its record names beside it (`{{key}}`), where every call fails now{{successor}}',
      hostName:
        '`{{text}}` names the retired v1 host, which answers nothing now: a mock, a route pattern or an allow-list written for it stops matching once the calls move to https://open.tiktokapis.com (and the authorize page to https://www.tiktok.com/v2/auth/authorize/); match those where this is about the calls the app makes',
    },
  },
  'no-token-in-query': {
    description: 'Disallow access_token and open_id in the query string of TikTok requests',
    severity: 'error',
    scope: 'source',
    messages: {
      accessToken: 'access_token in the query string of a TikTok request: send it as the header `Authorization: Bearer <token>` ({{hint}})',
      openId: 'open_id in the query string of a TikTok request: drop it, as the v2 API identifies the user by the token ({{hint}})',
      unseenBase:
        "access_token and open_id in the query of a request on a base out of sight, in code that names TikTok: the v1 API read them there; v2 takes the token as the header `Authorization: Bearer <token>` and no open_id, so send it so where the base is TikTok's",
    },
  },
  'no-form-data-video-upload': {
    description: 'Disallow multipart form-data video uploads to the retired Share Video endpoint',
    severity: 'error',
    scope: 'source',
    messages: {
      formField:
        'Multipart `{{field}}` field sent to the retired Share Video endpoint: the Content Posting API takes a JSON init body {"source_info":{"source":"FILE_UPLOAD","video_size","chunk_size","total_chunk_count"}} and then a PUT of the raw bytes with Content-Range and Content-Type: video/mp4 ({{hint}})',
      formToUploadUrl:
        "Multipart `{{field}}` field, the Share Video upload's form, sent to TikTok's upload URL (`upload_url` of the init's answer): that URL takes the file's raw bytes in a PUT, not a form: send the file itself as the body, with Content-Type (video/mp4), Content-Length and Content-Range (`bytes 0-<size-1>/<size>` for one chunk); the PUT answers no id: keep the init's data.publish_id",
    },
  },
  'no-legacy-webhook-event': {
    description: 'Disallow the retired Share Video webhook event names',
    severity: 'error',
    scope: 'source',
    messages: {
      rename: "Legacy TikTok webhook event '{{legacy}}': the Content Posting API sends '{{replacement}}'",
      ambiguous:
        "'{{legacy}}' is a retired TikTok webhook event, renamed '{{replacement}}'; nothing here says which service sends it, so check it is TikTok's before renaming",
      neverSent:
        "'{{legacy}}' is no event TikTok sends (it never did): code waiting for it never runs; the Content Posting API sends {{replacement}}",
      inText:
        "'{{legacy}}' is spelled inside this text, and this module handles that TikTok event: the Content Posting API sends '{{replacement}}' (a log message, an id built from the name, an expected value in a test)",
      eventKey:
        "TikTok's webhook envelope names the event in `event` (beside client_key, create_time, user_openid and content): `{{read}}` is undefined on every event TikTok sends, so what tests it never matches, whatever the names it is tested with: read `{{holder}}.event` (if a relay in front of this handler renames it, leave it)",
      signatureHeader:
        "TikTok never sends a `{{header}}` header: it signs each webhook, legacy or new, in `{{signature}}` (`t=<seconds>,s=<hex>`, the HMAC-SHA256 of the timestamp, a dot and the raw body, keyed with the app's client secret), so a check that needs this header rejects every event and one that skips without it lets anyone's through: read `{{signature}}` and check that",
    },
  },
  'no-legacy-response-field': {
    description: 'Disallow reading share_id, err_code, error_code and error_msg from TikTok responses and webhooks',
    severity: 'error',
    scope: 'source',
    messages: {
      responseField: '`{{legacy}}` of the retired Share Video response: read {{replacement}} from the Content Posting response',
      webhookField: '`{{legacy}}` of a legacy TikTok webhook payload: the Content Posting events send `{{replacement}}`',
      webhookFailReason:
        "`{{legacy}}` of a TikTok webhook's content is always undefined: that is the status fetch's name of a failure's reason, and post.publish.failed sends it as `{{replacement}}`",
      ambiguousWebhookField:
        "`{{legacy}}` of a webhook payload whose sender cannot be told: if it is TikTok's, the Content Posting events send `{{replacement}}`",
      unsentField:
        '`{{legacy}}` is answered by neither the Share Video nor the Content Posting API, so it was always undefined: the init answers data.publish_id (and, for a file, data.upload_url), and the post id arrives later in the post.publish.publicly_available webhook (post_id)',
      typeField: '`{{legacy}}` declared on a type of a legacy TikTok payload: the Content Posting API sends {{replacement}}',
      contentPostingShareId:
        '`{{legacy}}` is read from the answer of a Content Posting request ({{replacement}}), which never sends it, so it is always undefined: {{source}}',
      uploadPutStatus:
        'the PUT of the bytes to the upload URL answers 201 once the last byte arrives, and 206 for each chunk before it, never 200: this test takes every upload for a failure; test for 201 (206 for a chunk before the last), or for any 2xx',
      postLinkFromPublishId:
        "this link to a post is built from a `publish_id`, which names an upload, not a post: the link opens no video; a public post's id arrives later, as post_id of the post.publish.publicly_available webhook (or publicaly_available_post_id of the status fetch): build the link from that, or keep the upload's id alone",
      initVideoId:
        "`{{legacy}}` is read from the answer of the Content Posting init ({{replacement}}), which never sends it, so it is always undefined: the init answers data.publish_id, the upload's id (the one the status fetch takes); a public post's id arrives later, as post_id of the post.publish.publicly_available webhook",
      unknownPostingPathShareId:
        '`{{legacy}}` is read from the answer of {{replacement}}, on the Content Posting host, so it is always undefined: {{source}}',
      videoListNeverSent:
        '`video_list` is answered by neither the v1 nor the v2 {{call}}, so it was always undefined: both answer the list as data.videos; read that',
      contentPostingShareIdType:
        '`{{legacy}}` declared on the type of a Content Posting answer, which never sends it (always undefined): delete it with its reads, reported where they are; an init answers data.publish_id',
      unseenHostUploadField:
        '`{{legacy}}` of the answer of an upload to /share/video/upload/ on a base out of sight (see that request): if the base is the retired host, read {{replacement}} here when that upload moves to the Content Posting init',
      unparsedWebhookContent:
        "`{{name}}` is TikTok's webhook `content` as it came, a JSON string, so every field read of it is undefined: parse it first (`JSON.parse`), then read publish_id and publish_type, reason on post.publish.failed, post_id on post.publish.publicly_available",
      imaginedContentType:
        "{{fields}} {{verb}} sent by neither the Share Video nor the Content Posting API in the content of '{{event}}' ('{{renamed}}' now), which `{{type}}` stands for: it holds {{holds}}, so reads of {{them}} are undefined{{user}}",
      v2ErrorTestedForTruth:
        '`{{test}}` is taken for a failure, but every Content Posting answer carries `error`, with code "ok" on success (the Share Video answer had it only on failure): this test takes each init that worked for one that failed; test error.code !== \'ok\'',
      contentFieldOffEnvelope:
        "{{reads}} read off TikTok's webhook envelope, which holds only client_key, event, create_time, user_openid and content, so it is undefined on every event: the content, a JSON string to parse, holds publish_id and publish_type, reason on post.publish.failed, post_id on post.publish.publicly_available; read them there (if a relay in front of this handler flattens TikTok's events, leave it)",
      unseenHostPathField:
        "`{{legacy}}` of the answer of a call to a path of the retired v1 host on a base out of sight (see that request's TODO), not of the upload: if the base is the retired host, that call fails now, and this read goes with it; read what the call it is ported to answers",
      libraryUploadField:
        "`{{legacy}}` is the retired Share Video API's id, read from a TikTok upload made through code out of sight (a package or wrapper): if it still calls the Share Video API, that upload fails since 2023-09-10; move it to the Content Posting API, whose init answers {{replacement}}",
    },
  },
  'no-v1-oauth-endpoint': {
    description: 'Warn about v1 OAuth and user endpoints whose tokens the Content Posting API does not take',
    severity: 'warning',
    scope: 'source',
    messages: {
      endpoint:
        '{{legacy}} is the {{purpose}} endpoint of the retired v1 API: use {{replacement}}; it needs a v2 token with the scope of what it asks (user.info.basic, .profile or .stats for user info fields, video.list for the video list, video.upload for the Content Posting upload)',
      exchange:
        '{{legacy}} is the retired v1 code-to-token exchange: POST https://open.tiktokapis.com/v2/oauth/token/ with a form-encoded body (client_key, client_secret, code, grant_type, redirect_uri) answers flat, with no data wrapper ({{hint}})',
      refresh:
        '{{legacy}} is the retired v1 token refresh: POST https://open.tiktokapis.com/v2/oauth/token/ with a form-encoded body (client_key, client_secret, refresh_token, grant_type=refresh_token) answers flat, maybe with a new refresh_token to keep ({{hint}})',
      revoke:
        '{{legacy}} is the retired v1 token revoke: POST https://open.tiktokapis.com/v2/oauth/revoke/ with a form-encoded body (client_key, client_secret, token) answers nothing on success ({{hint}})',
      userInfo:
        '{{legacy}} is the retired v1 user info: GET https://open.tiktokapis.com/v2/user/info/?fields=… with the header `Authorization: Bearer <token>` and no body answers data.user as before, with error.code "ok" on success ({{hint}})',
      loginKitUserInfo:
        '{{legacy}} is the retired v1 Login Kit user info: GET https://open.tiktokapis.com/v2/user/info/?fields=… with the header `Authorization: Bearer <token>` and no body answers the user in data.user (avatar as avatar_url, avatar_larger as avatar_large_url), with error.code "ok" on success ({{hint}})',
      videoList:
        '{{legacy}} is the retired v1 video list: POST https://open.tiktokapis.com/v2/video/list/?fields=… with the header `Authorization: Bearer <token>` and a JSON body {cursor, max_count} answers data.videos as before, with error.code "ok" on success ({{hint}})',
      relative:
        '{{path}}{{where}} is the path of the {{purpose}} on a base set elsewhere: if that base is https://open-api.tiktok.com, use {{replacement}}; it needs a v2 token with the scope of what it asks (user.info.basic, .profile or .stats for user info fields, video.list for the video list, video.upload for the Content Posting upload)',
      relativeToken:
        "{{path}}{{where}} is the path of the {{purpose}} on a base set elsewhere: if that base is https://open-api.tiktok.com, use {{replacement}}, with a form-encoded body that carries the app's client_key and client_secret, and read its answer flat (no `data` wrapper; `error` only on failure)",
      relativeBesideBase:
        "{{path}} is the path of the {{purpose}} on the retired host its record names beside it (`{{key}}`), where every call fails now: use {{replacement}} (the base and the path move together, and whatever joins them sends v1's parameters)",
      pathOnNewHost:
        '{{legacy}} puts a v1 path on the v2 host without its /v2 prefix, and that host never served it (every call fails): use {{replacement}}; it needs a v2 token with the scope of what it asks (user.info.basic, .profile or .stats for user info fields, video.list for the video list, video.upload for the Content Posting upload)',
      tokenPathOnNewHost:
        '{{legacy}} puts a v1 path on the v2 host without its /v2 prefix, and that host never served it (every call fails): use {{replacement}}, with a form-encoded body (application/x-www-form-urlencoded) of {{fields}}',
      answerField:
        '`{{field}}` of the answer of the {{purpose}}, which v2 does not send: the v2 call answers {{replacement}}; change this read when the call moves to v2',
      answerTypeField:
        '`{{field}}` is declared on the answer of the {{purpose}}, which v2 does not send: the v2 call answers {{replacement}}; declare that instead, with the code that reads it',
      tokenFieldsInQuery:
        'this token request (grant_type={{grant}}) puts its fields in the query, with `client_key` as TikTok names it: the v1 token endpoints read them there; POST https://open.tiktokapis.com/v2/oauth/token/ reads a form-encoded body only (client_key, client_secret, code or refresh_token, grant_type, redirect_uri), so send them there, with the base that sends them, and read its answer flat (access_token, open_id and refresh_token at the top, `error` on failure, no `data` or `message`)',
      answerTypeNumberCode:
        '`error.code` is declared a number on the answer of the {{purpose}}, as v1 numbered it: v2 sends a string ("ok" on success, an error name such as "access_token_invalid" otherwise); declare it a string, with the code that compares it',
      answerTypeEnvelope:
        'the fields of the {{purpose}} answer are declared inside `data`, as v1 sent them: the v2 token answer is flat (access_token, open_id, refresh_token, expires_in and scope at the top, `error` and `error_description` on failure); declare them at the top',
      v2TokenJsonBody:
        'this call sends JSON to the v2 token endpoint, which takes a form-encoded body only (application/x-www-form-urlencoded): every call fails with invalid_request; send the same fields as a form',
      v2DisplayMethod: 'this call sends {{method}} to the v2 {{call}}, which answers only {{how}}: every call fails; send it that way',
      v2UserInfoNoFields:
        'this v2 user info call names no `fields`, and v2 answers only the fields a call asks for: every field read of the user is undefined; ask for them in the query (`?fields=open_id,display_name`) and read them under data.user',
      v2TokenAnswerNested:
        '`{{field}}` is read inside `data` of the v2 token answer, as v1 put it: the v2 answer is flat, so this read is always undefined; read `{{field}}` at the top of the answer',
      v2TokenAnswerStatus:
        "`{{field}}` is v1's status of the token answer, which the v2 token endpoint never sends: v2 answers a failure with `error` and `error_description` at the top, and a success without them; test `error` instead",
      v2TokenQuery:
        'this call puts its fields in the query of the v2 token endpoint, where v1 read them: v2 reads them only from a form-encoded POST body, so every call fails with invalid_request; send POST with the same fields as a form',
      v2TokenAnswerWrapped:
        '`data` of the v2 token answer is read as v1 wrapped it: the v2 answer is flat (access_token, open_id, refresh_token at its top), so this is always undefined; read the answer itself',
      authorizeBesideHost:
        "{{path}} on the host its record names beside it (`{{key}}`, https://www.tiktok.com) is the retired v1 authorize page: use the path /v2/auth/authorize/, and make what opens it send TikTok's `client_key` (OAuth libraries send `client_id`, which the v2 page refuses; set it in the library's authorization parameters) with video.upload in the scope where the app uploads",
      authorize:
        '{{legacy}} is the retired v1 authorize page: use https://www.tiktok.com/v2/auth/authorize/ with the same parameters, and video.upload in the scope where the app uploads ({{hint}})',
    },
  },
  'no-migration-todo': {
    description: 'Disallow the TODO(migrate-share-video) comments the codemod leaves, until a person has done them',
    severity: 'error',
    scope: 'source',
    messages: {
      todo: 'Migration left to do: {{todo}}',
    },
  },
  'text/legacy-share-endpoint': {
    description: 'Report the retired Share Video upload endpoint in non-JavaScript files',
    severity: 'error',
    scope: 'text',
    messages: {
      url: 'Retired {{legacy}}: move to POST {{replacement}} then a PUT of the bytes to data.upload_url (this file is reported, not rewritten)',
    },
  },
  'text/unmapped-legacy-endpoint': {
    description: 'Report paths on the retired v1 API host with no Content Posting equivalent in non-JavaScript files',
    severity: 'error',
    scope: 'text',
    messages: {
      url: '{{legacy}} on the retired v1 host has no Content Posting equivalent: port it by hand (this file is reported, not rewritten)',
      successor:
        '{{legacy}} is a path of the retired v1 host, where every call fails now; its successor is {{successor}} (this file is reported, not rewritten)',
      imaginedStep:
        '{{legacy}} was never served by the retired v1 host (every call fails): {{advice}} (this file is reported, not rewritten)',
      withoutSuccessor:
        '{{legacy}} on the retired v1 host fails now, and nothing replaces it: {{advice}} (this file is reported, not rewritten)',
      pathOnNewHost:
        '{{legacy}} puts a v1 path on the Content Posting host without its /v2 prefix, and that host never served it (every call fails): its successor is {{successor}}',
      v2PathOnLegacyHost:
        '{{legacy}} puts a v2 path on the retired v1 host, which never served one (every call fails): {{advice}} (this file is reported, not rewritten)',
      base: 'Base URL {{legacy}} of the retired v1 host: every request built on it fails now; move each one to https://open.tiktokapis.com (this file is reported, not rewritten)',
    },
  },
  'text/v1-oauth-endpoint': {
    description: 'Report v1 OAuth and user endpoints in non-JavaScript files',
    severity: 'warning',
    scope: 'text',
    messages: {
      url: '{{legacy}} is the {{purpose}} endpoint of the retired v1 API: use {{replacement}} (this file is reported, not rewritten)',
    },
  },
  'text/legacy-request-part': {
    description:
      'Report, in non-JavaScript code that calls the retired v1 host, the tokens its query carries, the multipart video field of the upload and the v1 answer fields it reads',
    severity: 'error',
    scope: 'text',
    messages: {
      queryToken:
        '{{name}} in the query of a request to the retired v1 host: the v2 API takes the token as the header `Authorization: Bearer <token>` and identifies the user by it, with no open_id (this file is reported, not rewritten)',
      videoField:
        'Multipart `video` field of the retired Share Video upload: the Content Posting API takes a JSON init {"source_info":{"source":"FILE_UPLOAD",…}}, then a PUT of the bytes to data.upload_url (this file is reported, not rewritten)',
      answerField: '`{{field}}` of a retired v1 answer: {{replacement}} (this file is reported, not rewritten)',
    },
  },
  'text/legacy-webhook-event': {
    description: 'Report the retired Share Video webhook event names, and the share_id their content is read by, in non-JavaScript files',
    severity: 'error',
    scope: 'text',
    messages: {
      rename: "Legacy TikTok webhook event '{{legacy}}': use '{{replacement}}' (this file is reported, not rewritten)",
      ambiguous:
        "'{{legacy}}' is a retired TikTok webhook event, renamed '{{replacement}}'; nothing here says which service sends it (this file is reported, not rewritten)",
      contentField:
        '`share_id` of the content of a legacy TikTok webhook event: the Content Posting events carry publish_id (this file is reported, not rewritten)',
    },
  },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const CODEMOD_HINT = run;

const DOCS_BASE_URL = 'https://github.com/migrate-share-video/migrate-share-video/blob/main/docs/';

/** A plugin rule has its page; the text rules, which only the CLI runs, share the CLI's table. */
export function ruleDocsUrl(ruleId: RuleId): string {
  return RULES[ruleId].scope === 'text' ? `${DOCS_BASE_URL}cli.md#what-it-reports` : `${DOCS_BASE_URL}rules/${ruleId}.md`;
}

export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => data[key] ?? whole);
}

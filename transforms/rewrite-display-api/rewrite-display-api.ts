import { methodOf } from '../../src/detect/request-method.js';
import { jsonBody } from '../../src/codemod/extract-video.js';
import { replaceLiteral, urlLiteralOf } from '../../src/codemod/replace-literal.js';
import {
  findProperty,
  isCall,
  isMember,
  isStringLiteral,
  keyName,
  memberName,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { answerFieldsOf, readsTokensInData } from '../../src/codemod/v1-answer-fields.js';
import { rewriteFieldRead } from '../../src/codemod/rewrite-field-read.js';
import type { MovedResponseField } from '../../src/contract/index.js';
import { errorCodeTests } from '../../src/codemod/error-object-tests.js';
import { findingsOfRequest, siteReason, type CodemodContext } from '../../src/codemod/context.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { bearerSource, objectEntry, paramSource, requestParams, type ParamValue } from '../../src/codemod/request-params.js';
import { bearerTokenIn, carriedOptions, v1RequestParts } from '../../src/codemod/v1-request.js';
import { businessTokenCaution, tokenInAccessTokenHeader } from '../../src/codemod/extract-token.js';
import { replaceV1Request } from '../../src/codemod/v2-request.js';
import { repointExportedV1Urls } from '../../src/codemod/repoint-exported-url.js';
import { repointRecordUrlsBesideRewritten } from '../../src/codemod/record-url-beside-request.js';
import { settleV1UrlsLeftBehind } from '../../src/codemod/v1-url-left-behind.js';
import {
  LOGIN_KIT_USER_INFO_PATH,
  NEAREST_V2_FIELD,
  USER_INFO_FIELD_SCOPES,
  V2_USER_FIELDS,
  V2_USER_INFO_URL,
  V2_VIDEO_FIELDS,
  V2_VIDEO_LIST_URL,
  V2_VIDEO_QUERY_URL,
} from '../../src/contract/index.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { requestBodies, type TikTokRequest } from '../../src/detect/requests.js';
import { isPathOf } from '../../src/detect/classify-url.js';
import { foldedText } from '../../src/detect/folded.js';
import { planErrorCodeReads } from './error-code-reads.js';
import { ERROR_CODE_TYPE_PLACE } from '../../src/codemod/token-answer-shape.js';
import { answerTypes } from '../../src/codemod/answer-types.js';
import {
  bodyUnread,
  fieldsReadUnder,
  fieldsV2Lacks,
  LIST_LEVEL,
  misnamedListFields,
  requestedFields,
  singleVideoReads,
} from './requested-fields.js';
import { LOGIN_KIT_ANSWER, messageReads, planLoginKitReads } from './login-kit-reads.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import { searchParamsWrites } from '../../src/detect/query-tokens.js';
import { quoted } from '../../src/codemod/todo.js';
import { planStatusType } from './login-kit-status-type.js';
import { lackingFieldsLeft, repointUserInfoForSharedSender } from './shared-sender-urls.js';
import { repointProviderUserInfo } from './provider-userinfo-urls.js';
import { explainKeywordSearches } from './keyword-search.js';
import { namedList } from '../../src/detect/record-key-readers.js';

/** A v1 Display API endpoint and what its v2 twin takes (§2.7, §2.8). */
interface DisplayEndpoint {
  readonly name: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly messageId: string;
  /** v1 parameters that go into v2's JSON body as they are. */
  readonly bodyParams: readonly string[];
  /** Where the code's reads tell the fields when the legacy request names none (`data.user`). */
  readonly readFieldsOf?: string;
  /** A call sent to the v2 endpoint already, with v1's tokens left in its query. */
  readonly alreadyV2?: boolean;
  /** A v2 call that names no `fields`, so its answer holds none. */
  readonly noFields?: boolean;
  /** A v2 call written on the retired host (`https://open-api.tiktok.com/v2/user/info/`), v1's shape kept. */
  readonly onLegacyHost?: boolean;
  /** Login Kit's v1 user info: its answer's reads move under `data.user` with the call (login-kit-reads.ts). */
  readonly loginKit?: boolean;
  /** The v1 call's own name, where it is not the v2 one's (`Login Kit user info`). */
  readonly v1Name?: string;
  /** What a person is told of the v2 answer when the call is left to them. */
  readonly answer?: string;
}

const ENDPOINTS: Readonly<Record<string, DisplayEndpoint>> = {
  'user-info': {
    name: 'user info',
    url: V2_USER_INFO_URL,
    method: 'GET',
    messageId: 'userInfo',
    bodyParams: [],
    readFieldsOf: 'user',
    // Not "as before": a call whose code reads the user flat in `data` is told so beside this.
    answer: 'the user is in data.user; error.code is "ok" on success',
  },
  'video-list': {
    name: 'video list',
    url: V2_VIDEO_LIST_URL,
    method: 'POST',
    messageId: 'videoList',
    bodyParams: ['cursor', 'max_count'],
    readFieldsOf: LIST_LEVEL,
  },
};

/**
 * Login Kit's v1 user info (`/oauth/userinfo/`) is the v2 user info call too, its answer's reads moved
 * under `data.user` (login-kit-reads.ts). One whose answer's body is never read (a token check on
 * `response.ok`) asks for `open_id`, as a user info check does; one whose reads are already v2's
 * (`data.user.avatar_url`) is the user info call as it stands.
 */
function loginKit(request: TikTokRequest): DisplayEndpoint | undefined {
  return request.match.v1?.path === LOGIN_KIT_USER_INFO_PATH
    ? { ...ENDPOINTS['user-info'], v1Name: 'Login Kit user info', messageId: 'loginKitUserInfo', loginKit: true, answer: LOGIN_KIT_ANSWER }
    : undefined;
}

/**
 * `fetch(\`https://open.tiktokapis.com/v2/user/info/?fields=…&access_token=${token}\`)`: the v2 call
 * with v1's habit of the token in the query, which v2 does not read there. Rewritten as the v1 call
 * is (the token to the Bearer header, `open_id` gone), its answer already read the v2 way.
 */
function v2WithQueryTokens(context: CodemodContext, request: TikTokRequest): DisplayEndpoint | undefined {
  if (request.match.kind !== 'content-posting' || !isPathOf(V2_USER_INFO_URL, request.match.path)) return undefined;
  const queryTokens = context.unhandled(
    (finding) => finding.ruleId === 'no-token-in-query' && findingsOfRequest(context, request).includes(finding),
  );
  return queryTokens.length > 0 ? { ...ENDPOINTS['user-info'], messageId: queryTokens[0].messageId, alreadyV2: true } : undefined;
}

/**
 * `axios.get('https://open.tiktokapis.com/v2/user/info/', { headers })`: the v2 call that names no
 * fields, so v2 answers none. Rewritten as the v1 call is: the fields the code reads, in the query.
 */
function v2WithoutFields(context: CodemodContext, request: TikTokRequest): DisplayEndpoint | undefined {
  const own = context.unhandled((finding) => finding.messageId === 'v2UserInfoNoFields' && finding.node === request.call);
  return own.length > 0 ? { ...ENDPOINTS['user-info'], messageId: 'v2UserInfoNoFields', alreadyV2: true, noFields: true } : undefined;
}

/**
 * `fetch('https://open-api.tiktok.com/v2/user/info/', { method: 'POST', body: JSON.stringify({ fields }) })`:
 * the v2 path on the retired host, sent the v1 way. It is the v1 call in all but its path, and is
 * rewritten as one (its answer, `data.user`, is the same in both).
 */
function v2PathOnLegacyHost(request: TikTokRequest): DisplayEndpoint | undefined {
  if (request.match.kind !== 'v2-path-on-legacy-host') return undefined;
  const endpoint = Object.values(ENDPOINTS).find((candidate) => isPathOf(candidate.url, request.match.path));
  return endpoint && { ...endpoint, messageId: 'v2PathOnLegacyHost', onLegacyHost: true };
}

/**
 * v1's video query (`POST open-api.tiktok.com/video/query/` with `{ open_id, access_token, filters:
 * { video_ids }, fields }`, a path with a v2 successor): v2's takes the same filters in its JSON body,
 * the fields in its query and the token as Bearer (§2.8), and answers `data.videos` as v1 did. One that
 * asks a video's `status` (an upload's, which no video holds) is the status fetch's, and stays a TODO.
 */
function v1VideoQuery(context: CodemodContext, request: TikTokRequest): DisplayEndpoint | undefined {
  if (request.match.kind !== 'legacy-unmapped' || request.match.path.replace(/\/+$/, '') !== '/video/query') return undefined;
  const successor = findingsOfRequest(context, request).find((finding) => finding.messageId === 'successor');
  if (!successor || !String(successor.data.successor ?? '').startsWith(`POST ${V2_VIDEO_QUERY_URL}`)) return undefined;
  // Which videos it asks about, in the body v2 takes them in: a query without them (an id put in
  // `open_id`, say) is the person's to mend.
  const filtered = requestBodies(request, context.index).some((body) => {
    const object = jsonBody(body, context);
    return !!object && !!findProperty(object, 'filters');
  });
  // `?video_id=${id}`: one video, asked in the query (never v1's way), which v2 takes as the filter's list.
  const oneInQuery = /[?&]video_id=/.test(foldedText(request.url));
  return filtered || oneInQuery ? { ...VIDEO_QUERY, onLegacyHost: true } : undefined;
}

const VIDEO_QUERY: DisplayEndpoint = {
  name: 'video query',
  url: V2_VIDEO_QUERY_URL,
  method: 'POST',
  messageId: 'successor',
  bodyParams: ['filters'],
  readFieldsOf: LIST_LEVEL,
  v1Name: 'video query',
};

/** v2 takes the token as a header and knows the user by it: `open_id` goes, `fields` moves to the query. */
const MOVED_PARAMS = ['access_token', 'open_id', 'fields'];

/**
 * The v1 Display API calls, user info and video list (`POST open-api.tiktok.com/user/info/`,
 * `/video/list/`, the token in the query or the JSON body), become their v2 endpoints with
 * `Authorization: Bearer` and the fields in the query (§2.7, §2.8), in the module's own client
 * (every client of the upload rewrite but XMLHttpRequest and form-data's submit): user info a `GET` without a body, the video list a `POST` of `{ cursor, max_count }`.
 * The fields are the legacy request's, or (user info) the ones the code reads of `data.user`. The
 * answers keep their `data`; `error.code` becomes the string "ok" on success, so comparisons with 0
 * and the module's type of it follow. A site the codemod cannot carry whole keeps its code and gets
 * one TODO saying why.
 */
export function rewriteDisplayApiCalls(context: CodemodContext): void {
  const rewritten: TikTokRequest[] = [];
  for (const request of context.requests) {
    const endpoint =
      request.match.kind === 'v1-endpoint'
        ? (ENDPOINTS[request.match.v1?.rewrite ?? ''] ?? loginKit(request))
        : (v2PathOnLegacyHost(request) ??
          v1VideoQuery(context, request) ??
          v2WithQueryTokens(context, request) ??
          v2WithoutFields(context, request));
    if (!endpoint) continue;
    // The v1 call's finding stands on the call; a v2 path's on the old host on its URL, wherever written.
    const own = (finding: RawFinding) =>
      finding.messageId === endpoint.messageId &&
      (finding.node === request.call || (!!endpoint.onLegacyHost && findingsOfRequest(context, request).includes(finding)));
    if (!endpoint.alreadyV2 && context.unhandled(own).length === 0) continue;
    const related = findingsOfRequest(context, request).filter(
      (finding) =>
        ((finding.ruleId === 'no-v1-oauth-endpoint' || endpoint.onLegacyHost) && finding.messageId === endpoint.messageId) ||
        finding.ruleId === 'no-token-in-query',
    );
    const reason = rewriteCall(context, request, endpoint);
    for (const finding of related) settle(context, finding, request, endpoint, reason);
    if (reason === undefined) rewritten.push(request);
  }
  // A URL repointed where it is written (a record entry, a provider's userinfo) asks for fields too.
  for (const { fields, at } of [...repointUserInfoForSharedSender(context), ...repointProviderUserInfo(context)]) {
    noteFieldScopes(context, fields);
    scopeTodo(context, fields, at);
  }
  explainKeywordSearches(context);
  repointExportedV1Urls(context, (v1) => ENDPOINTS[v1.rewrite ?? '']?.url);
  repointRecordUrlsBesideRewritten(context, rewritten, (v1) => ENDPOINTS[v1.rewrite ?? '']?.url);
  settleV1UrlsLeftBehind(context, rewritten, (v1) => ENDPOINTS[v1.rewrite ?? '']?.url);
}

function settle(context: CodemodContext, finding: RawFinding, request: TikTokRequest, endpoint: DisplayEndpoint, reason?: string): void {
  const v2 = `${endpoint.method} ${endpoint.url}?fields=…`;
  if (reason === undefined) {
    context.record(finding, 'rewritten', `now ${v2} with Authorization: Bearer`);
    return;
  }
  const body = endpoint.bodyParams.length > 0 ? `a JSON body of ${endpoint.bodyParams.join(', ')}` : 'no body';
  const call = endpoint.noFields
    ? `v2 ${endpoint.name} call that names no fields (v2 answers only those asked for)`
    : endpoint.alreadyV2
      ? `v2 ${endpoint.name} call with v1's tokens in its query (v2 reads none there)`
      : endpoint.onLegacyHost && !endpoint.v1Name
        ? `v2 ${endpoint.name} call on the retired v1 host`
        : `v1 ${endpoint.v1Name ?? endpoint.name}`;
  const answer = endpoint.answer ?? 'data is as before; error.code is "ok" on success';
  const whole = `the ${call} is not rewritten: ${reason}; send ${endpoint.method} ${endpoint.url}?fields=<the fields the code needs> with the header Authorization: Bearer <token> and ${body} (${answer})`;
  // A v2 call has no finding of its own for a pointer to lead to: its query's tokens carry the reason.
  context.defer(finding, endpoint.alreadyV2 ? whole : siteReason(context, finding, request, whole, `${endpoint.name} request`));
}

function rewriteCall(context: CodemodContext, request: TikTokRequest, endpoint: DisplayEndpoint): string | undefined {
  // `body.data.error_code`, `body.data.description`: v1's status, read where v2 puts nothing. Moved with
  // the call to `error.code` ("ok" on success) and `error.message` at the top, where each read can be.
  // Login Kit's user fields read flat in `data` (`body.data.display_name`) move with the call's plan below.
  const statusFields = answerFieldsOf(context, request).filter((finding) => !readsTokensInData(finding));
  const statusReads = [...new Set(statusFields.map((finding) => `\`${finding.data.field}\``))];
  if (
    statusFields.some((finding) => rewriteFieldRead(context, finding.node!, finding.data.field as MovedResponseField, true) !== undefined)
  )
    return `its answer's ${statusReads.join(' and ')} ${statusReads.length > 1 ? 'are' : 'is'} read, which v2 answers as error.code ("ok" on success) and error.message at the answer's top: change those reads with the call`;
  const parts = v1RequestParts(context, request, endpoint.url);
  if ('reason' in parts) return parts.reason;
  const found = requestParams(context, request, parts.body);
  if ('reason' in found) return found.reason;
  const single = endpoint.url === V2_VIDEO_QUERY_URL && !found.params.has('filters') ? found.params.get('video_id') : undefined;
  const known = [...MOVED_PARAMS, ...endpoint.bodyParams, ...(single ? ['video_id'] : [])];
  const unknown = [...found.params.keys()].filter((key) => !known.includes(key));
  if (unknown.length > 0) return `it also sends ${unknown.map((key) => `\`${key}\``).join(', ')}, which v2 ${endpoint.name} does not take`;
  // The token in the query or the body, or already in a Bearer header (a half-migrated call).
  const header = bearerTokenIn(context, parts);
  const token = found.params.get('access_token') ?? (header && { node: header });
  if (!token) {
    // `url.searchParams.append('access_token', accessToken)` on the `new URL` the call sends.
    const appended = searchParamsWrites(request, context.index, context.folder).find(
      (call) => staticString(unwrap(call.arguments[0])) === 'access_token',
    );
    return appended
      ? `its \`access_token\` is added to the URL by \`${quoted(context.source(appended), 60)}\` (line ${context.lineOf(appended)}), which the codemod does not take apart: drop that line and send \`${quoted(context.source(appended.arguments[1] ?? appended), 40)}\` as the header instead`
      : 'its `access_token` cannot be found here';
  }
  const fields = fieldsOf(context, request, endpoint, found.params.get('fields'));
  if ('reason' in fields) return fields.reason;
  const carried = carriedOptions(context, parts, true);
  if ('reason' in carried) return carried.reason;
  const reads = planErrorCodeReads(context, request);
  if ('reason' in reads) return reads.reason;
  // `if (body.message !== 'success')`: v1's status word, which no v2 answer has (Login Kit's plan moves it already).
  const words = endpoint.loginKit ? [] : messageReads(context, responseTaint(context.index, [request]));
  const word = words.find((read) => 'reason' in read);
  if (word && 'reason' in word) return word.reason;

  // A query's `max_count=10` is text; v2's JSON body wants the number.
  // `filters: {\n  video_ids: [id],\n}` written over lines at the old call's depth: on one line in the new body.
  const value = (param: ParamValue) =>
    'text' in param && /^\d+$/.test(param.text)
      ? param.text
      : 'node' in param
        ? literalOnOneLine(context, param.node)
        : paramSource(context, param);
  const entries = endpoint.bodyParams.filter((key) => found.params.has(key)).map((key) => objectEntry(key, value(found.params.get(key)!)));
  if (single)
    entries.push(
      objectEntry('filters', `{ video_ids: [${'node' in single ? context.source(single.node) : paramSource(context, single)}] }`),
    );
  // `if (body.error)` took every v1 answer for a failure too (v1 also sent `error`); v2's code says it.
  const errorTests = errorCodeTests(context, request);
  const businessHeader = tokenInAccessTokenHeader(request, context);
  for (const edit of [...reads.edits, ...fields.edits, ...words.flatMap((read) => ('edits' in read ? read.edits : []))]) edit();
  for (const finding of statusFields) {
    rewriteFieldRead(context, finding.node!, finding.data.field as MovedResponseField);
    context.record(finding, 'rewritten', `now ${finding.data.replacement}`);
  }
  for (const name of reads.handedOver) context.handOver(request.call, 'no-v1-oauth-endpoint', `${ERROR_CODE_TYPE_PLACE}${name}`);
  const written = unwrap(request.urlArgument);
  // A v2 call already sent as v2 takes it, but for its fields: only its URL changes, where it is
  // written (`const userUrl = '…/v2/user/info/'`, logged on its way, keeps its name).
  const literal = endpoint.noFields && methodOf(request) === 'GET' ? urlLiteralOf(context, written)?.literal : undefined;
  if (literal) replaceLiteral(context, literal, `${endpoint.url}?fields=${fields.names.join(',')}`);
  else
    replaceV1Request(context, request, parts, {
      method: endpoint.method,
      url: urlInOwnQuotes(context, request, `${endpoint.url}?fields=${fields.names.join(',')}`),
      headers: [
        ['Authorization', bearerSource(context, token)],
        ...(endpoint.method === 'POST' ? [['Content-Type', "'application/json'"] as const] : []),
      ],
      body: endpoint.method === 'POST' ? { as: 'json', entries } : undefined,
      rest: carried.entries,
    });
  errorTests();
  removeDeadBindings(context, request.call);
  if (endpoint.url === V2_USER_INFO_URL) {
    noteFieldScopes(context, fields.names);
    scopeTodo(context, fields.names, request.call);
  }
  videoScopeTodo(context, endpoint, request.call);
  if ('lacking' in fields && fields.lacking) context.todoAt(request.call, lackingFieldsLeft(fields.lacking), request.call);
  // `open_id=${username}`: a handle where v1 wanted the token owner's id (the call never worked for
  // another user); v2 knows only the token's owner, so what the code meant to look up goes.
  const handle = handleSentAsOpenId(context, found.params.get('open_id'));
  if (handle)
    context.todoAt(
      request.call,
      `\`${handle}\` was sent as its open_id, and v2 ${endpoint.name} answers only for the user whose token it sends (the open_id is gone): a lookup of another account by \`${handle}\` has no equivalent, so keep this for the connected account alone, or drop it`,
      request.call,
    );
  if (businessHeader)
    context.todoAt(
      request.call,
      businessTokenCaution(paramSource(context, token), `v2 ${endpoint.name} takes the creator's user access token from v2 Login Kit`),
      request.call,
    );
  for (const read of answerFieldsOf(context, request).filter(readsTokensInData)) context.record(read, 'rewritten', 'moved under data.user');
  return undefined;
}

/** Names of a person's handle, not of TikTok's open_id. */
const HANDLE_NAME = /^(?:user_?name|handle|unique_?id|nick_?name|screen_?name)$/i;

/** `open_id: username`, `open_id=${handle}`: the value sent as open_id is named as a handle. */
function handleSentAsOpenId(context: CodemodContext, param: ParamValue | undefined): string | undefined {
  const node = param && 'node' in param ? unwrap(param.node) : undefined;
  const name = node?.type === 'Identifier' ? (node.name as string) : node && isMember(node) ? memberName(node) : undefined;
  return name && HANDLE_NAME.test(name) ? context.source(node!) : undefined;
}

/**
 * An object or array literal written over several lines, as one line (`{ video_ids: [id] }`): moved
 * into a new call, its old indentation would be wrong there. Anything else, or a literal holding a
 * comment or a template (whose line breaks are its text), as written.
 */
function literalOnOneLine(context: CodemodContext, node: Node): string {
  const text = context.source(node);
  const literal = node.type === 'ObjectExpression' || node.type === 'ArrayExpression';
  if (!literal || !text.includes('\n') || /\/[/*]|`/.test(text)) return text;
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/,\s*([}\]])/g, ' $1')
    .replace(/([{[])\s+([}\]])/g, '$1$2');
}

/** The new URL as a string literal in the quotes the request's own URL literal had (a double-quoted URL in a file of single quotes stays so). */
function urlInOwnQuotes(context: CodemodContext, request: TikTokRequest, url: string): string {
  const written = unwrap(request.urlArgument);
  const own = staticString(written) !== undefined ? context.source(written)[0] : undefined;
  const quote = own === '"' ? '"' : "'";
  const raw = `${quote}${url}${quote}`;
  if (own === quote) context.keptQuotes.add(raw);
  return raw;
}

/**
 * The fields the v2 call asks for, and the edits of the reads that tell them: the user info's from its
 * `fields` or its reads of `data.user`; Login Kit's from its reads of `data`, which move under `data.user`.
 */
function fieldsOf(
  context: CodemodContext,
  request: TikTokRequest,
  endpoint: DisplayEndpoint,
  param: ParamValue | undefined,
): { names: readonly string[]; edits: (() => void)[]; lacking?: readonly string[] } | { reason: string } {
  if (!endpoint.loginKit || bodyUnread(context, request)) {
    const flat = endpoint.url === V2_USER_INFO_URL && !bodyUnread(context, request) ? readsFlatInData(context, request) : undefined;
    // `accountInfo = userInfo.data.data`, then `accountInfo.display_name`: a call sent to v2 already,
    // its answer's `data` taken whole where nothing shows it read as v2's `data.user`.
    const whole = endpoint.alreadyV2 && param && !flat && !bodyUnread(context, request) ? userDataTakenWhole(context, request) : undefined;
    if (whole) return { reason: whole };
    // `body.data.video`: the one video asked for, read where no answer had it; v2's is `data.videos[0]`.
    const single = endpoint.url === V2_VIDEO_QUERY_URL && !param ? singleVideoReads(context, request) : undefined;
    if (single && 'reason' in single) return single;
    if (single) return { names: single.names, edits: single.edits };
    let fields = requestedFields(context, request, param, endpoint.readFieldsOf);
    // `data.video_list[0].title`: a list neither v1 nor v2 answered (both say `data.videos`; the read
    // keeps its own TODO), so the code never found a video; what it reads of each names the fields all the same.
    const misnamed =
      'reason' in fields && endpoint.readFieldsOf === LIST_LEVEL && !param ? misnamedListFields(context, request) : undefined;
    if (misnamed && misnamed.length > 0) fields = { names: misnamed };
    // `userRes.data.data.unique_id`: read flat in `data`, and a name v2 does not answer either.
    const unknown = 'reason' in fields && !flat && endpoint.url === V2_USER_INFO_URL ? unknownFlatReads(context, request) : undefined;
    if (unknown) {
      const lacking = unansweredFields(unknown, endpoint.url);
      // `data.display_name` beside `data.unique_id`: asked for and read in `data.user`, and a person picks what stands for `unique_id`.
      const partial = lacking ? partialFlatReads(context, request) : undefined;
      if (partial) return { ...partial, lacking: unknown };
      if (lacking)
        return { reason: `${lacking.reason}; the code reads the user flat in the answer's \`data\`, where v2 answers \`data.user\`` };
    }
    if ('reason' in fields && !flat) return fields;
    const asked = [...new Set([...('names' in fields ? fields.names : []), ...(flat?.names ?? [])])];
    const names = param ? withoutUnreadUnknown(context, request, endpoint, asked) : asked;
    return unansweredFields(names, endpoint.url) ?? { names, edits: flat?.edits ?? [] };
  }
  const plan = planLoginKitReads(context, request);
  // A type of the answer says v1's flat `data`: the moved reads would not type-check against it.
  const types = 'names' in plan ? answerTypes(context, request) : undefined;
  const typed =
    types &&
    ([...types.names].map((name) => `\`${name}\``).join(', ') || (types.literals.length > 0 ? 'the type written in its `as`' : ''));
  if (typed)
    return { reason: `its answer is typed ${typed}, written for v1's flat \`data\`: change it to v2's \`data.user\` with the reads` };
  // Reads written for v2 beside a test of v1's `message`: the test moves to `error.code`, and so does its type.
  const status = 'v2Shaped' in plan && plan.edits.length > 0 ? planStatusType(context, request) : { edits: [] };
  if ('reason' in status) return status;
  const shaped = 'v2Shaped' in plan ? [...plan.edits, ...status.edits] : [];
  // `fields: 'open_id,display_name'`: v2's names sent already (a call half moved to v2), asked for with the ones read.
  if (param) {
    const sent = requestedFields(context, request, param, undefined);
    if ('reason' in sent) return sent;
    const unknown = fieldsV2Lacks(sent.names);
    if (unknown.length > 0)
      return {
        reason: `it sends \`fields\` that v2 does not know (${unknown.map((name) => `\`${name}\``).join(', ')}), and v1 Login Kit user info never took any: name v2's`,
      };
    if ('reason' in plan) return plan;
    const read = 'names' in plan ? plan : { names: [], edits: shaped };
    return { names: [...new Set([...sent.names, ...read.names])], edits: [...read.edits] };
  }
  if (!('v2Shaped' in plan)) return plan;
  const fields = requestedFields(context, request, undefined, 'user');
  if ('reason' in fields) return fields;
  return unansweredFields(fields.names) ?? { names: fields.names, edits: shaped };
}

/**
 * v1's `/user/info/` answered the user in `data.user` as v2 does, so reads of its fields flat in
 * `data` (`const data = res.data.data; data.display_name`) were always undefined: they move under
 * `data.user` with the call, as Login Kit's do, and ask for their fields. Nothing when the answer is
 * read otherwise (in `data.user` already, handed on whole, not at all).
 */
/**
 * Why a v2 user info call's answer cannot be left as it is read: its `data` is taken whole (handed
 * on, or put in a name the plan cannot follow) and nothing reads `data.user`, where v2 answers the
 * user. A call written for v2 reads there; one that does not was written for v1's flat `data`.
 */
function userDataTakenWhole(context: CodemodContext, request: TikTokRequest): string | undefined {
  const plan = planLoginKitReads(context, request);
  if (!('reason' in plan)) return undefined;
  return "its answer's `data` is taken whole here, and nothing reads `data.user`, where v2 answers the user (open_id, display_name, avatar_url, …): read the fields there";
}

function partialFlatReads(
  context: CodemodContext,
  request: TikTokRequest,
): { names: readonly string[]; edits: (() => void)[] } | undefined {
  const plan = planLoginKitReads(context, request);
  return 'partial' in plan ? plan.partial : undefined;
}

function unknownFlatReads(context: CodemodContext, request: TikTokRequest): readonly string[] | undefined {
  if (bodyUnread(context, request)) return undefined;
  const plan = planLoginKitReads(context, request);
  return 'unknown' in plan ? plan.unknown : undefined;
}

function readsFlatInData(context: CodemodContext, request: TikTokRequest): { names: readonly string[]; edits: (() => void)[] } | undefined {
  const plan = planLoginKitReads(context, request, true);
  return 'names' in plan && plan.names.length > 0 ? plan : undefined;
}

/**
 * `fields: ['open_id', 'display_name', 'avatar_url_200']` where the code reads `data.user.open_id` and
 * `display_name` only: a field v2 user info does not answer, asked for and never read, goes from the
 * list (asked of v2, it could make the call refused); what the code reads decides. The list as it is
 * when the user is handed on whole, or when nothing known would be left.
 */
function withoutUnreadUnknown(context: CodemodContext, request: TikTokRequest, endpoint: DisplayEndpoint, names: string[]): string[] {
  if (endpoint.url !== V2_USER_INFO_URL || endpoint.readFieldsOf !== 'user') return names;
  const read = fieldsReadUnder(context, responseTaint(context.index, [request]), 'user');
  if (!read || read.size === 0) return names;
  const kept = names.filter((name) => V2_USER_FIELDS.has(name) || read.has(name));
  return kept.length > 0 ? kept : names;
}

/**
 * Fields asked for or read that v2 does not answer: for user info, `bio` (v2 says `bio_description`)
 * or v1's `avatar_url_200`; for the video list, `video_id` (the video's id is `id`). Asked for, v2 does
 * not answer them (and may refuse the call); read, they stay undefined. Which field was meant is the
 * person's.
 */
function unansweredFields(names: readonly string[], url = V2_USER_INFO_URL): { reason: string } | undefined {
  const known =
    url === V2_USER_INFO_URL ? V2_USER_FIELDS : url === V2_VIDEO_LIST_URL || url === V2_VIDEO_QUERY_URL ? V2_VIDEO_FIELDS : undefined;
  const unknown = known ? names.filter((name) => !known.has(name)) : [];
  if (unknown.length === 0) return undefined;
  const what = url === V2_USER_INFO_URL ? 'v2 user info does not answer' : "v2's video object does not have";
  return {
    reason: `it asks for or reads ${unknown.map((name) => `\`${name}\`${nearest(name, known!)}`).join(', ')}, which ${what}: use v2's fields (${[...known!].join(', ')})`,
  };
}

/**
 * ` (v2's nearest: `username`)`, where a v2 field of the same object most likely holds what the name
 * meant; with its scope where `user.info.basic` does not answer it (`follower_count`: user.info.stats).
 */
function nearest(name: string, known: ReadonlySet<string>): string {
  const v2 = NEAREST_V2_FIELD[name];
  if (!v2 || !known.has(v2)) return '';
  const scope = known === V2_USER_FIELDS ? USER_INFO_FIELD_SCOPES[v2] : undefined;
  return ` (v2's nearest: \`${v2}\`${scope ? `, which needs the scope ${scope}` : ''})`;
}

/**
 * Fields the migrated user info asks for that `user.info.basic` no longer answers (TikTok's User Info
 * scope migration): the app needs their scopes approved and asked for. A note, not a TODO: adding a
 * scope the app is not approved for would make the authorize page refuse every login.
 */
/** A TikTok scope's name, as an authorize URL or a provider's `scope` writes it. */
const SCOPE_NAME = /\b(?:user\.info\.(?:basic|profile|stats)|video\.(?:list|upload|publish))\b/g;

/**
 * The fields a v2 user info call asks for whose scope the module's own scope list leaves out: the
 * list is every scope name its strings spell (`'user.info.basic,video.list'`, `['user.info.basic']`),
 * read only where it names `user.info.basic`, the scope every Login Kit app asks for. Undefined when
 * no list is in sight, or it has every scope needed.
 */
function scopesNotAsked(context: CodemodContext, fields: readonly string[]): { fields: string[]; scopes: string[] } | undefined {
  const asked = scopesAsked(context);
  if (!asked) return undefined;
  const lacking = fields.filter((field) => USER_INFO_FIELD_SCOPES[field] && !asked.has(USER_INFO_FIELD_SCOPES[field]));
  if (lacking.length === 0) return undefined;
  return { fields: lacking, scopes: [...new Set(lacking.map((field) => USER_INFO_FIELD_SCOPES[field]))] };
}

/**
 * The scopes the module's own list asks for; undefined when no list naming user.info.basic is in sight,
 * or when the authorize URL's scope is a value from another module (`scope: OAuthScopes.TIKTOK.join(' ')`):
 * the lists written here (a validator's `requiredScopes`) are then not what the app asks for.
 */
function scopesAsked(context: CodemodContext): Set<string> | undefined {
  if (scopeFromElsewhere(context)) return undefined;
  const asked = new Set<string>();
  for (const node of [
    ...context.index.ofType('StringLiteral'),
    ...context.index.ofType('Literal'),
    ...context.index.ofType('TemplateElement'),
  ]) {
    const text = node.type === 'TemplateElement' ? node.value.cooked : node.value;
    if (typeof text === 'string') for (const [scope] of text.matchAll(SCOPE_NAME)) asked.add(scope);
  }
  return asked.has('user.info.basic') ? asked : undefined;
}

/** `scope: SCOPES.join(',')`, `` `…&scope=${scopes}` ``: the value the authorize URL sends, read from an import or a global. */
function scopeFromElsewhere(context: CodemodContext): boolean {
  const { index } = context;
  const outside = (value: Node): boolean => {
    let root = unwrap(value);
    // `encodeURIComponent(config.scopes.join(','))`: a function's argument is the value, a method's receiver is.
    while (isCall(root) || isMember(root))
      root = unwrap(
        isMember(root) ? root.object : isMember(unwrap(root.callee)) ? unwrap(root.callee) : (root.arguments[0] ?? root.callee),
      );
    if (root.type !== 'Identifier') return false;
    const binding = index.resolve(root);
    return !binding || binding.importSource !== undefined;
  };
  const properties = [...index.ofType('ObjectProperty'), ...index.ofType('Property')].filter(
    (property) => /^scopes?$/.test(keyName(property) ?? '') && !isStringLiteral(unwrap(property.value)),
  );
  if (properties.some((property) => outside(property.value))) return true;
  return index
    .ofType('TemplateLiteral')
    .some((template) =>
      (template.expressions as Node[]).some(
        (expression, at) => /[?&]scopes?=$/.test(template.quasis[at].value.cooked ?? '') && outside(expression),
      ),
    );
}

/** The video list and query answer only with video.list (§2.8): a module whose scope list lacks it is told where. */
function videoScopeTodo(context: CodemodContext, endpoint: DisplayEndpoint, at: Node): void {
  if (endpoint.url !== V2_VIDEO_LIST_URL && endpoint.url !== V2_VIDEO_QUERY_URL) return;
  if (scopesAsked(context)?.has('video.list') !== false) return;
  context.todoAt(
    at,
    `the v2 ${endpoint.name} answers only with the scope video.list, which the scope list this module asks for leaves out: add video.list to the authorize URL's scope (approved for the app in the TikTok developer portal; each user authorizes again)`,
    at,
  );
}

/** One TODO where the fields asked for need a scope the module's own scope list leaves out. */
function scopeTodo(context: CodemodContext, fields: readonly string[], at: Node): void {
  const missing = scopesNotAsked(context, fields);
  if (missing)
    context.todoAt(
      at,
      `${namedList(missing.fields)} ${missing.fields.length > 1 ? 'are' : 'is'} answered only with the scope ${missing.scopes.join(' and ')}, which the scope list this module asks for leaves out, so v2 does not answer ${missing.fields.length > 1 ? 'them' : 'it'}: add ${missing.scopes.join(' and ')} to the authorize URL's scope (approved for the app in the TikTok developer portal; each user authorizes again)`,
      at,
    );
}

function noteFieldScopes(context: CodemodContext, fields: readonly string[]): void {
  const byScope = new Map<string, string[]>();
  for (const field of fields) {
    const scope = USER_INFO_FIELD_SCOPES[field];
    if (scope) byScope.set(scope, [...(byScope.get(scope) ?? []), field]);
  }
  for (const [scope, named] of byScope)
    context.notes.add(
      `The v2 user info answers ${named.join(', ')} only with the scope ${scope} (TikTok's User Info scope migration, 2024-02-29; user.info.basic answers open_id, union_id, the avatars and display_name): the app needs ${scope} approved in the TikTok developer portal and asked for by its authorize URL`,
    );
}

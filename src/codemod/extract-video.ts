import { quoted } from './todo.js';
import { replaceLiteral } from './replace-literal.js';
import {
  DIRECT_POST_ADVICE,
  DIRECT_POST_INIT_URL,
  EARLIER_UPLOAD_IDS,
  INBOX_VIDEO_INIT,
  LEGACY_UPLOAD,
  PUBLISH_SCOPE,
  PUBLISH_STEP_ADVICE,
  V1_SUCCESS_WORD,
} from '../contract/index.js';
import {
  calleeName,
  findProperty,
  hasUnlistedEntries,
  isCall,
  isIdentifier,
  isMember,
  isNullish,
  keyName,
  memberName,
  objectProperties,
  rangeOf,
  staticString,
  unwrap,
  type Node,
  isNumberLiteral,
} from '../detect/ast.js';
import { formFieldCalls, requestBodies, type TikTokRequest } from '../detect/requests.js';
import { responseTaint } from '../detect/response-fields.js';
import type { CodemodContext } from './context.js';
import { provenInstanceOf } from '../detect/instance-guard.js';
import { clientOf } from './http-client.js';
import { chainedVideoPart, videoPartOf } from './video-part.js';
import { videoAppendedAsBody } from '../detect/form-data-video.js';
import { heldValueText } from './held-value.js';
import { badUploadUrlStep, bytesReadAfter, downloadedVideoUrl, uploadUrlSteps } from './upload-url-step.js';
import { accessTokenHeaderValue } from './access-token-header.js';
import { comparesStatusWord, testsErrorForTruth } from './error-object-tests.js';
import { declarationOf } from './answer-types.js';
import { bodyNameOf } from './answer-body.js';
import { handBuiltMultipart } from '../detect/hand-built-multipart.js';
import { isLogCall } from '../detect/log-calls.js';
import { foldedText } from '../detect/folded.js';
import { bytesReadAndNeverSent, optionsPassedAsBody } from './options-passed-as-body.js';

export type VideoSource =
  /**
   * Bytes or a Blob already in hand: passed on as they are. `prepare` is an edit the rewrite makes
   * first (an axios download switched from a stream to an ArrayBuffer).
   */
  | { readonly kind: 'bytes'; readonly expression: string; readonly prepare?: () => void }
  /** A file on disk (a read stream of a path, a path given to superagent's `.attach`). */
  | { readonly kind: 'file'; readonly path: string }
  /** A public URL TikTok downloads itself (PULL_FROM_URL). */
  | { readonly kind: 'url'; readonly expression: string };

export type VideoLookup = { readonly video: VideoSource } | { readonly reason: string };

/**
 * Why an upload whose multipart body is written out by hand (part headers joined around the file's
 * bytes) is left for a person: its video and its token are pieces of one byte string, which no
 * rewrite takes apart safely. Asked before the token, which such a body carries as a part.
 */
export function handBuiltBodyReason(request: TikTokRequest, context: CodemodContext): string | undefined {
  const parts = handBuiltMultipart(request, context.index);
  if (!parts) return undefined;
  const names = (list: readonly { name: string }[]) => list.map(({ name }) => `\`${name}\``).join(', ');
  const file = parts.find((part) => part.file);
  const token = parts.find((part) => part.name === 'access_token');
  const others = parts.filter((part) => part !== file && part !== token);
  // The Share Video API read its token from the query only, and the file from a part named `video`.
  const flaws = [
    token && !/[?&]access_token=/.test(foldedText(request.url))
      ? 'its token went in a form part, where the legacy API never read it (only the query)'
      : '',
    file && file.name !== LEGACY_UPLOAD.videoField
      ? `its file part is \`${file.name}\`, where the legacy API read \`${LEGACY_UPLOAD.videoField}\``
      : '',
  ].filter(Boolean);
  const neverWorked = flaws.length > 0 ? `; the legacy upload never worked either: ${flaws.join(', and ')}` : '';
  return `this upload's multipart body is written out by hand (its parts ${names(parts)}), which the codemod does not take apart: send ${file ? `the bytes of its \`${file.name}\` part` : "the video's bytes"} with the Content Posting upload instead (POST ${INBOX_VIDEO_INIT.url} with ${token ? 'the `access_token` part' : "the creator's token"} as \`Authorization: Bearer <token>\` and a JSON source_info, then a PUT of the bytes to data.upload_url), and drop the part headers and the boundary${others.length > 0 ? `; ${names(others)} ${others.length === 1 ? 'goes' : 'go'} with them, as an inbox upload takes no such field` : ''}${neverWorked}`;
}

const FIELD = LEGACY_UPLOAD.videoField;
const BYTES_CONSTRUCTORS = new Set(['Blob', 'File', 'Uint8Array', 'Buffer']);
/** Calls that give bytes or a Blob: fs, Buffer, a Response's body, node-fetch's `fileFrom`. */
const BYTES_CALLS = new Set([
  'readFile',
  'readFileSync',
  'from',
  'concat',
  'alloc',
  'buffer',
  'blob',
  'openAsBlob',
  'fileFrom',
  'fileFromSync',
  'blobFrom',
  'blobFromSync',
]);
const BYTES_TYPES = /^(Buffer|Blob|File|Uint8Array)$/;
const REQUEST_OPTIONS = ['method', 'headers', 'body', 'data', 'url', 'params', 'json', 'formData', 'form'];
const BYTES_NAMES = /(buffer|bytes|blob)$/i;

/**
 * What the legacy request uploads, found in its multipart body (`form.append('video', x)`,
 * superagent's `.attach('video', x)`, request's `formData.video`) or in a JSON body naming a
 * `video_url`. A reason instead when it cannot be told safely (a stream from somewhere unknown).
 */
export function extractVideo(request: TikTokRequest, context: CodemodContext): VideoLookup {
  // The URL or path, by the name that holds it where reading it again could run something (`media.find(…).url`).
  const held = (value: Node, kind: string, video: (text: string) => VideoLookup): VideoLookup => {
    const text = heldValueText(context, value, request.call);
    return text === undefined
      ? {
          reason: `the video's ${kind} is computed where it is written (\`${quoted(context.source(value), 40)}\`), and no name holds it, so the upload cannot read it again without running that again: give it a name, then send that`,
        }
      : video(text);
  };
  const pulled = (value: Node) => held(value, 'URL', (expression) => ({ video: { kind: 'url', expression } }));
  const onDisk = (value: Node) => held(value, 'path', (path) => ({ video: { kind: 'file', path } }));
  const attached = chainedVideoPart(request);
  if (attached?.value) return classify(attached.value, context, true);
  let initShaped: Node | undefined;
  for (const body of requestBodies(request, context.index)) {
    // `body: new FormData().append('video', clip)`: append() returns undefined, so nothing was sent.
    const appended = videoAppendedAsBody(body);
    if (appended)
      return {
        reason: `the body this request sends is what \`append()\` returns, which is undefined: its \`video\` part (\`${quoted(context.source(appended), 40)}\`) never reached TikTok; give the Content Posting upload the video's bytes or a Blob instead, or port this upload by hand`,
      };
    const part = videoPartOf(body, context);
    const property = part?.property;
    if (property) {
      // `{ video: post.mediaUrls[0] }`: a value plainly a URL is one for TikTok to fetch (as in JSON below).
      if (isUrlValue(property.value)) return pulled(property.value);
      // `{ video: { video_url, caption } }`: a URL for TikTok to pull, named inside the video's own object.
      const nestedUrl = urlInsideVideo(context, property);
      if (nestedUrl) return pulled(nestedUrl.value);
      // `{ video: videoPath }`, `{ video: { file_path: videoPath } }`: a path on disk, sent as text
      // (the legacy API never read a path, it wanted the file); unless the code sends the bytes to an
      // upload URL of its own next, the two steps done by hand.
      const path = pathOfVideo(context, property);
      if (path) {
        if (readsUploadUrl(request, context)) return { reason: initShapedReason(context, jsonBody(body, context), request) };
        return onDisk(path);
      }
    }
    if (part?.value) return classify(part.value, context, false);
    const json = jsonBody(body, context);
    // `{ video_id: uploadId, post_info, source_info }`: it names a video an earlier step uploaded, so
    // it is a publish step of the app's own; made an upload, it would put the video in the inbox twice.
    const earlier = json && EARLIER_UPLOAD_IDS.map((key) => findProperty(json, key)).find(Boolean);
    if (earlier && !uploadsBeside(request, context))
      // `{ video_id: post.videoId, text }` and no upload of its own: the video was never sent, only an id of the app's.
      return {
        reason: `this request sends an id (\`${keyName(earlier)}\`: \`${quoted(context.source(earlier.value), 40)}\`) where the Share Video upload took the video itself, and this module has no upload step; if a step elsewhere uploaded the video, this publishes it, which the Share Video API never did: delete this step, the inbox upload leaving the video in the creator's inbox, or ${DIRECT_POST_ADVICE}; if no step did, make this request the inbox upload: POST ${INBOX_VIDEO_INIT.url} with Bearer and source_info FILE_UPLOAD (then PUT the bytes to upload_url) or PULL_FROM_URL (the video's URL)`,
      };
    if (earlier)
      return {
        reason: `this request names a video an earlier step uploaded (its JSON body sends \`${keyName(earlier)}\`): it publishes that upload, which never worked: ${PUBLISH_STEP_ADVICE}`,
      };
    const sourceInfo = json && findProperty(json, 'source_info');
    const nested = sourceInfo && context.folder.objectOf(sourceInfo.value);
    const videoUrl = json && (findProperty(json, 'video_url') ?? (nested && findProperty(nested, 'video_url')));
    if (videoUrl) return pulled(videoUrl.value);
    // `source_info: { source: 'PULL_FROM_URL', url }`: the pull asked for in so many words, its URL misnamed.
    const pulledUrl = nested && pullSource(nested) ? findProperty(nested, 'url') : undefined;
    if (pulledUrl && !readsUploadUrl(request, context)) return pulled(pulledUrl.value);
    // `JSON.stringify({ video: mediaUrl })`: the legacy API never took JSON, so this never worked;
    // a value that is plainly a URL says the author meant TikTok to fetch it.
    const named = json && findProperty(json, FIELD);
    if (named && isUrlValue(named.value)) return pulled(named.value);
    // `JSON.stringify({ video: { video_url: url }, post_info })`: the same, as JSON.
    const namedUrl = named && urlInsideVideo(context, named);
    if (namedUrl && !readsUploadUrl(request, context)) return pulled(namedUrl.value);
    // `JSON.stringify({ video: videoFilePath })`, `{ video: { path } }`: the file on disk, read by the
    // upload (unless the code goes on to an upload URL of its own, the two steps done by hand).
    const namedPath = named && pathOfVideo(context, named);
    if (namedPath && !readsUploadUrl(request, context)) return onDisk(namedPath);
    // `JSON.stringify(upload)` of a parameter typed `{ video_url: string; title: string }` here: its URL.
    const typed = typedBody(body, context);
    if (typed?.members.includes('video_url') && !readsUploadUrl(request, context))
      return { video: { kind: 'url', expression: `${context.source(typed.value)}.video_url` } };
    // A request's options object (fetch's init, axios' config) is no body.
    if (json && !REQUEST_OPTIONS.some((key) => findProperty(json, key))) initShaped ??= json;
  }
  if (initShaped && (initKeys(context, initShaped) || readsUploadUrl(request, context)))
    return { reason: initShapedReason(context, initShaped, request) };
  // `axios.post(url, { headers, data: { title } })`: options where the body goes, so what looked like
  // the body was sent inside a JSON of its options, and the token in their headers never left.
  const misplaced = optionsPassedAsBody(request, context);
  if (misplaced) {
    const unsent = bytesReadAndNeverSent(request, context);
    return {
      reason: `this request's options (${misplaced.map((key) => `\`${key}\``).join(', ')}) are passed where axios's \`${calleeName(request.call)}\` takes its body (options go third), so TikTok got them as its JSON body and their headers, the token with them, were never sent; nor does it send the video${unsent ? `, whose bytes are read into \`${unsent}\` above and never used` : ''}: make it the Content Posting upload, POST ${INBOX_VIDEO_INIT.url} with Authorization: Bearer <token> as a header and source_info FILE_UPLOAD, then a PUT of ${unsent ? `\`${unsent}\`` : "the video's bytes"} to data.upload_url`,
    };
  }
  // `JSON.stringify({ video_id, text })` and nothing read of an upload URL: no sign of a second step.
  if (initShaped) {
    const keys = objectProperties(initShaped)
      .map((property) => keyName(property))
      .filter((key): key is string => key !== undefined);
    const sent = keys.length > 0 ? `its JSON body sends ${keys.map((key) => `\`${key}\``).join(', ')}` : 'its JSON body is empty';
    return {
      reason: `the video this request uploads cannot be found here: ${sent}, neither the video's bytes nor a \`video_url\`, and nothing reads an upload URL from its answer (the legacy upload took a multipart form, so this never worked): give the Content Posting upload the video's bytes or a Blob, or its URL as \`video_url\``,
    };
  }
  // No body at all, and the answer's `upload_url` read: the code asks for an upload URL first, as the init does.
  const bodies = requestBodies(request, context.index).filter((body) => !request.options.includes(context.folder.objectOf(body) ?? body));
  if (bodies.length === 0 && readsUploadUrl(request, context)) return { reason: initShapedReason(context, undefined, request) };
  const empty = bodies.map((body) => emptyForm(body, request, context)).find(Boolean);
  if (empty) return { reason: empty };
  if (bodies.length === 0 && sendsNoBody(request))
    return {
      reason:
        "this request sends no body at all, so the legacy upload, which took the video as a multipart `video` field, never worked either: give the Content Posting upload the video's bytes or a Blob, or its URL as `video_url`",
    };
  return {
    reason:
      "the video this request uploads cannot be found here (no `video` form field or `video_url` in its body): give the Content Posting upload the video's bytes or a Blob, or its URL as `video_url`",
  };
}

/** Keys under which the clients we know take a request's body. */
const BODY_OPTIONS = ['body', 'data', 'json', 'form', 'formData', 'multipart'];

/**
 * `fetch(url, { method: 'POST', headers })`: every argument the URL or an options object written out
 * whole (no spread, no body key), and no chained call that could attach one (`.send()`, `.attach()`).
 */
/**
 * Whether the module has an upload step besides this request: the Share Video upload, an init (the
 * Content Posting one, or one the app imagined on the legacy host, `/share/video/init/`), or a read
 * of the `upload_url` an init answers, where the bytes go next.
 */
function uploadsBeside(request: TikTokRequest, context: CodemodContext): boolean {
  const initOrUpload = context.requests.some(
    (other) => other !== request && (other.match.kind === 'legacy-upload' || /\/init\/?$/i.test(other.match.path)),
  );
  return (
    initOrUpload ||
    [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].some(
      (member) => memberName(member) === 'upload_url',
    )
  );
}

function sendsNoBody(request: TikTokRequest): boolean {
  if (request.chain.length > 0 || request.receiver) return false;
  return (request.call.arguments as Node[]).every(
    (argument) =>
      argument === request.urlArgument ||
      (request.options.includes(argument) &&
        !hasUnlistedEntries(argument) &&
        objectProperties(argument).every((property) => !BODY_OPTIONS.includes(keyName(property) ?? ''))),
  );
}

/**
 * `const form = new FormData()` sent with nothing appended to it: the legacy upload got no `video`
 * part and never worked. Said as such, and so is an append left in a comment above the request. A
 * form the code names anywhere else may be filled there: not said empty.
 */
function emptyForm(body: Node, request: TikTokRequest, context: CodemodContext): string | undefined {
  const form = unwrap(body);
  if (form.type !== 'Identifier') return undefined;
  const created = context.folder.valueNode(form);
  if (created?.type !== 'NewExpression' || !isIdentifier(created.callee, 'FormData') || formFieldCalls(form, context.index).length > 0)
    return undefined;
  // Handed to anything but the request (`fillForm(form)`), it may be filled out of sight.
  const binding = context.index.resolve(form);
  const holder = context.index.parent(form);
  // `{ method, body }`: a shorthand property's key is the same name as its value.
  const sameName = (reference: Node) => reference === form || (holder?.shorthand === true && holder.key === reference);
  if (!binding || context.index.referencesOf(binding).some((reference) => !sameName(reference))) return undefined;
  const between = context.text.slice(rangeOf(created)[1], rangeOf(request.call)[0]);
  const commented = COMMENTED_VIDEO_APPEND.test(between);
  return `the form this request sends, \`${form.name}\`, is empty${commented ? ' (its `video` append is commented out)' : ''}: nothing is appended to it here, so the legacy upload got no video and never worked; give the Content Posting upload the video's bytes or a Blob instead, or port this upload by hand`;
}

/** `// form.append('video', file);` on a line of its own. */
const COMMENTED_VIDEO_APPEND = /^[ \t]*(\/\/|\/\*|\*).*\.(append|set)\(\s*['"`]video['"`]/m;

/** The init's sizes from the file's (API-CONTRACT §4.2), as a person applies them by hand. */
const CHUNK_RULE =
  'a file up to 64 MB may go in one chunk, and one under 5 MB must: chunk_size = video_size, total_chunk_count = 1; a larger one in two or more: chunk_size = min(64 MB, floor(video_size / 2)), total_chunk_count = floor(video_size / chunk_size), the last chunk taking the rest';

/**
 * A JSON body without the video (`{ source_info: { source: 'FILE_UPLOAD' } }`, `{ open_id, video_size }`,
 * `{}`): the code already does the upload in two steps, sending the bytes later itself, to the legacy
 * URL the old API never took JSON on. What is missing is the init's sizes, which the codemod cannot
 * tell from here.
 */
function initShapedReason(context: CodemodContext, json: Node | undefined, request?: TikTokRequest): string {
  const sourceInfo = json && findProperty(json, 'source_info');
  const nested = sourceInfo && context.folder.objectOf(sourceInfo.value);
  if (nested && pullSource(nested))
    return `this request asks TikTok to pull the video from a URL already (source_info.source is PULL_FROM_URL), but its URL is not in source_info's \`video_url\`: send it to POST ${INBOX_VIDEO_INIT.url} with \`{ source_info: { source: 'PULL_FROM_URL', video_url } }\` (a URL on a domain verified for the app), then read data.publish_id`;
  const size = json && (findProperty(json, 'video_size') ?? findNested(context, json, 'source_info', 'video_size'));
  // The second step, found once: what it does wrong, and where its bytes come from.
  const steps = request ? uploadUrlSteps(context, request) : [];
  // The bytes it sends, read below this request: their size is known once the read moves above it.
  const readAfter = request && !size ? bytesReadAfter(context, steps, request) : undefined;
  const sizes = size
    ? `its \`video_size\` is here (\`${quoted(context.source(size.value), 40)}\`), and chunk_size and total_chunk_count follow from it (${CHUNK_RULE})`
    : readAfter
      ? `video_size is \`${readAfter.size}\`, the bytes it sends next, read after this request (\`${quoted(readAfter.read, 40)}\`): move that read above it; chunk_size and total_chunk_count follow from it (${CHUNK_RULE})`
      : `video_size is the byte size of the file it sends next; chunk_size and total_chunk_count follow from it (${CHUNK_RULE})`;
  const shape = json ? 'a JSON body; the bytes go later to an upload URL' : 'it asks for the upload URL the bytes go to next';
  const chunks = json ? chunkRuleBreaks(context, json, size?.value) : '';
  const step = badUploadUrlStep(context, steps);
  // The bytes of the second step, downloaded from a URL after this request: TikTok can fetch it itself.
  const pulled = downloadedVideoUrl(context, steps);
  const pull = pulled
    ? `; the bytes it sends next are downloaded from \`${quoted(pulled, 40)}\` after this request, so their size is not known here: TikTok can pull that URL itself, with \`{ source_info: { source: 'PULL_FROM_URL', video_url: ${quoted(pulled, 40)} } }\` (a URL on a domain verified for the app) and no PUT, or the download goes above this request`
    : '';
  // `if (init.data.error) throw`: true of every init's answer, whose `error` says "ok" on success.
  const errorTest =
    request && testsErrorForTruth(context, request)
      ? `; its answer's \`error\` is tested for truth, and the init always answers one (code "ok" on success): test error.code !== 'ok'`
      : '';
  // `if (body.message !== 'success') throw`: v1 OAuth's status word, which no init answers.
  const statusWord =
    request && comparesStatusWord(context, request)
      ? `; its answer's \`message\` is compared with '${V1_SUCCESS_WORD}', v1's status word, which the init never answers: test error.code !== 'ok' instead`
      : '';
  // `{ access_token, open_id, video_size }`: the init reads the token from its header only, and no open_id.
  const bodyToken = json && findProperty(json, 'access_token');
  const bodyOpenId = json && findProperty(json, 'open_id');
  // `headers: { 'Access-Token': token }`: the Business API's header, which the init does not read.
  const headerToken = request && !bodyToken && accessTokenHeaderValue(request, context) !== undefined;
  const tokenMove = bodyToken
    ? `; its body's \`access_token\` goes to the header Authorization: Bearer <token>${bodyOpenId ? ', and its `open_id` goes (v2 knows the user by the token)' : ''}`
    : headerToken
      ? "; its token goes from the `Access-Token` header (the Business API's) to Authorization: Bearer <token>, the creator's Login Kit token (scope video.upload)"
      : '';
  // `const data = await res.json()`: the body's own `data` holds them, `data.data.upload_url`.
  const body = request && bodyNameOf(context, responseTaint(context.index, [request]));
  const reads = body
    ? `\`${body}.data.upload_url\` and \`${body}.data.publish_id\` (the answer's body holds them under its \`data\`)`
    : "data.upload_url and data.publish_id of the answer's body";
  const put = `PUT the bytes to ${body ? `\`${body}.data.upload_url\`` : 'that upload_url'} with Content-Range and Content-Type`;
  // `post_info: { title, privacy_level, … }` beside source_info: Direct Post's init, not the inbox's.
  const postInfo = json && findProperty(json, 'post_info');
  const postObject = postInfo && context.folder.objectOf(postInfo.value);
  const postKeys = postObject ? objectProperties(postObject).map((property) => keyName(property) ?? '…') : [];
  const direct = postInfo
    ? `; its body's post_info${postKeys.length > 0 ? ` (${postKeys.map((key) => `\`${key}\``).join(', ')})` : ''} is Direct Post's, which the inbox init does not take: to keep it, send this body to POST ${DIRECT_POST_INIT_URL} instead (scope ${PUBLISH_SCOPE}; privacy_level one of creator_info's privacy_level_options), or drop post_info, and with it the caption and settings, for the inbox upload`
    : '';
  return `this request is shaped like the Content Posting init already (${shape}): send it to POST ${INBOX_VIDEO_INIT.url} with \`{ source_info: { source: 'FILE_UPLOAD', video_size, chunk_size, total_chunk_count } }\`, where ${sizes}${chunks}; then read ${reads}${step ? `, and ${put} (${step})` : ''}${tokenMove}${errorTest}${statusWord}${pull}${direct}`;
}

/**
 * What the body's own chunk count breaks of TikTok's rules (§4.2), said where the init is: a count
 * rounded up (`Math.ceil(size / chunk)`), where the init wants ⌊video_size / chunk_size⌋ with the
 * trailing bytes in the last chunk; one chunk declared smaller than the video.
 */
function chunkRuleBreaks(context: CodemodContext, json: Node, size: Node | undefined): string {
  const count = findProperty(json, 'total_chunk_count') ?? findNested(context, json, 'source_info', 'total_chunk_count');
  const chunk = findProperty(json, 'chunk_size') ?? findNested(context, json, 'source_info', 'chunk_size');
  if (!count) return '';
  const written = context.source(count.value);
  if (/\bMath\.ceil\b/.test(written))
    return ` (its total_chunk_count rounds up, \`${quoted(written, 50)}\`, where TikTok counts ⌊video_size / chunk_size⌋ and the trailing bytes go with the last chunk, which a short chunk of its own breaks: round down, here and where the chunks are cut)`;
  if (staticNumber(count.value) === 1 && chunk && size && context.source(chunk.value) !== context.source(size))
    return ` (it declares one chunk, so chunk_size must be the whole video_size, not \`${quoted(context.source(chunk.value), 50)}\`)`;
  return '';
}

function staticNumber(node: Node): number | undefined {
  const value = unwrap(node);
  return isNumberLiteral(value) ? Number(value.value) : undefined;
}

/** Keys of the init's own (`source_info`, `video_size`, …): a body that has one is the first of the two steps. */
const INIT_KEYS = ['source_info', 'video_size', 'chunk_size', 'total_chunk_count'];

function initKeys(context: CodemodContext, json: Node): boolean {
  return INIT_KEYS.some((key) => findProperty(json, key));
}

/** Whether the module reads `upload_url` from this request's answer (`answer.data.upload_url`). */
function readsUploadUrl(request: TikTokRequest, context: CodemodContext): boolean {
  const answer = responseTaint(context.index, [request]);
  const read = [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].some(
    (member) => memberName(member) === 'upload_url' && answer.has(member.object),
  );
  // `const { upload_url } = res.data.data`: taken out of the answer by name.
  const hasUrlKey = (pattern: Node): boolean =>
    objectProperties(pattern).some(
      (property) => keyName(property) === 'upload_url' || (property.value?.type === 'ObjectPattern' && hasUrlKey(property.value)),
    );
  return read || [...answer.patterns].some(hasUrlKey);
}

/** `source_info` that says `source: 'PULL_FROM_URL'`. */
function pullSource(sourceInfo: Node): boolean {
  const source = findProperty(sourceInfo, 'source');
  return source !== undefined && staticString(source.value) === 'PULL_FROM_URL';
}

function findNested(context: CodemodContext, object: Node, outer: string, inner: string): Node | undefined {
  const holder = findProperty(object, outer);
  const nested = holder && context.folder.objectOf(holder.value);
  return nested && findProperty(nested, inner);
}

/**
 * The `video_url` property of the object a `video` property holds, if it holds one; or its `url`
 * when what that holds is plainly a URL (`video: { url: clip.videoUrl }`).
 */
function urlInsideVideo(context: CodemodContext, video: Node): Node | undefined {
  const value = context.folder.objectOf(video.value);
  const url = value && findProperty(value, 'url');
  return value && (findProperty(value, 'video_url') ?? (url && isUrlValue(url.value) ? url : undefined));
}

/** The path a `video` key gives, by its name: `video: videoPath`, `video: { file_path: videoPath }`. */
function pathOfVideo(context: CodemodContext, video: Node): Node | undefined {
  if (isLocalPath(video.value, context)) return video.value;
  const value = context.folder.objectOf(video.value);
  const inside = value && PATH_KEYS.map((key) => findProperty(value, key)).find((property) => property !== undefined);
  return inside && (isLocalPath(inside.value, context) || isStringish(unwrap(inside.value), context)) ? inside.value : undefined;
}

/** The keys a path takes inside the video's own object. */
const PATH_KEYS = ['file_path', 'filePath', 'path'];

/** A path on disk by its name (`videoFilePath`, `job.outputPath`) whose text, where known, is no URL. */
function isLocalPath(node: Node, context: CodemodContext): boolean {
  const value = unwrap(node);
  const name = value.type === 'Identifier' ? value.name : isMember(value) ? memberName(value) : undefined;
  if (name === undefined || !/path$/i.test(name)) return false;
  const [first] = context.folder.fold(value).pieces;
  return first?.text === undefined || !/^[a-z][\w+.-]*:/i.test(first.text);
}

/** A URL by its text (`'https://…'`, `` `https://…/${id}.mp4` ``) or by its name (`mediaUrl`, `post.videoURL`). */
function isUrlValue(node: Node): boolean {
  const value = unwrap(node);
  const text = staticString(value) ?? (value.type === 'TemplateLiteral' ? value.quasis[0].value.cooked : undefined);
  if (text !== undefined) return /^https?:\/\//i.test(text);
  // `post.mediaUrls[0]`, `media.videoUrls?.[0]`: an item of a list named for URLs.
  if (isMember(value) && value.computed) {
    const list = unwrap(value.object);
    const listName = list.type === 'Identifier' ? list.name : isMember(list) ? memberName(list) : undefined;
    return listName !== undefined && /urls$/i.test(listName);
  }
  const name = value.type === 'Identifier' ? value.name : isMember(value) ? memberName(value) : undefined;
  return name !== undefined && /url$/i.test(name);
}

/** `JSON.stringify({ … })` or a plain object sent as JSON (axios `data`, got `json`). */
export function jsonBody(body: Node, context: CodemodContext): Node | undefined {
  const expression = unwrap(body);
  if (isCall(expression) && calleeName(expression) === 'stringify' && expression.arguments[0])
    return context.folder.objectOf(expression.arguments[0]);
  return context.folder.objectOf(expression);
}

function classify(node: Node, context: CodemodContext, stringIsPath: boolean): VideoLookup {
  const value = unwrap(context.folder.valueNode(node) ?? node);
  const path = streamPath(value) ?? (stringIsPath && isStringish(value, context) ? node : undefined);
  if (path) return { video: { kind: 'file', path: context.source(path) } };
  // An fs.ReadStream keeps the path it reads.
  if (/^(fs\.)?ReadStream$/.test(typeName(unwrap(node), context) ?? ''))
    return { video: { kind: 'file', path: `${context.source(node)}.path` } };
  if (isBytes(node, value, context)) return { video: { kind: 'bytes', expression: context.source(node) } };
  if (calledWithBytes(unwrap(node), context)) return { video: { kind: 'bytes', expression: context.source(node) } };
  const download = axiosDownload(node, context);
  // A Buffer in Node, an ArrayBuffer in a browser: as a Uint8Array it is bytes in both.
  if (download) return { video: { kind: 'bytes', expression: `new Uint8Array(${context.source(node)})`, prepare: download.prepare } };
  const held = bytesBehindStream(value, context);
  if (held) return { video: { kind: 'bytes', expression: context.source(held) } };
  // `form.append('video', videoPath)` with `videoPath: string`: a form sends a string as text.
  if (!stringIsPath && (staticString(value) !== undefined || value.type === 'TemplateLiteral' || typeName(value, context) === 'string'))
    return {
      reason: `\`${quoted(context.source(node), 40)}\` is a string: the legacy form sent that text as the video, not the file it names, so this upload never worked; pass the file's bytes or a Blob to the Content Posting upload (in Node, \`await fs.openAsBlob(path)\` reads a file as a Blob)`,
    };
  const route = requestBodyField(value, context);
  if (route)
    return {
      reason: `\`${quoted(context.source(node), 40)}\` comes from \`${route}\`, the request's parsed fields (JSON or form text), never a file's bytes, so the legacy form sent that text as the video and this upload never worked: if it is the video's URL, send the inbox init with source_info { source: 'PULL_FROM_URL', video_url } (a domain verified for the app) and no PUT; if a file is uploaded to this route, read it with a multipart parser (multer's \`req.file.buffer\`) and pass those bytes to the Content Posting upload`,
    };
  return {
    reason: `cannot tell whether \`${quoted(context.source(node), 40)}\` is bytes, a Blob or a stream; pass its bytes or a Blob to the Content Posting upload`,
  };
}

/** `const { videoFile } = req.body`, `req.body.video`: a field of a route's parsed body, named as written (`req.body`). */
function requestBodyField(value: Node, context: CodemodContext): string | undefined {
  let holder: Node | undefined;
  if (value.type === 'Identifier') {
    const binding = context.index.resolve(value);
    if (binding?.init && binding.path.length > 0 && binding.assignments.length === 0) holder = unwrap(binding.init);
  } else if (isMember(value)) holder = unwrap(value.object);
  if (!holder || !isMember(holder) || memberName(holder) !== 'body') return undefined;
  const owner = unwrap(holder.object);
  const named = owner.type === 'Identifier' ? owner.name : isMember(owner) ? memberName(owner) : undefined;
  return /^(?:req|request)$/.test(String(named)) ? context.source(holder) : undefined;
}

/**
 * A parameter of a function of this module that every call in the module passes bytes, a Blob or a
 * File (`upload(input.files[0])`): the value is what its callers give.
 */
function calledWithBytes(value: Node, context: CodemodContext): boolean {
  if (value.type !== 'Identifier') return false;
  const binding = context.index.resolve(value);
  const fn = binding?.kind === 'param' ? binding.declaration : undefined;
  const at = fn ? (fn.params as Node[]).indexOf(binding!.id) : -1;
  if (!fn || at === -1) return false;
  const holder = context.index.parent(fn);
  const name = fn.id?.name ?? (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name : undefined);
  if (!name) return false;
  const own = context.index.resolve(fn.id ?? holder!.id);
  const calls = context.index
    .ofType('CallExpression')
    .filter((call) => call.callee.type === 'Identifier' && call.callee.name === name && context.index.resolve(call.callee) === own);
  return (
    calls.some((call) => !isNothing(call.arguments[at], context)) &&
    calls.every((call) => {
      const argument = call.arguments[at] as Node | undefined;
      if (!argument || argument.type === 'SpreadElement') return false;
      // A demo's `const videoFile = null; // replace with your file`: uploads nothing before or after.
      if (isNothing(argument, context)) return true;
      return isBytes(argument, unwrap(context.folder.valueNode(argument) ?? argument), context);
    })
  );
}

function isNothing(argument: Node | undefined, context: CodemodContext): boolean {
  return !!argument && isNullish(context.folder.valueNode(argument) ?? argument);
}

/**
 * `(await axios.get(url, { responseType: 'arraybuffer' })).data`, through a variable or a
 * destructured `{ data }`: bytes. With `responseType: 'stream'`, the download is asked for an
 * ArrayBuffer instead (the Content Posting upload needs the size before it starts), when nothing
 * else reads that response.
 */
function axiosDownload(node: Node, context: CodemodContext): { prepare?: () => void } | undefined {
  const value = unwrap(node);
  // `response.data`, or `videoStream` taken as `{ data: videoStream }`.
  let holder: Node | undefined;
  let response: Node | undefined;
  if (isMember(value) && memberName(value) === 'data' && unwrap(value.object).type === 'Identifier') {
    holder = unwrap(value.object);
    const binding = context.index.resolve(holder);
    response = binding?.path.length === 0 ? binding.init : undefined;
  } else if (value.type === 'Identifier') {
    holder = value;
    const binding = context.index.resolve(value);
    response = binding?.path.length === 1 && binding.path[0] === 'data' ? binding.init : undefined;
  }
  const awaited = response && unwrap(response);
  const call = awaited?.type === 'AwaitExpression' ? unwrap(awaited.argument) : undefined;
  if (!call || !isCall(call) || context.folder.libraryOf(call) !== 'axios') return undefined;
  const config = axiosGetConfig(call, context);
  const property = config && objectProperties(config).find((entry) => keyName(entry) === 'responseType');
  const type = property && staticString(property.value);
  if (type === 'arraybuffer') return {};
  if (type !== 'stream' || !isReadOnce(holder!, context)) return undefined;
  return { prepare: () => replaceLiteral(context, property!.value, 'arraybuffer') };
}

/**
 * The options of an axios GET: `axios.get(url, { … })`, or the one object of `axios({ method: 'GET',
 * url, … })` / `axios.request({ … })` (a GET when it names no method, as axios takes it).
 */
function axiosGetConfig(call: Node, context: CodemodContext): Node | undefined {
  const name = calleeName(call);
  if (name === 'get') return call.arguments[1] && context.folder.objectOf(call.arguments[1]);
  if (name !== 'axios' && name !== 'request') return undefined;
  const config = call.arguments.length === 1 ? context.folder.objectOf(call.arguments[0]) : undefined;
  const method = config && objectProperties(config).find((entry) => keyName(entry) === 'method');
  return !method || staticString(method.value)?.toLowerCase() === 'get' ? config : undefined;
}

/** `Readable.from(x)`, `bufferToStream(x)`, `toStream(x)`: names that say they wrap what they are given in a stream. */
const STREAM_WRAPPERS = /^(\w*to_?(readable|stream)|from)$/i;

/**
 * A stream made from bytes the code already holds (`bufferToStream(fileBuffer)`, `Readable.from(bytes)`):
 * those bytes are the video, and the upload takes them as they are. Only a constant name is taken (the
 * rewrite refers to it, and no later assignment can change what it holds).
 */
function bytesBehindStream(value: Node, context: CodemodContext): Node | undefined {
  if (!isCall(value) || value.arguments.length !== 1 || !STREAM_WRAPPERS.test(calleeName(value) ?? '')) return undefined;
  const callee = unwrap(value.callee);
  if (calleeName(value) === 'from' && !(isMember(callee) && isIdentifier(unwrap(callee.object), 'Readable'))) return undefined;
  const argument = unwrap(value.arguments[0]);
  if (argument.type !== 'Identifier' || context.index.resolve(argument)?.kind !== 'const') return undefined;
  if (isBytes(argument, unwrap(context.folder.valueNode(argument) ?? argument), context)) return argument;
  // `bufferToStream(fileBuffer)` with `fileBuffer` from a helper of its own: the two names agree.
  return typeName(argument, context) === undefined && BYTES_NAMES.test(argument.name) ? argument : undefined;
}

/**
 * The variable is read once, logs aside: the stream goes nowhere else (piped to disk). A log of it
 * (`console.log('clip', download.data)`) prints the bytes once they are asked for instead.
 */
function isReadOnce(identifier: Node, context: CodemodContext): boolean {
  const binding = context.index.resolve(identifier);
  const reads = context.index
    .ofType('Identifier')
    .filter((other) => other !== binding?.id && context.index.resolve(other) === binding && !isLogged(other, context));
  return reads.length === 1;
}

/** `console.log(x)`, `logger.info('…', x.data)`: the read is an argument of a log call, or a member of one. */
function isLogged(read: Node, context: CodemodContext): boolean {
  let node = read;
  let parent = context.index.parent(node);
  while (parent && isMember(parent) && parent.object === node) {
    node = parent;
    parent = context.index.parent(node);
  }
  return !!parent && isLogCall(parent) && (parent.arguments as Node[]).includes(node);
}

/** `fs.createReadStream(path)`, formdata-node's `await fileFromPath(path)` → `path`. */
function streamPath(value: Node): Node | undefined {
  const call = value.type === 'AwaitExpression' ? unwrap(value.argument) : value;
  if (isCall(call) && FILE_OF_PATH.has(calleeName(call) ?? '') && call.arguments[0]) return call.arguments[0];
  return undefined;
}

const FILE_OF_PATH = new Set(['createReadStream', 'fileFromPath', 'fileFromPathSync']);

function isStringish(value: Node, context: CodemodContext): boolean {
  if (staticString(value) !== undefined || value.type === 'TemplateLiteral') return true;
  const annotation = typeName(value, context);
  if (annotation === 'string') return true;
  // `videoPath`, `file`, `upload.path`: the names a path goes by.
  const name = value.type === 'Identifier' ? value.name : isMember(value) ? memberName(value) : undefined;
  return !!name && /path|file/i.test(name);
}

function isBytes(node: Node, value: Node, context: CodemodContext): boolean {
  let inner = value.type === 'AwaitExpression' ? unwrap(value.argument) : value;
  // `await fsp.readFile(path).catch(log)`: the read's bytes (a failed read gave the legacy form nothing either).
  while (isCall(inner) && calleeName(inner) === 'catch' && isMember(unwrap(inner.callee))) inner = unwrap(unwrap(inner.callee).object);
  if (inner.type === 'NewExpression' && inner.callee.type === 'Identifier' && BYTES_CONSTRUCTORS.has(inner.callee.name)) return true;
  if (isCall(inner) && promisifiedBytesCall(inner, context)) return true;
  if (isCall(inner) && BYTES_CALLS.has(calleeName(inner) ?? '')) {
    // `Buffer.from(…)`, `readFile(…)`; but not `Readable.from(…)`.
    const callee = unwrap(inner.callee);
    return !(isMember(callee) && isIdentifier(unwrap(callee.object), 'Readable'));
  }
  // `input.files[0]`, `event.target.files?.[0]`: a File.
  if (isMember(inner) && isMember(unwrap(inner.object)) && memberName(unwrap(inner.object)) === 'files') return true;
  // `req.file.buffer`, `videoFile.buffer` of `const videoFile = req.file`: multer's Buffer of an uploaded file.
  if (isMember(inner) && memberName(inner) === 'buffer' && isUploadedFile(unwrap(inner.object), context)) return true;
  // `if (!(file instanceof File)) return …;` before: a File from there on.
  if (BYTES_TYPES.test(provenInstanceOf(node, context.index) ?? '')) return true;
  if (inner.type === 'Identifier' && heldFileState(inner, context)) return true;
  const declared = typeName(unwrap(node), context) ?? castTo(node, context);
  if (declared !== undefined) return BYTES_TYPES.test(declared);
  // Untyped JavaScript: the name is all there is, and `buffer`, `bytes`, `blob` say it.
  return inner.type === 'Identifier' && BYTES_NAMES.test(inner.name);
}

/**
 * The type a value is cast to where it is made or used (`form.get('clip') as File`, `<Blob>part`),
 * `null` and `undefined` aside: what the code says it holds.
 */
function castTo(node: Node, context: CodemodContext): string | undefined {
  let value = node;
  if (unwrap(value).type === 'Identifier') {
    const binding = context.index.resolve(unwrap(value));
    if (binding?.init && binding.path.length === 0 && binding.assignments.length === 0) value = binding.init;
  }
  while (value.type === 'ParenthesizedExpression') value = value.expression;
  if (value.type !== 'TSAsExpression' && value.type !== 'TSTypeAssertion') return undefined;
  const cast: Node = value.typeAnnotation;
  const types: Node[] = cast.type === 'TSUnionType' ? cast.types : [cast];
  const named = types.filter((type) => !['TSNullKeyword', 'TSUndefinedKeyword'].includes(type.type));
  const [only] = named;
  return named.length === 1 && only.type === 'TSTypeReference' && only.typeName.type === 'Identifier' ? only.typeName.name : undefined;
}

/**
 * React state that holds the picked file: `const [file, setFile] = useState<File | null>(null)`, or,
 * untyped, a state whose setter is only ever given a File (`setFile(event.target.files[0])`) or
 * nothing (`setFile(null)` to clear it). A null state uploads nothing, before and after.
 */
function heldFileState(identifier: Node, context: CodemodContext): boolean {
  const binding = context.index.resolve(identifier);
  const pattern = binding && context.index.parent(binding.id);
  const call = binding?.init && unwrap(binding.init);
  if (pattern?.type !== 'ArrayPattern' || pattern.elements[0] !== binding!.id || !call || !isCall(call) || calleeName(call) !== 'useState')
    return false;
  const typed = (call.typeArguments ?? call.typeParameters)?.params?.[0];
  if (typed) {
    const members: Node[] = typed.type === 'TSUnionType' ? typed.types : [typed];
    const things = members.filter((member) => !['TSNullKeyword', 'TSUndefinedKeyword'].includes(member.type));
    return (
      things.length > 0 &&
      things.every(
        (member) => member.type === 'TSTypeReference' && member.typeName.type === 'Identifier' && BYTES_TYPES.test(member.typeName.name),
      )
    );
  }
  const setter = pattern.elements[1];
  // `setFile(file)` given the state itself would ask this again: no File is proven that way.
  if (setter?.type !== 'Identifier' || ASKING.has(binding.id)) return false;
  ASKING.add(binding.id);
  try {
    return setOnlyWithFiles(setter, context);
  } finally {
    ASKING.delete(binding.id);
  }
}

const ASKING = new Set<Node>();

function setOnlyWithFiles(setter: Node, context: CodemodContext): boolean {
  const own = context.index.resolve(setter);
  const sets = context.index
    .ofType('CallExpression')
    .filter((other) => isIdentifier(other.callee) && context.index.resolve(other.callee) === own)
    .map((other) => other.arguments[0] as Node | undefined);
  return (
    sets.some((value) => value && !isNothing(value, context)) &&
    sets.every((value) => value && (isNothing(value, context) || isBytes(value, unwrap(context.folder.valueNode(value) ?? value), context)))
  );
}

/** `readFileAsync(path)` of `const readFileAsync = promisify(fs.readFile)`: fs's bytes, promised. */
function promisifiedBytesCall(call: Node, context: CodemodContext): boolean {
  const callee = unwrap(call.callee);
  const made = callee.type === 'Identifier' ? unwrap(context.folder.valueNode(callee) ?? callee) : undefined;
  if (!made || !isCall(made) || calleeName(made) !== 'promisify' || !made.arguments[0]) return false;
  const wrapped = unwrap(made.arguments[0]);
  const name = wrapped.type === 'Identifier' ? wrapped.name : isMember(wrapped) ? memberName(wrapped) : undefined;
  return name === 'readFile';
}

/** `req.file`, `req.files[0]`, `req.files.video[0]`, or a name given one of them: a file an upload middleware received. */
function isUploadedFile(node: Node, context: CodemodContext): boolean {
  const value = unwrap(context.folder.valueNode(node) ?? node);
  if (!isMember(value)) return false;
  if (memberName(value) === 'file') return true;
  let holder = unwrap(value.object);
  if (isMember(holder) && holder.computed) holder = unwrap(holder.object);
  return isMember(holder) && memberName(holder) === 'files';
}

/**
 * The TypeScript type name a variable or parameter was declared with, if any; for a name taken out
 * of a typed parameter (`{ video }: UploadInput`), the type of that property in the module's own
 * interface or type alias.
 */
function typeName(node: Node, context: CodemodContext): string | undefined {
  if (node.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(node);
  const annotation =
    binding?.id.typeAnnotation?.typeAnnotation ??
    (binding ? destructuredType(binding.path, binding.declaration, node.name, context) : undefined);
  if (!annotation) return undefined;
  if (annotation.type === 'TSStringKeyword') return 'string';
  if (annotation.type !== 'TSTypeReference') return '';
  const name = annotation.typeName;
  return name.type === 'TSQualifiedName' ? `${name.left.name}.${name.right.name}` : name.name;
}

/**
 * A body that is a name, not an object (`JSON.stringify(upload)`, axios's `data`), whose declared type
 * is an interface or type alias of this module, or a type literal written on it: the keys that type gives it.
 */
function typedBody(body: Node, context: CodemodContext): { value: Node; members: string[] } | undefined {
  const expression = unwrap(body);
  const value = unwrap(isCall(expression) && calleeName(expression) === 'stringify' ? (expression.arguments[0] ?? expression) : expression);
  // `clip: { video_url: string; title: string }`: the type written on the parameter itself.
  const written = value.type === 'Identifier' ? context.index.resolve(value)?.id.typeAnnotation?.typeAnnotation : undefined;
  let members: Node[];
  if (written?.type === 'TSTypeLiteral') members = written.members;
  else {
    const name = typeName(value, context);
    if (!name) return undefined;
    const declared = declarationOf(context, name);
    members = declared?.body?.body ?? declared?.typeAnnotation?.members ?? [];
  }
  const keys = members.filter((member) => member.type === 'TSPropertySignature').map((member) => keyName(member) ?? '');
  return keys.length > 0 ? { value, members: keys } : undefined;
}

function destructuredType(path: readonly string[], declaration: Node | undefined, name: string, context: CodemodContext): Node | undefined {
  if (path.length !== 1 || !declaration) return undefined;
  const params: Node[] = declaration.params ?? [];
  const pattern = params.find((param) => param.type === 'ObjectPattern' && param.properties.some((p: Node) => p.value?.name === name));
  const reference = pattern?.typeAnnotation?.typeAnnotation;
  if (reference?.type !== 'TSTypeReference' || reference.typeName.type !== 'Identifier') return undefined;
  const declared = declarationOf(context, reference.typeName.name);
  const members: Node[] = declared?.body?.body ?? declared?.typeAnnotation?.members ?? [];
  return members.find((member) => member.type === 'TSPropertySignature' && member.key.name === path[0])?.typeAnnotation?.typeAnnotation;
}

/**
 * The object axios' `post(url, data, config)` (and `put`, `patch`) sends as its body: the detector
 * counts every object argument among the options, and a body held in a variable (`postData`) is one.
 */
export function axiosData(request: TikTokRequest, context: CodemodContext): Node | undefined {
  if (!['post', 'put', 'patch'].includes(calleeName(request.call) ?? '') || clientOf(request, context)?.kind !== 'axios') return undefined;
  const data = request.call.arguments[1] as Node | undefined;
  return data && (context.folder.objectOf(data) ?? unwrap(data));
}

/** Fields the Content Posting upload carries in other ways, or that name the video itself. */
const CARRIED_FIELDS = new Set([FIELD, 'video_url', 'open_id', 'access_token', 'source_info']);

/**
 * The other fields the legacy body sent (a caption, a privacy level, `disable_*` switches): an inbox
 * upload takes none of them, so the rewrite names each in its TODO instead of dropping it in silence.
 */
export function droppedBodyFields(request: TikTokRequest, context: CodemodContext): string[] {
  const names: (string | undefined)[] = [];
  for (const chained of request.chain) {
    if (calleeName(chained) === 'attach' || calleeName(chained) === 'field') names.push(staticString(chained.arguments[0]));
  }
  for (const body of requestBodies(request, context.index)) {
    const object = context.folder.objectOf(body) ?? jsonBody(body, context);
    // The request's own options (method, headers, timeout) are carried over, not body fields.
    if (object && (!request.options.includes(object) || object === axiosData(request, context)))
      for (const property of object.properties ?? []) {
        names.push(keyName(property));
        // What the video's own object sends beside its URL (`video: { video_url, caption }`).
        const inner = keyName(property) === FIELD ? context.folder.objectOf(property.value) : undefined;
        if (inner && findProperty(inner, 'video_url'))
          for (const field of inner.properties ?? []) if (keyName(field) !== 'video_url') names.push(`${FIELD}.${keyName(field)}`);
      }
    for (const append of formFieldCalls(unwrap(body), context.index)) names.push(staticString(append.arguments[0]));
    // A typed body sent whole: what its type says it carries beside the URL.
    if (!object) names.push(...(typedBody(body, context)?.members.filter((key) => key !== 'video_url') ?? []));
  }
  return [...new Set(names.filter((name): name is string => name !== undefined && !CARRIED_FIELDS.has(name)))];
}

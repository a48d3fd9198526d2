import { calleeName, isFunction, rangeOf, unwrap, type Node } from '../../src/detect/ast.js';
import { callsOnSameVariable, type TikTokRequest } from '../../src/detect/requests.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { businessTokenCaution, extractToken, tokenInAccessTokenHeader, tokenWrittenInSource } from '../../src/codemod/extract-token.js';
import { droppedBodyFields, extractVideo, handBuiltBodyReason, type VideoSource } from '../../src/codemod/extract-video.js';
import { legacyVideoType } from '../../src/codemod/legacy-video-type.js';
import { clientOf } from '../../src/codemod/http-client.js';
import { ensureNamedImport } from '../../src/codemod/imports.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { UPLOAD_CLIENTS, type UploadClient } from '../../src/codemod/upload-helpers/index.js';
import { quoted } from '../../src/codemod/todo.js';
import { INBOX_VIDEO_INIT, MEDIA_TRANSFER } from '../../src/contract/index.js';
import { carryOptions } from './carry-options.js';
import { queryExtras } from '../../src/codemod/legacy-query-extras.js';
import { insertUploadHelper } from './insert-upload-helper.js';

/** Builder calls of a superagent chain that only shape the legacy request, and go with it. */
const LEGACY_CHAIN_CALLS = new Set(['query', 'attach', 'field', 'send', 'type']);
/** Where a builder chain ends: the promise the helper returns takes these as they are. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
/** Handlers that would fire on the init response, before the bytes are sent. */
const EARLY_XHR_HANDLERS = new Set(['onreadystatechange', 'addEventListener', 'onloadend']);

/**
 * A setting of the app in TikTok's developer portal, not a change to the code (as the scope the
 * authorize URL asks for): said once for the run, and in the PULL_FROM_URL helper's own comment.
 */
const PULL_FROM_URL_NOTE =
  'The uploads that sent a video URL now ask TikTok to pull it (PULL_FROM_URL, the calls to uploadToTikTokInboxFromUrl): TikTok pulls only from a domain or URL prefix verified for the app in the TikTok developer portal (url_ownership_unverified otherwise): verify the domains the app serves its videos from';

/**
 * Where the caption, privacy and interaction settings of a legacy body go now (API-CONTRACT.md §2.2, §3, §6):
 * nowhere, as before (`video` was the legacy upload's only part), unless the app moves to Direct Post.
 */
function droppedMessage(fields: readonly string[]): string {
  // `{ post_info: { title, privacy_level }, source_info }`: written for Direct Post already, where the
  // inbox is not what the app meant (its status stops at SEND_TO_USER_INBOX, PUBLISH_COMPLETE only once the creator posts).
  if (fields.includes('post_info')) {
    const others = fields.filter((field) => field !== 'post_info');
    const besides = others.length
      ? `; ${others.map((field) => `\`${field}\``).join(', ')} ${others.length === 1 ? 'goes' : 'go'} with it, unsent`
      : '';
    return `the legacy body's \`post_info\` is Direct Post's own, which the Share Video upload never took (a JSON body there never worked): this call is moved to the inbox upload, which takes no post_info: the creator posts from TikTok, and its status stops at SEND_TO_USER_INBOX until then; to post from the app as this code meant, send the same init to Direct Post (POST https://open.tiktokapis.com/v2/post/publish/video/init/, scope video.publish) with post_info beside source_info, or keep the inbox and take SEND_TO_USER_INBOX for done${besides}`;
  }
  const names = fields.map((field) => `\`${field}\``).join(', ');
  const base = `the legacy body's ${names} ${fields.length === 1 ? 'is' : 'are'} no longer sent: the Share Video upload took the video alone and never used ${fields.length === 1 ? 'it' : 'them'}, and an inbox upload takes no caption or post settings either (the creator sets them in TikTok before posting), so nothing changes for the creator`;
  // `product_link`, `location`: no post_info key of Direct Post takes them either.
  const elsewhere = fields.filter((field) => !POST_SETTING.test(field.split('.').at(-1)!));
  const direct = fields.length > elsewhere.length;
  const directAdvice = direct
    ? '; to set them from the app, post with Direct Post (/v2/post/publish/video/init/, scope video.publish) and send them in post_info'
    : '';
  const none = elsewhere.length
    ? `; ${direct ? `${elsewhere.map((field) => `\`${field}\``).join(', ')} ${elsewhere.length === 1 ? 'has' : 'have'} no place there either` : `no Content Posting endpoint takes ${elsewhere.length === 1 ? 'it' : 'them'}, Direct Post neither`} (its post_info holds the title, privacy, interaction and disclosure settings only): drop ${elsewhere.length === 1 ? 'it' : 'them'}, or set ${elsewhere.length === 1 ? 'it' : 'them'} where TikTok offers it (in the TikTok app)`
    : '';
  return `${base}${directAdvice}${none}`;
}

/**
 * What Direct Post's `post_info` holds (API-CONTRACT §3.5), and the names a legacy body gave the
 * same things (`caption`, `text`, `description` for the title, hashtags written in it; `privacy` for
 * privacy_level; `allows_duet` for disable_duet, the other way round).
 */
const POST_SETTING =
  /^(?:post_info|title|caption|text|description|desc|privacy(?:_level)?|visibility|disable_(?:duet|stitch|comment)|allows?_(?:duet|stitch|comments?)|video_cover_timestamp_ms|brand_(?:content|organic)_toggle|is_aigc|hashtags?(?:_names|_list)?|tags)$/i;

/** A body field naming who receives the video (`receiver_ids`, `recipient_id`): a message to another user, not an upload. */
const RECIPIENT_FIELD = /^(?:receivers?|recipients?|to_users?)(?:_?ids?)?$/i;

/** A body field carrying images (`image_urls`, `photos`): a photo post, which an inbox video upload cannot carry. */
const IMAGE_FIELD = /^(?:(?:image|photo)_?(?:urls?|images?|list)|images|photos)$/i;

/** The app's own key or secret (`this.tiktokClientKey`, `CLIENT_SECRET`), sent where a user's token belongs. */
const APP_CREDENTIAL = /^(client_?key|client_?secret|client_?id|app_?key|app_?secret|api_?key)$/i;

/** The last name of a token's text: `this.tiktokClientKey` → `tiktokClientKey`, then without a service prefix. */
function lastName(token: string): string {
  const name = /([A-Za-z_$][\w$]*)\s*$/.exec(token)?.[1] ?? '';
  return name.replace(/^tik_?tok_?/i, '');
}

function droppedQueryMessage(names: readonly string[]): string {
  const [it, them] = names.length === 1 ? ['it', 'is'] : ['them', 'are'];
  return `the legacy request's query ${names.map((name) => `\`${name}\``).join(', ')} ${them} no longer sent: TikTok never read ${it}, and the init takes no query; if the app reads ${it} back from the request (an interceptor, a log), pass ${it} another way`;
}

/**
 * An upload sent through a function of the app's the codemod cannot see into: its advice follows what
 * the body sends, bytes (the init, then a PUT) or the video's URL (one init that asks TikTok to pull
 * it, with no PUT and no upload_url).
 */
function unseenSenderReason(request: TikTokRequest, context: CodemodContext): string {
  const found = extractVideo(request, context);
  // What else the body sends, which the init would not take: named, as a rewrite names it.
  const dropped = droppedBodyFields(request, context);
  const also = dropped.length > 0 ? `; also, ${droppedMessage(dropped)}` : '';
  if (!('reason' in found) && found.video.kind === 'url')
    return `this upload goes through a function the codemod cannot see into, and sends the video's URL (\`${quoted(found.video.expression, 60)}\`): make it POST ${INBOX_VIDEO_INIT.url} with Authorization: Bearer and \`{ source_info: { source: 'PULL_FROM_URL', video_url } }\` (a URL on a domain verified for the app); nothing is PUT, and the init answers data.publish_id${also}`;
  return `this upload goes through a function the codemod cannot see into: make it send the Content Posting init, POST ${INBOX_VIDEO_INIT.url} with Authorization: Bearer and \`{ source_info: { source: 'FILE_UPLOAD', video_size, chunk_size, total_chunk_count } }\`, then PUT the bytes to data.upload_url with Content-Range${also}`;
}

/** What replaces what: the expression that becomes the helper call, and what else goes. */
interface Site {
  readonly target: Node;
  readonly alsoRemoved: readonly Node[];
  /** Appended to the helper call: how a chained response reader (`.json()`) carries over. */
  readonly read: string;
  readonly callback?: Node;
  /** The type argument of the chained reader (`.json<T>()`), moved into the new reader. */
  readonly readType?: Node;
}

/** Stands for the moved type argument in the reader's text until the node itself takes its place. */
const TYPE_SLOT = '__MigrateShareVideoType__';

/**
 * Replaces one legacy upload request by a call to the generated two-step helper, in the same client.
 * Every check comes before the first edit: a site that cannot be rewritten safely is left as it was,
 * and the reason comes back for its TODO.
 */
export function rewriteCallSite(context: CodemodContext, request: TikTokRequest): string | undefined {
  const client = clientOf(request, context);
  if (!client) return unseenSenderReason(request, context);
  const upload = UPLOAD_CLIENTS[client.kind];
  if (!upload)
    return `the ${client.kind} client is not rewritten yet: send the Content Posting init POST, then PUT the bytes to data.upload_url`;
  const site = client.kind === 'xhr' ? xhrSite(request, context) : callSite(request, upload);
  if ('reason' in site) return site.reason;
  const carried = carryOptions(request, client.kind, context);
  if ('reason' in carried) return carried.reason;
  const handBuilt = handBuiltBodyReason(request, context);
  if (handBuilt) return handBuilt;
  // `receiver_ids: [recipientId]`: the code meant to send the video to someone; an inbox upload would
  // put it in the token owner's own inbox instead, each one counted against their pending shares.
  const recipient = droppedBodyFields(request, context).find((field) => RECIPIENT_FIELD.test(field));
  const images = droppedBodyFields(request, context).find((field) => IMAGE_FIELD.test(field));
  if (images)
    return `this body carries images (\`${images}\`), which an inbox video upload cannot: post photos with POST https://open.tiktokapis.com/v2/post/publish/content/init/ (media_type PHOTO and a post_mode), and send only videos to the video init`;
  if (recipient)
    return `this request sends the video to another user (\`${recipient}\`): no Content Posting endpoint sends media to someone else, and an inbox upload would land in the token owner's own inbox: remove the feature, or port it by hand to a post on the creator's own account`;
  const token = extractToken(request, context);
  if (!token)
    return 'the access token of this upload cannot be found: send it as `Authorization: Bearer <token>` to the Content Posting init';
  const lookup = extractVideo(request, context);
  if ('reason' in lookup) return lookup.reason;
  // Read before the edit: the body goes with the legacy call.
  const dropped = droppedBodyFields(request, context);
  const droppedQuery = queryExtras(request, context);
  const businessHeader = tokenInAccessTokenHeader(request, context);
  const literalToken = tokenWrittenInSource(request, context);
  const videoType = lookup.video.kind === 'url' ? undefined : legacyVideoType(request, context);
  const async = isInAsyncFunction(request.call, context);
  // Outside an async function a file is read first and the upload chained on that promise.
  const chained = lookup.video.kind === 'file' && !async && !upload.takesCallback ? lookup.video : undefined;
  const video = chained ? context.freshName('video') : videoArgument(lookup.video, upload, async, context);
  const helper = insertUploadHelper(context, upload, lookup.video.kind === 'url', client.client);
  const options = carried.text ?? (upload.takesCallback ? '{}' : undefined);
  const argumentsText = [upload.takesClient ? client.client : undefined, token, video].filter(Boolean) as string[];
  if (upload.takesOptions && (options || (videoType && !upload.takesCallback))) argumentsText.push(options ?? '{}');
  // The callback helpers end with the callback, and send MP4: the type the legacy part named goes in the TODO.
  if (videoType && !upload.takesCallback) argumentsText.push(videoType.text);
  const { j } = context;
  // The callback node itself moves over, so later steps still rename the fields it reads.
  const replacement = (
    site.callback
      ? j.callExpression(j.identifier(helper), [...argumentsText.map((text) => j.template.expression([text])), site.callback])
      : j.template.expression([
          chained
            ? `${fileReader(upload, context)}(${chained.path}).then((${video}) => ${helper}(${argumentsText.join(', ')}))${site.read}`
            : `${helper}(${argumentsText.join(', ')})${site.read}`,
        ])
  ) as Node;
  if (lookup.video.kind === 'bytes') lookup.video.prepare?.();
  context.pathOf(site.target).replace(replacement);
  context.helperCalls.set(replacement, client.kind);
  if (site.readType) {
    // The user's own type node moves, so a later step can still rename the legacy fields it declares.
    j(context.pathOf(replacement))
      .find(j.TSTypeReference, { typeName: { name: TYPE_SLOT } })
      .replaceWith(site.readType as any);
  }
  for (const node of site.alsoRemoved) context.pathOf(node).prune();
  for (const node of [site.target, ...site.alsoRemoved]) removeDeadBindings(context, node);
  // One TODO for the site, saying everything a person still has to do there.
  if (lookup.video.kind === 'url') context.notes.add(PULL_FROM_URL_NOTE);
  const followUps = [
    businessHeader
      ? businessTokenCaution(token, "the Content Posting API takes the creator's user access token from v2 Login Kit (scope video.upload)")
      : undefined,
    APP_CREDENTIAL.test(lastName(token))
      ? `the token \`${quoted(token, 40)}\` is named like one of the app's own credentials, not a user's token: the Content Posting API takes the creator's user access token from v2 Login Kit (scope video.upload) as Bearer; pass that token here`
      : undefined,
    literalToken
      ? `the token ${/^[\w$.]+$/.test(token) ? `\`${token}\` ` : ''}is written in the source, so a v1 authorization issued it (a v1 access token lived a day, and TikTok does not promise that v2 takes one): authorize the creator once through v2 Login Kit with the scope video.upload, and read the token from where the app keeps it, not from the code`
      : undefined,
    dropped.length > 0 ? droppedMessage(dropped) : undefined,
    droppedQuery.length > 0 ? droppedQueryMessage(droppedQuery) : undefined,
    videoType && upload.takesCallback
      ? `the legacy form labelled the video \`${quoted(videoType.text, 40)}\`, and the helper sends it as ${MEDIA_TRANSFER.defaultContentType}: set the Content-Type of the helper's PUT to it if the videos are not MP4 (TikTok takes ${MEDIA_TRANSFER.contentTypes.join(', ')})`
      : undefined,
  ];
  const message = followUps.filter(Boolean).join('; also, ');
  if (message) context.todoAt(replacement, message, site.target);
  return undefined;
}

/** A call, maybe with builder calls chained on it (superagent) and a response reader after them (got, ky). */
function callSite(request: TikTokRequest, upload: UploadClient): Site | { reason: string } {
  const end = request.chain.findIndex((call) => !LEGACY_CHAIN_CALLS.has(calleeName(call) ?? ''));
  const builder = end === -1 ? request.chain : request.chain.slice(0, end);
  const next = end === -1 ? undefined : request.chain[end];
  const reader = next && upload.responseReaders?.[calleeName(next) ?? ''];
  if (next && !reader && !PROMISE_METHODS.has(calleeName(next) ?? '')) {
    return {
      reason: `the request chain also calls .${calleeName(next)}(), which the two-step upload would drop: port this upload by hand`,
    };
  }
  const callback = upload.takesCallback ? request.call.arguments.at(-1) : undefined;
  if (upload.takesCallback && !(callback && isFunction(unwrap(callback))))
    return { reason: 'the response of this upload is not read through a callback: port it by hand' };
  const typeArguments = next?.typeArguments ?? next?.typeParameters;
  const readType = typeArguments?.params?.length === 1 ? typeArguments.params[0] : undefined;
  const read = reader ? reader(readType ? TYPE_SLOT : '') : '';
  return { target: reader ? next : (builder.at(-1) ?? request.call), alsoRemoved: [], read, callback, readType };
}

/**
 * `xhr.open('POST', legacyUrl)` … `xhr.send(form)`: the `send` becomes the helper call and the
 * `open` goes. Only when nothing would hear the init response early (see the XHR helper).
 */
function xhrSite(request: TikTokRequest, context: CodemodContext): Site | { reason: string } {
  const sends = callsOnSameVariable(request.receiver!, 'send', context.index);
  const open = context.index.parent(request.call);
  if (sends.length !== 1 || open?.type !== 'ExpressionStatement')
    return { reason: 'this XMLHttpRequest is opened or sent more than once: port the upload by hand' };
  const binding = context.index.resolve(request.receiver!);
  const sendAt = rangeOf(sends[0])[0];
  const early = [...context.index.ofType('MemberExpression')].some((member) => {
    const object = unwrap(member.object);
    if (object.type !== 'Identifier' || context.index.resolve(object) !== binding) return false;
    // The helper holds back the `onload` it finds when it runs: one set later would not wait.
    return EARLY_XHR_HANDLERS.has(member.property.name) || (member.property.name === 'onload' && rangeOf(member)[0] > sendAt);
  });
  if (early)
    return {
      reason: 'this XMLHttpRequest has handlers that would see the init response before the bytes are sent: port the upload by hand',
    };
  return { target: sends[0], alsoRemoved: [open], read: '' };
}

/** How the helper gets a video from a file: a Blob the file backs, or its bytes (synchronously for callback APIs). */
function videoArgument(video: VideoSource, upload: UploadClient, async: boolean, context: CodemodContext): string {
  if (video.kind !== 'file') return video.expression;
  if (!async) return `${ensureNamedImport(context, 'node:fs', 'readFileSync')}(${video.path})`;
  return `await ${fileReader(upload, context)}(${video.path})`;
}

/** Node before 19.8 has no `fs.openAsBlob`: there the helper gets the bytes, which it takes too. */
function fileReader(upload: UploadClient, context: CodemodContext): string {
  return upload.fileAs === 'blob' && !context.options.nodeWithoutOpenAsBlob
    ? ensureNamedImport(context, 'node:fs', 'openAsBlob')
    : ensureNamedImport(context, 'node:fs/promises', 'readFile');
}

function isInAsyncFunction(node: Node, context: CodemodContext): boolean {
  for (const ancestor of context.index.ancestors(node)) if (isFunction(ancestor)) return !!ancestor.async;
  return context.index.program.sourceType === 'module';
}

import { calleeName, isFunction, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { extractToken } from '../../src/codemod/extract-token.js';
import { extractVideo } from '../../src/codemod/extract-video.js';
import { clientOf } from '../../src/codemod/http-client.js';
import { ensureNamedImport } from '../../src/codemod/imports.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { UPLOAD_CLIENTS } from '../../src/codemod/upload-helpers/index.js';
import { carryOptions } from './carry-options.js';
import { insertUploadHelper } from './insert-upload-helper.js';

/** Builder calls of a superagent chain that only shape the legacy request, and go with it. */
const LEGACY_CHAIN_CALLS = new Set(['query', 'attach', 'field', 'send', 'type']);
const PULL_FROM_URL_CHECK =
  'TikTok pulls the video from this URL only if its domain or URL prefix is verified for the app in the developer portal (url_ownership_unverified otherwise); verify it, or upload the bytes instead';

/** Where a builder chain ends: the promise the helper returns takes these as they are. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Replaces one legacy upload request by a call to the generated two-step helper, in the same client.
 * Returns why it cannot, leaving the code untouched, when any part cannot be told safely.
 */
export function rewriteCallSite(context: CodemodContext, request: TikTokRequest): string | undefined {
  const client = clientOf(request, context);
  if (!client) return 'this upload goes through a function the codemod cannot see into: make it send the Content Posting init POST and then PUT the bytes to data.upload_url';
  const upload = UPLOAD_CLIENTS[client.kind];
  if (!upload) return `the ${client.kind} client is not rewritten yet: send the Content Posting init POST, then PUT the bytes to data.upload_url`;
  const end = request.chain.findIndex((call) => PROMISE_METHODS.has(calleeName(call) ?? ''));
  const builder = end === -1 ? request.chain : request.chain.slice(0, end);
  const extra = builder.filter((call) => !LEGACY_CHAIN_CALLS.has(calleeName(call) ?? ''));
  if (extra.length > 0) return `the request chain also calls .${calleeName(extra[0])}(), which the two-step upload would drop: port this upload by hand`;
  const carried = carryOptions(request, client.kind, context);
  if ('reason' in carried) return carried.reason;
  const token = extractToken(request, context);
  if (!token) return 'the access token of this upload cannot be found: send it as `Authorization: Bearer <token>` to the Content Posting init';
  const lookup = extractVideo(request, context);
  if ('reason' in lookup) return lookup.reason;
  const { video } = lookup;
  let videoArgument: string;
  if (video.kind === 'url') {
    videoArgument = video.expression;
  } else if (video.kind === 'file') {
    if (!isInAsyncFunction(request.call, context)) return 'the video is read from a file here, outside an async function: read it into bytes or a Blob first';
    const reader = upload.fileAs === 'blob' ? ensureNamedImport(context, 'node:fs', 'openAsBlob') : ensureNamedImport(context, 'node:fs/promises', 'readFile');
    videoArgument = `await ${reader}(${video.path})`;
  } else {
    videoArgument = video.expression;
  }
  const helper = insertUploadHelper(context, upload, video.kind === 'url');
  const target = builder.at(-1) ?? request.call;
  const call = `${helper}(${[client.client, token, videoArgument, carried.text].filter(Boolean).join(', ')})`;
  const replacement = context.j.template.expression([call]) as Node;
  context.pathOf(target).replace(replacement);
  removeDeadBindings(context, target);
  if (video.kind === 'url') context.todoAt(replacement, PULL_FROM_URL_CHECK, target);
  return undefined;
}

function isInAsyncFunction(node: Node, context: CodemodContext): boolean {
  for (const ancestor of context.index.ancestors(node)) if (isFunction(ancestor)) return !!ancestor.async;
  return context.index.program.sourceType === 'module';
}

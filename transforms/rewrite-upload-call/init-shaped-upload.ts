import { findingsOfRequest, type CodemodContext } from '../../src/codemod/context.js';
import { jsonBody } from '../../src/codemod/extract-video.js';
import { comparesStatusWord } from '../../src/codemod/error-object-tests.js';
import { replaceLiteral, urlLiteralOf } from '../../src/codemod/replace-literal.js';
import { requestHeaderValue } from '../../src/codemod/access-token-header.js';
import { badUploadUrlStep, uploadUrlSteps } from '../../src/codemod/upload-url-step.js';
import { INBOX_VIDEO_INIT } from '../../src/contract/index.js';
import { findProperty, isNumberLiteral, keyName, objectProperties, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { requestBodies, type TikTokRequest } from '../../src/detect/requests.js';

/**
 * `fetch('https://open-api.tiktok.com/share/video/upload/', { headers: { Authorization: \`Bearer …\` },
 * body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: n, chunk_size: n,
 * total_chunk_count: 1 } }) })`, then a PUT of the bytes to the answer's `upload_url`: the
 * Content Posting upload written out by hand, sent to the legacy URL (which never took JSON). What
 * is left is mechanical: the init's URL, and the PUT's Content-Range for its one chunk (§4.2, the
 * migration's recipe), which the function returns as edits; undefined when anything else differs
 * (a body with more than source_info, a token not already in a Bearer header, a second step that
 * posts a form, chunks of the code's own), and the request keeps its TODO.
 */
export function initShapedUpload(context: CodemodContext, request: TikTokRequest): (() => void) | undefined {
  if (findingsOfRequest(context, request).some((finding) => finding.ruleId === 'no-token-in-query')) return undefined;
  if (!sendsBearer(context, request) || comparesStatusWord(context, request)) return undefined;
  // The legacy URL as one string literal, written in the call or in a `const` only the call reads.
  const held = urlLiteralOf(context, request.urlArgument);
  const url = held?.otherReads === 0 ? held.literal : undefined;
  const size = oneChunkSize(context, request);
  if (!url || !size) return undefined;
  const steps = uploadUrlSteps(context, request);
  if (steps.length !== 1 || context.index.functionOf(steps[0]) !== context.index.functionOf(request.call)) return undefined;
  const wrong = badUploadUrlStep(context, steps);
  const headers = putHeaders(context, steps[0]);
  if (!headers || (wrong && !wrong.endsWith('without the Content-Range TikTok requires'))) return undefined;
  return () => {
    replaceLiteral(context, url, INBOX_VIDEO_INIT.url);
    if (!wrong) return;
    const { j } = context;
    const range = `\`bytes 0-\${${context.source(size)} - 1}/\${${context.source(size)}}\``;
    const text = context.source(headers);
    // `{ 'Content-Type': 'video/mp4' }` on one line stays on one; an object over lines takes the entry on its own line.
    const last = objectProperties(headers).at(-1);
    if (!text.includes('\n') && last?.value) {
      const key = context.quote === 'double' ? '"Content-Range"' : "'Content-Range'";
      context.followWith(last.value, `, ${key}: ${range}`);
    } else headers.properties.push(j.objectProperty(j.stringLiteral('Content-Range'), j.template.expression([range])));
  };
}

/** The request's options send `Authorization` with a Bearer token already (the init's header). */
function sendsBearer(context: CodemodContext, request: TikTokRequest): boolean {
  const authorization = requestHeaderValue(request, context, /^authorization$/i);
  return !!authorization && /^[`'"]Bearer /.test(context.source(authorization));
}

/**
 * The video's size, when the JSON body is source_info alone, FILE_UPLOAD in one chunk: `chunk_size`
 * written as `video_size` is and `total_chunk_count: 1`. The size is a name or a member read
 * (`params.videoFile.length`), read again in the PUT's Content-Range without effects.
 */
function oneChunkSize(context: CodemodContext, request: TikTokRequest): Node | undefined {
  // axios counts its data among the call's objects: the body is the one that sends source_info.
  const shaped = requestBodies(request, context.index)
    .map((body) => jsonBody(body, context))
    .filter((json): json is Node => !!json && !!findProperty(json, 'source_info'));
  const json = shaped.length === 1 ? shaped[0] : undefined;
  const keys = json && objectProperties(json).map((property) => keyName(property));
  if (!json || keys?.length !== 1 || keys[0] !== 'source_info') return undefined;
  const info = context.folder.objectOf(findProperty(json, 'source_info')!.value);
  const entries = info ? objectProperties(info) : [];
  const value = (key: string) => entries.find((entry) => keyName(entry) === key)?.value as Node | undefined;
  const [source, size, chunk, count] = ['source', 'video_size', 'chunk_size', 'total_chunk_count'].map(value);
  if (entries.length !== 4 || !source || !size || !chunk || !count || staticString(unwrap(source)) !== 'FILE_UPLOAD') return undefined;
  const one = unwrap(count);
  if (!isNumberLiteral(one) || one.value !== 1 || context.source(chunk) !== context.source(size)) return undefined;
  return isPlainRead(unwrap(size)) ? size : undefined;
}

/** `size`, `file.length`, `this.video.size`: a name and its members, nothing called or computed. */
function isPlainRead(node: Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  return (
    (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && isPlainRead(unwrap(node.object))
  );
}

/** The headers object written in the PUT's options, when it names the bytes' Content-Type. */
function putHeaders(context: CodemodContext, step: Node): Node | undefined {
  for (const argument of (step.arguments as Node[]).slice(1)) {
    const options = context.folder.objectOf(argument);
    const headers = options && findProperty(options, 'headers');
    const object = headers && unwrap(headers.value);
    if (object?.type !== 'ObjectExpression') continue;
    return objectProperties(object).some((entry) => keyName(entry)?.toLowerCase() === 'content-type') ? object : undefined;
  }
  return undefined;
}

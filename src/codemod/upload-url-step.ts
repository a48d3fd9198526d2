import { calleeName, findProperty, isCall, isMember, memberName, rangeOf, staticString, unwrap, type Node } from '../detect/ast.js';
import { returnedBy } from './answer-body.js';
import { calledFunction } from '../detect/taint.js';
import type { TikTokRequest } from '../detect/requests.js';
import { responseTaint } from '../detect/response-fields.js';
import type { CodemodContext } from './context.js';
import { quoted } from './todo.js';

/**
 * How a hand-written second step sends the bytes to the `upload_url` this request's answer gives,
 * when TikTok would refuse it: the upload URL takes a PUT of the bytes with `Content-Range` and
 * `Content-Type` (API-CONTRACT §4), not a multipart form or a POST. Undefined when no such step is
 * in sight or it looks right.
 */
export function badUploadUrlStep(context: CodemodContext, steps: readonly Node[]): string | undefined {
  for (const step of steps) {
    const reason = judgeStep(context, step);
    if (reason) return reason;
  }
  return undefined;
}

/**
 * `const clip = await axios.get(videoUrl, { responseType: 'arraybuffer' })`, then `axios.put(uploadUrl,
 * clip.data)`: the URL the bytes a second step sends were downloaded from, as written, when they were.
 * TikTok can pull that URL itself (PULL_FROM_URL), with no bytes to send.
 */
export function downloadedVideoUrl(context: CodemodContext, steps: readonly Node[]): string | undefined {
  for (const step of steps) {
    const [, body] = step.arguments as Node[];
    const value = body && unwrap(body);
    // `clip.data` of axios, or `clip` itself (a fetch's bytes read beside it are not followed).
    const holder = value && isMember(value) && memberName(value) === 'data' ? unwrap(value.object) : value;
    const binding = holder?.type === 'Identifier' ? context.index.resolve(holder) : undefined;
    let download = binding?.init && binding.path.length === 0 ? unwrap(binding.init) : undefined;
    if (download?.type === 'AwaitExpression') download = unwrap(download.argument);
    if (!download || !isCall(download) || calleeName(download) !== 'get' || !download.arguments[0]) continue;
    return context.source(download.arguments[0]);
  }
  return undefined;
}

/**
 * `const videoBuffer = await fs.readFile(videoPath)` below the request, then `axios.put(uploadUrl,
 * videoBuffer)`: the bytes a second step sends, read after the request whose init needs their size.
 * Their name, how they are read, and how their size is read (`.length` of a Buffer, `.size` of a
 * Blob, `.byteLength` of an ArrayBuffer); undefined for bytes read above it, or read otherwise.
 */
export function bytesReadAfter(
  context: CodemodContext,
  steps: readonly Node[],
  request: TikTokRequest,
): { name: string; read: string; size: string } | undefined {
  for (const step of steps) {
    const [, body] = step.arguments as Node[];
    const value = body && unwrap(body);
    const binding = value?.type === 'Identifier' ? context.index.resolve(value) : undefined;
    if (!binding?.init || binding.path.length > 0 || rangeOf(binding.id)[0] < rangeOf(request.call)[1]) continue;
    let read = unwrap(binding.init);
    if (read.type === 'AwaitExpression') read = unwrap(read.argument);
    const size = isCall(read) ? SIZE_OF_READ[calleeName(read) ?? ''] : undefined;
    if (size) return { name: value.name as string, read: context.source(read), size: `${value.name}.${size}` };
  }
  return undefined;
}

/** What a read gives, by its call's name, and that value's size. */
const SIZE_OF_READ: Record<string, string> = { readFile: 'length', readFileSync: 'length', blob: 'size', arrayBuffer: 'byteLength' };

/** The calls that send to the `upload_url` this request's answer gives: in sight, or in a function of the module handed it. */
export function uploadUrlSteps(context: CodemodContext, request: TikTokRequest): Node[] {
  const answer = responseTaint(context.index, [request]);
  const followed = new Set<Node>();
  const isUploadUrl = (node: Node): boolean => {
    const value = unwrap(node);
    if (isMember(value)) return memberName(value) === 'upload_url' && answer.has(value.object);
    if (value.type === 'AwaitExpression') return isUploadUrl(value.argument);
    // `const uploadUrl = await this.initializeUpload()`: a method of the module's own that returns it.
    if (isCall(value)) {
      const fn = calledFunction(context.index, value);
      if (!fn || followed.has(fn)) return false;
      followed.add(fn);
      return returnedBy(context, fn).some(isUploadUrl);
    }
    if (value.type !== 'Identifier') return false;
    const binding = context.index.resolve(value);
    if (!binding?.init) return false;
    return binding.path.length > 0 ? binding.path.at(-1) === 'upload_url' && answer.has(binding.init) : isUploadUrl(binding.init);
  };
  const steps: Node[] = [];
  const calls = context.index.ofType('CallExpression');
  for (const call of calls) {
    const [url] = call.arguments as Node[];
    if (!url || !isUploadUrl(url)) continue;
    steps.push(call);
    // `this.uploadChunks(init.data.upload_url, file)`: the module's own function sends the bytes.
    const fn = calledFunction(context.index, call);
    const param = fn?.params?.[0] as Node | undefined;
    if (param?.type !== 'Identifier') continue;
    const [from, to] = rangeOf(fn!);
    for (const inner of calls) {
      const first = (inner.arguments as Node[])[0];
      const value = first && unwrap(first);
      if (rangeOf(inner)[0] < from || rangeOf(inner)[1] > to || value?.type !== 'Identifier') continue;
      if (context.index.resolve(value)?.id === param) steps.push(inner);
    }
  }
  return steps;
}

/** What is wrong with one call sending the bytes to the upload URL (its first argument), if anything. */
function judgeStep(context: CodemodContext, call: Node): string | undefined {
  const rest = (call.arguments as Node[]).slice(1);
  const text = context.source(call);
  const options = rest.map((argument) => context.folder.objectOf(argument)).find((object) => object && findProperty(object, 'method'));
  const method = options ? staticString(findProperty(options, 'method')!.value)?.toUpperCase() : calleeName(call)?.toUpperCase();
  const multipart = rest.some((argument) => isForm(context, argument)) || /FormData|getHeaders\(\)|multipart/.test(text);
  // Named by its callee, so the person finds the call to change: `axios.post(…)` sends them in a POST.
  // With its first argument: the init request below may go through the same function (`fetch`).
  const first = (call.arguments as Node[])[0];
  const where = `\`${context.source(call.callee as Node)}(${first ? `${quoted(context.source(first), 40)}, ` : ''}…)\` sends them`;
  if (multipart) return `${where} as a multipart form, which TikTok does not take: the body is the raw bytes`;
  if (method === 'POST') return `${where} in a POST, which TikTok does not take: make it a PUT`;
  if (method === 'PUT' && !/content-range/i.test(text)) return `${where} without the Content-Range TikTok requires`;
  return undefined;
}

/** A FormData (or form-data) object, or an options object whose body is one. */
function isForm(context: CodemodContext, argument: Node): boolean {
  const value = unwrap(argument);
  const object = context.folder.objectOf(value);
  const body = object && (findProperty(object, 'body') ?? findProperty(object, 'data'));
  const candidate = body ? unwrap(body.value) : value;
  const init = candidate.type === 'Identifier' ? context.index.resolve(candidate)?.init : candidate;
  const created = init && unwrap(init);
  return created?.type === 'NewExpression' && created.callee.type === 'Identifier' && created.callee.name === 'FormData';
}

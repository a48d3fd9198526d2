import { clientOf } from './http-client.js';
import type { CodemodContext } from './context.js';
import { quoted } from './todo.js';
import { accessTokenHeader } from './access-token-header.js';
import {
  calleeName,
  hasUnlistedEntries,
  isCall,
  isFunction,
  isMember,
  isNullish,
  keyName,
  objectProperties,
  staticString,
  unwrap,
  type Node,
} from '../detect/ast.js';
import { foldedText } from '../detect/folded.js';
import { calledFunction } from '../detect/taint.js';
import { callsOnSameVariable, type TikTokRequest } from '../detect/requests.js';

/** How the request is written, by client: the call's shape, where its body goes, how the new one reads. */
type V1Style = 'fetch' | 'axios' | 'got' | 'ky' | 'superagent' | 'request' | 'undici-request' | 'xhr';

const STYLES: Readonly<Record<string, V1Style>> = {
  fetch: 'fetch',
  'node-fetch': 'fetch',
  'undici-fetch': 'fetch',
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  superagent: 'superagent',
  request: 'request',
  'request-promise': 'request',
  'undici-request': 'undici-request',
  xhr: 'xhr',
};

/** Options of the legacy request that only shaped it (its method, query, body): the new one sets its own. */
const REPLACED_OPTIONS = new Set([
  'method',
  'body',
  'headers',
  'params',
  'data',
  'url',
  'uri',
  'searchParams',
  'form',
  'json',
  'qs',
  'query',
  // request's `baseUrl` wants a relative `uri`; the new one is absolute.
  'baseUrl',
]);
/** Headers that only described the legacy body or answer: the new request sets its own. */
const BODY_HEADERS = /^(content-type|cache-control|accept)$/i;
/** superagent's calls that shape the request (its query, body, headers): the new request makes its own. */
const SUPERAGENT_SHAPING = new Set(['query', 'send', 'set', 'type', 'accept']);
/** superagent's calls that make a multipart body, which no token or Display API call sends. */
const SUPERAGENT_MULTIPART = new Set(['field', 'attach']);

export interface V1RequestParts {
  readonly style: V1Style;
  /** The callee, parentheses and casts aside: `fetch`, `axios.post`, `this.http.post`, `got.post`. */
  readonly callee: Node;
  /** The request options object, where the code writes one. */
  readonly options?: Node;
  readonly body?: Node;
  /** `axios({ url, method, params, data })`, `request({ uri, qs })`: the new call is written the same way. */
  readonly configCall?: boolean;
  /** superagent: the chained calls that shaped the legacy request (`.query()`, `.send()`, `.set()`). */
  readonly shaping?: readonly Node[];
  /** Headers set one by one, `(name, value)`: superagent's `.set()`, XMLHttpRequest's `setRequestHeader()`. */
  readonly headerCalls?: readonly Node[];
  /** XMLHttpRequest: the statement of `xhr.open(…)`, and the one `xhr.send(…)` of that request. */
  readonly xhr?: { readonly statement: Node; readonly send: Node };
  /** request: the `(err, response, body)` callback, handed on to the new call as it is. */
  readonly callback?: Node;
  /** request: the key the code gives the URL (`uri` or `url`), and whether it asked for the answer parsed (`json: true`). */
  readonly urlKey?: string;
  readonly parsesJson?: boolean;
}

/** The callee a request goes through, named as written (`needle`, `http.post`), when it is short enough to name. */
/** Jest's and Vitest's matchers of a mock's calls. */
const TEST_EXPECTATIONS = /^(?:toHaveBeen(?:Last|Nth)?CalledWith|toBeCalledWith|lastCalledWith|nthCalledWith)$/;

/**
 * `baseRequest({ url, method, query })` where `baseRequest` is a function of this module: its body
 * is in sight (it may JSON-encode every body, or put `query` in the URL), so the TODO points at it
 * rather than calling it a function out of sight.
 */
function ownWrapper(context: CodemodContext, request: TikTokRequest): { name: string; line: number } | undefined {
  // A function of the module, or `this.request(…)`, a method of the class around the call.
  const fn = calledFunction(context.index, request.call);
  return fn ? { name: context.source(unwrap(request.call.callee)), line: fn.loc?.start.line as number } : undefined;
}

function sentThrough(context: CodemodContext, request: TikTokRequest): string {
  const callee = unwrap(request.call.callee);
  const text = context.source(callee);
  return text.length <= 40 && !text.includes('\n') ? `\`${text}\`` : 'a function it cannot see into';
}

/**
 * What a v1 OAuth or user request is made of, in the clients its rewrites support (fetch, axios,
 * got, ky, superagent, request, request-promise, undici), or why it cannot be carried: another
 * client, or a URL the deployment may point elsewhere.
 */
export function v1RequestParts(context: CodemodContext, request: TikTokRequest, v2Url: string): V1RequestParts | { reason: string } {
  const client = clientOf(request, context);
  const style = client && STYLES[client.kind];
  // `expect(mockFetch).toHaveBeenCalledWith('…/oauth/refresh_token/', …)`: a test's picture of the call.
  const matcher = calleeName(request.call);
  if (!style && matcher && TEST_EXPECTATIONS.test(matcher))
    return {
      reason: `it is a test's expectation of the call (\`${matcher}\`), not the call: it changes with the code under test, to the v2 request that code sends once migrated`,
    };
  const wrapper = !style && !client ? ownWrapper(context, request) : undefined;
  if (wrapper)
    return {
      reason: `this request goes through \`${wrapper.name}\`, this module's own wrapper (line ${wrapper.line}), whose calls the codemod does not rewrite: write this call with the client the wrapper uses, or change the wrapper so it can`,
    };
  if (!style)
    return {
      reason: `this request goes through ${client?.kind ?? sentThrough(context, request)}, which the codemod cannot see into or rewrite (it rewrites calls of fetch, axios, got, ky, superagent, request, undici and XMLHttpRequest)`,
    };
  // `process.env.TIKTOK_TOKEN_ENDPOINT ?? '…/oauth/refresh_token/'`: the deployment may point it elsewhere.
  const override = urlOverride(context, request);
  if (override)
    return {
      reason: `its URL can be set elsewhere (\`${quoted(context.source(override), 80)}\`): point that at ${v2Url} too, and port the call by hand`,
    };
  const callee = unwrap(request.call.callee);
  const method = calleeName(request.call);
  if (style === 'request') return requestParts(context, request, callee);
  if (style === 'xhr') return xhrParts(context, request, callee);
  // `axios({ url: '…', method: 'post', params: { … } })`: one config object holds it all, as it
  // does for `axios.request(config)`, the same call.
  const whole =
    style === 'axios' && (!isMember(callee) || method === 'request') && request.call.arguments.length === 1
      ? context.folder.objectOf(request.call.arguments[0])
      : undefined;
  if (whole && objectProperties(whole).some((property) => keyName(property) === 'url')) {
    const data = objectProperties(whole).find((property) => keyName(property) === 'data')?.value;
    return { style, callee, options: whole, body: data && !isNullish(data) ? data : undefined, configCall: true };
  }
  if (!['fetch', 'undici-request'].includes(style) && (!isMember(callee) || !['post', 'get'].includes(method ?? '')))
    return {
      reason: `it is sent with \`${quoted(context.source(callee).replace(/\s+/g, ''), 40)}(…)\`, and the codemod rewrites ${client.kind}'s \`.get()\` and \`.post()\` calls${style === 'axios' ? ' and `axios(config)` or `axios.request(config)`' : ''}`,
    };
  // got's and ky's `prefixUrl` is put before any URL string, an absolute one too: the instance cannot send the v2 call.
  if ((style === 'got' || style === 'ky') && !/^https?:\/\//i.test(foldedText(context.folder.fold(request.urlArgument))))
    return {
      reason: `its ${client.kind} instance puts its prefixUrl before every URL, the v2 one too: send it with ${client.kind} itself (carrying the instance's options), or an instance without prefixUrl`,
    };
  if (style === 'superagent') return superagentParts(request, callee);
  if (style === 'axios') {
    const config = request.call.arguments[method === 'post' ? 2 : 1];
    const data = method === 'post' ? request.call.arguments[1] : undefined;
    return { style, callee, options: config && context.folder.objectOf(config), body: data && !isNullish(data) ? data : undefined };
  }
  const config = request.call.arguments[1];
  const options = config ? context.folder.objectOf(config) : undefined;
  // fetch, ky and undici send `body`; got and ky also take `json` and `form` objects.
  const body = options && objectProperties(options).find((property) => ['body', 'json', 'form'].includes(keyName(property) ?? ''))?.value;
  return { style, callee, options, body };
}

/**
 * The `a ?? b` or `a ? b : c` a part of the URL before its query comes from: a value the deployment
 * may set (`process.env.TIKTOK_TOKEN_URL ?? '…'`). One in a query value (`?client_key=${KEY}` where
 * `KEY = process.env.X ?? ''`) is only that value's default.
 */
function urlOverride(context: CodemodContext, request: TikTokRequest): Node | undefined {
  for (const piece of request.url.pieces) {
    let node: Node | undefined = piece.node;
    for (let depth = 0; node && depth < 8; depth++, node = context.index.parent(node))
      if ((node.type === 'LogicalExpression' || node.type === 'ConditionalExpression') && request.trace.has(node)) return node;
    if (piece.text?.includes('?')) return undefined;
  }
  return undefined;
}

/** `superagent.post(url).query({ … }).send({ … })`: the query and body come in chained calls. */
function superagentParts(request: TikTokRequest, callee: Node): V1RequestParts | { reason: string } {
  // Calls after a `.then()` or `.end()` act on the answer, not the request.
  const links: Node[] = [];
  for (const link of request.chain) {
    const name = calleeName(link) ?? '';
    if (SUPERAGENT_MULTIPART.has(name))
      return { reason: `it sends a multipart body (\`.${name}()\`), which the v2 endpoint does not take` };
    if (['then', 'end', 'catch', 'finally'].includes(name)) break;
    if (SUPERAGENT_SHAPING.has(name)) links.push(link);
  }
  const sends = links.filter((link) => calleeName(link) === 'send');
  if (sends.length > 1 || sends.some((send) => send.arguments.length !== 1))
    return { reason: 'its body is sent in several `.send()` calls' };
  const headerCalls = links.filter((link) => calleeName(link) === 'set');
  return { style: 'superagent', callee, body: sends[0]?.arguments[0], shaping: links, headerCalls };
}

/** `xhr.open('POST', url)`, its `xhr.setRequestHeader(…)` statements and its one `xhr.send(body)`. */
function xhrParts(context: CodemodContext, request: TikTokRequest, callee: Node): V1RequestParts | { reason: string } {
  const receiver = request.receiver!;
  const statement = context.index.parent(request.call);
  if (statement?.type !== 'ExpressionStatement') return { reason: 'its `open()` is not a statement of its own' };
  const sends = callsOnSameVariable(receiver, 'send', context.index);
  if (sends.length !== 1 || sends[0].arguments.length > 1) return { reason: 'its XMLHttpRequest is sent from more than one place' };
  const headerCalls = callsOnSameVariable(receiver, 'setRequestHeader', context.index);
  if (headerCalls.some((call) => context.index.parent(call)?.type !== 'ExpressionStatement'))
    return { reason: 'its `setRequestHeader()` calls are not statements of their own' };
  return { style: 'xhr', callee, body: sends[0].arguments[0], headerCalls, xhr: { statement, send: sends[0] } };
}

/**
 * `request.post({ uri, qs, json: true }, (err, response, body) => …)`, `rp({ method, url, form })`,
 * `request.get(url, options, callback)`: the URL first or in the options, the callback last.
 */
function requestParts(context: CodemodContext, request: TikTokRequest, callee: Node): V1RequestParts | { reason: string } {
  const method = calleeName(request.call);
  if (isMember(callee) && !['post', 'get'].includes(method ?? ''))
    return { reason: `the request call is \`.${method}()\`, not \`.post()\` or \`.get()\`` };
  const args = [...request.call.arguments];
  const last = args.at(-1);
  const callback = last && isFunction(unwrap(last)) ? args.pop() : undefined;
  // request without a callback gives a stream, which the code reads its own way; request-promise gives a promise.
  if (!callback && clientOf(request, context)?.kind === 'request')
    return { reason: 'the request call has no callback, and the code reads its stream its own way' };
  const objects = args.map((arg) => context.folder.objectOf(arg));
  if (args.length > 2 || objects.filter(Boolean).length > 1 || (args.length === 2 && !objects[1]))
    return { reason: 'its request arguments are not a URL and an options object' };
  const options = objects.find(Boolean);
  const property = (name: string) => options && objectProperties(options).find((entry) => keyName(entry) === name);
  const json = property('json');
  const parsesJson = json !== undefined && unwrap(json.value).value === true;
  // `json: { … }` is a body; `json: true` only asks for the answer parsed.
  const body = property('body')?.value ?? property('form')?.value ?? (json && !parsesJson ? json.value : undefined);
  return {
    style: 'request',
    callee,
    options,
    body,
    callback,
    configCall: args.length === 1 && !!options,
    urlKey: property('uri') ? 'uri' : 'url',
    parsesJson,
  };
}

/**
 * `headers: this.getHeaders()` of a function of the module's own that only returns an object literal
 * (`return { 'Content-Type': 'application/json' }`): the headers it gives, as written there.
 */
function returnedObject(context: CodemodContext, value: Node): Node | undefined {
  const call = unwrap(value);
  const fn = isCall(call) && call.arguments.length === 0 ? calledFunction(context.index, call) : undefined;
  const body = fn?.body as Node | undefined;
  if (!body) return undefined;
  if (body.type === 'ObjectExpression') return body;
  const only = body.type === 'BlockStatement' && body.body.length === 1 ? (body.body[0] as Node) : undefined;
  const returned = only?.type === 'ReturnStatement' && only.argument ? unwrap(only.argument) : undefined;
  return returned?.type === 'ObjectExpression' ? returned : undefined;
}

/**
 * The request's other options (a timeout, a signal), carried over as they are; headers only when they
 * described the body or the answer (and, with `withAuthorization`, carried the token the new request
 * sends itself).
 */
export function carriedOptions(
  context: CodemodContext,
  parts: V1RequestParts,
  withAuthorization = false,
): { entries?: readonly string[] } | { reason: string } {
  const sendsOnly = (name: string | undefined) =>
    name !== undefined && (BODY_HEADERS.test(name) || (withAuthorization && TOKEN_HEADER.test(name)));
  const ownHeaders = { reason: 'its request sends headers of its own, which the codemod does not carry over' };
  for (const link of parts.headerCalls ?? []) {
    const [name] = link.arguments;
    const object = name && context.folder.objectOf(name);
    const names = object && !hasUnlistedEntries(object) ? objectProperties(object).map((header) => keyName(header)) : [staticString(name)];
    if (!names.every(sendsOnly)) return ownHeaders;
  }
  if (!parts.options) return {};
  // A spread (`...FETCH_DEFAULTS`) or a method carries settings out of sight: the v2 call would drop them.
  if (hasUnlistedEntries(parts.options)) return { reason: 'its request options use a spread or a computed key' };
  const kept: string[] = [];
  for (const property of objectProperties(parts.options)) {
    const key = keyName(property);
    if (key === undefined) return { reason: 'its request options use a spread or a computed key' };
    if (key === 'headers') {
      const headers = context.folder.objectOf(property.value) ?? returnedObject(context, property.value);
      const names = headers && !hasUnlistedEntries(headers) ? objectProperties(headers).map((header) => keyName(header)) : [undefined];
      if (!names.every(sendsOnly)) return ownHeaders;
      continue;
    }
    if (REPLACED_OPTIONS.has(key)) continue;
    kept.push(context.source(property));
  }
  return { entries: kept };
}

/** Headers that carry the token: `Authorization`, and `Access-Token` as TikTok's Business API takes it. */
const TOKEN_HEADER = /^(authorization|access-token)$/i;

/**
 * The token of an `Authorization: Bearer …` header the legacy request already sent (a half-migrated
 * call), or of an `Access-Token` header (the Business API's habit, which the v1 API never read).
 */
export function bearerTokenIn(context: CodemodContext, parts: V1RequestParts): Node | undefined {
  const headers = parts.options && objectProperties(parts.options).find((property) => keyName(property) === 'headers');
  const object = headers && context.folder.objectOf(headers.value);
  const accessToken = object && accessTokenHeader(object);
  if (accessToken) return accessToken.value;
  const authorization = object && objectProperties(object).find((property) => /^authorization$/i.test(keyName(property) ?? ''));
  // superagent's `.set('Authorization', \`Bearer ${token}\`)`, XMLHttpRequest's `setRequestHeader(…)`.
  const set = parts.headerCalls?.find(
    (link) => link.arguments.length === 2 && /^authorization$/i.test(staticString(link.arguments[0]) ?? ''),
  );
  const value = authorization ? unwrap(authorization.value) : set && unwrap(set.arguments[1]);
  if (value?.type === 'TemplateLiteral' && value.expressions.length === 1 && value.quasis[1].value.raw === '')
    return /^Bearer\s+$/.test(value.quasis[0].value.raw) ? value.expressions[0] : undefined;
  if (value?.type === 'BinaryExpression' && value.operator === '+' && /^Bearer\s+$/.test(staticString(value.left) ?? ''))
    return value.right;
  return undefined;
}

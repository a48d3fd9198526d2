import { calleeName, findProperty, isCall, isIdentifier, isMember, keyName, objectProperties, unwrap, type Node } from './ast.js';
import { classifyUrl, type UrlMatch } from './classify-url.js';
import { handsInConfig, sendsHandedInConfig } from './handed-in-config.js';
import type { ModuleIndex } from './module-index.js';
import { foldedText, HOLE, joinUrl, type Folded } from './folded.js';
import { BASE_OPTIONS, INSTANCE_BASE_KEY, instanceConfigBase, type ValueFolder } from './static-value.js';

/** A call that sends something to a TikTok API host, whatever the HTTP client. */
export interface TikTokRequest {
  readonly call: Node;
  readonly url: Folded;
  readonly match: UrlMatch;
  /** Every node folded to build the URL: tells which literals and constants it came from. */
  readonly trace: ReadonlySet<Node>;
  /** The URL argument itself (a `new URL` object may be edited through it: `url.searchParams.set`). */
  readonly urlArgument: Node;
  /** Object literals passed as options (fetch init, axios config, got options, request options). */
  readonly options: readonly Node[];
  /** Calls chained on the request (superagent: `.query()`, `.attach()`, `.send()`). */
  readonly chain: readonly Node[];
  /** The object a method was called on: the XHR of `xhr.open`, the form of `form.submit`. */
  readonly receiver?: Node;
}

/** Options that carry the URL in the clients we know (axios, got, ky, request, undici, Node's http). */
const URL_OPTIONS = ['url', 'uri', 'href', 'endpoint'];

/** Calls that take a URL without sending anything. */
const NOT_REQUESTS = new Set([
  'URL',
  'URLSearchParams',
  'String',
  'encodeURI',
  'encodeURIComponent',
  'decodeURI',
  'decodeURIComponent',
  'require',
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'stringify',
  'parse',
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'replace',
  'replaceAll',
  'split',
  'match',
  'test',
  'exec',
  'concat',
  'toString',
  'set',
  'append',
  'get',
  'has',
  'create',
  'extend',
  'push',
  'add',
]);

/** Packages whose `.get(url)` sends a request (a Map's or a URLSearchParams' `.get` reads a value). */
const HTTP_LIBRARIES = new Set(['axios', 'got', 'ky', 'superagent', 'request', 'request-promise', 'request-promise-native', 'needle']);

export function isHttpLibraryCall(call: Node, folder: ValueFolder): boolean {
  const library = call.type === 'NewExpression' ? undefined : folder.libraryOf(call);
  return library !== undefined && HTTP_LIBRARIES.has(library);
}

/** `axios.get(…)` of a page that loads axios with a <script> tag: the global `axios`, bound nowhere in the module. */
function isGlobalAxios(call: Node, index: ModuleIndex): boolean {
  const callee = unwrap(call.callee);
  const receiver = isMember(callee) ? unwrap(callee.object) : undefined;
  return receiver?.type === 'Identifier' && receiver.name === 'axios' && !index.resolve(receiver);
}

/** `tiktok.get('/video/list/')` where `tiktok` is an HTTP client instance with a base URL (here or imported). */
function isInstanceCall(call: Node, folder: ValueFolder): boolean {
  const callee = unwrap(call.callee);
  return isMember(callee) && instanceBase(callee.object, folder) !== undefined;
}

/**
 * Packages whose calls declare what a test answers to a URL (`rest.post(url, resolver)` of msw,
 * `nock(base).post(path)`): a mock matches the URL, it sends nothing. Its URL is reported as a URL.
 */
const MOCK_LIBRARIES = new Set(['msw', 'nock', 'fetch-mock', 'axios-mock-adapter']);

/** A call of a mock library ({@link MOCK_LIBRARIES}): it declares an answer, and sends nothing. */
export function isMockCall(call: Node, folder: ValueFolder): boolean {
  return call.type !== 'NewExpression' && MOCK_LIBRARIES.has(folder.libraryOf(call) ?? '');
}

/** Finds every request to a TikTok API host in a module. */
export function findTikTokRequests(index: ModuleIndex, folder: ValueFolder): TikTokRequest[] {
  const requests: TikTokRequest[] = [];
  for (const call of [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression'), ...index.ofType('NewExpression')]) {
    if (isMockCall(call, folder)) continue;
    const name = calleeName(call);
    if (
      name &&
      NOT_REQUESTS.has(name) &&
      !(name === 'get' && (isHttpLibraryCall(call, folder) || isInstanceCall(call, folder) || isGlobalAxios(call, index)))
    )
      continue;
    const request = requestOf(call, index, folder);
    if (request) requests.push(request);
  }
  return requests;
}

/**
 * The base URLs of client instances that send configs handed in (see `sendsHandedInConfig`): the
 * base is where such requests are seen, so a retired one is reported where it is written.
 */
export function basesOfHandedInConfigs(index: ModuleIndex, folder: ValueFolder): Set<Node> {
  const nodes = new Set<Node>();
  for (const call of [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')]) {
    if (!handsInConfig(call, index)) continue;
    const { base, instanceCalled } = clientOf(call, folder);
    if (!base || !sendsHandedInConfig(call, index, instanceCalled)) continue;
    for (const node of base.trace) nodes.add(node);
  }
  return nodes;
}

/**
 * The client instance a call goes through, by its base URL: `api.post(…)` on an instance, or the
 * instance called itself (`api(config)`, `this.client(config)`: `instanceCalled`).
 */
function clientOf(call: Node, folder: ValueFolder): { base?: { url: Folded; trace: Set<Node> }; instanceCalled: boolean } {
  const callee = unwrap(call.callee);
  const methodBase = instanceBase(isMember(callee) ? callee.object : callee, folder);
  const base = methodBase ?? (isMember(callee) ? instanceBase(callee, folder) : undefined);
  return { base, instanceCalled: !isMember(callee) || !methodBase };
}

function requestOf(call: Node, index: ModuleIndex, folder: ValueFolder): TikTokRequest | undefined {
  const callee = unwrap(call.callee);
  const { base, instanceCalled } = clientOf(call, folder);
  // A retry or a pass-through sends a config built elsewhere: that request is the site (and the base).
  if (base && sendsHandedInConfig(call, index, instanceCalled)) return undefined;
  const options: Node[] = [];
  for (const arg of call.arguments) {
    const object = arg.type === 'SpreadElement' ? undefined : folder.objectOf(arg);
    if (object) options.push(object);
  }
  for (const [i, arg] of call.arguments.entries()) {
    if (arg.type === 'SpreadElement') continue;
    const trace = new Set<Node>();
    let url: Folded | undefined;
    let urlArgument = arg;
    const object = folder.objectOf(arg, trace);
    if (object) {
      const found = urlFromOptions(object, folder, trace);
      if (!found) continue;
      [url, urlArgument] = found;
    } else {
      url = folder.fold(arg, trace);
    }
    if (base && i === 0) url = joinUrl(base.url, url);
    const match = classifyUrl(foldedText(url));
    if (!match) continue;
    if (base) for (const node of base.trace) trace.add(node);
    return {
      call,
      url,
      match,
      trace,
      urlArgument,
      options,
      chain: chainedCalls(call, index),
      receiver: isMember(callee) && (calleeName(call) === 'open' || calleeName(call) === 'submit') ? unwrap(callee.object) : undefined,
    };
  }
  return undefined;
}

function urlFromOptions(object: Node, folder: ValueFolder, trace: Set<Node>): [Folded, Node] | undefined {
  const urlProperty = URL_OPTIONS.map((name) => findProperty(object, name)).find(Boolean);
  const baseProperty = BASE_OPTIONS.map((name) => findProperty(object, name)).find(Boolean);
  const host = findProperty(object, 'host') ?? findProperty(object, 'hostname');
  if (urlProperty) {
    const url = folder.fold(urlProperty.value, trace);
    return [baseProperty ? joinUrl(folder.fold(baseProperty.value, trace), url) : url, urlProperty.value];
  }
  if (host) {
    // Node's http.request / form-data's submit({ host, path }).
    const path = findProperty(object, 'path');
    const origin = folder.fold(host.value, trace);
    const withScheme: Folded = { pieces: [{ text: 'https://', node: host.value }, ...origin.pieces], viaUrlRef: origin.viaUrlRef };
    return [path ? joinUrl(withScheme, folder.fold(path.value, trace)) : withScheme, host.value];
  }
  return undefined;
}

/** The base URL of an HTTP client instance: `axios.create({ baseURL })`, `got.extend({ prefixUrl })`, `ky.create(…)`. */
function instanceBase(receiver: Node, folder: ValueFolder): { url: Folded; trace: Set<Node> } | undefined {
  const trace = new Set<Node>();
  const value = folder.valueNode(receiver, trace);
  const base = value && (isCall(value) || value.type === 'NewExpression') ? instanceConfigBase(value, folder, trace) : undefined;
  if (base) return { url: folder.fold(base, trace), trace };
  const imported = folder.importedValue(receiver);
  const text = imported && typeof imported === 'object' ? imported[INSTANCE_BASE_KEY] : undefined;
  if (typeof text !== 'string') return undefined;
  const pieces = text
    .split(HOLE)
    .flatMap((part, i) => (i === 0 ? [{ text: part, node: receiver }] : [{ node: receiver }, { text: part, node: receiver }]));
  return { url: { pieces, viaUrlRef: false }, trace };
}

/** `superagent.post(url).query(…).attach(…)`: the calls made on the request builder. */
function chainedCalls(call: Node, index: ModuleIndex): Node[] {
  const chain: Node[] = [];
  let current = call;
  for (;;) {
    const member = index.parent(current);
    if (!member || !isMember(member) || member.object !== current) break;
    const next = index.parent(member);
    if (!next || !isCall(next) || next.callee !== member) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** Calls `receiver.method(…)` made on the same variable as `receiver` (e.g. `xhr.send(form)` after `xhr.open`). */
export function callsOnSameVariable(receiver: Node, method: string, index: ModuleIndex): Node[] {
  if (receiver.type !== 'Identifier') return [];
  const binding = index.resolve(receiver);
  return [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')].filter((call) => {
    const callee = unwrap(call.callee);
    if (!isMember(callee) || calleeName(call) !== method) return false;
    const object = unwrap(callee.object);
    return isIdentifier(object, receiver.name) && index.resolve(object) === binding;
  });
}

/** The calls that put a field into a FormData held in `form`: `append`, and `set`, which FormData has too. */
export function formFieldCalls(form: Node, index: ModuleIndex): Node[] {
  return [...callsOnSameVariable(form, 'append', index), ...callsOnSameVariable(form, 'set', index)];
}

/** The expressions a request may send as its body, whatever the client calls them. */
export function requestBodies(request: TikTokRequest, index: ModuleIndex): Node[] {
  const bodies: Node[] = [];
  const call = request.call;
  // Every argument but the URL: axios' `data` may be an object literal like the options are.
  for (const arg of call.arguments) if (arg !== request.urlArgument) bodies.push(arg);
  for (const object of request.options) {
    for (const property of objectProperties(object)) {
      if (['body', 'data', 'formData', 'form', 'json', 'files', 'multipart'].includes(keyName(property) ?? '')) bodies.push(property.value);
    }
  }
  for (const chained of request.chain) if (calleeName(chained) === 'send') bodies.push(...chained.arguments);
  if (request.receiver && calleeName(call) === 'open') {
    for (const send of callsOnSameVariable(request.receiver, 'send', index)) bodies.push(...send.arguments);
  }
  if (request.receiver && calleeName(call) === 'submit') bodies.push(request.receiver);
  for (const body of [...bodies]) {
    const form = encodedForm(body, index);
    if (form) bodies.push(form);
  }
  return bodies;
}

/**
 * `Readable.from(encoder)`, `encoder.encode()` or `encoder` itself, of `new FormDataEncoder(form)`
 * (form-data-encoder, with formdata-node's FormData): the form it sends.
 */
function encodedForm(body: Node, index: ModuleIndex): Node | undefined {
  let node = unwrap(body);
  if (isCall(node) && calleeName(node) === 'from' && node.arguments.length === 1) node = unwrap(node.arguments[0]);
  if (isCall(node) && calleeName(node) === 'encode' && isMember(node.callee)) node = unwrap(node.callee.object);
  if (node.type === 'Identifier') {
    const binding = index.resolve(node);
    if (binding?.init && binding.path.length === 0) node = unwrap(binding.init);
  }
  return node.type === 'NewExpression' && isIdentifier(node.callee, 'FormDataEncoder') && node.arguments[0]
    ? unwrap(node.arguments[0])
    : undefined;
}

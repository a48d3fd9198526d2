import { USER_INFO_BASIC_FIELDS, V2_USER_FIELDS } from '../../src/contract/index.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { isTruthinessTest } from '../../src/codemod/rewrite-field-read.js';
import type { ParamValue } from '../../src/codemod/request-params.js';
import { calleeName, isCall, isFunction, isMember, keyName, memberName, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { isExported } from '../../src/detect/endpoints.js';
import { calledFunction, callsOf } from '../../src/detect/taint.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import type { Taint } from '../../src/detect/taint.js';

export type RequestedFields = { readonly names: readonly string[] } | { readonly reason: string };

/**
 * The fields a v2 Display API call asks for (§2.8: it answers only those named in the query): the
 * legacy request's `fields`, written as a list of names or a comma-separated string; without one,
 * the fields the code reads of the answer's `data.<readFieldsOf>` (v1 answered a default set then).
 */
export function requestedFields(
  context: CodemodContext,
  request: TikTokRequest,
  param: ParamValue | undefined,
  readFieldsOf: string | undefined,
): RequestedFields {
  if (param) {
    const names = 'text' in param ? splitNames(param.text) : 'node' in param ? namesIn(context, param.node) : undefined;
    return names && names.length > 0 ? { names } : { reason: 'its `fields` are not a list of names written here' };
  }
  if (!readFieldsOf) return { reason: 'it names no `fields`, and v2 answers only the fields named in its query' };
  const names = fieldsReadUnder(context, responseTaint(context.index, [request]), readFieldsOf);
  if (!names)
    return {
      reason: `the code hands \`data.${readFieldsOf}\` on whole, so the fields it needs cannot be told: name them in a \`fields\` list`,
    };
  // A connection check (`return response.ok`): the answer's body is never read, and open_id is the least to ask for.
  if (names.size === 0 && bodyUnread(context, request)) return { names: ['open_id'] };
  if (names.size === 0)
    return {
      reason: `neither a \`fields\` list nor a read of \`data.${readFieldsOf}\` here says which fields it needs${readFieldsOf === 'user' ? ` (user.info.basic answers ${USER_INFO_BASIC_FIELDS.join(', ')})` : ''}`,
    };
  return { names: [...names] };
}

/**
 * The fields read of `<answer>.data.<level>` (`body.data.user.open_id`, destructured, or through a
 * name given to it), the answer being what `taint` follows; undefined when that level is handed on whole.
 */
export function fieldsReadUnder(context: CodemodContext, taint: Taint, level: string): Set<string> | undefined {
  const names = new Set<string>();
  for (const member of levelReads(context, taint, level)) {
    const read = level === LIST_LEVEL ? elementFieldsRead(context, member) : fieldsRead(context, member);
    if (!read) return undefined;
    for (const name of read) names.add(name);
  }
  return names;
}

/**
 * `body.data?.video` of a video query that asks for one id: a `video` neither v1 nor v2 answered (both
 * answer the list `data.videos`), so what is read of it names the fields, and each read becomes the
 * list's first video. Undefined when nothing reads a `video` of the answer's `data`.
 */
export function singleVideoReads(
  context: CodemodContext,
  request: TikTokRequest,
): { names: string[]; edits: (() => void)[] } | { reason: string } | undefined {
  const names = new Set<string>();
  const edits: (() => void)[] = [];
  for (const member of levelReads(context, responseTaint(context.index, [request]), 'video')) {
    const read = fieldsRead(context, member);
    if (!read)
      return {
        reason: "the code hands the answer's `data.video` on whole, so the fields it needs cannot be told: name them in a `fields` list",
      };
    for (const name of read) names.add(name);
    const first = member.optional || member.type === 'OptionalMemberExpression' ? '?.[0]' : '[0]';
    const dot = member.optional ? '?.' : '.';
    edits.push(() =>
      context.pathOf(member).replace(context.j.template.expression([`${context.source(member.object)}${dot}videos${first}`])),
    );
  }
  if (edits.length === 0) return undefined;
  if (names.size === 0) return { reason: 'neither a `fields` list nor a read of the video it asks for says which fields it needs' };
  return { names: [...names], edits };
}

/**
 * What is read of each video of `<answer>.data.video_list` (`video_list[0].title`), the list read
 * under a name no answer had; undefined when nothing reads it. Empty when the list is handed on whole.
 */
export function misnamedListFields(context: CodemodContext, request: TikTokRequest): string[] | undefined {
  const reads = levelReads(context, responseTaint(context.index, [request]), 'video_list');
  if (reads.length === 0) return undefined;
  const names = new Set<string>();
  for (const member of reads) for (const name of elementFieldsRead(context, member) ?? []) names.add(name);
  return [...names];
}

/** The reads `<answer>.data.<level>` (`body.data.user`, `res.data.data?.videos`), the answer being what `taint` follows. */
function levelReads(context: CodemodContext, taint: Taint, level: string): Node[] {
  return [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].filter((member) => {
    if (memberName(member) !== level) return false;
    const holder = unwrap(member.object);
    // `const _data = userInfo.data; _data.user.open_id`: the answer's `data` in a name of its own.
    const binding = holder.type === 'Identifier' ? context.index.resolve(holder) : undefined;
    const named = binding?.init && binding.path.length === 0 && binding.assignments.length === 0 ? unwrap(binding.init) : undefined;
    const data = named ?? holder;
    return isMember(data) && memberName(data) === 'data' && taint.has(data.object);
  });
}

/** The video list's answer: `data.videos`, read a video at a time. */
export const LIST_LEVEL = 'videos';

/** Array methods whose callback is handed each video in turn. */
const ITERATORS = new Set(['map', 'forEach', 'filter', 'find', 'some', 'every', 'flatMap']);

/**
 * What is read of each video of `data.videos`: through `videos.map((video) => video.id)` and its
 * kin, `videos[0].id`, or `for (const video of videos)`; none for `videos.length` or a truth test;
 * through a list made of its videos (`videos.slice(0, 10)`, `.filter(…)`, `.sort(…)`: the callback's
 * reads and the new list's), `reduce`'s second parameter, a name given to the list, or a function
 * of the module it is handed to (`summarize(data.videos || [])`); undefined when the list or a video
 * is handed on whole.
 */
function elementFieldsRead(context: CodemodContext, list: Node): string[] | undefined {
  const { value, parent } = pastFallbacks(context, list);
  if (isTruthinessTest(context, value)) return [];
  if (parent?.type === 'ForOfStatement' && parent.right === value) {
    const declarator = parent.left.type === 'VariableDeclaration' ? parent.left.declarations[0] : undefined;
    return declarator ? readsOfName(context, declarator.id) : undefined;
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier')
    return listNameReads(context, parent.id);
  if (parent && isCall(parent) && parent.callee !== value) return withOwnFunction(() => listArgumentReads(context, parent, value));
  if (!parent || !isMember(parent) || parent.object !== value) return undefined;
  if (parent.computed && parent.property.type === 'NumericLiteral') return fieldsRead(context, parent);
  const name = memberName(parent);
  if (name === 'length') return [];
  const call = context.index.parent(parent);
  if (!name || call?.type !== 'CallExpression' || call.callee !== parent) return undefined;
  const callback = call.arguments[0] && isFunction(call.arguments[0]) ? call.arguments[0] : undefined;
  const paramReads = (position: number) => {
    const param = callback?.params[position] as Node | undefined;
    return param ? readsOfName(context, param) : undefined;
  };
  if (name === 'reduce') return paramReads(1);
  if (LIST_MADE_OF_ITS_VIDEOS.has(name)) {
    const compared = name === 'sort' && callback ? [paramReads(0), paramReads(1)] : name === 'filter' ? [paramReads(0)] : [];
    const reads = [...compared, elementFieldsRead(context, call)];
    return allRead(reads);
  }
  // `videos.find((video) => …)`: a video, read as any other.
  if (name === 'find') {
    const reads = [paramReads(0), fieldsRead(context, call)];
    return allRead(reads);
  }
  return ITERATORS.has(name) ? paramReads(0) : undefined;
}

/** Array methods whose result is a list of the same videos (`sort` and `reverse` give the list itself). */
const LIST_MADE_OF_ITS_VIDEOS = new Set(['slice', 'filter', 'sort', 'reverse']);

/** `const videos = body.data.videos`: what is read of each video through that name. */
function listNameReads(context: CodemodContext, id: Node): string[] | undefined {
  const binding = context.index.resolve(id);
  if (!binding || binding.assignments.length > 0) return undefined;
  const reads = context.index.referencesOf(binding).map((reference) => elementFieldsRead(context, reference));
  return allRead(reads);
}

/** `summarize(profile, data.videos || [])`: what the module's own function reads of each video of its parameter. */
function listArgumentReads(context: CodemodContext, call: Node, list: Node): string[] | undefined {
  const param = ownParameterOf(context, call, list);
  return param?.type === 'Identifier' ? listNameReads(context, param) : undefined;
}

/**
 * What is read of a value through the name it is given (a declared name, a callback's parameter, a
 * `for … of` name): the keys it destructures, or the fields read of the name; undefined when the
 * name is assigned again or the value is handed on whole.
 */
function readsOfName(context: CodemodContext, id: Node): string[] | undefined {
  if (id.type === 'ObjectPattern') {
    const names = (id.properties as Node[]).map((property) => (property.type === 'RestElement' ? undefined : keyName(property)));
    return names.every((name) => name !== undefined) ? names : undefined;
  }
  if (id.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(id);
  if (!binding || binding.assignments.length > 0) return undefined;
  const reads = context.index.referencesOf(binding).map((identifier) => fieldsRead(context, identifier, true));
  return allRead(reads);
}

/**
 * `user.display_name` → [display_name]; `const { open_id, avatar_url } = …user` → both; a truth test
 * (`if (data.data?.user)`) → none; `const user = data.data.user` → what is read of `user` so;
 * anything else (the object handed on whole) → undefined.
 */
function fieldsRead(context: CodemodContext, user: Node, aliased = false): string[] | undefined {
  const parent = context.index.parent(user);
  if (parent && isMember(parent) && parent.object === user) {
    const name = memberName(parent);
    return name ? [name] : undefined;
  }
  if (isTruthinessTest(context, user)) return [];
  // `const { open_id } = …user`, or `const user = …user` once (a name given to a name is not followed).
  if (parent?.type === 'VariableDeclarator' && parent.init === user && (parent.id.type === 'ObjectPattern' || !aliased))
    return readsOfName(context, parent.id);
  return providerProfileReads(context, user) ?? ownFunctionReads(context, user);
}

/** How deep the reads are followed through the module's own functions (a function calling itself stops there). */
const OWN_FUNCTION_DEPTH = 3;
let ownFunctionDepth = 0;

/**
 * The user handed to a function of the module (`processProfile(data.data.user, videos)`): what that
 * function reads of its parameter. Or returned by one only this module calls (`return data.data?.user
 * || {}` in a function no other module can reach): what its callers read of the value they await.
 */
function ownFunctionReads(context: CodemodContext, user: Node): string[] | undefined {
  return withOwnFunction(() => argumentReads(context, user) ?? callerReads(context, user));
}

/** Reads followed into a function of the module, as deep as OWN_FUNCTION_DEPTH. */
function withOwnFunction(follow: () => string[] | undefined): string[] | undefined {
  if (ownFunctionDepth >= OWN_FUNCTION_DEPTH) return undefined;
  ownFunctionDepth++;
  try {
    return follow();
  } finally {
    ownFunctionDepth--;
  }
}

function argumentReads(context: CodemodContext, user: Node): string[] | undefined {
  const call = context.index.parent(user);
  if (!call || !isCall(call) || call.callee === user) return undefined;
  const param = ownParameterOf(context, call, user);
  return param && (param.type === 'Identifier' || param.type === 'ObjectPattern') ? readsOfName(context, param) : undefined;
}

function callerReads(context: CodemodContext, user: Node): string[] | undefined {
  const { parent } = pastFallbacks(context, user);
  const fn = parent?.type === 'ReturnStatement' ? context.index.functionOf(parent) : undefined;
  if (!fn || !onlyCalledHere(context, fn)) return undefined;
  const calls = callsOf(context.index, fn);
  if (calls.length === 0) return undefined;
  const reads = calls.map((call) => {
    const awaited = context.index.parent(call);
    const taken = awaited?.type === 'AwaitExpression' ? context.index.parent(awaited) : undefined;
    return taken?.type === 'VariableDeclarator' && taken.init === awaited ? readsOfName(context, taken.id) : undefined;
  });
  return allRead(reads);
}

/**
 * Whether every caller of a function is in this module: a `private` or `#` method, or a function not
 * exported whose name is only ever called (not handed to `module.exports` or anything else).
 */
function onlyCalledHere(context: CodemodContext, fn: Node): boolean {
  const holder = context.index.parent(fn);
  const method = fn.type === 'ClassMethod' ? fn : holder?.type === 'MethodDefinition' ? holder : undefined;
  if (method) return method.accessibility === 'private' || method.key?.type === 'PrivateName';
  const id =
    fn.type === 'FunctionDeclaration' ? fn.id : holder?.type === 'VariableDeclarator' && holder.init === fn ? holder.id : undefined;
  const binding = id?.type === 'Identifier' ? context.index.resolve(id) : undefined;
  if (!binding || isExported(fn, context.index)) return false;
  return context.index.referencesOf(binding).every((reference) => {
    const call = context.index.parent(reference);
    return !!call && isCall(call) && call.callee === reference;
  });
}

/**
 * `userinfo: { async request() { …; return data.data?.user || {} } }` beside `profile(profile) {…}` of
 * a provider (next-auth's OAuth config): what `request` returns is what `profile` is handed, so its
 * reads of that parameter are the fields the user info needs.
 */
function providerProfileReads(context: CodemodContext, user: Node): string[] | undefined {
  const { parent } = pastFallbacks(context, user);
  if (parent?.type !== 'ReturnStatement') return undefined;
  const fn = context.index.functionOf(parent);
  const holder = fn && (fn.type === 'ObjectMethod' ? fn : context.index.parent(fn));
  if (!holder || keyName(holder) !== 'request') return undefined;
  const userinfo = context.index.parent(context.index.parent(holder) ?? holder);
  if (!userinfo || keyName(userinfo) !== 'userinfo') return undefined;
  const provider = context.index.parent(userinfo);
  const param = provider?.type === 'ObjectExpression' ? profileParameter(provider) : undefined;
  return param ? readsOfName(context, param) : undefined;
}

/** The parameter of a provider record's `profile(profile) {…}` (or `profile: (profile) => …`), which next-auth hands the user info answer. */
export function profileParameter(provider: Node): Node | undefined {
  const profile = (provider.properties as Node[]).find((property) => keyName(property) === 'profile');
  const callback = profile && (profile.type === 'ObjectMethod' ? profile : unwrap(profile.value));
  return callback && isFunction(callback) ? (callback.params[0] as Node | undefined) : undefined;
}

function namesIn(context: CodemodContext, node: Node): string[] | undefined {
  let value = unwrap(node);
  if (value.type === 'Identifier') {
    const binding = context.index.resolve(value);
    if (!binding?.init || binding.assignments.length > 0) return undefined;
    value = unwrap(binding.init);
  }
  const text = staticString(value);
  if (text !== undefined) return splitNames(text);
  // `['open_id', 'display_name'].join(',')` (or `.join()`, whose separator is a comma too): the list, joined as the query wants it.
  if (
    isCall(value) &&
    calleeName(value) === 'join' &&
    isMember(unwrap(value.callee)) &&
    (value.arguments.length === 0 || staticString(value.arguments[0]) === ',')
  )
    value = unwrap(unwrap(value.callee).object);
  if (value.type !== 'ArrayExpression') return undefined;
  const names = (value.elements as (Node | null)[]).map((element) => (element ? staticString(element) : undefined));
  return names.every((name) => name !== undefined && /^\w+$/.test(name)) ? (names as string[]) : undefined;
}

function splitNames(text: string): string[] | undefined {
  // `fields=["open_id","display_name"]`: v1's JSON list of names, written into the query.
  const listed = /^\s*\[(.*)\]\s*$/s.exec(text);
  const names = (listed ? listed[1] : text).split(',').map((name) => name.trim().replace(/^(['"])(\w+)\1$/, '$2'));
  return names.every((name) => /^\w+$/.test(name)) ? names : undefined;
}

/** What a response says without its body: every read of it is one of these. */
const HEAD_READS = new Set(['ok', 'status', 'statusText', 'headers']);

/** Whether the request's answer is only looked at for its status or headers, its body never read. */
export function bodyUnread(context: CodemodContext, request: TikTokRequest): boolean {
  if (request.chain.length > 0) return false;
  const taint = responseTaint(context.index, [request]);
  const reads = context.index.ofType('Identifier').filter((identifier) => {
    const parent = context.index.parent(identifier);
    return taint.has(identifier) && !(parent?.type === 'VariableDeclarator' && parent.id === identifier);
  });
  // `await axios.get(url, …); return true;`: the answer is not even kept, only whether the call threw.
  if (reads.length === 0) return resultDiscarded(context, request.call);
  return reads.every((identifier) => {
    const parent = context.index.parent(identifier)!;
    return (
      (isMember(parent) && parent.object === identifier && HEAD_READS.has(memberName(parent) ?? '')) || onlyEnvelopeTested(context, parent)
    );
  });
}

/** The call is a statement of its own (`await axios.get(…);`): its value goes nowhere. */
function resultDiscarded(context: CodemodContext, call: Node): boolean {
  const parent = context.index.parent(call);
  const holder = parent?.type === 'AwaitExpression' ? context.index.parent(parent) : parent;
  return holder?.type === 'ExpressionStatement';
}

/**
 * `return res.data && res.data.data ? true : false`: a connection check that looks only at whether
 * the answer has its envelope, which v1 and v2 user info both answer: no field of it is read.
 */
function onlyEnvelopeTested(context: CodemodContext, member: Node): boolean {
  let top = member;
  for (let depth = 0; depth < 2; depth++) {
    if (!isMember(top) || memberName(top) !== 'data') return false;
    const parent = context.index.parent(top);
    if (!parent || !isMember(parent) || parent.object !== top) break;
    top = parent;
  }
  return isMember(top) && memberName(top) === 'data' && isTruthinessTest(context, top);
}

/** The names v2 user info does not answer, of those given. */
export function fieldsV2Lacks(names: readonly string[]): string[] {
  return names.filter((name) => !V2_USER_FIELDS.has(name));
}

/** What holds the user past its fallbacks (`data.data?.user || {}`): a return statement, say. */
function pastFallbacks(context: CodemodContext, user: Node): { value: Node; parent: Node | undefined } {
  let value = user;
  let parent = context.index.parent(value);
  while (parent?.type === 'LogicalExpression' && parent.left === value) {
    value = parent;
    parent = context.index.parent(value);
  }
  return { value, parent };
}

/** Every read told (a name, a callback, a caller), or undefined when one of them is not. */
function allRead(reads: readonly (readonly string[] | undefined)[]): string[] | undefined {
  return reads.every((read) => read !== undefined) ? reads.flat() : undefined;
}

/** The parameter of the module's own function that an argument of a call of it is given to. */
function ownParameterOf(context: CodemodContext, call: Node, argument: Node): Node | undefined {
  const position = (call.arguments as Node[]).indexOf(argument);
  const fn = position === -1 ? undefined : calledFunction(context.index, call);
  return fn && isFunction(fn) ? (fn.params[position] as Node | undefined) : undefined;
}

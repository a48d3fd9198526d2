import { quoted } from './todo.js';
import type { CodemodContext } from './context.js';
import {
  calleeName,
  hasUnlistedEntries,
  isMember,
  keyName,
  memberName,
  objectProperties,
  staticString,
  unwrap,
  type Node,
} from '../detect/ast.js';
import type { Binding } from '../detect/module-index.js';
import { HOLE, type Piece } from '../detect/folded.js';
import type { TikTokRequest } from '../detect/requests.js';
import { QUERY_OPTIONS } from '../detect/query-tokens.js';
import { writtenAs } from './written-as.js';

/** One parameter of a v1 request (a token call, user info): the expression that gives its value, or its text. */
export type ParamValue = { readonly node: Node } | { readonly text: string } | { readonly source: string };

export type RequestParams = { readonly params: Map<string, ParamValue>; readonly body?: Node } | { readonly reason: string };

/**
 * The parameters a v1 request sends (the code exchange, user info), wherever the code puts them: the URL's query (a
 * template, a concatenation), axios `params`, a JSON or URL-encoded body, `new URLSearchParams({…})`.
 * Each value is an expression of the user's (moved, not copied, when the call is rewritten) or text.
 */
export function requestParams(context: CodemodContext, request: TikTokRequest, bodyNode: Node | undefined): RequestParams {
  const params = new Map<string, ParamValue>();
  const fromQuery = queryOf(context, request);
  if ('reason' in fromQuery) return fromQuery;
  for (const [key, value] of fromQuery) params.set(key, value);
  for (const options of request.options) {
    for (const property of objectProperties(options)) {
      // axios `params`, got and ky `searchParams`, request `qs`, undici `query`: the query string.
      if (!QUERY_OPTIONS.includes(keyName(property) ?? '')) continue;
      const found = queryObject(context, property.value);
      if ('reason' in found) return found;
      for (const [key, value] of found) params.set(key, value);
    }
  }
  // superagent: `.query({ … })`, before the answer is read.
  for (const link of request.chain) {
    if (['then', 'end'].includes(calleeName(link) ?? '')) break;
    if (calleeName(link) !== 'query') continue;
    const found = link.arguments.length === 1 ? queryObject(context, link.arguments[0]) : { reason: 'its `.query()` cannot be read here' };
    if ('reason' in found) return found;
    for (const [key, value] of found) params.set(key, value);
  }
  if (bodyNode) {
    const object = bodyObject(context, bodyNode);
    const appended = object ? undefined : appendedParams(context, bodyNode);
    if (!object && !appended) return { reason: `the request body \`${quoted(context.source(bodyNode), 60)}\` cannot be read here` };
    const found = object ? fromObject(object) : appended!;
    if ('reason' in found) return found;
    for (const [key, value] of found) params.set(key, value);
  }
  return { params, body: bodyNode };
}

function queryObject(context: CodemodContext, node: Node): Map<string, ParamValue> | { reason: string } {
  const object = context.folder.objectOf(node);
  return object ? fromObject(object) : { reason: `the request's query \`${quoted(context.source(node), 40)}\` cannot be read here` };
}

/** `JSON.stringify({…})`, `new URLSearchParams({…})`, `qs.stringify({…})`, `{…}`, or a constant holding one. */
function bodyObject(context: CodemodContext, node: Node): Node | undefined {
  let value = unwrap(node);
  // `new URLSearchParams({ … }).toString()`: the same parameters, as text.
  const callee = value.type === 'CallExpression' && value.arguments.length === 0 ? unwrap(value.callee) : undefined;
  if (callee && isMember(callee) && memberName(callee) === 'toString' && unwrap(callee.object).type === 'NewExpression')
    value = unwrap(callee.object);
  if (value.type === 'ObjectExpression') return value;
  if ((value.type === 'CallExpression' || value.type === 'NewExpression') && value.arguments.length === 1) {
    const name = value.type === 'NewExpression' ? (value.callee.name as string | undefined) : calleeName(value);
    if (name === 'URLSearchParams' || name === 'stringify') return context.folder.objectOf(value.arguments[0]);
  }
  // `params` or `params.toString()` of a `const params = new URLSearchParams({ … })`.
  return searchParamsObject(context, value) ?? (value.type === 'Identifier' ? context.folder.objectOf(value) : undefined);
}

/** A value as written: its text when it is a plain string literal, else the expression itself. */
function paramOf(node: Node): ParamValue {
  const text = staticString(node);
  return text !== undefined && node.type !== 'TemplateLiteral' ? { text } : { node };
}

function fromObject(object: Node): Map<string, ParamValue> | { reason: string } {
  const params = new Map<string, ParamValue>();
  if (hasUnlistedEntries(object)) return { reason: 'the request parameters use a spread or a computed key' };
  for (const property of objectProperties(object)) {
    const key = keyName(property);
    if (key === undefined) return { reason: 'the request parameters use a spread or a computed key' };
    params.set(key, paramOf(property.value));
  }
  return params;
}

/** The query of the folded URL, each value either text or one expression of the user's. */
function queryOf(context: CodemodContext, request: TikTokRequest): Map<string, ParamValue> | { reason: string } {
  const params = new Map<string, ParamValue>();
  const pieces = request.url.pieces;
  let text = '';
  const holes: Piece[] = [];
  const spelled = new Map<number, Piece>();
  for (const piece of pieces) {
    if (piece.text !== undefined) {
      spelled.set(text.length, piece);
      text += piece.text;
    } else {
      text += `${HOLE}${holes.length}${HOLE}`;
      holes.push(piece);
    }
  }
  const start = text.indexOf('?');
  if (start === -1) return params;
  const wholeHole = new RegExp(`^${HOLE}(\\d+)${HOLE}$`);
  let position = start + 1;
  for (const pair of text.slice(start + 1).split('&')) {
    const at = position;
    position += pair.length + 1;
    if (pair === '') continue;
    // `?${new URLSearchParams({ … })}`, or a variable holding one: its object holds the parameters.
    const whole = wholeHole.exec(pair);
    if (whole) {
      const piece = holes[Number(whole[1])];
      // `query.append('scope', scope)` after it is made: the folded object no longer holds every parameter.
      const held = unwrap(piece.node);
      const binding = held.type === 'Identifier' ? context.index.resolve(held) : undefined;
      if (binding && isMutated(context, binding))
        return {
          reason: `its query \`${quoted(context.source(held), 40)}\` is changed after it is made (\`.append()\`, \`.set()\`, \`.delete()\`)`,
        };
      const object = piece.query ?? searchParamsObject(context, piece.node);
      if (!object) return { reason: `its query is built elsewhere (\`${quoted(context.source(piece.node), 40)}\`)` };
      const found = fromObject(object);
      if ('reason' in found) return found;
      for (const [key, value] of found) params.set(key, value);
      continue;
    }
    const [key, value = ''] = pair.split('=');
    const hole = wholeHole.exec(value);
    if (hole) params.set(key, { node: unwrapEncode(writtenAs(context, request.call, holes[Number(hole[1])].node)) });
    else if (value.includes(HOLE)) {
      // `url += '&cursor=' + cursor` inside an `if`: the fold ends in the appended part, unknown.
      const appended = holes.find((piece) => context.index.parent(piece.node)?.type === 'AssignmentExpression');
      return {
        reason: appended
          ? `its URL gains part of its query on some paths only (\`${quoted(context.source(context.index.parent(appended.node)!), 40)}\`): carry that part over by hand`
          : `the query parameter \`${key}\` is built from several values`,
      };
    } else
      params.set(key, constantSpelling(context, request, spelled.get(at + key.length + 1), value) ?? { text: decodeURIComponent(value) });
  }
  return params;
}

/**
 * `'?client_key=' + CLIENT_KEY` where `const CLIENT_KEY = 'aw…'`: the value is the constant's whole
 * text, and the new request names the constant rather than spelling its value (a key, a secret).
 */
function constantSpelling(
  context: CodemodContext,
  request: TikTokRequest,
  piece: Piece | undefined,
  value: string,
): ParamValue | undefined {
  if (!piece || piece.text !== value || context.index.parent(piece.node)?.type !== 'VariableDeclarator') return undefined;
  for (const node of request.trace) {
    if (node.type !== 'Identifier') continue;
    const binding = context.index.resolve(node);
    if (binding?.init && unwrap(binding.init) === piece.node && binding.path.length === 0 && binding.assignments.length === 0)
      return { node };
  }
  return undefined;
}

/**
 * The object of `new URLSearchParams({ … })` (maybe `.toString()`ed, maybe through a constant that is
 * never changed after: no `.append()`, `.set()` or `.delete()` on it).
 */
function searchParamsObject(context: CodemodContext, node: Node): Node | undefined {
  let value = unwrap(node);
  for (let hops = 0; hops < 4; hops++) {
    if (value.type === 'Identifier') {
      const binding = context.index.resolve(value);
      if (!binding?.init || binding.assignments.length > 0 || isMutated(context, binding)) return undefined;
      value = unwrap(binding.init);
    } else if (value.type === 'CallExpression' && calleeName(value) === 'toString' && isMember(value.callee)) {
      value = unwrap(value.callee.object);
    } else break;
  }
  if (value.type !== 'NewExpression' || value.callee.name !== 'URLSearchParams' || value.arguments.length !== 1) return undefined;
  const object = context.folder.objectOf(value.arguments[0]);
  // Its values are written again in the new request while the old declaration may stay: reads only.
  return object && objectProperties(object).every((property) => property.type !== 'SpreadElement' && isRead(property.value))
    ? object
    : undefined;
}

/** A value whose second evaluation changes nothing: a name, a member read, a literal, a template of those. */
function isRead(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === 'Identifier' || value.type === 'ThisExpression' || staticString(value) !== undefined) return true;
  if (value.type === 'NumericLiteral' || value.type === 'BooleanLiteral' || (value.type === 'Literal' && typeof value.value !== 'object'))
    return true;
  if (isMember(value)) return !value.computed && isRead(value.object);
  if (value.type === 'TemplateLiteral') return (value.expressions as Node[]).every(isRead);
  return false;
}

const MUTATORS = new Set(['append', 'set', 'delete', 'sort']);

/**
 * `const form = new URLSearchParams(); form.append('code', code); …` sent as the body (or its
 * `.toString()`): the appended keys and values, when every key is written out, every value is a plain
 * read (the appends may stay), and nothing else is done to it.
 */
function appendedParams(context: CodemodContext, node: Node): Map<string, ParamValue> | undefined {
  let value = unwrap(node);
  if (value.type === 'CallExpression' && calleeName(value) === 'toString' && isMember(value.callee)) value = unwrap(value.callee.object);
  if (value.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(value);
  const init = binding?.init && unwrap(binding.init);
  if (
    !binding ||
    binding.assignments.length > 0 ||
    init?.type !== 'NewExpression' ||
    init.callee.name !== 'URLSearchParams' ||
    init.arguments.length > 0
  )
    return undefined;
  const params = new Map<string, ParamValue>();
  for (const member of context.index.ofType('MemberExpression')) {
    if (member.object.type !== 'Identifier' || context.index.resolve(member.object) !== binding) continue;
    const name = memberName(member);
    if (name === 'toString') continue;
    const call = context.index.parent(member);
    if ((name !== 'append' && name !== 'set') || call?.type !== 'CallExpression' || call.callee !== member) return undefined;
    const key = staticString(call.arguments[0]);
    if (key === undefined || !call.arguments[1] || !isRead(call.arguments[1])) return undefined;
    params.set(key, paramOf(call.arguments[1]));
  }
  return params.size > 0 ? params : undefined;
}

function isMutated(context: CodemodContext, binding: Binding): boolean {
  return context.index
    .ofType('MemberExpression')
    .some(
      (member) =>
        member.object.type === 'Identifier' && MUTATORS.has(memberName(member) ?? '') && context.index.resolve(member.object) === binding,
    );
}

/** `encodeURIComponent(x)` in a URL is `x` in a form body, which URLSearchParams encodes itself. */
function unwrapEncode(node: Node): Node {
  const value = unwrap(node);
  return value.type === 'CallExpression' &&
    calleeName(value) === 'encodeURIComponent' &&
    !isMember(value.callee) &&
    value.arguments.length === 1
    ? value.arguments[0]
    : node;
}

/** A parameter as code: its expression where the code wrote one, else its text as a string literal. */
export function paramSource(context: CodemodContext, param: ParamValue): string {
  if ('text' in param) return `'${param.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return 'source' in param ? param.source : context.source(param.node);
}

/** `Bearer ${token}`, the token's own expression moved into the header (never evaluated twice). */
export function bearerSource(context: CodemodContext, token: ParamValue): string {
  if ('text' in token) return `'Bearer ${token.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  // `access_token: \`${token}\``: the template only holds the token, which goes in the header's own.
  const node = 'node' in token ? unwrap(token.node) : undefined;
  const only =
    node?.type === 'TemplateLiteral' && node.expressions.length === 1 && node.quasis.every((quasi: Node) => quasi.value.cooked === '')
      ? context.source(node.expressions[0])
      : undefined;
  return `\`Bearer \${${only ?? paramSource(context, token)}}\``;
}

/**
 * The entry of a parameter in a rewritten object: as the code wrote it where it was one already
 * (`code: code` stays `code: code`), else `key: value`.
 */
export function entryOf(context: CodemodContext, key: string, param: ParamValue): string {
  const node = 'node' in param ? param.node : undefined;
  const property = node && context.index.parent(node);
  if (
    property &&
    (property.type === 'ObjectProperty' || property.type === 'Property') &&
    property.value === node &&
    !property.computed &&
    keyName(property) === key
  )
    return context.source(property);
  return objectEntry(key, paramSource(context, param));
}

/** `code: code` is written `code`, as a person would. */
export function objectEntry(key: string, written: string): string {
  return written === key ? key : `${key}: ${written}`;
}

import { quoted } from './todo.js';
import { accessTokenHeaderValue } from './access-token-header.js';
import {
  calleeName,
  findProperty,
  isMember,
  keyName,
  memberName,
  objectProperties,
  rangeOf,
  staticString,
  unwrap,
  type Node,
} from '../detect/ast.js';
import { formFieldCalls, requestBodies, type TikTokRequest } from '../detect/requests.js';
import { jsonBody } from './extract-video.js';
import { QUERY_OPTIONS } from '../detect/query-tokens.js';
import type { CodemodContext } from './context.js';
import { constantAround, constantNamed } from './visible-constant.js';
import { heldValueText } from './held-value.js';

const TOKEN = 'access_token';

/**
 * The expression that holds the user's access token, wherever the legacy call put it: in the URL's
 * query (text, `URLSearchParams`, `searchParams.set`), a client's query option, already in an
 * `Authorization: Bearer` header (the hybrids), or in the body (which the legacy upload never read,
 * but which says which value the code meant). Returned as source text.
 */
export function extractToken(request: TikTokRequest, context: CodemodContext): string | undefined {
  const found = tokenSource(request, context);
  return typeof found === 'string' ? found : found && tokenText(found, request, context);
}

function tokenSource(request: TikTokRequest, context: CodemodContext): Node | string | undefined {
  return (
    fromUrlText(request, context) ??
    fromQueryObjects(request, context) ??
    fromSearchParamsSet(request, context) ??
    fromBearerHeader(request, context) ??
    fromBody(request, context)
  );
}

/**
 * The token is a string written in the source (`const access_token = "act.…"`, or the literal in the
 * call): one a v1 authorization issued, which lived a day and which v2 does not promise to take, and a
 * secret in the code besides. Not a default behind a setting (`process.env.TOKEN || '…'`).
 */
export function tokenWrittenInSource(request: TikTokRequest, context: CodemodContext): boolean {
  const found = tokenSource(request, context);
  if (found === undefined || typeof found === 'string') return false;
  let node = unwrap(found);
  if (node.type === 'Identifier') {
    const binding = context.index.resolve(node);
    if (!binding?.init || binding.path.length > 0 || binding.assignments.length > 0) return false;
    node = unwrap(binding.init);
  }
  return (staticString(node) ?? '').trim().length > 0;
}

/**
 * The token as the helper call receives it. An expression inside the legacy call moves with it and is
 * still evaluated once. One found elsewhere (a URL constant's template, a variable's initialiser the
 * folder followed) is copied only when copying cannot run anything twice; else the helper gets the
 * variable that holds it (`accessToken`, not `await getAccessToken(userId)` again), or nothing.
 */
function tokenText(node: Node, request: TikTokRequest, context: CodemodContext): string | undefined {
  const [start, end] = rangeOf(node);
  const [callStart, callEnd] = rangeOf(request.call);
  const moves = start >= callStart && end <= callEnd;
  if (moves) return context.source(node);
  const holder = context.index.parent(node);
  const name = holder?.type === 'VariableDeclarator' && holder.init === node && holder.id.type === 'Identifier' ? holder.id : undefined;
  // `const accessToken = session.tiktok.token` beside the call: the name the code gave it, whose
  // declaration stays as written (a copy of the read would leave it dead, and remove it).
  if (name && constantAround(context, name, request.call)) return name.name as string;
  // `const params = { access_token: await getToken() }`: the helper reads `params.access_token`.
  return heldValueText(context, node, request.call);
}

function fromUrlText(request: TikTokRequest, context: CodemodContext): Node | string | undefined {
  const pieces = request.url.pieces;
  for (const [i, piece] of pieces.entries()) {
    const text = piece.text;
    if (text === undefined) {
      if (piece.query) {
        const property = findProperty(piece.query, TOKEN);
        if (property) return propertyValue(property);
      }
      continue;
    }
    const at = text.search(/[?&]access_token=/);
    if (at === -1) continue;
    const rest = text.slice(at + TOKEN.length + 2);
    if (rest === '' && pieces[i + 1] && pieces[i + 1].text === undefined) return unescaped(pieces[i + 1].node);
    // `const accessToken = 'act.…'` put in by `${accessToken}`: the constant, by its name.
    if (rest === '' && pieces[i + 1]?.node) {
      const name = constantNamed(context, pieces[i + 1].node, request.call);
      if (name) return name;
    }
    const literal = /^[^&#]+/.exec(rest)?.[0];
    if (literal) return JSON.stringify(decodeURIComponent(literal));
  }
  return undefined;
}

function fromQueryObjects(request: TikTokRequest, context: CodemodContext): Node | undefined {
  const objects: Node[] = [];
  for (const options of request.options) {
    for (const property of objectProperties(options)) {
      if (QUERY_OPTIONS.includes(keyName(property) ?? '')) {
        const object = context.folder.objectOf(property.value);
        if (object) objects.push(object);
      }
    }
  }
  for (const chained of request.chain) {
    if (calleeName(chained) === 'query' && chained.arguments[0]) {
      const object = context.folder.objectOf(chained.arguments[0]);
      if (object) objects.push(object);
    }
  }
  for (const object of objects) {
    const property = findProperty(object, TOKEN);
    if (property) return propertyValue(property);
  }
  return undefined;
}

function fromSearchParamsSet(request: TikTokRequest, context: CodemodContext): Node | undefined {
  const target = unwrap(request.urlArgument);
  const binding = target.type === 'Identifier' ? context.index.resolve(target) : undefined;
  if (!binding) return undefined;
  for (const call of context.index.ofType('CallExpression')) {
    const callee = unwrap(call.callee);
    if (!isMember(callee) || !['set', 'append'].includes(calleeName(call) ?? '')) continue;
    if (!isMember(unwrap(callee.object)) || memberName(unwrap(callee.object)) !== 'searchParams') continue;
    const owner = unwrap(unwrap(callee.object).object);
    if (
      staticString(call.arguments[0]) === TOKEN &&
      owner.type === 'Identifier' &&
      context.index.resolve(owner) === binding &&
      call.arguments[1]
    ) {
      return call.arguments[1];
    }
  }
  return undefined;
}

/** `{ video, access_token: token.accessToken }` sent as the body, JSON or an object. */
function fromBody(request: TikTokRequest, context: CodemodContext): Node | undefined {
  for (const body of requestBodies(request, context.index)) {
    // axios' data is an object literal like its config is: a key `access_token` is the body's either way.
    const object = jsonBody(body, context);
    const property = object && findProperty(object, TOKEN);
    if (property) return propertyValue(property);
    // `form.append('access_token', token)` beside the video.
    const field = formFieldCalls(unwrap(body), context.index).find((call) => staticString(call.arguments[0]) === TOKEN);
    if (field?.arguments[1]) return field.arguments[1];
  }
  return undefined;
}

/**
 * `Authorization: \`Bearer ${token}\`` or `'Bearer ' + token`, in the options or a superagent `.set`;
 * or the token alone in an `Access-Token` header, as TikTok's Business API takes it (the code
 * borrowed its habit; the old upload read neither).
 */
function fromBearerHeader(request: TikTokRequest, context: CodemodContext): Node | undefined {
  const accessToken = accessTokenHeaderValue(request, context);
  if (accessToken) return accessToken;
  const values: Node[] = [];
  for (const options of request.options) {
    const headers = findProperty(options, 'headers');
    const object = headers && context.folder.objectOf(headers.value);
    const authorization = object && (findProperty(object, 'Authorization') ?? findProperty(object, 'authorization'));
    if (authorization) values.push(authorization.value);
  }
  for (const chained of request.chain) {
    if (calleeName(chained) === 'set' && /^authorization$/i.test(staticString(chained.arguments[0]) ?? '') && chained.arguments[1])
      values.push(chained.arguments[1]);
  }
  for (const value of values) {
    const expression = unwrap(value);
    if (
      expression.type === 'TemplateLiteral' &&
      expression.expressions.length === 1 &&
      /^Bearer\s+$/i.test(expression.quasis[0].value.cooked) &&
      expression.quasis[1].value.cooked === ''
    ) {
      return expression.expressions[0];
    }
    if (expression.type === 'BinaryExpression' && expression.operator === '+' && /^Bearer\s+$/i.test(staticString(expression.left) ?? '')) {
      return expression.right;
    }
  }
  return undefined;
}

/**
 * Whether the legacy call sent its token in an `Access-Token` header (and nowhere the old upload read
 * it): TikTok's Business API takes its own tokens that way, and a Business token is not the creator's
 * Login Kit token the Content Posting API needs, so which one it is stays for a person to say.
 */
export function tokenInAccessTokenHeader(request: TikTokRequest, context: CodemodContext): boolean {
  if (fromUrlText(request, context) ?? fromQueryObjects(request, context) ?? fromSearchParamsSet(request, context)) return false;
  return accessTokenHeaderValue(request, context) !== undefined;
}

/**
 * What a person checks where a token sent in an `Access-Token` header now goes as Bearer: that it is
 * the creator's Login Kit token, which `takes` says the v2 call wants, and not a Business API token.
 */
export function businessTokenCaution(token: string, takes: string): string {
  return `the token \`${quoted(token, 40)}\` was sent in an \`Access-Token\` header, as TikTok's Business API takes its own tokens: ${takes} as Bearer, which a Business API token is not; make sure this is that token`;
}

/** `encodeURIComponent(token)` in a query string: the token itself goes in the header. */
function unescaped(node: Node): Node {
  const expression = unwrap(node);
  const isEscape =
    expression.type === 'CallExpression' && ['encodeURIComponent', 'encodeURI', 'String'].includes(calleeName(expression) ?? '');
  return isEscape && expression.arguments[0] ? expression.arguments[0] : node;
}

function propertyValue(property: Node): Node {
  return property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
}

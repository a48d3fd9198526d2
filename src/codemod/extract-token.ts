import {
  calleeName,
  findProperty,
  isMember,
  keyName,
  memberName,
  objectProperties,
  staticString,
  unwrap,
  type Node,
} from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';

const TOKEN = 'access_token';
const QUERY_OPTIONS = ['params', 'searchParams', 'qs', 'query'];

/**
 * The expression that holds the user's access token, wherever the legacy call put it: in the URL's
 * query (text, `URLSearchParams`, `searchParams.set`), a client's query option, or already in an
 * `Authorization: Bearer` header (the hybrids). Returned as source text.
 */
export function extractToken(request: TikTokRequest, context: CodemodContext): string | undefined {
  return (
    fromUrlText(request, context) ??
    fromQueryObjects(request, context) ??
    fromSearchParamsSet(request, context) ??
    fromBearerHeader(request, context)
  );
}

function fromUrlText(request: TikTokRequest, context: CodemodContext): string | undefined {
  const pieces = request.url.pieces;
  for (const [i, piece] of pieces.entries()) {
    const text = piece.text;
    if (text === undefined) {
      if (piece.query) {
        const property = findProperty(piece.query, TOKEN);
        if (property) return propertyValue(property, context);
      }
      continue;
    }
    const at = text.search(/[?&]access_token=/);
    if (at === -1) continue;
    const rest = text.slice(at + TOKEN.length + 2);
    if (rest === '' && pieces[i + 1] && pieces[i + 1].text === undefined) return context.source(unescaped(pieces[i + 1].node));
    const literal = /^[^&#]+/.exec(rest)?.[0];
    if (literal) return JSON.stringify(decodeURIComponent(literal));
  }
  return undefined;
}

function fromQueryObjects(request: TikTokRequest, context: CodemodContext): string | undefined {
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
    if (property) return propertyValue(property, context);
  }
  return undefined;
}

function fromSearchParamsSet(request: TikTokRequest, context: CodemodContext): string | undefined {
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
      return context.source(call.arguments[1]);
    }
  }
  return undefined;
}

/** `Authorization: \`Bearer ${token}\`` or `'Bearer ' + token`, in the options or a superagent `.set`. */
function fromBearerHeader(request: TikTokRequest, context: CodemodContext): string | undefined {
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
      return context.source(expression.expressions[0]);
    }
    if (expression.type === 'BinaryExpression' && expression.operator === '+' && /^Bearer\s+$/i.test(staticString(expression.left) ?? '')) {
      return context.source(expression.right);
    }
  }
  return undefined;
}

/** `encodeURIComponent(token)` in a query string: the token itself goes in the header. */
function unescaped(node: Node): Node {
  const expression = unwrap(node);
  const isEscape =
    expression.type === 'CallExpression' && ['encodeURIComponent', 'encodeURI', 'String'].includes(calleeName(expression) ?? '');
  return isEscape && expression.arguments[0] ? expression.arguments[0] : node;
}

function propertyValue(property: Node, context: CodemodContext): string {
  const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
  return context.source(value);
}

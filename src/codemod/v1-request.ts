import { clientOf } from './http-client.js';
import type { CodemodContext } from './context.js';
import { quoted } from './todo.js';
import { calleeName, isMember, keyName, objectProperties, staticString, unwrap, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';

/** How the request is written, by client: the call's shape, where its body goes, how the new one reads. */
type V1Style = 'fetch' | 'axios' | 'got' | 'ky';

const STYLES: Readonly<Record<string, V1Style>> = {
  fetch: 'fetch',
  'node-fetch': 'fetch',
  'undici-fetch': 'fetch',
  axios: 'axios',
  got: 'got',
  ky: 'ky',
};

/** Options of the legacy request that only shaped it (its method, query, body): the new one sets its own. */
const REPLACED_OPTIONS = new Set(['method', 'body', 'headers', 'params', 'data', 'url', 'searchParams', 'form', 'json', 'qs']);
/** Headers that only described the legacy body or answer: the new request sets its own. */
const BODY_HEADERS = /^(content-type|cache-control|accept)$/i;

export interface V1RequestParts {
  readonly style: V1Style;
  /** The callee, parentheses and casts aside: `fetch`, `axios.post`, `this.http.post`, `got.post`. */
  readonly callee: Node;
  /** The request options object, where the code writes one. */
  readonly options?: Node;
  readonly body?: Node;
  /** `axios({ url, method, params, data })`: the new call is written the same way. */
  readonly configCall?: boolean;
}

/**
 * What a v1 OAuth or user request is made of, in the clients its rewrites support (fetch, axios,
 * got, ky), or why it cannot be carried: another client, or a URL the deployment may point elsewhere.
 */
export function v1RequestParts(context: CodemodContext, request: TikTokRequest, v2Url: string): V1RequestParts | { reason: string } {
  const client = clientOf(request, context);
  const style = client && STYLES[client.kind];
  if (!style)
    return {
      reason: `the codemod rewrites it with fetch, axios, got and ky, and this request goes through ${client?.kind ?? 'a function it cannot see into'}`,
    };
  // `process.env.TIKTOK_TOKEN_ENDPOINT ?? '…/oauth/refresh_token/'`: the deployment may point it elsewhere.
  const override = [...request.trace].find((node) => node.type === 'LogicalExpression' || node.type === 'ConditionalExpression');
  if (override)
    return {
      reason: `its URL can be set elsewhere (\`${quoted(context.source(override), 80)}\`): point that at ${v2Url} too, and port the call by hand`,
    };
  const callee = unwrap(request.call.callee);
  const method = calleeName(request.call);
  // `axios({ url: '…', method: 'post', params: { … } })`: one config object holds it all.
  const whole =
    style === 'axios' && !isMember(callee) && request.call.arguments.length === 1
      ? context.folder.objectOf(request.call.arguments[0])
      : undefined;
  if (whole && objectProperties(whole).some((property) => keyName(property) === 'url')) {
    const data = objectProperties(whole).find((property) => keyName(property) === 'data')?.value;
    return { style, callee, options: whole, body: data && !isNullish(data) ? data : undefined, configCall: true };
  }
  if (style !== 'fetch' && (!isMember(callee) || !['post', 'get'].includes(method ?? '')))
    return { reason: `the ${client.kind} call is not \`.post()\` or \`.get()\` with the URL first` };
  if (style === 'axios') {
    const config = request.call.arguments[method === 'post' ? 2 : 1];
    const data = method === 'post' ? request.call.arguments[1] : undefined;
    return { style, callee, options: config && context.folder.objectOf(config), body: data && !isNullish(data) ? data : undefined };
  }
  const config = request.call.arguments[1];
  const options = config ? context.folder.objectOf(config) : undefined;
  // fetch and ky send `body`; got and ky also take `json` and `form` objects.
  const body = options && objectProperties(options).find((property) => ['body', 'json', 'form'].includes(keyName(property) ?? ''))?.value;
  return { style, callee, options, body };
}

/**
 * The request's other options (a timeout, a signal), carried over as they are; headers only when they
 * described the body or the answer (and, with `withAuthorization`, carried the token the new request
 * sends itself).
 */
export function carriedOptions(
  context: CodemodContext,
  options: Node | undefined,
  withAuthorization = false,
): { text?: string } | { reason: string } {
  if (!options) return {};
  const kept: string[] = [];
  for (const property of objectProperties(options)) {
    const key = property.type === 'SpreadElement' ? undefined : keyName(property);
    if (key === undefined) return { reason: 'its request options use a spread or a computed key' };
    if (key === 'headers') {
      const headers = context.folder.objectOf(property.value);
      const names = headers ? objectProperties(headers).map((header) => keyName(header)) : [undefined];
      if (names.some((name) => name === undefined || !(BODY_HEADERS.test(name) || (withAuthorization && /^authorization$/i.test(name)))))
        return { reason: 'its request sends headers of its own, which the codemod does not carry over' };
      continue;
    }
    if (REPLACED_OPTIONS.has(key)) continue;
    kept.push(context.source(property));
  }
  return { text: kept.length > 0 ? kept.join(', ') : undefined };
}

/** The new request, in words the renderer turns into the client's own call. */
export interface V2Call {
  readonly method: 'GET' | 'POST';
  /** The URL as code: a quoted literal. */
  readonly url: string;
  /** Header entries as code: `Authorization: \`Bearer ${token}\``. */
  readonly headers: readonly string[];
  /** Object entries as code, sent form-encoded or as JSON. */
  readonly body?: { readonly as: 'form' | 'json'; readonly entries: readonly string[] };
  /** The legacy request's other options, as code. */
  readonly rest?: string;
}

/**
 * The v2 request in the legacy request's own client: fetch and ky take a `body` (ky and got also
 * `json`, got `form`), axios its data second; the answer's type argument (`axios.post<T>`) stays.
 */
export function v2CallText(context: CodemodContext, request: TikTokRequest, parts: V1RequestParts, call: V2Call): string {
  const object = call.body ? `{ ${call.body.entries.join(', ')} }`.replace('{  }', '{}') : undefined;
  const form = object && `new URLSearchParams(${object}${context.isTypeScript ? ' as Record<string, string>' : ''})`;
  const headers = call.headers.length > 0 ? `headers: { ${call.headers.join(', ')} }` : undefined;
  const join = (...entries: (string | undefined)[]) => `{ ${entries.filter(Boolean).join(', ')} }`;
  const typeArguments = request.call.typeParameters ?? request.call.typeArguments;
  const generic = typeArguments ? context.source(typeArguments) : '';
  const verb = call.method === 'GET' ? 'get' : 'post';
  switch (parts.style) {
    case 'fetch': {
      const body = call.body && (call.body.as === 'form' ? form : `JSON.stringify(${object})`);
      return `${context.source(request.call.callee)}(${call.url}, ${join(`method: '${call.method}'`, headers, body && `body: ${body}`, call.rest)})`;
    }
    case 'axios': {
      if (parts.configCall) {
        const data = call.body && `data: ${call.body.as === 'form' ? form : object}`;
        return `${context.source(request.call.callee)}${generic}(${join(`method: '${call.method.toLowerCase()}'`, `url: ${call.url}`, headers, data, call.rest)})`;
      }
      const data = call.body ? `${call.body.as === 'form' ? form : object}, ` : '';
      return `${context.source(parts.callee.object)}.${verb}${generic}(${call.url}, ${data}${join(headers, call.rest)})`;
    }
    case 'got':
    case 'ky': {
      // Both set the Content-Type of a `json`, `form` or URLSearchParams body themselves.
      const own = call.headers.filter((header) => !header.startsWith("'Content-Type'"));
      const body = call.body && (call.body.as === 'json' ? `json: ${object}` : parts.style === 'got' ? `form: ${object}` : `body: ${form}`);
      return `${context.source(parts.callee.object)}.${verb}${generic}(${call.url}, ${join(own.length > 0 ? `headers: { ${own.join(', ')} }` : undefined, body, call.rest)})`;
    }
  }
}

function isNullish(node: Node): boolean {
  const value = unwrap(node);
  return (
    value.type === 'NullLiteral' ||
    (value.type === 'Literal' && value.value === null) ||
    (value.type === 'Identifier' && value.name === 'undefined')
  );
}

/** The token of an `Authorization: Bearer …` header the legacy request already sent (a half-migrated call). */
export function bearerTokenIn(context: CodemodContext, options: Node | undefined): Node | undefined {
  const headers = options && objectProperties(options).find((property) => keyName(property) === 'headers');
  const object = headers && context.folder.objectOf(headers.value);
  const authorization = object && objectProperties(object).find((property) => /^authorization$/i.test(keyName(property) ?? ''));
  const value = authorization && unwrap(authorization.value);
  if (value?.type === 'TemplateLiteral' && value.expressions.length === 1 && value.quasis[1].value.raw === '')
    return /^Bearer\s+$/.test(value.quasis[0].value.raw) ? value.expressions[0] : undefined;
  if (value?.type === 'BinaryExpression' && value.operator === '+' && /^Bearer\s+$/.test(staticString(value.left) ?? ''))
    return value.right;
  return undefined;
}

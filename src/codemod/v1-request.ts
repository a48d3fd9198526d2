import { clientOf } from './http-client.js';
import type { CodemodContext } from './context.js';
import { quoted } from './todo.js';
import { calleeName, isMember, keyName, objectProperties, unwrap, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';

/** Options of the legacy request that only shaped it: the new one sets its own. */
const REPLACED_OPTIONS = new Set(['method', 'body', 'headers', 'params', 'data', 'url']);
/** Headers that only described the legacy body or answer: the new request sets its own. */
const BODY_HEADERS = /^(content-type|cache-control|accept)$/i;

export interface V1RequestParts {
  readonly axios: boolean;
  /** The callee, parentheses and casts aside: `fetch`, `axios.post`, `this.http.post`. */
  readonly callee: Node;
  /** The request options object, where the code writes one. */
  readonly options?: Node;
  readonly body?: Node;
}

/**
 * What a v1 OAuth or user request is made of, in the clients its rewrites support (fetch and axios),
 * or why it cannot be carried: another client, or a URL the deployment may point elsewhere.
 */
export function v1RequestParts(context: CodemodContext, request: TikTokRequest, v2Url: string): V1RequestParts | { reason: string } {
  const client = clientOf(request, context);
  if (!client || !['fetch', 'node-fetch', 'undici-fetch', 'axios'].includes(client.kind))
    return {
      reason: `the codemod rewrites it with fetch and axios, and this request goes through ${client?.kind ?? 'a function it cannot see into'}`,
    };
  // `process.env.TIKTOK_TOKEN_ENDPOINT ?? '…/oauth/refresh_token/'`: the deployment may point it elsewhere.
  const override = [...request.trace].find((node) => node.type === 'LogicalExpression' || node.type === 'ConditionalExpression');
  if (override)
    return {
      reason: `its URL can be set elsewhere (\`${quoted(context.source(override), 80)}\`): point that at ${v2Url} too, and port the call by hand`,
    };
  const axios = client.kind === 'axios';
  const callee = unwrap(request.call.callee);
  const method = calleeName(request.call);
  if (axios && (!isMember(callee) || !['post', 'get'].includes(method ?? '')))
    return { reason: 'the axios call is not `.post()` or `.get()` with the URL first' };
  const config = axios ? request.call.arguments[method === 'post' ? 2 : 1] : request.call.arguments[1];
  const options = config ? context.folder.objectOf(config) : undefined;
  const body = axios
    ? method === 'post' && request.call.arguments[1] && !isNullish(request.call.arguments[1])
      ? request.call.arguments[1]
      : undefined
    : options && objectProperties(options).find((property) => keyName(property) === 'body')?.value;
  return { axios, callee, options, body };
}

/** The request's other options (a timeout, a signal), carried over as they are; headers only when they described the body or the answer. */
export function carriedOptions(context: CodemodContext, options: Node | undefined, axios: boolean): { text?: string } | { reason: string } {
  if (!options) return {};
  const kept: string[] = [];
  for (const property of objectProperties(options)) {
    const key = property.type === 'SpreadElement' ? undefined : keyName(property);
    if (key === undefined) return { reason: 'its request options use a spread or a computed key' };
    if (key === 'headers') {
      const headers = context.folder.objectOf(property.value);
      const names = headers ? objectProperties(headers).map((header) => keyName(header)) : [undefined];
      if (names.some((name) => name === undefined || !BODY_HEADERS.test(name)))
        return { reason: 'its request sends headers of its own, which the codemod does not carry over' };
      continue;
    }
    if (REPLACED_OPTIONS.has(key) || (!axios && key === 'method')) continue;
    kept.push(context.source(property));
  }
  return { text: kept.length > 0 ? kept.join(', ') : undefined };
}

function isNullish(node: Node): boolean {
  const value = unwrap(node);
  return (
    value.type === 'NullLiteral' ||
    (value.type === 'Literal' && value.value === null) ||
    (value.type === 'Identifier' && value.name === 'undefined')
  );
}

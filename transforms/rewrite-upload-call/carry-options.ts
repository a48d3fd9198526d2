import { quoted } from '../../src/codemod/todo.js';
import { calleeName, isCall, isIdentifier, isMember, keyName, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { axiosData } from '../../src/codemod/extract-video.js';
import type { ClientKind } from '../../src/codemod/upload-helpers/index.js';

/** Options that only shape the legacy request: the new one sets its own URL, method, body and query. */
const LEGACY_OPTIONS = new Set([
  'url',
  'uri',
  'baseURL',
  'baseUrl',
  'method',
  'data',
  'body',
  'formData',
  'form',
  'params',
  'searchParams',
  'qs',
  'query',
  'json',
  'multipart',
  'files',
]);
/**
 * Headers the new requests set themselves, or that described the multipart body; `Access-Token`, the
 * token the code sent as TikTok's Business API takes it, goes as `Authorization: Bearer` now.
 */
const LEGACY_HEADERS = /^(authorization|access-token|content-type|content-length)$/i;

export type CarriedOptions = { readonly text?: string } | { readonly reason: string };

/**
 * The request options the two-step upload must keep (a timeout, a signal, an agent, a User-Agent
 * header), as the source of an object literal handed to the helper; nothing is dropped in silence.
 */
export function carryOptions(request: TikTokRequest, kind: ClientKind, context: CodemodContext): CarriedOptions {
  const data = kind === 'axios' ? axiosData(request, context) : undefined;
  const kept: string[] = [];
  for (const options of request.options) {
    if (options === data) continue;
    for (const property of options.properties as Node[]) {
      const key = property.type === 'SpreadElement' ? undefined : keyName(property);
      if (key === undefined)
        return {
          reason: `the request options use \`${quoted(context.source(property), 40)}\`, which the codemod cannot carry over: port this upload by hand`,
        };
      if (LEGACY_OPTIONS.has(key)) continue;
      if (key !== 'headers') {
        kept.push(context.source(property));
        continue;
      }
      const headers = carryHeaders(property.value, context);
      if ('reason' in headers) return headers;
      if (headers.text) kept.push(`headers: ${headers.text}`);
    }
  }
  return { text: kept.length > 0 ? `{ ${kept.join(', ')} }` : undefined };
}

function carryHeaders(value: Node, context: CodemodContext): CarriedOptions {
  if (isFormHeaders(value, context)) return {};
  const object = context.folder.objectOf(value);
  if (!object)
    return { reason: `the request headers \`${quoted(context.source(value), 40)}\` cannot be read here: port this upload by hand` };
  const kept: string[] = [];
  for (const header of object.properties as Node[]) {
    if (header.type === 'SpreadElement' && isFormHeaders(header.argument, context)) continue;
    const name = header.type === 'SpreadElement' ? undefined : keyName(header);
    if (name === undefined)
      return {
        reason: `the request headers use \`${quoted(context.source(header), 40)}\`, which the codemod cannot carry over: port this upload by hand`,
      };
    if (!LEGACY_HEADERS.test(name)) kept.push(context.source(header));
  }
  return { text: kept.length > 0 ? `{ ${kept.join(', ')} }` : undefined };
}

/** `form.getHeaders()`: the multipart boundary, gone with the multipart body. */
/** form-data's `form.getHeaders()`, form-data-encoder's `encoder.headers`: the multipart body's own. */
function isFormHeaders(node: Node, context: CodemodContext): boolean {
  const expression = unwrap(node);
  if (isCall(expression) && calleeName(expression) === 'getHeaders') return true;
  if (!isMember(expression) || memberName(expression) !== 'headers') return false;
  const encoder = context.folder.valueNode(expression.object);
  return encoder?.type === 'NewExpression' && isIdentifier(encoder.callee, 'FormDataEncoder');
}

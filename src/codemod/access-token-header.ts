import { findProperty, keyName, objectProperties, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';

/** The `Access-Token` header of a headers object: the token, as TikTok's Business API takes it. */
export function accessTokenHeader(headers: Node): Node | undefined {
  return objectProperties(headers).find((property) => /^access-token$/i.test(keyName(property) ?? ''));
}

/** The value of an `Access-Token` header in the call's options. */
export function accessTokenHeaderValue(request: TikTokRequest, context: CodemodContext): Node | undefined {
  return requestHeaderValue(request, context, /^access-token$/i);
}

/** The value of the header whose name matches, in the `headers` object of the call's options. */
export function requestHeaderValue(request: TikTokRequest, context: CodemodContext, name: RegExp): Node | undefined {
  for (const options of request.options) {
    const headers = findProperty(options, 'headers');
    const object = headers && context.folder.objectOf(headers.value);
    const header = object && objectProperties(object).find((property) => name.test(keyName(property) ?? ''));
    if (header) return header.value;
  }
  return undefined;
}

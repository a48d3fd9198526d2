import { findProperty, keyName, objectProperties, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';

/** The `Access-Token` header of a headers object: the token, as TikTok's Business API takes it. */
export function accessTokenHeader(headers: Node): Node | undefined {
  return objectProperties(headers).find((property) => /^access-token$/i.test(keyName(property) ?? ''));
}

/** The value of an `Access-Token` header in the call's options. */
export function accessTokenHeaderValue(request: TikTokRequest, context: CodemodContext): Node | undefined {
  for (const options of request.options) {
    const headers = findProperty(options, 'headers');
    const object = headers && context.folder.objectOf(headers.value);
    const accessToken = object && accessTokenHeader(object);
    if (accessToken) return accessToken.value;
  }
  return undefined;
}

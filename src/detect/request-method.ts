import { calleeName, isMember, keyName, objectProperties, staticString, unwrap } from './ast.js';
import type { TikTokRequest } from './requests.js';

/** The method a request is sent with, where the code says it: an option, the client's method, fetch's GET. */
export function methodOf(request: TikTokRequest): string | undefined {
  for (const options of request.options) {
    const method = objectProperties(options).find((property) => keyName(property) === 'method');
    if (method) return staticString(method.value)?.toUpperCase();
  }
  const callee = unwrap(request.call.callee);
  const name = isMember(callee) ? calleeName(request.call) : undefined;
  if (name && /^(get|post|put|patch|delete)$/i.test(name)) return name.toUpperCase();
  return callee.type === 'Identifier' && callee.name === 'fetch' ? 'GET' : undefined;
}

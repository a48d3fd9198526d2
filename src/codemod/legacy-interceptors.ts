import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, descendants, isCall, isFunction, isMember, memberName, staticString, unwrap, type Node } from '../detect/ast.js';
import type { CodemodContext } from './context.js';

/** What an interceptor of the legacy request works on: the token in its query, its multipart video. */
const LEGACY_REQUEST_PARTS = new RegExp(`\\b(${LEGACY_UPLOAD.queryCredentials.join('|')})\\b`);

/**
 * `tiktokHttp.interceptors.response.use(ok, retryWithNewToken)` where the handler puts a refreshed
 * token into the failed request's `access_token=` or rebuilds its `video` form: it was written for the
 * legacy upload, and the migrated one sends the token as `Authorization: Bearer` and the bytes in a
 * PUT, so the handler no longer does what it was for. A sentence for the site's TODO, naming the
 * handlers; undefined when the client has no such interceptor in this module.
 */
export function legacyInterceptorNote(client: string, context: CodemodContext): string | undefined {
  const handlers: string[] = [];
  for (const call of context.index.ofType('CallExpression')) {
    // `client.interceptors.<kind>.use(…)`; a bare `use(…)` (React's) is no interceptor.
    const callee = unwrap(call.callee);
    if (!isMember(callee) || memberName(callee) !== 'use') continue;
    const interceptors = unwrap(callee.object);
    const kind = isMember(interceptors) ? memberName(interceptors) : undefined;
    const owner = kind ? unwrap(interceptors.object) : undefined;
    if (!owner || !isMember(owner) || memberName(owner) !== 'interceptors' || context.source(unwrap(owner.object)) !== client) continue;
    for (const handler of call.arguments as Node[]) {
      const body = functionOf(handler, context);
      // Named by its name, or by its line when written inline.
      const named =
        unwrap(handler).type === 'Identifier' ? `\`${context.source(handler)}\`` : `(line ${handler.loc?.start.line as number})`;
      if (body && worksOnLegacyParts(body)) handlers.push(`${kind} interceptor ${named}`);
    }
  }
  if (handlers.length === 0) return undefined;
  return `\`${client}\`'s ${handlers.join(' and ')} works on the legacy request (the token in its query, its multipart \`video\`), which is gone: the upload now sends the token as \`Authorization: Bearer\` to the init and PUTs the bytes, so make it set that header instead (a PUT to the upload URL needs no token)`;
}

/** The function a handler argument is: written inline, or a name of this module bound to one. */
function functionOf(handler: Node, context: CodemodContext): Node | undefined {
  const value = unwrap(handler);
  if (isFunction(value)) return value;
  const bound = value.type === 'Identifier' ? context.folder.valueNode(value) : undefined;
  if (bound && isFunction(bound)) return bound;
  const declaration = value.type === 'Identifier' ? context.index.resolve(value)?.declaration : undefined;
  return declaration && isFunction(declaration) ? declaration : undefined;
}

function worksOnLegacyParts(fn: Node): boolean {
  for (const node of descendants(fn)) {
    const text = node.type === 'TemplateElement' ? node.value.cooked : node.type === 'RegExpLiteral' ? node.pattern : staticString(node);
    if (typeof text === 'string' && LEGACY_REQUEST_PARTS.test(text)) return true;
    if (isCall(node) && calleeName(node) === 'append' && staticString(node.arguments[0]) === LEGACY_UPLOAD.videoField) return true;
  }
  return false;
}

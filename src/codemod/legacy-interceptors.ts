import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, descendants, isCall, isFunction, isMember, memberName, staticString, unwrap, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';
import { clientOf } from './http-client.js';

/** What an interceptor of the legacy request works on: the token in its query, its multipart video. */
const LEGACY_REQUEST_PARTS = new RegExp(`\\b(${LEGACY_UPLOAD.queryCredentials.join('|')})\\b`);
/** The header TikTok's Business API takes its token in: never read by v2 nor the Content Posting API. */
const BUSINESS_TOKEN_HEADER = /^access-token$/i;

interface LegacyInterceptor {
  /** `response interceptor \`retry\``, or `(line 61)` for one written inline. */
  readonly label: string;
  /** The `client.interceptors.<kind>.use(…)` call. */
  readonly use: Node;
  /** It sets the token in an `Access-Token` header (and works on no legacy query or form). */
  readonly businessHeader: boolean;
}

/**
 * `tiktokHttp.interceptors.response.use(ok, retryWithNewToken)` where the handler puts a refreshed
 * token into the failed request's `access_token=` or an `Access-Token` header, or rebuilds its `video`
 * form: it was written for the legacy requests of a client that sends TikTok's, and v2 takes the token
 * as `Authorization: Bearer` (the upload's bytes go in a PUT that needs none), so a retry sends the new
 * token where nothing reads it and fails again. One TODO on each such interceptor, its own site: what
 * it says depends on whether the client's requests were rewritten or are left for a person.
 */
export function markLegacyInterceptors(context: CodemodContext, clients: ReadonlyMap<TikTokRequest, string>): void {
  const present = context.nodesInTree();
  const rewritten = new Map<string, boolean>();
  // Whether any legacy request of each client was rewritten (its URL no longer in the tree).
  for (const [request, client] of clients) rewritten.set(client, (rewritten.get(client) ?? false) || !present.has(request.urlArgument));
  for (const [client, moved] of rewritten) {
    for (const handler of legacyInterceptors(client, context)) {
      if (!present.has(handler.use)) continue;
      const now = moved
        ? `which is gone: the migrated requests of this client send the token as \`Authorization: Bearer\`${handler.businessHeader ? '' : ' (an upload PUTs its bytes to an upload URL, which needs no token)'}, so make it set that header instead`
        : 'which v2 reads nowhere: when the TikTok requests of this client move to v2 (see their TODOs), make it set `Authorization: Bearer <token>` instead';
      context.todoAt(
        handler.use,
        `\`${client}\`'s ${handler.label} works on the legacy request (${workedOn(handler)}), ${now}, or a retry sends the refreshed token where nothing reads it and fails again`,
        handler.use,
      );
    }
  }
}

/**
 * The client of each legacy request (`this.http`, `shareClient`), read before the transforms: a
 * request's rewrite replaces the call its client is told from.
 */
export function legacyRequestClients(context: CodemodContext): Map<TikTokRequest, string> {
  const clients = new Map<TikTokRequest, string>();
  for (const request of context.requests) {
    const client = request.match.kind === 'content-posting' ? undefined : clientOf(request, context)?.client;
    if (client) clients.set(request, client);
  }
  return clients;
}

function workedOn(handler: LegacyInterceptor): string {
  return handler.businessHeader
    ? 'the token in an `Access-Token` header, as the Business API takes it'
    : 'the token in its query, its multipart `video`';
}

function legacyInterceptors(client: string, context: CodemodContext): LegacyInterceptor[] {
  const handlers: LegacyInterceptor[] = [];
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
      const works = body && worksOnLegacyParts(body);
      if (!works) continue;
      // Named by its name, or by its line when written inline.
      const named =
        unwrap(handler).type === 'Identifier' ? `\`${context.source(handler)}\`` : `(line ${handler.loc?.start.line as number})`;
      handlers.push({ label: `${kind} interceptor ${named}`, use: call, businessHeader: works === 'business-header' });
    }
  }
  return handlers;
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

function worksOnLegacyParts(fn: Node): 'legacy-parts' | 'business-header' | undefined {
  let business = false;
  for (const node of descendants(fn)) {
    const text = node.type === 'TemplateElement' ? node.value.cooked : node.type === 'RegExpLiteral' ? node.pattern : staticString(node);
    if (typeof text === 'string' && LEGACY_REQUEST_PARTS.test(text)) return 'legacy-parts';
    if (isCall(node) && calleeName(node) === 'append' && staticString(node.arguments[0]) === LEGACY_UPLOAD.videoField)
      return 'legacy-parts';
    if (typeof text === 'string' && BUSINESS_TOKEN_HEADER.test(text)) business = true;
  }
  return business ? 'business-header' : undefined;
}

import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { DIRECT_POST_INIT_URL, INBOX_VIDEO_INIT, PUBLISH_STATUS_FETCH } from '../../src/contract/index.js';
import { calleeName, findProperty, isCall, isMember, keyName, objectProperties, unwrap, type Node } from '../../src/detect/ast.js';
import { requestBodies, type TikTokRequest } from '../../src/detect/requests.js';

/**
 * The object literals a request sends as its body, written in this module: an argument or a body
 * option itself, or what it wraps (`new URLSearchParams({ … })`, `JSON.stringify({ … })`), or the
 * object a name holds.
 */
function bodyObjects(context: CodemodContext, request: TikTokRequest): Node[] {
  return requestBodies(request, context.index).flatMap((body) => {
    const value = unwrap(body);
    const wraps = value.type === 'NewExpression' || (isCall(value) && calleeName(value) === 'stringify');
    const fields = wraps ? value.arguments[0] : value;
    const object = fields && context.folder.objectOf(fields);
    return object ? [object] : [];
  });
}

/** What the Content Posting endpoints read of their JSON body: the keys it must have, and (status fetch) the only ones it takes. */
const BODY_KEYS: Readonly<Record<string, { readonly needs: readonly string[]; readonly only?: readonly string[] }>> = {
  [INBOX_VIDEO_INIT.url]: { needs: ['source_info'] },
  [DIRECT_POST_INIT_URL]: { needs: ['source_info', 'post_info'] },
  [PUBLISH_STATUS_FETCH.url]: { needs: ['publish_id'], only: ['publish_id'] },
};

/**
 * Whether the body is the one the endpoint reads: an init's `source_info` (and Direct Post's
 * `post_info`), the status fetch's `publish_id` alone. A flat `{ source, video_url }` sent to the init,
 * or a caption sent to the status fetch (which publishes nothing), was written for no v2 endpoint:
 * the host alone would not make it work, so it keeps its TODO. A body not written here is not read.
 */
export function bodyFits(context: CodemodContext, request: TikTokRequest, endpoint: string): boolean {
  const keys = BODY_KEYS[endpoint];
  if (!keys) return true;
  return bodyObjects(context, request).some((object) => {
    const names = objectProperties(object).map((property) => keyName(property));
    return keys.needs.every((key) => names.includes(key)) && (!keys.only || names.every((name) => name && keys.only!.includes(name)));
  });
}

/**
 * `new URLSearchParams({ client_id: …, client_secret, … })` sent to the v2 token endpoint: v2 knows
 * the app by `client_key` only (OAuth's usual `client_id` is refused), so the entry takes that name,
 * its value kept. True when an entry was renamed.
 */
export function nameClientKey(context: CodemodContext, request: TikTokRequest): boolean {
  const objects = bodyObjects(context, request);
  if (objects.some((object) => findProperty(object, 'client_key'))) return false;
  const entry = objects.map((object) => findProperty(object, 'client_id')).find((found) => found && !found.computed);
  if (!entry) return false;
  // `{ client_id }`: the name keeps its value under the key v2 reads.
  if (entry.shorthand) {
    context.pathOf(entry).replace(context.j.objectProperty(context.j.identifier('client_key'), entry.value));
    return true;
  }
  const key = unwrap(entry.key);
  if (key.type === 'Identifier') context.pathOf(key).replace(context.j.identifier('client_key'));
  else replaceLiteral(context, key, 'client_key');
  return true;
}

/** The entries of the request's `params: { … }` (axios's query), when its options write them out. */
export function paramsOf(request: TikTokRequest): Node[] | undefined {
  const params = request.options.map((options) => findProperty(options, 'params')?.value).find(Boolean);
  return params && unwrap(params).type === 'ObjectExpression' ? objectProperties(unwrap(params)) : undefined;
}

/**
 * `params: { open_id, fields }`: v2 knows the user by the token and takes no `open_id`; a name or a
 * member read goes with its entry (a call's value would be run no more, so it stays, as written).
 */
export function dropOpenIdParam(context: CodemodContext, request: TikTokRequest): void {
  const entry = paramsOf(request)?.find((property) => keyName(property) === 'open_id');
  const value = entry && entry.value && unwrap(entry.value);
  if (value && (value.type === 'Identifier' || isMember(value))) context.removeEntry(context.pathOf(entry));
}

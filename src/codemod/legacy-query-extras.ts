import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, isObjectProperty, keyName, objectProperties, staticString, unwrap, type Node } from '../detect/ast.js';
import { HOLE } from '../detect/folded.js';
import { QUERY_OPTIONS } from '../detect/query-tokens.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';
import { quoted } from './todo.js';

const CREDENTIALS: readonly string[] = LEGACY_UPLOAD.queryCredentials;
const PARAMETER_NAME = new RegExp(`[?&]([^=&#${HOLE}]+)=`, 'g');

/**
 * What the legacy upload's query sent besides `access_token` and `open_id`: `&client=desktop` in its
 * URL, `params: { videoPath }` (an interceptor read it back), a superagent `.query({…})`. The
 * Content Posting init takes no query, so those values are no longer sent and the site's TODO names
 * them; a query object that cannot be read here is named whole.
 */
export function queryExtras(request: TikTokRequest, context: CodemodContext): string[] {
  const names: string[] = [];
  const text = request.url.pieces.map((piece) => piece.text ?? HOLE).join('');
  for (const match of text.matchAll(PARAMETER_NAME)) names.push(match[1]);
  for (const piece of request.url.pieces) if (piece.query) names.push(...keysOf(piece.query, context));
  for (const options of request.options)
    for (const property of objectProperties(options)) {
      const key = keyName(property);
      if (key && QUERY_OPTIONS.includes(key)) names.push(...queryObject(property.value, key, context));
    }
  for (const chained of request.chain) {
    if (calleeName(chained) !== 'query' || !chained.arguments[0]) continue;
    const literal = staticString(unwrap(chained.arguments[0]));
    if (literal === undefined) names.push(...queryObject(chained.arguments[0], 'query', context));
    else for (const match of `?${literal}`.matchAll(PARAMETER_NAME)) names.push(match[1]);
  }
  return [...new Set(names.filter((name) => !CREDENTIALS.includes(name)))];
}

function queryObject(value: Node, key: string, context: CodemodContext): string[] {
  const object = context.folder.objectOf(value);
  return object ? keysOf(object, context) : [`${key}: ${quoted(context.source(value), 40)}`];
}

/** Each key of a query object; a spread or a computed key as written. */
function keysOf(object: Node, context: CodemodContext): string[] {
  return (object.properties as Node[]).map(
    (property) => (isObjectProperty(property) && keyName(property)) || quoted(context.source(property), 40),
  );
}

import { LEGACY_UPLOAD } from '../contract/index.js';
import { requestQueryParameters } from '../detect/query-tokens.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';
import { quoted } from './todo.js';

const CREDENTIALS: readonly string[] = LEGACY_UPLOAD.queryCredentials;

/**
 * What the legacy upload's query sent besides `access_token` and `open_id`: `&client=desktop` in its
 * URL, `params: { videoPath }` (an interceptor read it back), a superagent `.query({…})`. The
 * Content Posting init takes no query, so those values are no longer sent and the site's TODO names
 * them; a spread, or a query object that cannot be read here, is named as written.
 */
export function queryExtras(request: TikTokRequest, context: CodemodContext): string[] {
  const names = requestQueryParameters(request, context.index, context.folder)
    .filter((parameter) => parameter.name === undefined || !CREDENTIALS.includes(parameter.name))
    .map((parameter) => parameter.name ?? quoted(context.source(parameter.node), 40));
  return [...new Set(names)];
}

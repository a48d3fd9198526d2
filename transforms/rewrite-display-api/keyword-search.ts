import { findingsOfRequest, type CodemodContext } from '../../src/codemod/context.js';
import { jsonBody } from '../../src/codemod/extract-video.js';
import { V2_VIDEO_QUERY_URL } from '../../src/contract/index.js';
import { keyName, objectProperties } from '../../src/detect/ast.js';
import { isPathOf } from '../../src/detect/classify-url.js';
import { requestBodies, type TikTokRequest } from '../../src/detect/requests.js';

/** Names a body gives the words it searches for. */
const SEARCH_KEYS = /^(?:query|keywords?|search(?:_?term)?|q|term|hashtags?)$/i;

/**
 * A video query (v1's path or v2's on the retired host) sent a search (`{ query, max_count }`) and no
 * `filters`: no version of it ever searched. It looks videos up by id, the creator's own, so the
 * advice of its finding to send `filters.video_ids` would drop the search in silence: the TODO says
 * what the call cannot do and where a search is, with the keys that have no place in it.
 */
export function explainKeywordSearches(context: CodemodContext): void {
  for (const request of context.requests) {
    if (!['v2-path-on-legacy-host', 'legacy-unmapped'].includes(request.match.kind)) continue;
    const path = request.match.path.replace(/^\/v2\//, '/');
    if (!isPathOf(V2_VIDEO_QUERY_URL, `/v2${path}`)) continue;
    const keys = bodyKeys(context, request);
    const search = keys.filter((key) => SEARCH_KEYS.test(key));
    if (search.length === 0 || keys.includes('filters')) continue;
    // The client's own options (axios's config beside the body) are no part of what is sent.
    const others = keys.filter((key) => !search.includes(key) && !['fields', 'headers', 'params', 'timeout'].includes(key));
    const sent = findingsOfRequest(context, request);
    const own = context.unhandled((finding) => finding.ruleId === 'no-unmapped-legacy-endpoint' && sent.includes(finding));
    const [first, ...rest] = own;
    if (!first) continue;
    const named = [...search, ...others].map((key) => `\`${key}\``).join(', ');
    context.defer(
      first,
      `${first.data.legacy} ${request.match.kind === 'legacy-unmapped' ? 'is a path of the retired v1 host, where every call fails now' : 'puts a v2 path on the retired v1 host, which never served one (every call fails)'}, and it searches by ${search.map((key) => `\`${key}\``).join(', ')}, which no video query takes: v2's POST ${V2_VIDEO_QUERY_URL}?fields=… looks up the creator's own videos by id ({"filters":{"video_ids":[…]}}, at most 20), and the Display API has no keyword search, so ${named} have no place in it: give it the ids of the videos (the video list answers them), or search through TikTok's Research API (its own application and approval)`,
    );
    for (const finding of rest) context.defer(finding, `part of the video search above, which no TikTok video query takes: see its TODO`);
  }
}

function bodyKeys(context: CodemodContext, request: TikTokRequest): string[] {
  return requestBodies(request, context.index).flatMap((body) => {
    const object = jsonBody(body, context);
    return object ? objectProperties(object).map((property) => keyName(property) ?? '') : [];
  });
}

import { V2_USER_INFO_URL } from '../contract/index.js';
import { hasUnlistedEntries, keyName, objectProperties, unwrap, type Node } from './ast.js';
import { isPathOf } from './classify-url.js';
import { foldedText, HOLE } from './folded.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';

/** The options keys clients take a query in (axios's `params`, got's and ky's `searchParams`). */
const QUERY_OPTIONS = new Set(['params', 'searchParams', 'query', 'qs']);

/**
 * A call to v2 user info on its own host that names no `fields` (`axios.get('…/v2/user/info/', {
 * headers })`): v2 answers only the fields a call asks for, so every field read of the user is
 * undefined, where v1 answered a default set. Not where the query is built out of sight (a
 * placeholder in it, query options the code does not write out): it may name them there.
 */
export function findV2UserInfoWithoutFields(requests: readonly TikTokRequest[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const request of requests) {
    if (request.match.kind !== 'content-posting' || !isPathOf(V2_USER_INFO_URL, request.match.path)) continue;
    const url = foldedText(request.url);
    const query = request.match.queryStart === -1 ? '' : url.slice(request.match.queryStart);
    if (/[?&]fields=/.test(query) || query.includes(HOLE) || url.includes(HOLE)) continue;
    if (!queryOptionsWrittenWithoutFields(request.options)) continue;
    findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'v2UserInfoNoFields', node: request.call, data: {} });
  }
  return findings;
}

/** Whether the request's options, where they name a query, write it out without `fields`. */
function queryOptionsWrittenWithoutFields(options: readonly Node[]): boolean {
  for (const object of options) {
    for (const property of objectProperties(object)) {
      if (!QUERY_OPTIONS.has(keyName(property) ?? '')) continue;
      const value = unwrap(property.value);
      if (value.type !== 'ObjectExpression') return false;
      if (hasUnlistedEntries(value) || objectProperties(value).some((entry) => keyName(entry) === 'fields')) return false;
    }
  }
  return true;
}

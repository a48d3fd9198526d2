import { V2_TOKEN_URL } from '../contract/index.js';
import { calleeName, isCall, isIdentifier, isMember, keyName, objectProperties, unwrap, type Node } from './ast.js';
import { isPathOf } from './classify-url.js';
import { foldedText, HOLE } from './folded.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';

/** Whether a request goes to the v2 token endpoint (by hand, before the run), on its host or on the retired one. */
export function isV2TokenCall(request: TikTokRequest): boolean {
  // `https://open-api.tiktok.com/v2/oauth/token/`: the v2 call written on the old host, its habits the same.
  const kind = request.match.kind === 'content-posting' || request.match.kind === 'v2-path-on-legacy-host';
  return kind && isPathOf(V2_TOKEN_URL, request.match.path);
}

/**
 * The JSON body of a call to the v2 token endpoint: axios's object literal data, fetch's
 * `body: JSON.stringify(…)`, got's and ky's `json`. v2 takes a form-encoded body only (§2.8), so the
 * call always fails (`invalid_request`): code moved to the v2 URL that kept v1's JSON habit.
 */
export function findV2TokenJsonBodies(requests: readonly TikTokRequest[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const request of requests) {
    if (!isV2TokenCall(request)) continue;
    // `fetch(\`…/v2/oauth/token/?${params}\`)`: the fields in the query, where v1 read them; v2 reads none there.
    if (request.match.queryStart !== -1 && queryHoldsTokenFields(foldedText(request.url).slice(request.match.queryStart))) {
      findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'v2TokenQuery', node: request.call, data: {} });
      continue;
    }
    const body = v2TokenJsonBody(request);
    if (body) findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'v2TokenJsonBody', node: body, data: {} });
  }
  return findings;
}

/** What the token endpoint takes, or a part of the query not written here (`?${params}`). */
const TOKEN_QUERY = new RegExp(`[?&](?:client_key|client_secret|code|grant_type|refresh_token)=|${HOLE}`);

/** A query that holds the token call's fields (`?fields=open_id` is another endpoint's, meant elsewhere). */
function queryHoldsTokenFields(query: string): boolean {
  return TOKEN_QUERY.test(query);
}

/** The JSON body a v2 token call sends, if it sends one. */
export function v2TokenJsonBody(request: TikTokRequest): Node | undefined {
  const callee = unwrap(request.call.callee);
  // `axios.post(url, { … })`, `client.post(url, { … })`: axios sends a plain object as JSON.
  const data = request.call.arguments[1] as Node | undefined;
  const posts =
    isMember(callee) &&
    ['post', 'put', 'patch'].includes(calleeName(request.call) ?? '') &&
    request.call.arguments[0] === request.urlArgument;
  // got's and ky's second argument is their options: the fields themselves say it is the body.
  const fields =
    posts && data && unwrap(data).type === 'ObjectExpression' ? objectProperties(unwrap(data)).map((property) => keyName(property)) : [];
  if (fields.includes('grant_type') || fields.includes('client_key')) return data;
  // got's and ky's `.post(url, { json: { … } })`: the second argument is their options.
  for (const options of request.options) {
    for (const property of objectProperties(options)) {
      const key = keyName(property);
      const value = unwrap(property.value);
      // got's and ky's `json: { … }` body; request's `json: true` only asks for the answer parsed.
      if (key === 'json' && value.type === 'ObjectExpression') return property.value;
      if (key === 'body' && isCall(value) && calleeName(value) === 'stringify' && isIdentifier(unwrap(value.callee).object, 'JSON'))
        return property.value;
    }
  }
  return undefined;
}

import { findingsOfRequest, siteReason, type CodemodContext } from '../../src/codemod/context.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { requestParams, type ParamValue } from '../../src/codemod/request-params.js';
import { carriedOptions, v1RequestParts } from '../../src/codemod/v1-request.js';
import { V2_USER_INFO_URL } from '../../src/contract/index.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { userFields } from './user-fields.js';
import { planErrorCodeReads } from './error-code-reads.js';

/** Parameters of the v1 user info; v2 takes the token as a header, knows the user by it, and wants the fields in the query. */
const KNOWN_PARAMS = new Set(['access_token', 'open_id', 'fields']);

/**
 * The v1 user info, `POST open-api.tiktok.com/user/info/` with the token in the query or the JSON
 * body, becomes `GET https://open.tiktokapis.com/v2/user/info/?fields=…` with `Authorization: Bearer`
 * and no body (§2.7, §2.8), in the module's own client (fetch or axios). The fields are the legacy
 * body's, or the ones the code reads of `data.user`. `data.user` reads stay; `error.code` becomes the
 * string "ok" on success, so comparisons with 0 and the module's type of it follow. A site the codemod
 * cannot carry whole keeps its code and gets one TODO saying why.
 */
export function rewriteUserInfoCalls(context: CodemodContext): void {
  for (const request of context.requests) {
    if (request.match.kind !== 'v1-endpoint' || request.match.v1?.rewrite !== 'user-info') continue;
    if (context.unhandled((finding) => finding.node === request.call && finding.messageId === 'userInfo').length === 0) continue;
    const related = findingsOfRequest(context, request).filter(
      (finding) =>
        (finding.ruleId === 'no-v1-oauth-endpoint' && finding.messageId === 'userInfo') || finding.ruleId === 'no-token-in-query',
    );
    const reason = rewriteUserInfo(context, request);
    for (const finding of related) settle(context, finding, request, reason);
  }
}

function settle(context: CodemodContext, finding: RawFinding, request: TikTokRequest, reason: string | undefined): void {
  if (reason === undefined) {
    context.record(finding, 'rewritten', `now GET ${V2_USER_INFO_URL}?fields=… with Authorization: Bearer`);
    return;
  }
  const whole = `the v1 user info is not rewritten: ${reason}; send GET ${V2_USER_INFO_URL}?fields=<the fields read> with the header Authorization: Bearer <token> and no body (data.user is as before; error.code is "ok" on success)`;
  context.defer(finding, siteReason(context, finding, request, whole, 'user info request'));
}

function rewriteUserInfo(context: CodemodContext, request: TikTokRequest): string | undefined {
  const parts = v1RequestParts(context, request, V2_USER_INFO_URL);
  if ('reason' in parts) return parts.reason;
  const { axios, callee, options, body } = parts;
  const found = requestParams(context, request, body);
  if ('reason' in found) return found.reason;
  const unknown = [...found.params.keys()].filter((key) => !KNOWN_PARAMS.has(key));
  if (unknown.length > 0) return `it also sends ${unknown.map((key) => `\`${key}\``).join(', ')}, which v2 user info does not take`;
  const token = found.params.get('access_token');
  if (!token) return 'its `access_token` cannot be found here';
  const fields = userFields(context, request, found.params.get('fields'));
  if ('reason' in fields) return fields.reason;
  const carried = carriedOptions(context, options, axios);
  if ('reason' in carried) return carried.reason;
  const reads = planErrorCodeReads(context, request);
  if ('reason' in reads) return reads.reason;

  const url = `'${V2_USER_INFO_URL}?fields=${fields.names.join(',')}'`;
  const headers = `headers: { Authorization: ${bearer(context, token)} }`;
  const rest = carried.text ? `, ${carried.text}` : '';
  const typeArguments = request.call.typeParameters ?? request.call.typeArguments;
  const generic = typeArguments ? context.source(typeArguments) : '';
  const text = axios
    ? `${context.source(callee.object)}.get${generic}(${url}, { ${headers}${rest} })`
    : `${context.source(request.call.callee)}(${url}, { method: 'GET', ${headers}${rest} })`;
  for (const edit of reads.edits) edit();
  context.pathOf(request.call).replace(context.j.template.expression([text]));
  removeDeadBindings(context, request.call);
  return undefined;
}

/** `Bearer ${token}`, the token's own expression moved into the header (never evaluated twice). */
function bearer(context: CodemodContext, token: ParamValue): string {
  if ('text' in token) return `'Bearer ${token.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const source = 'source' in token ? token.source : context.source(token.node);
  return `\`Bearer \${${source}}\``;
}

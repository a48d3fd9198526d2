import type { CodemodContext } from '../../src/codemod/context.js';
import { clientOf } from '../../src/codemod/http-client.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { V2_TOKEN_URL } from '../../src/contract/index.js';
import { calleeName, isMember, keyName, objectProperties, unwrap, type Node } from '../../src/detect/ast.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { findRedirectUri } from './find-redirect-uri.js';
import { tokenParams, type ParamValue } from './token-params.js';
import { planTokenReads } from './token-response-reads.js';
import { planTokenType } from './token-response-type.js';

const V1_EXCHANGE_PATH = '/oauth/access_token/';
/** What the v2 exchange takes (§2.8); `code_verifier` for desktop and mobile apps (PKCE). */
const SENT = ['client_key', 'client_secret', 'code', 'grant_type', 'redirect_uri', 'code_verifier'];
/** Options of the legacy request that only shaped it: the new one sets its own. */
const REPLACED_OPTIONS = new Set(['method', 'body', 'headers', 'params', 'data', 'url']);
const FORM_HEADERS = /^(content-type|cache-control|accept)$/i;

/**
 * The v1 code exchange, `POST open-api.tiktok.com/oauth/access_token/` with its parameters in the
 * query, becomes `POST https://open.tiktokapis.com/v2/oauth/token/` with a form-encoded body holding
 * the same values and the `redirect_uri` the authorize step sent (§2.8), in the module's own client
 * (fetch or axios). The reads of the answer follow its new, flat shape. A site the codemod cannot
 * carry whole keeps its code and gets a TODO saying why.
 */
export function rewriteTokenExchanges(context: CodemodContext): void {
  for (const request of context.requests) {
    if (request.match.kind !== 'v1-endpoint' || request.match.v1?.path !== V1_EXCHANGE_PATH) continue;
    const findings = context.unhandled((finding) => finding.node === request.call && finding.messageId === 'exchange');
    if (findings.length === 0) continue;
    const reason = rewriteExchange(context, request);
    for (const finding of findings) settle(context, finding, reason);
  }
}

function settle(context: CodemodContext, finding: RawFinding, reason: string | undefined): void {
  if (reason === undefined) {
    context.record(finding, 'rewritten', `now POST ${V2_TOKEN_URL}, form-encoded, with the redirect_uri; its answer is read flat`);
    return;
  }
  context.defer(
    finding,
    `the v1 code exchange is not rewritten: ${reason}; send POST ${V2_TOKEN_URL} with a form-encoded body (client_key, client_secret, code, grant_type=authorization_code, redirect_uri) and read its answer flat (access_token, open_id, refresh_token at the top)`,
  );
}

function rewriteExchange(context: CodemodContext, request: TikTokRequest): string | undefined {
  const client = clientOf(request, context);
  if (!client || !['fetch', 'node-fetch', 'undici-fetch', 'axios'].includes(client.kind))
    return `the codemod rewrites it with fetch and axios, and this request goes through ${client?.kind ?? 'a function it cannot see into'}`;
  const axios = client.kind === 'axios';
  const callee = unwrap(request.call.callee);
  const method = calleeName(request.call);
  if (axios && (!isMember(callee) || !['post', 'get'].includes(method ?? '')))
    return 'the axios call is not `.post()` or `.get()` with the URL first';
  const config = axios ? request.call.arguments[method === 'post' ? 2 : 1] : request.call.arguments[1];
  const options = config ? context.folder.objectOf(config) : undefined;
  const body = axios
    ? method === 'post' && request.call.arguments[1] && !isNullish(request.call.arguments[1])
      ? request.call.arguments[1]
      : undefined
    : options && objectProperties(options).find((property) => keyName(property) === 'body')?.value;
  const found = tokenParams(context, request, body);
  if ('reason' in found) return found.reason;
  const { params } = found;
  const unknown = [...params.keys()].filter((key) => !SENT.includes(key));
  if (unknown.length > 0) return `it also sends ${unknown.map((key) => `\`${key}\``).join(', ')}, which the v2 exchange does not take`;
  for (const key of ['client_key', 'client_secret', 'code']) if (!params.has(key)) return `its \`${key}\` cannot be found here`;
  const grant = params.get('grant_type');
  if (grant && !('text' in grant && grant.text === 'authorization_code')) return 'its grant_type is not the literal authorization_code';
  const redirect = params.get('redirect_uri') ?? findRedirectUri(context);
  if (!redirect)
    return 'the redirect_uri the authorize step sent cannot be found in this module, and v2 requires the same one here (add it to the body)';
  const carried = carriedOptions(context, options, axios);
  if ('reason' in carried) return carried.reason;
  const reads = planTokenReads(context, request);
  if ('reason' in reads) return reads.reason;
  const types = context.isTypeScript ? planTokenType(context, request) : { edits: [] };
  if ('reason' in types) return types.reason;

  const value = (entry: ParamValue) =>
    'text' in entry
      ? `'${entry.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
      : 'source' in entry
        ? entry.source
        : context.source(entry.node);
  // `code: code` is written `code`, as a person would.
  const entry = (key: string, param: ParamValue) => (value(param) === key ? key : `${key}: ${value(param)}`);
  const entries = [
    ...['client_key', 'client_secret', 'code'].map((key) => entry(key, params.get(key)!)),
    "grant_type: 'authorization_code'",
    entry('redirect_uri', redirect),
    ...(params.has('code_verifier') ? [entry('code_verifier', params.get('code_verifier')!)] : []),
  ];
  // URLSearchParams wants strings; the values are the ones the v1 query sent as text either way.
  const form = `new URLSearchParams({ ${entries.join(', ')} }${context.isTypeScript ? ' as Record<string, string>' : ''})`;
  const headers = "headers: { 'Content-Type': 'application/x-www-form-urlencoded' }";
  const rest = carried.text ? `, ${carried.text}` : '';
  // The answer's own type argument stays (`axios.post<TokenResponse>`): that type is made flat with it.
  const typeArguments = request.call.typeParameters ?? request.call.typeArguments;
  const generic = typeArguments ? context.source(typeArguments) : '';
  const text = axios
    ? `${context.source(callee.object)}.post${generic}('${V2_TOKEN_URL}', ${form}, { ${headers}${rest} })`
    : `${context.source(request.call.callee)}('${V2_TOKEN_URL}', { method: 'POST', ${headers}, body: ${form}${rest} })`;
  for (const edit of [...reads.edits, ...types.edits]) edit();
  context.pathOf(request.call).replace(context.j.template.expression([text]));
  removeDeadBindings(context, request.call);
  return undefined;
}

/** The request's other options (a timeout, a signal), carried over as they are; headers only when they described the form. */
function carriedOptions(context: CodemodContext, options: Node | undefined, axios: boolean): { text?: string } | { reason: string } {
  if (!options) return {};
  const kept: string[] = [];
  for (const property of objectProperties(options)) {
    const key = property.type === 'SpreadElement' ? undefined : keyName(property);
    if (key === undefined) return { reason: 'its request options use a spread or a computed key' };
    if (key === 'headers') {
      const headers = context.folder.objectOf(property.value);
      const names = headers ? objectProperties(headers).map((header) => keyName(header)) : [undefined];
      if (names.some((name) => name === undefined || !FORM_HEADERS.test(name)))
        return { reason: 'its request sends headers of its own, which the codemod does not carry over' };
      continue;
    }
    if (REPLACED_OPTIONS.has(key) || (!axios && key === 'method')) continue;
    kept.push(context.source(property));
  }
  return { text: kept.length > 0 ? kept.join(', ') : undefined };
}

function isNullish(node: Node): boolean {
  const value = unwrap(node);
  return (
    value.type === 'NullLiteral' ||
    (value.type === 'Literal' && value.value === null) ||
    (value.type === 'Identifier' && value.name === 'undefined')
  );
}

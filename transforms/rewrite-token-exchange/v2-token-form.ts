import type { CodemodContext } from '../../src/codemod/context.js';
import { clientOf } from '../../src/codemod/http-client.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { entryOf, paramSource, requestParams } from '../../src/codemod/request-params.js';
import { findRedirectUri } from './app-values.js';
import { carriedOptions, v1RequestParts, type V1RequestParts } from '../../src/codemod/v1-request.js';
import { replaceV1Request } from '../../src/codemod/v2-request.js';
import { V2_TOKEN_URL } from '../../src/contract/index.js';
import { calleeName, contains, isCall, keyName, objectProperties, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';

/** The clients whose JSON body becomes a form by wrapping its fields in `new URLSearchParams(…)` (ky's as its `body`). */
const WRAPPED = new Set(['axios', 'fetch', 'node-fetch', 'undici-fetch', 'ky']);

/**
 * A call already sent to the v2 token endpoint with v1's JSON habit (`axios.post(V2_TOKEN_URL, { … })`,
 * `body: JSON.stringify({ … })`): v2 takes a form only, so every such call fails. Its fields are sent
 * as the form they are (`new URLSearchParams({ … })`, which fetch and axios encode and label
 * themselves), and a Content-Type header that says JSON says form. Undefined when done, else why not.
 */
export function sendAsForm(context: CodemodContext, request: TikTokRequest, body: Node): string | undefined {
  const client = clientOf(request, context)?.kind;
  const option = context.index.parent(body);
  const jsonOption = option?.type === 'ObjectProperty' || option?.type === 'Property' ? keyName(option) === 'json' && option : undefined;
  // got's own `form` option encodes a form as `json` encodes JSON: only the key changes.
  if (client === 'got' && jsonOption && !jsonOption.computed) {
    context.pathOf(jsonOption.key).replace(context.j.identifier('form'));
    return undefined;
  }
  if (!client || !WRAPPED.has(client)) return 'this client is not one whose body the codemod knows how to send as a form';
  const stringified = isCall(unwrap(body)) && calleeName(unwrap(body)) === 'stringify';
  const fields = stringified ? unwrap(body).arguments[0] : body;
  // `JSON.stringify(payload)` of a `const payload = { … }` here will do as well: URLSearchParams takes the record.
  const record = fields && context.folder.objectOf(fields);
  if (!record) return 'its fields are not an object written in this module';
  // `{ client_key, client_secret, code, grant_type: 'authorization_code' }` and no redirect_uri: v2
  // refuses a code exchange without the one the authorize step sent (§2.8), so it goes in with the form.
  const redirect = missingRedirectUri(context, request, record);
  if (redirect && 'reason' in redirect) return redirect.reason;
  const contentTypes = request.options.flatMap((options) => {
    const headers = objectProperties(options).find((property) => keyName(property) === 'headers');
    const value = headers && unwrap(headers.value);
    return value?.type === 'ObjectExpression'
      ? objectProperties(value).filter((header) => /^content-type$/i.test(keyName(header) ?? ''))
      : [];
  });
  const unreadable = contentTypes.find((header) => staticString(header.value) === undefined);
  if (unreadable) return 'its Content-Type header is not a literal';
  for (const header of contentTypes)
    if (!/x-www-form-urlencoded/i.test(staticString(header.value)!))
      replaceLiteral(context, unwrap(header.value), 'application/x-www-form-urlencoded');
  // The call's first line is printed anew: the strings written on it keep their own quotes.
  for (const literal of [...context.index.ofType('StringLiteral'), ...context.index.ofType('Literal')])
    if (contains(request.call, literal) && context.source(literal).startsWith("'")) context.keptQuotes.add(context.source(literal));
  const { j } = context;
  // URLSearchParams wants strings; the values are the app's key, secret and the code, sent as text.
  const argument = context.isTypeScript
    ? j.tsAsExpression(
        fields,
        j.tsTypeReference(j.identifier('Record'), j.tsTypeParameterInstantiation([j.tsStringKeyword(), j.tsStringKeyword()])),
      )
    : fields;
  if (redirect) record.properties.push(j.objectProperty(j.identifier('redirect_uri'), j.template.expression([redirect.source])));
  const form = j.newExpression(j.identifier('URLSearchParams'), [argument]);
  // ky's `json: { … }` is a `body` of the form.
  if (jsonOption) context.pathOf(jsonOption.key).replace(j.identifier('body'));
  context.pathOf(body).replace(form);
  return undefined;
}

/**
 * The redirect URI a code exchange's fields lack (a `code` sent, or grant_type authorization_code,
 * and no `redirect_uri`), found where the v1 exchange's rewrite finds it; why not, when it is not in
 * the module; undefined when the fields need none.
 */
function missingRedirectUri(
  context: CodemodContext,
  request: TikTokRequest,
  record: Node,
): { source: string } | { reason: string } | undefined {
  const keys = objectProperties(record).map((property) => keyName(property));
  const grant = objectProperties(record).find((property) => keyName(property) === 'grant_type');
  const codeGrant = keys.includes('code') || staticString(grant?.value) === 'authorization_code';
  if (!codeGrant || keys.includes('redirect_uri') || keys.includes(undefined)) return undefined;
  const found = findRedirectUri(context, request.call);
  if (!found)
    return {
      reason:
        'it sends no redirect_uri, which v2 requires of a code exchange (the same one the authorize step sent), and none can be found in this module: add it to the fields',
    };
  return { source: paramSource(context, found) };
}

/** What the v2 token endpoint reads from its form, whatever the grant. */
const FORM_FIELDS = ['client_key', 'client_secret', 'code', 'grant_type', 'redirect_uri', 'refresh_token', 'code_verifier'];

/**
 * A call to the v2 token endpoint with its fields in the query, as v1 took them
 * (`fetch(\`https://open.tiktokapis.com/v2/oauth/token/?${params}\`)`): v2 reads a form-encoded POST
 * body only. The same fields go as that body, in the call's own client; the answer was read the v2
 * way already. Undefined when done, else why not.
 */
export function sendQueryAsForm(context: CodemodContext, request: TikTokRequest): string | undefined {
  const parts = v1RequestParts(context, request, V2_TOKEN_URL);
  if ('reason' in parts) return parts.reason;
  if (parts.body) return 'it sends a body besides its query';
  const found = requestParams(context, request, parts.body);
  if ('reason' in found) return found.reason;
  const unknown = [...found.params.keys()].filter((key) => !FORM_FIELDS.includes(key));
  if (unknown.length > 0)
    return `its query also holds ${unknown.map((key) => `\`${key}\``).join(', ')}, which the v2 token endpoint does not take`;
  if (!found.params.has('grant_type')) return 'its query names no grant_type';
  const carried = carriedOptions(context, parts);
  if ('reason' in carried) return carried.reason;
  const entries = [...found.params].map(([key, value]) => entryOf(context, key, value));
  postForm(context, request, parts, V2_TOKEN_URL, entries, carried.entries);
  removeDeadBindings(context, request.call);
  return undefined;
}

/** The request written anew as a v2 OAuth call: a POST of a form-encoded body, in the call's own client. */
export function postForm(
  context: CodemodContext,
  request: TikTokRequest,
  parts: V1RequestParts,
  url: string,
  entries: readonly string[],
  rest: readonly string[] | undefined,
): void {
  replaceV1Request(context, request, parts, {
    method: 'POST',
    url: `'${url}'`,
    headers: [['Content-Type', "'application/x-www-form-urlencoded'"]],
    body: { as: 'form', entries },
    rest,
  });
}

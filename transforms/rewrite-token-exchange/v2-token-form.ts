import type { CodemodContext } from '../../src/codemod/context.js';
import { clientOf } from '../../src/codemod/http-client.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { calleeName, isCall, keyName, objectProperties, rangeOf, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';

function within(node: Node, outer: Node): boolean {
  const [start, end] = rangeOf(node);
  const [from, to] = rangeOf(outer);
  return from <= start && end <= to;
}

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
  if (!fields || !context.folder.objectOf(fields)) return 'its fields are not an object written in this module';
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
    if (within(literal, request.call) && context.source(literal).startsWith("'")) context.keptQuotes.add(context.source(literal));
  const { j } = context;
  // URLSearchParams wants strings; the values are the app's key, secret and the code, sent as text.
  const argument = context.isTypeScript
    ? j.tsAsExpression(
        fields,
        j.tsTypeReference(j.identifier('Record'), j.tsTypeParameterInstantiation([j.tsStringKeyword(), j.tsStringKeyword()])),
      )
    : fields;
  const form = j.newExpression(j.identifier('URLSearchParams'), [argument]);
  // ky's `json: { … }` is a `body` of the form.
  if (jsonOption) context.pathOf(jsonOption.key).replace(j.identifier('body'));
  context.pathOf(body).replace(form);
  return undefined;
}

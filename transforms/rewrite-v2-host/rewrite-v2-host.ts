import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { methodOf } from '../../src/codemod/http-client.js';
import { bearerTokenIn } from '../../src/codemod/v1-request.js';
import {
  DIRECT_POST_INIT_URL,
  INBOX_VIDEO_INIT,
  LEGACY_API_HOSTS,
  PUBLISH_STATUS_FETCH,
  PUBLISH_STATUSES,
  V2_ENDPOINT_SHAPES,
  V2_REVOKE_URL,
  V2_TOKEN_URL,
} from '../../src/contract/index.js';
import {
  calleeName,
  contains,
  findProperty,
  isCall,
  isMember,
  keyName,
  objectProperties,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { classifyUrl, isPathOf } from '../../src/detect/classify-url.js';
import { foldedText } from '../../src/detect/folded.js';
import { requestBodies, type TikTokRequest } from '../../src/detect/requests.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { formatMessage, RULES } from '../../src/detect/rule-catalog.js';
import { Taint } from '../../src/detect/taint.js';
import { testsErrorForTruth } from '../../src/codemod/error-object-tests.js';
import { legacyStatusValues } from '../../src/codemod/status-values.js';
import { quoted } from '../../src/codemod/todo.js';

const V2_ORIGIN = 'https://open.tiktokapis.com';
const LEGACY_ORIGIN = new RegExp(
  `^(?:https?:)?//(?:${LEGACY_API_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')})(?=/v2/)`,
  'i',
);

/**
 * A v2 path written on the retired v1 host (`https://open-api.tiktok.com/v2/post/publish/video/init/`):
 * the host never served it, so every call failed, and the call itself was written for v2. Its host
 * becomes the v2 one where the URL writes it out and every request that sends it is the call the v2
 * endpoint takes: its method, its Bearer token, its fields in the query (`V2_ENDPOINT_SHAPES`). A call
 * of another shape, or a URL built on a base set elsewhere, keeps its TODO with the v2 call spelled out.
 */
export function rewriteV2Hosts(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.messageId === 'v2PathOnLegacyHost')) {
    const literal = finding.node && urlLiteral(context, unwrap(finding.node));
    const written = literal && writtenUrl(literal);
    if (!literal || written === undefined || !LEGACY_ORIGIN.test(written)) {
      // Built on a base set elsewhere (`${this.apiBaseUrl}/v2/…`): reported at its request, which keeps its TODO.
      const request = finding.node && context.requests.find((candidate) => candidate.call === unwrap(finding.node!));
      const endpoint = request && endpointOf(String(finding.data.legacy ?? ''));
      if (request && endpoint) explainAnswerTests(context, finding, [request], endpoint);
      continue;
    }
    const v2 = written.replace(LEGACY_ORIGIN, V2_ORIGIN);
    const endpoint = endpointOf(written);
    if (!endpoint) continue;
    const requests = context.requests.filter((request) => request.trace.has(literal) || heldBy(context, request.urlArgument, literal));
    if (requests.length === 0 || !requests.every((request) => shapedFor(context, request, endpoint))) {
      explainAnswerTests(context, finding, requests, endpoint);
      continue;
    }
    if (literal.type === 'TemplateLiteral') {
      const first = literal.quasis[0];
      const raw = first.value.raw.replace(LEGACY_ORIGIN, V2_ORIGIN);
      const quasis = [context.j.templateElement({ raw, cooked: raw }, literal.quasis.length === 1), ...literal.quasis.slice(1)];
      context.pathOf(literal).replace(context.j.templateLiteral(quasis, literal.expressions));
    } else replaceLiteral(context, literal, v2);
    for (const request of requests) dropOpenIdParam(context, request);
    const renamed =
      endpoint === V2_TOKEN_URL || endpoint === V2_REVOKE_URL ? requests.filter((request) => nameClientKey(context, request)) : [];
    context.record(
      finding,
      'rewritten',
      `now ${endpoint}, the v2 API's own host${renamed.length > 0 ? ', and the app named client_key, as v2 wants it, not client_id' : ''}`,
    );
  }
}

/** The literal that writes the URL: the finding's own, or, for one reported at its request, the one its URL folds from. */
function urlLiteral(context: CodemodContext, node: Node): Node | undefined {
  if (node.type === 'TemplateLiteral' || staticString(node) !== undefined) return node;
  const request = context.requests.find((candidate) => candidate.call === node);
  return request && [...request.trace].find((traced) => LEGACY_ORIGIN.test(writtenUrl(unwrap(traced)) ?? ''));
}

/** `fetch(initUrl)` of a `const initUrl = sandbox ? '…' : '…'`: the URL is one of the values the name holds. */
function heldBy(context: CodemodContext, argument: Node, literal: Node): boolean {
  const value = unwrap(argument);
  const binding = value.type === 'Identifier' ? context.index.resolve(value) : undefined;
  return binding?.kind === 'const' && !!binding.init && contains(binding.init, literal);
}

/** The URL as the literal writes it, up to its first placeholder (a template's `${id}` aside). */
function writtenUrl(literal: Node): string | undefined {
  if (literal.type === 'TemplateLiteral') return literal.quasis[0].value.cooked ?? undefined;
  return staticString(literal);
}

/** Whether the request is the call the v2 endpoint takes, all but its host. */
function shapedFor(context: CodemodContext, request: TikTokRequest, endpoint: string): boolean {
  const shape = V2_ENDPOINT_SHAPES[endpoint];
  if (methodOf(request) !== shape.method) return false;
  if (!bodyFits(context, request, endpoint)) return false;
  if (shape.fields && !/[?&]fields=/.test(foldedText(request.url)) && !paramsOf(request)?.some((entry) => keyName(entry) === 'fields'))
    return false;
  if (!shape.bearer) return true;
  // Any client's options (`this.httpService.post(url, body, { headers })`): the header is written there.
  return request.options.some((options) => bearerTokenIn(context, { style: 'fetch', callee: request.call.callee, options }) !== undefined);
}

/** The entries of the request's `params: { … }` (axios's query), when its options write them out. */
function paramsOf(request: TikTokRequest): Node[] | undefined {
  const params = request.options.map((options) => findProperty(options, 'params')?.value).find(Boolean);
  return params && unwrap(params).type === 'ObjectExpression' ? objectProperties(unwrap(params)) : undefined;
}

/**
 * `params: { open_id, fields }`: v2 knows the user by the token and takes no `open_id`; a name or a
 * member read goes with its entry (a call's value would be run no more, so it stays, as written).
 */
function dropOpenIdParam(context: CodemodContext, request: TikTokRequest): void {
  const entry = paramsOf(request)?.find((property) => keyName(property) === 'open_id');
  const value = entry && entry.value && unwrap(entry.value);
  if (value && (value.type === 'Identifier' || isMember(value))) context.removeEntry(context.pathOf(entry));
}

/**
 * `new URLSearchParams({ client_id: …, client_secret, … })` sent to the v2 token endpoint: v2 knows
 * the app by `client_key` only (OAuth's usual `client_id` is refused), so the entry takes that name,
 * its value kept. True when an entry was renamed.
 */
function nameClientKey(context: CodemodContext, request: TikTokRequest): boolean {
  const fields = request.options.flatMap((options) => {
    const body = findProperty(options, 'body')?.value ?? findProperty(options, 'data')?.value;
    const value = body && unwrap(body);
    // The fields a body wraps: `new URLSearchParams({ … })`, `JSON.stringify({ … })`; or the option object itself (axios's data).
    const wrapped =
      value && (value.type === 'NewExpression' || (isCall(value) && calleeName(value) === 'stringify')) ? value.arguments[0] : value;
    const object = wrapped && unwrap(wrapped);
    return [options, ...(object?.type === 'ObjectExpression' ? [object] : [])];
  });
  if (fields.some((object) => findProperty(object, 'client_key'))) return false;
  const entry = fields.map((object) => findProperty(object, 'client_id')).find((found) => found && !found.computed);
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
function bodyFits(context: CodemodContext, request: TikTokRequest, endpoint: string): boolean {
  const keys = BODY_KEYS[endpoint];
  if (!keys) return true;
  const objects = requestBodies(request, context.index).flatMap((body) => {
    const value = unwrap(body);
    const fields = isCall(value) && calleeName(value) === 'stringify' ? value.arguments[0] : value;
    const object = fields && context.folder.objectOf(fields);
    return object ? [object] : [];
  });
  return objects.some((object) => {
    const names = objectProperties(object).map((property) => keyName(property));
    return keys.needs.every((key) => names.includes(key)) && (!keys.only || names.every((name) => name && keys.only!.includes(name)));
  });
}

/**
 * A call left with its TODO whose answer is read in a way the v2 endpoint never answers: the init's
 * `error` tested for truth (every v2 answer has one, `code` "ok" on success), the status fetch's
 * `status` compared with a word it never says. The TODO names it, or the call, once moved, still fails.
 */
function explainAnswerTests(context: CodemodContext, finding: RawFinding, requests: readonly TikTokRequest[], endpoint: string): void {
  const clauses: string[] = [];
  if (
    (endpoint === INBOX_VIDEO_INIT.url || endpoint === DIRECT_POST_INIT_URL) &&
    requests.some((request) => testsErrorForTruth(context, request))
  )
    clauses.push(
      `its answer's \`error\` is tested for truth, and every v2 answer has one (code "ok" on success): test error.code !== 'ok'`,
    );
  if (endpoint === PUBLISH_STATUS_FETCH.url) {
    const compared = [
      ...new Set(requests.flatMap((request) => legacyStatusValues(context, new Taint(context.index, new Set([request.call]))))),
    ];
    if (compared.length > 0)
      clauses.push(
        `its answer's status is compared with ${compared.map((value) => `'${quoted(value, 40)}'`).join(', ')}, which v2 never answers (${PUBLISH_STATUSES.join(', ')})`,
      );
  }
  if (clauses.length === 0) return;
  context.defer(
    finding,
    `${formatMessage(RULES['no-unmapped-legacy-endpoint'].messages.v2PathOnLegacyHost, finding.data)}; ${clauses.join('; ')}`,
  );
}

/** The v2 endpoint a URL on the retired host names with its v2 path, where it is one the contract knows. */
function endpointOf(written: string): string | undefined {
  const path = classifyUrl(written.replace(LEGACY_ORIGIN, V2_ORIGIN))?.path;
  return path === undefined ? undefined : Object.keys(V2_ENDPOINT_SHAPES).find((url) => isPathOf(url, path));
}

import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { methodOf } from '../../src/detect/request-method.js';
import { bearerTokenIn } from '../../src/codemod/v1-request.js';
import { LEGACY_API_HOSTS, V2_ENDPOINT_SHAPES, V2_REVOKE_URL, V2_TOKEN_URL } from '../../src/contract/index.js';
import { contains, keyName, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { classifyUrl, isPathOf } from '../../src/detect/classify-url.js';
import { foldedText } from '../../src/detect/folded.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { explainAnswerTests } from './answer-tests.js';
import { bodyFits, dropOpenIdParam, nameClientKey, paramsOf } from './v2-call-shape.js';

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

/** The v2 endpoint a URL on the retired host names with its v2 path, where it is one the contract knows. */
function endpointOf(written: string): string | undefined {
  const path = classifyUrl(written.replace(LEGACY_ORIGIN, V2_ORIGIN))?.path;
  return path === undefined ? undefined : Object.keys(V2_ENDPOINT_SHAPES).find((url) => isPathOf(url, path));
}

import { LEGACY_UPLOAD } from '../contract/index.js';
import {
  calleeName,
  isIdentifier,
  isMember,
  isObjectProperty,
  keyName,
  memberName,
  objectProperties,
  rangeOf,
  staticString,
  unwrap,
  type Node,
} from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { CODEMOD_HINT } from './rule-catalog.js';
import type { TikTokRequest } from './requests.js';
import { HOLE, type Folded } from './folded.js';
import type { ValueFolder } from './static-value.js';
import type { UrlComposition } from './endpoints.js';
import { isStatusQueryPath, successorOf } from './classify-url.js';
import type { RequestRecord } from './request-records.js';

const CREDENTIALS: readonly string[] = LEGACY_UPLOAD.queryCredentials;
/** Options that become the query string: axios `params`, got and ky `searchParams`, request `qs`, undici `query`. */
export const QUERY_OPTIONS: readonly string[] = ['params', 'searchParams', 'qs', 'query'];
/** A parameter's name where a query string gives it (`?a=1&b=2`), up to its `=`. */
const PARAMETER = new RegExp(`[?&]([^=&#?${HOLE}]+)=`, 'g');

/**
 * One parameter a TikTok request puts in its query: `name` (undefined for a spread, or for a query
 * option whose object cannot be read here), and where it is written (`node`, or a `range` inside it).
 */
export interface QueryParameter {
  readonly name: string | undefined;
  readonly node: Node;
  readonly range?: readonly [number, number];
}

/** The parameters in a URL's text (`'?open_id=' + id`, templates, constants) and its `new URLSearchParams({…})`. */
function urlQueryParameters(url: Folded, node: Node, index: ModuleIndex): QueryParameter[] {
  const found: QueryParameter[] = [];
  const text = url.pieces.map((piece) => piece.text ?? HOLE).join('');
  for (const match of text.matchAll(PARAMETER)) {
    const located = locateInPieces(url, match.index + 1, match[1], index) ?? { node };
    found.push({ name: match[1], ...located });
  }
  for (const piece of url.pieces) if (piece.query) found.push(...objectParameters(piece.query));
  return found;
}

/**
 * Every parameter a request puts in its query: its URL's, its query option (axios `params`, got and
 * ky `searchParams`, request `qs`, undici `query`), superagent's `.query(…)`, and
 * `url.searchParams.set(…)` on the `new URL` it sends.
 */
export function requestQueryParameters(request: TikTokRequest, index: ModuleIndex, folder: ValueFolder): QueryParameter[] {
  const found = urlQueryParameters(request.url, request.call, index);
  for (const options of request.options)
    for (const property of objectProperties(options))
      if (QUERY_OPTIONS.includes(keyName(property) ?? ''))
        found.push(...objectParameters(folder.objectOf(property.value) ?? property.value));
  for (const chained of request.chain) {
    if (calleeName(chained) !== 'query' || !chained.arguments[0]) continue;
    const arg = chained.arguments[0];
    const literal = staticString(unwrap(arg));
    if (literal === undefined) found.push(...objectParameters(folder.objectOf(arg) ?? arg));
    else for (const match of `?${literal}`.matchAll(PARAMETER)) found.push({ name: match[1], node: arg });
  }
  for (const call of searchParamsWrites(request, index, folder)) found.push({ name: staticString(unwrap(call.arguments[0])), node: call });
  return found;
}

/** Each key of a query object (a spread or a computed key unnamed); a value that is no object literal, unnamed whole. */
function objectParameters(object: Node): QueryParameter[] {
  if (object.type !== 'ObjectExpression') return [{ name: undefined, node: object }];
  return (object.properties as Node[]).map((property) =>
    isObjectProperty(property) && keyName(property) !== undefined
      ? { name: keyName(property), node: property.key }
      : { name: undefined, node: property },
  );
}

/** The hint of a token in the query of a request the codemod leaves whole: no v2 endpoint takes its place. */
const GONE_WITH_REQUEST_HINT = 'it goes with its request, whose endpoint nothing replaces: see that finding';

/**
 * A request to a path of the retired host that no v2 endpoint succeeds (`/share/sound/upload/`, a
 * publish step never served): the codemod leaves it whole under its TODO, query and all, so its
 * tokens' findings must not send a person to the codemod.
 */
function withoutSuccessor(request: TikTokRequest): boolean {
  return request.match.kind === 'legacy-unmapped' && !successorOf(request.match.path) && !isStatusQueryPath(request.match.path);
}

/** `access_token` and `open_id` sent in the query string of TikTok requests, one finding per parameter. */
export function findQueryTokens(
  index: ModuleIndex,
  folder: ValueFolder,
  requests: readonly TikTokRequest[],
  compositions: readonly UrlComposition[],
  records: readonly RequestRecord[] = [],
): RawFinding[] {
  const parameters = [
    ...requests.flatMap((request) =>
      requestQueryParameters(request, index, folder).map((parameter) =>
        withoutSuccessor(request) ? { ...parameter, gone: true } : parameter,
      ),
    ),
    // Also of URLs no request in this module sends (a job descriptor, a redirect).
    ...compositions.flatMap(({ url, node }) => urlQueryParameters(url, node, index)),
    // A provider table's entry for a legacy endpoint: the object its query builder returns.
    ...records.flatMap((record) => record.queries.flatMap(objectParameters)),
  ];
  const findings: RawFinding[] = parameters
    .filter((parameter) => parameter.name !== undefined && CREDENTIALS.includes(parameter.name))
    .map(({ name, node, range, gone }: QueryParameter & { gone?: boolean }) => ({
      ruleId: 'no-token-in-query',
      messageId: name === 'access_token' ? 'accessToken' : 'openId',
      data: { hint: gone ? GONE_WITH_REQUEST_HINT : CODEMOD_HINT },
      node: range ? undefined : node,
      range,
    }));
  return dedupe(findings);
}

/** `url.searchParams.set('access_token', …)` on the `new URL` object the request sends. */
export function searchParamsWrites(request: TikTokRequest, index: ModuleIndex, folder: ValueFolder): Node[] {
  let target = unwrap(request.urlArgument);
  if (isMember(target) && (memberName(target) === 'href' || memberName(target) === 'toString')) target = unwrap(target.object);
  if (target.type === 'CallExpression' && calleeName(target) === 'toString' && isMember(unwrap(target.callee)))
    target = unwrap(unwrap(target.callee).object);
  if (target.type !== 'Identifier') return [];
  const binding = index.resolve(target);
  const value = folder.valueNode(target);
  if (!binding || !value || value.type !== 'NewExpression' || !isIdentifier(value.callee, 'URL')) return [];
  return index.ofType('CallExpression').filter((call) => {
    const name = calleeName(call);
    if (name !== 'set' && name !== 'append') return false;
    const params = unwrap(call.callee).object;
    if (!isMember(params) || memberName(params) !== 'searchParams') return false;
    const owner = unwrap(params.object);
    return owner.type === 'Identifier' && index.resolve(owner) === binding;
  });
}

/** Where, in the source, the n-th character of a folded URL was written. */
function locateInPieces(
  url: Folded,
  offset: number,
  name: string,
  index: ModuleIndex,
): { node: Node; range?: [number, number] } | undefined {
  let position = 0;
  for (const piece of url.pieces) {
    const length = piece.text?.length ?? 1;
    if (offset < position + length && piece.text !== undefined) {
      const within = offset - position;
      const source = index.source(piece.node);
      // The k-th `name` in the cooked text is the k-th in the source (escapes do not spell names).
      const occurrence = piece.text.slice(0, within).split(name).length - 1;
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = source.indexOf(name, at + 1);
      if (at === -1 || piece.node.type === 'Identifier') return { node: piece.node };
      const start = rangeOf(piece.node)[0] + at;
      return { node: piece.node, range: [start, start + name.length] };
    }
    position += length;
  }
  return undefined;
}

function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const [start] = finding.range ?? rangeOf(finding.node!);
    const key = `${finding.messageId}:${start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

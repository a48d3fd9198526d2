import { LEGACY_UPLOAD } from '../contract/index.js';
import {
  calleeName,
  isIdentifier,
  isMember,
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
import type { Folded } from './folded.js';
import type { ValueFolder } from './static-value.js';
import type { UrlComposition } from './endpoints.js';
import type { RequestRecord } from './request-records.js';

const CREDENTIALS: readonly string[] = LEGACY_UPLOAD.queryCredentials;
/** Options that become the query string: axios `params`, got and ky `searchParams`, request `qs`, undici `query`. */
export const QUERY_OPTIONS: readonly string[] = ['params', 'searchParams', 'qs', 'query'];
const PARAM_IN_URL = new RegExp(`[?&](${CREDENTIALS.join('|')})=`, 'g');

/** `access_token` and `open_id` sent in the query string of TikTok requests, one finding per parameter. */
export function findQueryTokens(
  index: ModuleIndex,
  folder: ValueFolder,
  requests: readonly TikTokRequest[],
  compositions: readonly UrlComposition[],
  records: readonly RequestRecord[] = [],
): RawFinding[] {
  const findings: RawFinding[] = [];
  const report = (name: string, node: Node, range?: readonly [number, number]) =>
    findings.push({
      ruleId: 'no-token-in-query',
      messageId: name === 'access_token' ? 'accessToken' : 'openId',
      data: { hint: CODEMOD_HINT },
      node: range ? undefined : node,
      range,
    });
  const fromObject = (object: Node | undefined) => {
    for (const property of object ? objectProperties(object) : []) {
      const name = keyName(property);
      if (name && CREDENTIALS.includes(name)) report(name, property.key);
    }
  };

  // In the URL text ('?open_id=' + id + '&access_token=' + token, templates, constants), also of URLs
  // no request in this module sends (a job descriptor, a redirect).
  for (const { url, node } of [...requests.map((r) => ({ url: r.url, node: r.call })), ...compositions]) {
    const text = url.pieces.map((piece) => piece.text ?? '\u0000').join('');
    for (const match of text.matchAll(PARAM_IN_URL)) {
      const located = locateInPieces(url, match.index + 1, match[1], index) ?? { node };
      report(match[1], located.node, located.range);
    }
    // `${url}?${new URLSearchParams({ access_token })}`
    for (const piece of url.pieces) if (piece.query) fromObject(piece.query);
  }
  // A provider table's entry for a legacy endpoint: the object its query builder returns.
  for (const record of records) for (const query of record.queries) fromObject(query);
  for (const request of requests) {
    for (const options of request.options) {
      for (const property of objectProperties(options)) {
        if (QUERY_OPTIONS.includes(keyName(property) ?? '')) fromObject(folder.objectOf(property.value));
      }
    }
    for (const chained of request.chain) {
      if (calleeName(chained) !== 'query' || !chained.arguments[0]) continue;
      const arg = chained.arguments[0];
      const literal = staticString(unwrap(arg));
      if (literal === undefined) fromObject(folder.objectOf(arg));
      else for (const name of CREDENTIALS) if (new RegExp(`(^|[?&])${name}=`).test(literal)) report(name, arg);
    }
    for (const call of searchParamsWrites(request, index, folder)) {
      const name = staticString(unwrap(call.arguments[0]));
      if (name && CREDENTIALS.includes(name)) report(name, call);
    }
  }
  return dedupe(findings);
}

/** `url.searchParams.set('access_token', …)` on the `new URL` object the request sends. */
function searchParamsWrites(request: TikTokRequest, index: ModuleIndex, folder: ValueFolder): Node[] {
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

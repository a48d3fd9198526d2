import { LEGACY_UPLOAD, V1_QUERY_TOKEN_REQUEST } from '../contract/index.js';
import { calleeName, isCall, type Node } from './ast.js';
import { classifyUrl } from './classify-url.js';
import { foldedText, HOLE } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import type { ValueFolder } from './static-value.js';

const { appKey, grants } = V1_QUERY_TOKEN_REQUEST;
const CLIENT_KEY = new RegExp(`[?&]${appKey}=`);
const GRANT = new RegExp(`[?&]grant_type=(${grants.join('|')})\\b`);
/** The user's pair v1 took in the query: `access_token` and `open_id`. */
const USER_TOKENS = LEGACY_UPLOAD.queryCredentials.map((name) => new RegExp(`[?&]${name}=`));

/**
 * `\`${options.tokenURL}?client_key=…&client_secret=…&code=…&grant_type=authorization_code\``: a
 * token request that puts its fields in the URL's query, on a base out of sight, in code that names
 * TikTok (`client_key` is TikTok's name for the app, and Douyin's, whose code is not reported). The
 * query is where v1's token endpoints read them; the v2 token endpoint reads a form-encoded body
 * only, whatever host the base names. The same for a user's `access_token` and `open_id` in the
 * query, which v1 read there and v2 takes as a Bearer header, with no open_id. URLs whose host is in
 * sight are the endpoint and query-token detectors'.
 */
export function findTokenFieldsInQuery(
  index: ModuleIndex,
  folder: ValueFolder,
  owners: OwnershipResolver,
  requests: readonly TikTokRequest[],
): RawFinding[] {
  const findings: RawFinding[] = [];
  // The URLs of requests the detectors know (a path on an instance's TikTok base) are theirs.
  const known = new Set(requests.flatMap((request) => [request.urlArgument, ...request.trace]));
  for (const node of urlExpressions(index)) {
    if (known.has(node)) continue;
    const text = foldedText(folder.fold(node));
    // The whole endpoint out of sight, the query right after it: a path written out that is not
    // TikTok's (`ApiUrl + 'MediaShare/Share?open_id=…'`) is the app's own server.
    if (!text.startsWith(`${HOLE}?`) || classifyUrl(text)) continue;
    const grant = CLIENT_KEY.test(text) ? GRANT.exec(text)?.[1] : undefined;
    const userTokens = USER_TOKENS.every((name) => name.test(text)) && isSent(index, node);
    if ((!grant && !userTokens) || owners.ownerOf(node) !== 'tiktok') continue;
    if (grant) findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'tokenFieldsInQuery', node, data: { grant } });
    // `this._profileURL + '?access_token=' + token + '&open_id=' + id`: the pair v1 read from the query.
    else findings.push({ ruleId: 'no-token-in-query', messageId: 'unseenBase', node, severity: 'warning', data: {} });
  }
  return findings;
}

/** Calls that send a URL: a client's method or function (`_request`, `fetch`, `get`), not a redirect. */
const SENDS = /^_?(request|fetch|get|post|put|patch|delete|del|open|send|axios|got|ky|needle)$/i;

/**
 * Whether the URL is handed to a call that sends it, here or through the variable that holds it: a
 * URL with the tokens in its query may also be the app's own page the callback redirects to.
 */
function isSent(index: ModuleIndex, node: Node): boolean {
  const sentBy = (value: Node) => {
    const parent = index.parent(value);
    return !!parent && isCall(parent) && (parent.arguments as Node[]).includes(value) && SENDS.test(calleeName(parent) ?? '');
  };
  if (sentBy(node)) return true;
  const holder = index.parent(node);
  if (holder?.type !== 'VariableDeclarator' || holder.id.type !== 'Identifier') return false;
  const binding = index.resolve(holder.id);
  return [...index.ofType('Identifier')].some((id) => id !== holder.id && index.resolve(id) === binding && sentBy(id));
}

/** Template literals and `+` chains, each whole (not the parts of a longer one). */
function* urlExpressions(index: ModuleIndex): Generator<Node> {
  for (const type of ['TemplateLiteral', 'BinaryExpression']) {
    for (const node of index.ofType(type)) {
      if (type === 'BinaryExpression' && node.operator !== '+') continue;
      const parent = index.parent(node);
      if (parent?.type === 'BinaryExpression' && parent.operator === '+') continue;
      if (parent?.type === 'TemplateLiteral') continue;
      yield node;
    }
  }
}

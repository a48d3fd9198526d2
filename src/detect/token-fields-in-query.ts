import { type Node } from './ast.js';
import { classifyUrl } from './classify-url.js';
import { foldedText } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';
import type { ValueFolder } from './static-value.js';

/** TikTok (and Douyin) name the app `client_key` where OAuth elsewhere says `client_id`. */
const CLIENT_KEY = /[?&]client_key=/;
const GRANT = /[?&]grant_type=(authorization_code|refresh_token)\b/;

/**
 * `\`${options.tokenURL}?client_key=…&client_secret=…&code=…&grant_type=authorization_code\``: a
 * token request that puts its fields in the URL's query, on a base out of sight, in code that names
 * TikTok (`client_key` is TikTok's name for the app, and Douyin's, whose code is not reported). The
 * query is where v1's token endpoints read them; the v2 token endpoint reads a form-encoded body
 * only, whatever host the base names. URLs whose host is in sight are the endpoint detectors'.
 */
export function findTokenFieldsInQuery(index: ModuleIndex, folder: ValueFolder, owners: OwnershipResolver): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const node of urlExpressions(index)) {
    const text = foldedText(folder.fold(node));
    const grant = GRANT.exec(text);
    if (!grant || !CLIENT_KEY.test(text) || classifyUrl(text) || owners.ownerOf(node) !== 'tiktok') continue;
    findings.push({
      ruleId: 'no-v1-oauth-endpoint',
      messageId: 'tokenFieldsInQuery',
      node,
      data: { grant: grant[1] },
    });
  }
  return findings;
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

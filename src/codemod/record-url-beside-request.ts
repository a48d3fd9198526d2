import type { CodemodContext } from './context.js';
import { replaceLiteral } from './replace-literal.js';
import type { V1Endpoint } from '../contract/index.js';
import { contains, isFunction, keyName, type Node } from '../detect/ast.js';
import { classifyUrl } from '../detect/classify-url.js';
import { foldedText } from '../detect/folded.js';
import type { TikTokRequest } from '../detect/requests.js';

/**
 * `token: { url: V1_TOKEN_URL, async request() { … fetch(V1_TOKEN_URL, …) … } }` (a next-auth
 * provider that sends its own token call; its `userinfo` the same): the entry's `url` names the
 * endpoint its `request` beside it sends to. Once this run has rewritten that call to `v2Url`, the entry names it too, instead of
 * keeping a TODO that asks whoever sends it to move.
 */
export function repointRecordUrlsBesideRewritten(
  context: CodemodContext,
  rewritten: readonly TikTokRequest[],
  v2UrlOf: (v1: V1Endpoint) => string | undefined,
): void {
  const findings = context.unhandled(
    (finding) => finding.ruleId === 'no-v1-oauth-endpoint' && finding.messageId === 'endpoint' && !!finding.node,
  );
  for (const finding of findings) {
    const node = finding.node!;
    const property = context.index.parent(node);
    const record = property && context.index.parent(property);
    if (!record || record.type !== 'ObjectExpression' || keyName(property) !== 'url' || property.value !== node) continue;
    const v1 = classifyUrl(foldedText(context.folder.fold(node)))?.v1;
    const v2Url = v1 && v2UrlOf(v1);
    if (!v2Url) continue;
    // A method (`async request() { … }`) as well as a property holding a function.
    const sender = (record.properties as Node[]).find((other) => keyName(other) === 'request');
    const fn = sender && (isFunction(sender) ? sender : sender.value);
    if (!fn || !isFunction(fn)) continue;
    const beside = rewritten.some((request) => request.match.v1?.path === v1.path && contains(fn, request.call));
    if (!beside) continue;
    replaceLiteral(context, node, v2Url);
    context.record(finding, 'rewritten', `now names ${v2Url}, where the \`request\` beside it sends its call`);
  }
}

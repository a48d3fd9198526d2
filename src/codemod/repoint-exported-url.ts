import type { CodemodContext } from './context.js';
import { removeDeadBindings } from './remove-dead-bindings.js';
import { replaceLiteral } from './replace-literal.js';
import type { V1Endpoint } from '../contract/index.js';
import { staticString } from '../detect/ast.js';
import { classifyUrl } from '../detect/classify-url.js';
import { isExported } from '../detect/endpoints.js';
import { foldedText, HOLE } from '../detect/folded.js';

/**
 * An exported constant that spells a v1 endpoint this run rewrites (`export const TIKTOK_TOKEN_URL =
 * \`${BASE}/oauth/access_token/\``) is repointed where it is defined, once, at its v2 successor:
 * the requests of its importers are rewritten in their own modules with the v2 URL written out, or
 * keep their TODO; whatever else reads the constant gets the v2 endpoint. `successorOf` says which
 * endpoints move and where; a URL with a query or a computed part stays for a person.
 */
export function repointExportedV1Urls(context: CodemodContext, successorOf: (endpoint: V1Endpoint) => string | undefined): void {
  const findings = context.unhandled(
    (finding) => finding.ruleId === 'no-v1-oauth-endpoint' && finding.messageId === 'endpoint' && !!finding.node,
  );
  for (const finding of findings) {
    const node = finding.node!;
    const value = foldedText(context.folder.fold(node));
    const match = classifyUrl(value);
    const successor = match?.v1 && successorOf(match.v1);
    if (!successor || value.includes(HOLE) || match.queryStart !== -1 || !isExported(node, context.index)) continue;
    if (staticString(node) !== undefined) replaceLiteral(context, node, successor);
    else {
      context.pathOf(node).replace(context.j.stringLiteral(successor));
      // `${TIKTOK_HOST}/oauth/access_token/`: a base only this URL read goes with it.
      removeDeadBindings(context, node);
    }
    context.record(
      finding,
      'rewritten',
      `now names ${successor}, the v2 ${match.v1.purpose.replace(/^v1 /, '')}: requests built on it are rewritten where they are sent`,
    );
  }
}

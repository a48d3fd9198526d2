import type { CodemodContext } from '../../src/codemod/context.js';
import { unwrap } from '../../src/detect/ast.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { errorTest } from './token-response-reads.js';
import { testTokensInstead } from './tested-envelope.js';
import { isTruthinessTest } from '../../src/codemod/rewrite-field-read.js';

/**
 * How one read of a v2 token answer written the v1 way becomes the v2 one, and what the run says of
 * it; undefined when it cannot be told (a status test of a shape the codemod does not know).
 * - `body.error_code !== 0` → `body.error !== undefined`; `body.description` → `body.error_description`;
 * - `res.data.data.access_token` loses its inner `data`; `res.data.data` taken whole is `res.data`.
 */
export function flatReadEdit(context: CodemodContext, finding: RawFinding): { apply: () => void; message: string } | undefined {
  const member = context.index.parent(finding.node!)!;
  if (finding.messageId === 'v2TokenAnswerStatus') {
    const body = context.source(unwrap(member.object));
    if (finding.data.field === 'description')
      return {
        apply: () => context.pathOf(member).replace(context.j.template.expression([`${body}.error_description`])),
        message: 'now `error_description`',
      };
    const test = errorTest(context, member, body);
    return (
      test && {
        apply: () => context.pathOf(test.node).replace(context.j.template.expression([test.text])),
        message: 'now a test of `error`, which v2 sends only on a failure',
      }
    );
  }
  const wrapped = finding.messageId === 'v2TokenAnswerWrapped' ? member : unwrap(member.object);
  if (finding.messageId === 'v2TokenAnswerWrapped' && isTruthinessTest(context, member))
    return { apply: () => testTokensInstead(context, member), message: 'now a test of `access_token`, which v2 answers only on success' };
  return {
    apply: () => context.pathOf(wrapped).replace(unwrap(wrapped.object)),
    message:
      finding.messageId === 'v2TokenAnswerWrapped'
        ? 'now the v2 answer itself'
        : `now read at the top of the v2 answer, as \`${String(finding.data.field)}\``,
  };
}

import type { CodemodContext } from '../../src/codemod/context.js';
import { testErrorCodes } from '../../src/codemod/error-object-tests.js';

/**
 * `if (data.error) throw …` after a Content Posting init the code already sent (no-legacy-response-field
 * `v2ErrorTestedForTruth`): the test takes the code now, `data.error?.code !== 'ok'`, as the tests of
 * the inits this run writes do.
 */
export function fixV2ErrorTests(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'v2ErrorTestedForTruth')) {
    const before = context.source(finding.node!);
    testErrorCodes(context, [finding.node!]);
    context.record(
      finding,
      'rewritten',
      `\`${before}\` is tested for code "ok" now, which every Content Posting answer carries on success`,
    );
  }
}

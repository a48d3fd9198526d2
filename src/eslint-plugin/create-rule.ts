import type { Rule } from 'eslint';
import { rangeOf } from '../detect/ast.js';
import { RULES, ruleDocsUrl, type RuleId } from '../detect/rule-catalog.js';
import { moduleFindings } from './module-findings.js';

type SourceRuleId = { [K in RuleId]: (typeof RULES)[K]['scope'] extends 'source' ? K : never }[RuleId];

/**
 * Builds the ESLint rule for one kind of finding from the rule catalog: its docs URL and messages come
 * from there, its reports from the shared detectors, so the plugin and `--check` cannot disagree.
 */
export function createRule(ruleId: SourceRuleId): Rule.RuleModule {
  const meta = RULES[ruleId];
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, recommended: true, url: ruleDocsUrl(ruleId) },
      messages: { ...meta.messages },
      schema: [],
    },
    create(context) {
      return {
        'Program:exit'() {
          for (const finding of moduleFindings(context)) {
            if (finding.ruleId !== ruleId) continue;
            const [start, end] = finding.range ?? rangeOf(finding.node!);
            context.report({
              loc: { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) },
              messageId: finding.messageId,
              data: finding.data,
            });
          }
        },
      };
    },
  };
}

import type { Rule } from 'eslint';
import { rangeOf } from '../detect/ast.js';
import { RULES, ruleDocsUrl, type RuleId } from '../detect/rule-catalog.js';
import { fixesFor } from './fixes.js';
import { moduleAnalysis, needsAnalysis } from './module-findings.js';

type SourceRuleId = { [K in RuleId]: (typeof RULES)[K]['scope'] extends 'source' ? K : never }[RuleId];

/** Messages of the fixes and suggestions, beside the catalog's finding messages. */
const FIX_MESSAGES: Partial<Record<RuleId, Record<string, string>>> = {
  'no-legacy-webhook-event': {
    renameEvent: "Rename '{{legacy}}' to '{{replacement}}' (if this handler is TikTok's)",
    removeLegacy: "Remove '{{legacy}}': '{{replacement}}' already stands beside it",
    renameToNamedEvent: "Rename '{{legacy}}' to '{{replacement}}', the event it names (the code under it starts to run)",
  },
  'no-legacy-response-field': {
    renameField: 'Read `publish_id` instead of `share_id` (the rest of the response changes too: run `npx migrate-share-video`)',
  },
};

const KEEP_LEGACY_EVENTS_SCHEMA = [
  {
    type: 'object',
    properties: {
      keepLegacyEvents: {
        type: 'boolean',
        description: 'Allow a legacy event name when its Content Posting name stands beside it (apps still on Video Kit or Share Kit)',
      },
    },
    additionalProperties: false,
  },
];

/**
 * Builds the ESLint rule for one kind of finding from the rule catalog: its docs URL and messages come
 * from there, its reports from the shared detectors, so the plugin and `--check` cannot disagree.
 */
export function createRule(ruleId: SourceRuleId): Rule.RuleModule {
  const meta = RULES[ruleId];
  const hasOptions = ruleId === 'no-legacy-webhook-event';
  const fixable = ruleId === 'no-legacy-webhook-event' || ruleId === 'no-legacy-response-field';
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, recommended: true, url: ruleDocsUrl(ruleId) },
      messages: { ...meta.messages, ...FIX_MESSAGES[ruleId] },
      schema: hasOptions ? KEEP_LEGACY_EVENTS_SCHEMA : [],
      ...(fixable ? { fixable: 'code' as const, hasSuggestions: true } : {}),
    },
    create(context) {
      // No listener on a file without any marker: ESLint then never calls this rule on it again.
      if (!needsAnalysis(context)) return {};
      // The rule's option, or the team-wide `settings: { 'migrate-share-video': { keepLegacyEvents } }`
      // that every rule reads (the content fields follow the events).
      const shared = (context.settings?.['migrate-share-video'] as { keepLegacyEvents?: boolean } | undefined)?.keepLegacyEvents === true;
      const keepLegacyEvents =
        shared || (hasOptions && (context.options[0] as { keepLegacyEvents?: boolean } | undefined)?.keepLegacyEvents === true);
      return {
        'Program:exit'() {
          const analysis = moduleAnalysis(context, keepLegacyEvents);
          for (const finding of analysis?.findings ?? []) {
            if (finding.ruleId !== ruleId) continue;
            const [start, end] = finding.range ?? rangeOf(finding.node!);
            context.report({
              loc: { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) },
              messageId: finding.messageId,
              data: finding.data,
              ...fixesFor(finding, analysis!.index),
            });
          }
        },
      };
    },
  };
}

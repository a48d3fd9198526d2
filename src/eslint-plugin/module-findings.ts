import type { Rule, SourceCode } from 'eslint';
import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';
import type { Node } from '../detect/ast.js';
import { analyzeModule, type ModuleAnalysis } from '../detect/analyze-module.js';

const cache = new WeakMap<object, Map<boolean, ModuleAnalysis | undefined>>();

/**
 * The findings of every detector on one file, computed once (per `keepLegacyEvents` setting) and
 * shared by all the plugin's rules. A file without any marker costs one text test per marker and
 * nothing else.
 */
export function moduleAnalysis(context: Rule.RuleContext, keepLegacyEvents = false): ModuleAnalysis | undefined {
  const sourceCode: SourceCode = context.sourceCode;
  let byOption = cache.get(sourceCode.ast);
  if (!byOption) cache.set(sourceCode.ast, (byOption = new Map()));
  if (byOption.has(keepLegacyEvents)) return byOption.get(keepLegacyEvents);
  const text = sourceCode.text;
  const analysis = ANALYSIS_MARKERS.some((marker) => text.includes(marker))
    ? analyzeModule(sourceCode.ast as unknown as Node, text, context.filename, { keepLegacyEvents })
    : undefined;
  byOption.set(keepLegacyEvents, analysis);
  return analysis;
}

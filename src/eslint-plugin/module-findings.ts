import type { Rule, SourceCode } from 'eslint';
import { PREFILTER_MARKERS } from '../contract/index.js';
import type { Node } from '../detect/ast.js';
import { analyzeModule } from '../detect/analyze-module.js';
import type { RawFinding } from '../detect/raw-finding.js';

const cache = new WeakMap<object, readonly RawFinding[]>();

/**
 * The findings of every detector on one file, computed once and shared by all the plugin's rules.
 * A file without any marker costs one text test per marker and nothing else.
 */
export function moduleFindings(context: Rule.RuleContext): readonly RawFinding[] {
  const sourceCode: SourceCode = context.sourceCode;
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const text = sourceCode.text;
  const findings = PREFILTER_MARKERS.some((marker) => text.includes(marker))
    ? analyzeModule(sourceCode.ast as unknown as Node, text, context.filename).findings
    : [];
  cache.set(sourceCode.ast, findings);
  return findings;
}

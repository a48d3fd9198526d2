import type { Rule, SourceCode } from 'eslint';
import { analyzeModule, type ModuleAnalysis } from '../detect/analyze-module.js';
import { hasAnalysisMarker } from './analysis-marker.js';
import { importResolverFor, importsLegacyValue } from './imported-modules.js';

/**
 * Per file: `null` when it holds no marker and imports no legacy value, else its analyses by
 * `keepLegacyEvents` setting. The key is the `SourceCode`, which ESLint gives every rule's context on
 * one file (and makes anew for each `--fix` pass).
 */
const files = new WeakMap<SourceCode, Map<boolean, ModuleAnalysis> | null>();

function fileState(context: Rule.RuleContext): Map<boolean, ModuleAnalysis> | null {
  const { sourceCode, filename } = context;
  let state = files.get(sourceCode);
  if (state === undefined) {
    const { text } = sourceCode;
    const wanted = hasAnalysisMarker(text) || importsLegacyValue(filename, text);
    files.set(sourceCode, (state = wanted ? new Map() : null));
  }
  return state;
}

/**
 * Whether the plugin's rules need to look at this file at all, tested once per file for all of them.
 * When not, each rule's `create()` returns no listener, so ESLint calls nothing of ours on it again.
 */
export function needsAnalysis(context: Rule.RuleContext): boolean {
  return fileState(context) !== null;
}

/**
 * The findings of every detector on one file, computed once (per `keepLegacyEvents` setting) and
 * shared by all the plugin's rules; `undefined` for a file that needs none. Values imported from
 * other modules of the project are followed as `--check` follows them.
 */
export function moduleAnalysis(context: Rule.RuleContext, keepLegacyEvents = false): ModuleAnalysis | undefined {
  const byOption = fileState(context);
  if (byOption === null) return undefined;
  let analysis = byOption.get(keepLegacyEvents);
  if (!analysis) {
    const { sourceCode, filename } = context;
    analysis = analyzeModule(sourceCode.ast, sourceCode.text, filename, { keepLegacyEvents, resolveImport: importResolverFor(filename) });
    byOption.set(keepLegacyEvents, analysis);
  }
  return analysis;
}

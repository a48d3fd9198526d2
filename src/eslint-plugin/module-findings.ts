import type { Rule, SourceCode } from 'eslint';
import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';
import { analyzeModule, type ModuleAnalysis } from '../detect/analyze-module.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every analysis marker as one alternation, built from the list so that a new marker cannot be
 * missed. V8 scans a file once for it, which costs about 40% of nine `includes` over the same text
 * (2.7 against 6.3 µs a file on /work/corpus/small).
 */
export const ANALYSIS_MARKER_PATTERN = new RegExp(ANALYSIS_MARKERS.map(escapeRegExp).join('|'));

/** Whether a text holds any analysis marker: a file without one cannot hold a finding. */
export function hasAnalysisMarker(text: string): boolean {
  return ANALYSIS_MARKER_PATTERN.test(text);
}

/**
 * Per file: `null` when it holds no marker, else its analyses by `keepLegacyEvents` setting. The key
 * is the `SourceCode`, which ESLint gives every rule's context on one file (and makes anew for each
 * `--fix` pass).
 */
const files = new WeakMap<SourceCode, Map<boolean, ModuleAnalysis> | null>();

function fileState(sourceCode: SourceCode): Map<boolean, ModuleAnalysis> | null {
  let state = files.get(sourceCode);
  if (state === undefined) files.set(sourceCode, (state = hasAnalysisMarker(sourceCode.text) ? new Map() : null));
  return state;
}

/**
 * Whether the plugin's rules need to look at this file at all, tested once per file for all of them.
 * When not, each rule's `create()` returns no listener, so ESLint calls nothing of ours on it again.
 */
export function needsAnalysis(context: Rule.RuleContext): boolean {
  return fileState(context.sourceCode) !== null;
}

/**
 * The findings of every detector on one file, computed once (per `keepLegacyEvents` setting) and
 * shared by all the plugin's rules; `undefined` for a file without any marker.
 */
export function moduleAnalysis(context: Rule.RuleContext, keepLegacyEvents = false): ModuleAnalysis | undefined {
  const byOption = fileState(context.sourceCode);
  if (byOption === null) return undefined;
  let analysis = byOption.get(keepLegacyEvents);
  if (!analysis) {
    const { sourceCode } = context;
    analysis = analyzeModule(sourceCode.ast, sourceCode.text, context.filename, { keepLegacyEvents });
    byOption.set(keepLegacyEvents, analysis);
  }
  return analysis;
}

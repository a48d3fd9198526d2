/**
 * A line this long is no one's source: a minified or bundled file (or a generated one). Parsing and
 * printing it through recast takes seconds, and rewriting it would be lost at the next build: it is
 * scanned as text and reported, to be migrated in its sources and rebuilt.
 */
const LONGEST_SOURCE_LINE = 4000;

/** Whether a JavaScript or TypeScript file is minified or bundled: one line longer than any a person writes. */
export function looksMinified(text: string): boolean {
  if (text.length <= LONGEST_SOURCE_LINE) return false;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    if ((end === -1 ? text.length : end) - start > LONGEST_SOURCE_LINE) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

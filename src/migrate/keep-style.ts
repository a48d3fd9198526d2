import { diffArrays, diffLines } from 'diff';
import { parserFor } from '../detect/parse.js';

/** New code follows the file's own quotes: the more common of ' and ". */
export function quoteStyle(text: string): 'single' | 'double' {
  const single = text.split("'").length;
  const double = text.split('"').length;
  return double > single ? 'double' : 'single';
}

/** A file written without semicolons (standard style): next to none of its code lines ends with one. */
function writtenWithoutSemicolons(text: string): boolean {
  const code = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(\/\/|\/\*|\*)/.test(line));
  const ending = code.filter((line) => line.endsWith(';')).length;
  return code.length >= 5 && ending <= code.length * 0.02;
}

/** A line that starts with one of these continues the previous statement unless a semicolon ends it. */
const ASI_HAZARD = new Set(['(', '[', '`', '+', '-', '/']);
const COMMENT = new Set(['CommentLine', 'CommentBlock']);

type Token = {
  readonly type: string | { readonly label: string };
  readonly start: number;
  readonly end: number;
  readonly loc: { readonly start: { readonly line: number } };
};
const label = (token: Token) => (typeof token.type === 'string' ? token.type : token.type.label);

/**
 * The lines the codemod added (the generated helper, a statement recast printed anew) take the
 * file's own quotes and semicolons, as a person writing them there would; every line it kept stays
 * byte for byte. Only what stays valid changes: a string holding the other quote keeps its own, and a
 * semicolon stays where the next line would otherwise continue the statement.
 */
export function keepStyle(original: string, printed: string, file: string): string {
  const double = quoteStyle(original) === 'double';
  const noSemicolons = writtenWithoutSemicolons(original);
  if ((!double && !noSemicolons) || printed === original) return printed;
  const added = new Set<number>();
  let line = 1;
  for (const part of diffLines(original, printed)) {
    const count = part.count ?? 0;
    if (part.added) for (let i = 0; i < count; i++) added.add(line + i);
    if (!part.removed) line += count;
  }
  let tokens: Token[];
  try {
    tokens = (parserFor(file, true).parse(printed).tokens as Token[]).filter((token) => !COMMENT.has(label(token)));
  } catch {
    return printed;
  }
  const edits: [number, number, string][] = [];
  tokens.forEach((token, i) => {
    if (!added.has(token.loc.start.line)) return;
    const raw = printed.slice(token.start, token.end);
    if (double && label(token) === 'string' && raw.startsWith("'") && !raw.includes('"')) {
      edits.push([token.start, token.end, `"${raw.slice(1, -1).replaceAll("\\'", "'")}"`]);
    }
    const next = tokens[i + 1];
    if (noSemicolons && label(token) === ';' && next && label(next) !== 'eof') {
      const endsLine = printed.slice(token.end, next.start).includes('\n');
      if (endsLine && !ASI_HAZARD.has(printed[next.start])) edits.push([token.start, token.end, '']);
    } else if (noSemicolons && label(token) === ';' && next && label(next) === 'eof') {
      edits.push([token.start, token.end, '']);
    }
  });
  let result = printed;
  for (const [start, end, text] of edits.reverse()) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/**
 * recast reprints the statements around an edit, and in doing so drops trailing spaces and the
 * spaces of blank lines. A line whose text is unchanged but for those keeps its own bytes.
 */
export function keepTrailingWhitespace(original: string, printed: string): string {
  if (printed === original) return printed;
  const before = original.split('\n');
  const after = printed.split('\n');
  const trim = (line: string) => line.replace(/[ \t]+(\r?)$/, '$1');
  const result: string[] = [];
  let [i, j] = [0, 0];
  for (const part of diffArrays(before.map(trim), after.map(trim))) {
    const count = part.value.length;
    if (part.removed) i += count;
    else if (part.added) {
      result.push(...after.slice(j, j + count));
      j += count;
    } else {
      result.push(...before.slice(i, i + count));
      i += count;
      j += count;
    }
  }
  return result.join('\n');
}

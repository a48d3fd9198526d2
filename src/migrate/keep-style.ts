import { TODO_MARKER } from '../detect/migration-todos.js';
import { quoteStyle } from '../codemod/quote-style.js';
import { diffArrays } from 'diff';
import { parserFor } from '../detect/parse.js';

/** New code follows the file's own quotes: the more common of ' and ". */

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
 * A line as compared with the file's own: trailing whitespace aside, and the semicolon that ends it
 * (a statement recast printed again comes back with `};` or `.single();` where the file wrote none,
 * in a file that writes semicolons elsewhere, and it is still a line the codemod did not touch).
 * Callers say what the indentation counts for: a leading tab is the one column recast parsed it as
 * (the codemod parses with tabWidth 1).
 */
function comparable(line: string): string {
  return line.replace(/[ \t]+(\r?)$/, '$1').replace(/^(.*\S);(\r?)$/, '$1$2');
}

/**
 * The output lined up with the input by text, trailing whitespace aside: recast reprints the
 * statements around an edit and drops trailing spaces and the spaces of blank lines, so every line
 * whose text did not change gets its own bytes back. Also the lines the codemod added (1-based).
 */
function alignLines(original: string, printed: string): { readonly text: string; readonly added: ReadonlySet<number> } {
  const before = original.split('\n');
  const after = printed.split('\n');
  const noSemicolons = writtenWithoutSemicolons(original);
  const trim = (line: string) => comparable(line).replace(/^[ \t]+/, (indent) => indent.replaceAll('\t', ' '));
  const lines: string[] = [];
  const added = new Set<number>();
  let [i, j] = [0, 0];
  let pending = { removed: [] as string[], added: [] as string[] };
  const flush = () => {
    // Blank lines recast dropped where nothing took their place (the last line of a block it printed
    // again): the file's own.
    if (pending.added.length === 0 && pending.removed.every((line) => line.trim() === '')) {
      lines.push(...pending.removed);
      pending = { removed: [], added: [] };
      return;
    }
    // Blank lines that closed what recast printed again (before a block's `}`), which it dropped
    // while the hunk's own lines were replaced: kept after them.
    let trailing = 0;
    while (trailing < pending.removed.length && pending.removed[pending.removed.length - 1 - trailing].trim() === '') trailing++;
    if (
      trailing > 0 &&
      pending.added.length > 0 &&
      pending.added[pending.added.length - 1].trim() !== '' &&
      /^\s*[)\]}]/.test(before[i] ?? '')
    ) {
      pending.added.push(...pending.removed.slice(-trailing));
    }
    // Lines changed one for one (`return payload.data.open_id` → `return payload.open_id`), the TODOs
    // written above them aside: a line the file ended without `;` ends without it still, as long as
    // the next line cannot continue it.
    const code = pending.added.flatMap((line, k) => (TODO_LINE.test(line) ? [] : [k]));
    if (code.length === pending.removed.length)
      code.forEach((k, n) => {
        const next = nextCodeLine(pending.added, k + 1) ?? nextCodeLine(after, j) ?? '';
        if (semicolonAdded(pending.removed[n], pending.added[k]) && !ASI_HAZARD.has(next[0]))
          pending.added[k] = pending.added[k].replace(/;(\s*)$/, '$1');
      });
    // Below a TODO, recast printed the statement again whatever changed in it: any change within lines is made in the file's own.
    const changes = pending.added.some((line) => TODO_LINE.test(line)) ? 'any' : 'literals';
    const kept = keptLayout(pending.removed, pending.added) ?? literalsSwapped(pending.removed, pending.added, changes);
    const printed = pending.added.map((text) => ({ text, added: true }));
    // TODOs alone, above a line of the file's own that follows them: indented like it.
    const todosAlone = pending.removed.length === 0 && pending.added.every((line) => TODO_LINE.test(line)) && before[i] !== undefined;
    let placed = printed;
    if (kept) placed = indentedLikeTheirStatement(kept);
    else if (todosAlone) placed = indentedLikeTheirStatement([...printed, { text: before[i], added: false }]).slice(0, -1);
    for (const line of placed) {
      const number = lines.push(line.text);
      if (line.added) added.add(number);
    }
    pending = { removed: [], added: [] };
  };
  const parts = diffArrays(before.map(trim), after.map(trim));
  for (const [p, part] of parts.entries()) {
    const count = part.value.length;
    if (part.removed) {
      pending.removed.push(...before.slice(i, i + count));
      i += count;
    } else if (part.added) {
      pending.added.push(...after.slice(j, j + count));
      j += count;
    } else {
      flush();
      // The file's own bytes, except a closing line whose semicolon recast left out because the
      // expression goes on (`})` of a call whose chain follows, `.then(…)`): the file's `});` matched
      // by text would end the statement there. Also the printed `;` of a line the statement now ends
      // on (the union's last member removed below it, its `;` with it), or that a line the codemod
      // wrote would otherwise continue.
      // In a file written without semicolons a statement that ends here needs none (ASI ends it), unless the next line would go on.
      const endsNow = parts[p + 1]?.removed === true && !noSemicolons;
      lines.push(
        ...before
          .slice(i, i + count)
          .map((line, k) =>
            endsWhereItGoesOn(line, after[j + k], after[j + k + 1]) ||
            (semicolonAdded(line, after[j + k]) &&
              ((endsNow && k === count - 1) || ASI_HAZARD.has(nextCodeLine(after, j + k + 1)?.[0] ?? '')))
              ? after[j + k]
              : line,
          ),
      );
      i += count;
      j += count;
    }
  }
  flush();
  return { text: lines.join('\n'), added };
}

/**
 * The next line of code from `lines[from]` on, its indentation trimmed: the one that decides whether a
 * statement left without `;` goes on ({@link ASI_HAZARD}). Comments and blank lines between (a TODO
 * the codemod wrote) continue nothing. Undefined when none follows in `lines`.
 */
function nextCodeLine(lines: readonly string[], from: number): string | undefined {
  for (let k = from; k < lines.length; k++) {
    const line = lines[k].trimStart();
    if (line !== '' && !line.startsWith('//') && !line.startsWith('/*')) return line;
  }
  return undefined;
}

/** A file's line without `;` lined up with a printed one that ends with it. */
function semicolonAdded(own: string, printed: string | undefined): boolean {
  return printed !== undefined && !/;\s*$/.test(own) && /;\s*$/.test(printed);
}

/** A file's `});` lined up with a printed `})` whose next line continues the expression (`.then(…)`, `?.x`). */
function endsWhereItGoesOn(own: string, printed: string | undefined, next: string | undefined): boolean {
  return printed !== undefined && /;\s*$/.test(own) && !/;\s*$/.test(printed) && next !== undefined && /^\s*(?:\?\.|\.[^.])/.test(next);
}

/** A line comment the codemod leaves (TODO_MARKER, written by `addTodo`). */
const TODO_LINE = new RegExp(`^\\s*// ${TODO_MARKER.replace(/[()]/g, '\\$&')}`);
// A statement's closing semicolon does not count: recast ends every statement it prints again with one,
// and the file's own line without it spells the same code.
const tokens = (lines: readonly string[]) =>
  lines
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/;(?= |$)/g, '')
    .trim();

/**
 * Statements the codemod only put TODOs above, which recast printed again in its own layout
 * (`if (x) throw e;` split over two lines): each run of TODOs it added, then the file's own lines of
 * the statements below it, as long as nothing but the layout and those TODOs differs; from the
 * first statement it did change, the lines as printed.
 */
function keptLayout(removed: readonly string[], printed: readonly string[]): { text: string; added: boolean }[] | undefined {
  if (removed.length === 0 || !printed.some((line) => TODO_LINE.test(line))) return undefined;
  const kept: { text: string; added: boolean }[] = [];
  let next = 0;
  for (let at = 0; at < printed.length;) {
    if (TODO_LINE.test(printed[at])) {
      kept.push({ text: printed[at++], added: true });
      continue;
    }
    let end = at;
    while (end < printed.length && !TODO_LINE.test(printed[end])) end++;
    // The file's own lines that spell this run of printed code, token for token.
    const code = tokens(printed.slice(at, end));
    let taken = next;
    while (taken < removed.length && tokens(removed.slice(next, taken)) !== code) taken++;
    // Code the codemod changed (a renamed event, `share_id` read as `publish_id` below the TODOs):
    // the file's own lines with the changes made in place, when they stay within lines; else the
    // rest as printed.
    if (tokens(removed.slice(next, taken)) !== code) {
      if (kept.every((line) => line.added)) return undefined;
      return [
        ...kept,
        ...(literalsSwapped(removed.slice(next), printed.slice(at), 'any') ?? printed.slice(at).map((text) => ({ text, added: true }))),
      ];
    }
    kept.push(...removed.slice(next, taken).map((text) => ({ text, added: false })));
    next = taken;
    at = end;
  }
  return next === removed.length ? kept : undefined;
}

/**
 * The TODOs put back above the file's own lines take the indentation of the line below them, the
 * statement they are about: recast printed them at the depth of its own layout (a `case 'a': {`
 * block one level deeper), which the file's lines no longer have.
 */
function indentedLikeTheirStatement(lines: readonly { text: string; added: boolean }[]): { text: string; added: boolean }[] {
  const result = [...lines];
  for (let at = result.length - 2; at >= 0; at--) {
    if (!result[at].added || !TODO_LINE.test(result[at].text)) continue;
    const below = result[at + 1].text;
    result[at] = { ...result[at], text: result[at].text.replace(/^[ \t]*/, /^[ \t]*/.exec(below)![0]) };
  }
  return result;
}

/** Strings (quotes kept), words, and single marks: enough to tell a layout change from a code change. */
const TOKEN = /(["'])(?:\\.|(?!\1)[^\\])*\1|\w+|\S/g;

type Located = { readonly line: number; readonly at: number; readonly text: string };
const located = (lines: readonly string[]): Located[] =>
  lines.flatMap((text, line) => [...text.matchAll(TOKEN)].map((match) => ({ line, at: match.index, text: match[0] })));

/**
 * A block recast printed again because a TODO went above it or into it (`case 'a': {` comes back as
 * `case 'a':` and a `{` of its own, every line indented anew), where the codemod only swapped string
 * literals (renamed events) or, with `any`, changed tokens within lines (`?? content.share_id`
 * dropped): the file's own lines, each change made in place, and the TODOs above the lines whose
 * first token they stood above. Undefined when a change spans lines, breaks a line the print kept
 * whole or touches a template literal (where spacing is text), when tokens were only added, or when
 * a TODO stood above a token in the middle of a line.
 */
function literalsSwapped(
  removed: readonly string[],
  printed: readonly string[],
  changes: 'literals' | 'any' = 'literals',
): { text: string; added: boolean }[] | undefined {
  if (removed.length === 0 || printed.length === 0) return undefined;
  const own = located(removed);
  const code = printed.filter((line) => !TODO_LINE.test(line));
  const theirs = located(code);
  // Where each printed TODO stood: before the token of this index.
  const todosAt = new Map<number, string[]>();
  let seen = 0;
  for (const line of printed) {
    if (TODO_LINE.test(line)) todosAt.set(seen, [...(todosAt.get(seen) ?? []), line]);
    else seen += (line.match(TOKEN) ?? []).length;
  }
  if (own.length === 0) return undefined;
  const edits: { line: number; from: number; to: number; text: string }[] = [];
  const ownAt = new Map<number, number>();
  let [o, t] = [0, 0];
  const parts = diffArrays(
    own.map((token) => token.text),
    theirs.map((token) => token.text),
  );
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!part.added && !part.removed) {
      for (let k = 0; k < part.value.length; k++) ownAt.set(t + k, o + k);
      o += part.value.length;
      t += part.value.length;
      continue;
    }
    // A change: the file's tokens it removes, and the printed ones it puts in their place.
    const gone = part.removed ? own.slice(o, (o += part.value.length)) : [];
    const next = part.removed && parts[index + 1]?.added ? parts[++index] : part.added ? part : undefined;
    const come = next ? theirs.slice(t, (t += next.value.length)) : [];
    if (gone.length === 0) return undefined;
    if (changes === 'literals' && (gone.length !== 1 || come.length !== 1 || !/^["']/.test(gone[0].text) || !/^["']/.test(come[0].text)))
      return undefined;
    if (come.length === 0) {
      // Dropped tokens, each line's run cut out of that line.
      for (const line of new Set(gone.map((token) => token.line))) {
        const here = gone.filter((token) => token.line === line);
        if (removed[line].includes('`')) return undefined;
        // A whole line gone (`data: {` of a type unwrapped): the indentation changed on purpose.
        if (here.length === own.filter((token) => token.line === line).length) return undefined;
        const last = here.at(-1)!;
        let [from, to] = [here[0].at, last.at + last.text.length];
        // The space before them goes along, or after them when they opened the line or a list.
        if (/[^\s([{]\s*$/.test(removed[line].slice(0, from))) while (from > 0 && /[ \t]/.test(removed[line][from - 1])) from--;
        else while (to < removed[line].length && /[ \t]/.test(removed[line][to])) to++;
        edits.push({ line, from, to, text: '' });
      }
      continue;
    }
    const line = gone[0].line;
    if (gone.some((token) => token.line !== line) || come.some((token) => token.line !== come[0].line)) return undefined;
    const last = gone.at(-1)!;
    const text = code[come[0].line].slice(come[0].at, come.at(-1)!.at + come.at(-1)!.text.length);
    if (text.includes('`') || removed[line].includes('`')) return undefined;
    edits.push({ line, from: gone[0].at, to: last.at + last.text.length, text });
  }
  const lines = [...removed];
  const changed = new Set<number>();
  // From the end, so that an edit leaves the offsets of earlier tokens of its line as they were.
  for (const edit of edits.reverse()) {
    lines[edit.line] = lines[edit.line].slice(0, edit.from) + edit.text + lines[edit.line].slice(edit.to);
    changed.add(edit.line);
  }
  // Each TODO goes above the file's line whose first token it stood above in the print.
  const todosAbove = new Map<number, string[]>();
  const firstOnLine = (index: number) => index === 0 || own[index - 1].line !== own[index].line;
  for (const [index, todos] of todosAt) {
    if (index >= theirs.length) continue;
    const mine = ownAt.get(index);
    // A TODO above a token the codemod put in, or in the middle of a line: not the file's line to give back.
    if (mine === undefined || !firstOnLine(mine)) return undefined;
    todosAbove.set(own[mine].line, [...(todosAbove.get(own[mine].line) ?? []), ...todos]);
  }
  const result: { text: string; added: boolean }[] = [];
  lines.forEach((text, line) => {
    for (const todo of todosAbove.get(line) ?? []) result.push({ text: todo, added: true });
    result.push({ text, added: changed.has(line) });
  });
  // Lines end only where the print ended one too: a call whose arguments changed keeps no line
  // break of the file's layout in the middle of what recast printed as one line.
  const kept = result.filter((line) => !line.added || !TODO_LINE.test(line.text)).map((line) => line.text);
  if (changes !== 'literals' && !isSubset(breaks(kept), breaks(code))) return undefined;
  for (const todo of todosAt.get(theirs.length) ?? []) result.push({ text: todo, added: true });
  return result;
}

/** After how many tokens each line ends. */
function breaks(lines: readonly string[]): Set<number> {
  const ends = new Set<number>();
  let count = 0;
  for (const line of lines) ends.add((count += (line.match(TOKEN) ?? []).length));
  return ends;
}

const isSubset = (some: ReadonlySet<number>, all: ReadonlySet<number>) => [...some].every((end) => all.has(end));

/**
 * Blocks recast indented anew: a TODO above a `case` makes it print the case again, its `{` on a line
 * of its own and every line of its block two columns further in, which a line-by-line comparison
 * matches only here and there. Compared with the indentation aside, each run of lines that moved in
 * or out, with the changes around it, is given back in the file's own lines when the only other
 * difference is string literals (renamed events) and TODOs above whole lines.
 */
function reindentedBack(original: string, printed: string): string {
  // Only a comment recast attaches to a node makes it print that node anew: no TODO added, nothing to give back.
  if (printed.split(TODO_MARKER).length <= original.split(TODO_MARKER).length) return printed;
  const before = original.split('\n');
  const after = printed.split('\n');
  const bare = (line: string) => comparable(line).trimStart();
  const indent = (line: string) => /^[ \t]*/.exec(line)![0].replaceAll('\t', ' ').length;
  const result: string[] = [];
  let [i, j] = [0, 0];
  let region: { from: number; to: number; printed: string[]; moved: boolean } | undefined;
  const close = () => {
    if (region) {
      const own = region.moved ? literalsSwapped(before.slice(region.from, region.to), region.printed, 'any') : undefined;
      result.push(...(own ? own.map((line) => line.text) : region.printed));
    }
    region = undefined;
  };
  const open = () => (region ??= { from: i, to: i, printed: [], moved: false });
  for (const part of diffArrays(before.map(bare), after.map(bare))) {
    const count = part.value.length;
    if (part.removed) {
      open().to = i += count;
    } else if (part.added) {
      open().printed.push(...after.slice(j, (j += count)));
    } else {
      for (let k = 0; k < count; k++, i++, j++) {
        const moved = indent(before[i]) !== indent(after[j]) && before[i].trim() !== '';
        if (!moved && !region) {
          result.push(after[j]);
          continue;
        }
        // A line in its place closes the region, unless the region has moved lines yet to see.
        if (!moved) close();
        if (!moved) result.push(after[j]);
        else {
          const current = open();
          current.moved = true;
          current.printed.push(after[j]);
          current.to = i + 1;
        }
      }
    }
  }
  close();
  return result.join('\n');
}

/**
 * A callback in a chain (`.on('finish', async () => {` under `bucket` four columns in) that recast
 * printed again because a statement in it changed: it indents the body from the statement's start,
 * so lines the codemod never touched move out or in. Those lines get the file's own indentation
 * back, and the lines it changed between them move with them. A line of brackets alone only follows
 * a shift the lines above it made (the helper's `}` is not the file's).
 */
function indentationKept(original: string, printed: string): string {
  const before = original.split('\n');
  const after = printed.split('\n');
  const bare = (line: string) => comparable(line).trimStart();
  const indent = (line: string) => /^[ \t]*/.exec(line)![0];
  const result: string[] = [];
  let [i, j] = [0, 0];
  let shift = 0;
  // Lines the codemod wrote, held until the next line of the file's own says how far they move: the
  // shift of the lines around them (the one below, when the one above did not move).
  let pending: string[] = [];
  const flush = (next: number) => {
    for (const line of pending) result.push(shifted(line, shift !== 0 ? shift : next));
    pending = [];
  };
  // Lines removed or written that open or close a block (`data: {` flattened, `if (b) {` wrapped
  // around): the nesting changed on purpose, and so did the indentation, until a line in its place.
  let nestingChanged = false;
  for (const part of diffArrays(before.map(bare), after.map(bare))) {
    const count = part.value.length;
    if (part.removed || part.added) {
      const lines = part.removed ? before.slice(i, (i += count)) : after.slice(j, (j += count));
      if (netBrackets(lines) !== 0) nestingChanged = true;
      if (part.added) pending.push(...lines);
      continue;
    }
    for (let k = 0; k < count; k++, i++, j++) {
      const [own, printedLine] = [before[i], after[j]];
      const delta = nestingChanged ? 0 : indent(own).length - indent(printedLine).length;
      if (own.trim() !== '' && indent(own).length === indent(printedLine).length) nestingChanged = false;
      const trivial = /^[)\]};,\s]*$/.test(bare(own));
      const spaces = !indent(own).includes('\t') && !indent(printedLine).includes('\t');
      // A blank line between lines the codemod wrote stays among them.
      if (own.trim() === '' && pending.length > 0) {
        pending.push(printedLine);
        continue;
      }
      if (own.trim() !== '') flush(spaces && !trivial ? delta : 0);
      if (own.trim() === '' || delta === 0 || !spaces || (trivial && delta !== shift && shift !== 0)) {
        if (own.trim() !== '' && !trivial) shift = delta === 0 || !spaces ? 0 : shift;
        result.push(printedLine);
        continue;
      }
      if (!trivial) shift = delta;
      result.push(own);
    }
  }
  flush(0);
  return result.join('\n');
}

/** Brackets opened minus closed over some lines, strings aside. */
function netBrackets(lines: readonly string[]): number {
  const code = lines.join('\n').replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '');
  return (code.match(/[{([]/g) ?? []).length - (code.match(/[})\]]/g) ?? []).length;
}

function shifted(line: string, shift: number): string {
  if (shift === 0 || line.trim() === '') return line;
  if (shift > 0) return ' '.repeat(shift) + line;
  return line.startsWith(' '.repeat(-shift)) ? line.slice(-shift) : line;
}

/**
 * The file's own style around what the codemod changed: lines it kept stay byte for byte (their
 * whitespace included); the lines it added (the generated helper, a statement recast printed anew)
 * take the file's quotes and semicolons, as a person writing them there would. Only what stays
 * valid changes: a string holding the other quote keeps its own, and a semicolon stays where the
 * next line would otherwise continue the statement.
 */
export function keepStyle(
  original: string,
  printed: string,
  file: string,
  keptQuotes: ReadonlySet<string> = new Set(),
  appendix = '',
): string {
  if (printed === original && appendix === '') return printed;
  // The helpers the codemod appends are lined up with nothing of the file's: a `}` of theirs would
  // match the file's last `}` and leave the one recast printed for it (a column off) in its place.
  const aligned = alignLines(original, indentationKept(original, reindentedBack(original, printed)));
  // The file's last line keeps its own trailing spaces (`} `); only the line breaks after it give way.
  const body = aligned.text.replace(/(?:\r?\n)+$/, '');
  const text = appendix === '' ? aligned.text : `${body}${appendix}`;
  const added = new Set(aligned.added);
  const firstAppended = body.split('\n').length + 1;
  if (appendix !== '') for (let line = firstAppended; line <= text.split('\n').length; line++) added.add(line);
  const double = quoteStyle(original) === 'double';
  const noSemicolons = writtenWithoutSemicolons(original);
  if (!double && !noSemicolons) return text;
  let tokens: Token[];
  try {
    tokens = (parserFor(file, true).parse(text).tokens as Token[]).filter((token) => !COMMENT.has(label(token)));
  } catch {
    return text;
  }
  const edits: [number, number, string][] = [];
  tokens.forEach((token, i) => {
    if (!added.has(token.loc.start.line)) return;
    const raw = text.slice(token.start, token.end);
    // A literal that replaced one the user wrote in single quotes keeps them, as theirs did.
    if (double && label(token) === 'string' && raw.startsWith("'") && !raw.includes('"') && !keptQuotes.has(raw)) {
      edits.push([token.start, token.end, `"${raw.slice(1, -1).replaceAll("\\'", "'")}"`]);
    }
    const next = tokens[i + 1];
    if (noSemicolons && label(token) === ';' && next) {
      const last = label(next) === 'eof';
      const endsLine = last || text.slice(token.end, next.start).includes('\n');
      if (endsLine && (last || !ASI_HAZARD.has(text[next.start]))) edits.push([token.start, token.end, '']);
    }
  });
  let result = text;
  for (const [start, end, replacement] of edits.reverse()) result = result.slice(0, start) + replacement + result.slice(end);
  return result;
}

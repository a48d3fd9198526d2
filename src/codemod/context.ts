import jscodeshift, { type ASTPath, type Collection, type JSCodeshift } from 'jscodeshift';
import type { Node } from '../detect/ast.js';
import { analyzeModule } from '../detect/analyze-module.js';
import { LineMap } from '../detect/locate.js';
import type { ModuleIndex } from '../detect/module-index.js';
import { parserFor } from '../detect/parse.js';
import type { RawFinding } from '../detect/raw-finding.js';
import { findTikTokRequests, type TikTokRequest } from '../detect/requests.js';
import { findQueryTokens } from '../detect/query-tokens.js';
import { findFormDataVideo } from '../detect/form-data-video.js';
import type { ValueFolder } from '../detect/static-value.js';
import { rangeOf } from '../detect/ast.js';
import { statementForTodo } from '../detect/todo-placement.js';
import { addTodo, oneLine } from './todo.js';
import { editedInside } from './edited.js';
import { quoteStyle } from './quote-style.js';
import type { Outcome, TransformOptions } from './step.js';

/** One step of the codemod: edits the shared tree and records what it did with each finding. */
export type Transform = (context: CodemodContext) => void;

/**
 * Everything the transforms share about one file: its jscodeshift tree, the detectors' findings on
 * that very tree (so a finding's node is a node of the tree being edited), and what has been done
 * with each finding so far.
 */
/** Fields that hold no node of the tree: positions, tokens, and what recast reprinted away. */
const SKIPPED_FIELDS = new Set(['loc', 'tokens', 'original', 'extra', 'start', 'end', 'range']);

export class CodemodContext {
  readonly j: JSCodeshift;
  readonly root: Collection;
  readonly index: ModuleIndex;
  readonly folder: ValueFolder;
  readonly findings: readonly RawFinding[];
  readonly requests: readonly TikTokRequest[];
  readonly isTypeScript: boolean;
  /** The quote the file writes its strings with, which recast prints new ones in. */
  readonly quote: 'single' | 'double';
  readonly notes = new Set<string>();
  /** Whole declarations to add at the end of the module, as text, so they keep their own layout. */
  readonly appendix: string[] = [];
  /** String literals written as the user wrote the one they replace, in the other quote than the file's: left so. */
  readonly keptQuotes = new Set<string>();
  private readonly handled = new Map<RawFinding, Outcome>();
  private readonly reasons = new Map<RawFinding, string>();
  private readonly extraOutcomes: Outcome[] = [];
  private readonly removedLines: string[] = [];
  private readonly joinedLines: { marker: string; name: string }[] = [];
  private readonly copiedLines: { marker: string; original: string; copy: string }[] = [];
  private readonly followedNodes: { marker: string; text: string }[] = [];
  /** New names added beside legacy ones (`<container offset>:<name>`): one copy each, whichever spelling asked. */
  readonly addedBeside = new Set<string>();
  /** The errors Babel read past in the text (a file that does not run as it is): none in a file the codemod may rewrite. */
  readonly recoveredErrors: readonly { message: string }[];
  /** The helper calls that replaced legacy uploads, by the client they send with: later steps read their responses. */
  readonly helperCalls = new Map<Node, string>();
  private readonly lines: LineMap;
  private pathCache?: Map<Node, ASTPath<any>>;

  constructor(
    readonly text: string,
    readonly file: string,
    readonly options: TransformOptions = {},
  ) {
    this.j = jscodeshift.withParser(parserFor(file, true));
    // recast parses a copy with leading tabs expanded to tabWidth spaces: at 1 the offsets stay the file's own.
    this.root = this.j(text, { tabWidth: 1 });
    const program = this.root.get().node as Node;
    this.recoveredErrors = (program.errors ?? []) as { message: string }[];
    const analysis = analyzeModule(program, text, file, options);
    this.index = analysis.index;
    this.folder = analysis.folder;
    this.findings = analysis.findings;
    this.requests = findTikTokRequests(analysis.index, analysis.folder);
    this.isTypeScript = /\.(c|m)?tsx?$/i.test(file);
    this.quote = quoteStyle(text);
    this.lines = new LineMap(text);
  }

  /**
   * Source text of a node: as the user wrote it, or, when an earlier step edited inside it, as it
   * reads now (printed from the tree), so that code a step copies carries the edits made before.
   */
  source(node: Node): string {
    return editedInside(node) ? this.j(node as any).toSource({ quote: this.quote }) : this.index.source(node);
  }

  pathOf(node: Node): ASTPath<any> {
    if (this.pathCache && !this.pathCache.has(node)) this.pathCache = undefined;
    if (!this.pathCache) {
      this.pathCache = new Map();
      this.root.find(this.j.Node).forEach((path) => this.pathCache!.set(path.node, path));
    }
    const path = this.pathCache.get(node);
    if (!path) throw new Error(`no path for a ${node.type}`);
    return path;
  }

  /**
   * Puts `replacement` (often a node of the tree already, moved up) where `node` stands: the paths
   * known so far lead through the old place, so they are found again on the next `pathOf`.
   */
  replaceNode(node: Node, replacement: Node): void {
    this.pathOf(node).replace(replacement);
    this.pathCache = undefined;
  }

  unhandled(predicate: (finding: RawFinding) => boolean = () => true): RawFinding[] {
    return this.findings.filter((finding) => !this.handled.has(finding) && predicate(finding));
  }

  record(finding: RawFinding, action: Outcome['action'], message = ''): void {
    if (this.handled.has(finding)) return;
    const [start] = finding.range ?? rangeOf(finding.node!);
    const { line, column } = this.lines.position(start);
    this.handled.set(finding, { ruleId: finding.ruleId, action, line, column, message: oneLine(message) });
  }

  /**
   * A TODO that goes with a rewrite rather than replacing it (a check the codemod cannot make), at
   * `node` in the new tree; `original` places it in the input for the report.
   */
  todoAt(node: Node, message: string, original: Node, ruleId = 'no-migration-todo'): void {
    addTodo(this, node, message);
    const { line, column } = this.lines.position(rangeOf(original)[0]);
    this.extraOutcomes.push({ ruleId, action: 'todo', line, column, message, followUp: true });
  }

  /** The 1-based line a node of the input starts on, to name it in a TODO. */
  lineOf(node: Node): number {
    return this.lines.position(rangeOf(node)[0]).line;
  }

  /** Leaves `place` to the project pass (a type declared in another module), at `node` of the input. */
  handOver(node: Node, ruleId: string, place: string): void {
    const { line, column } = this.lines.position(rangeOf(node)[0]);
    this.extraOutcomes.push({ ruleId, action: 'project', line, column, message: place });
  }

  /** Says why a finding could not be rewritten; the TODO step leaves that as the comment. */
  defer(finding: RawFinding, reason: string): void {
    this.reasons.set(finding, reason);
  }

  reasonFor(finding: RawFinding): string | undefined {
    return this.reasons.get(finding);
  }

  /** The nodes still in the tree: what the rewrites so far left in place. */
  nodesInTree(): Set<unknown> {
    // Every field is walked, not only those ast-types defines: a parameter's decorators
    // (`@Headers('x-tt-signature') signature`) are not among them, and a finding there would read as
    // rewritten away. `original` is recast's link to a node a reprint replaced, no longer in the tree.
    const present = new Set<unknown>();
    const stack: unknown[] = [this.root.get().node];
    while (stack.length > 0) {
      const value = stack.pop();
      if (!value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        stack.push(...(value as unknown[]));
        continue;
      }
      if (present.has(value)) continue;
      if ('type' in value) present.add(value);
      for (const [key, field] of Object.entries(value))
        if (!SKIPPED_FIELDS.has(key) && field && typeof field === 'object') stack.push(field);
    }
    return present;
  }

  /**
   * What rewritten requests read (their URL constants, records, paths) that is still in the tree and
   * that no request left as it was reads: values nothing sends any more. With the nodes still in the
   * tree, walked once for both.
   */
  leftBehindBy(rewritten: readonly TikTokRequest[]): { readonly nodes: Node[]; readonly present: Set<unknown> } {
    const present = this.nodesInTree();
    const stillSent = new Set(this.requests.filter((request) => !rewritten.includes(request)).flatMap((request) => [...request.trace]));
    const nodes = new Set(rewritten.flatMap((request) => [...request.trace]).filter((node) => present.has(node) && !stillSent.has(node)));
    return { nodes: [...nodes], present };
  }

  /** Findings whose code a rewrite removed were rewritten away: recorded as such. */
  recordRemoved(): void {
    const present = this.nodesInTree();
    for (const finding of this.unhandled()) {
      if (finding.node && !present.has(finding.node)) this.record(finding, 'rewritten');
      else if (finding.range && !this.rangeStillPresent(finding, present)) this.record(finding, 'rewritten');
    }
  }

  private rangeStillPresent(finding: RawFinding, present: Set<unknown>): boolean {
    const [start, end] = finding.range!;
    return this.index
      .ofType('StringLiteral')
      .concat(this.index.ofType('TemplateElement'), this.index.ofType('Literal'), this.index.ofType('Identifier'))
      .some((node) => present.has(node) && rangeOf(node)[0] <= start && rangeOf(node)[1] >= end);
  }

  outcomes(): Outcome[] {
    return [...this.handled.values(), ...this.extraOutcomes].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /**
   * Removes a list item that stands on a line of its own (a `case` label, an object property, an
   * array entry, a union member) by deleting that line from the printed text: recast would reprint
   * the whole list when an item leaves it, and lose its indentation and trailing commas. `literal`
   * is the item's string literal, which carries a marker to the printed text. Items sharing a line
   * with others leave the list through the tree instead.
   */
  removeItem(item: Node, literal: Node): void {
    const [start, end] = rangeOf(item);
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = this.text.indexOf('\n', end);
    const rest = this.text.slice(lineStart, start) + this.text.slice(end, lineEnd === -1 ? undefined : lineEnd);
    // A comment after the item on its line is about the item: it goes with it.
    if (!/^\s*\|?\s*[,;]?\s*$/.test(rest.replace(/\r$/, '').replace(/\/\/.*$/, ''))) {
      this.pathOf(item).prune();
      return;
    }
    const marker = `__migrate_share_video_removed_${this.removedLines.length}__`;
    this.pathOf(literal).replace(this.j.stringLiteral(marker));
    this.removedLines.push(marker);
  }

  /**
   * Removes an entry of a list that recast would print again over several lines if it left through
   * the tree (`{ url, file }` of a log call becomes `{\n file\n}`): a marker takes its place, and
   * the printed text loses the marker and its separator.
   */
  removeEntry(path: ASTPath<any>): void {
    const marker = `__migrate_share_video_removed_${this.removedLines.length}__`;
    const name = this.j.identifier(marker);
    // An entry of its own kind (a shorthand property for a property) keeps recast to that entry.
    if (path.node.type === 'ObjectProperty') path.replace(this.j.objectProperty.from({ key: name, value: name, shorthand: true }));
    else if (path.node.type === 'Property') path.replace(this.j.property.from({ kind: 'init', key: name, value: name, shorthand: true }));
    else path.replace(name);
    this.removedLines.push(marker);
  }

  /**
   * Adds a copy of a list item that stands on a line of its own, with another name, above it: the
   * new `case` label, key, entry or union member beside the legacy one (keep-legacy-events), as a
   * copy of the line, so the list keeps its layout. False when the item shares its line.
   */
  duplicateItem(item: Node, literal: Node, value: string): boolean {
    const [start, end] = rangeOf(item);
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = this.text.indexOf('\n', end);
    const rest = this.text.slice(lineStart, start) + this.text.slice(end, lineEnd === -1 ? undefined : lineEnd);
    if (!/^\s*\|?\s*[,;]?\s*$/.test(rest.replace(/\r$/, ''))) return false;
    const marker = `__migrate_share_video_copied_${this.copiedLines.length}__`;
    const original = this.source(literal);
    this.pathOf(literal).replace(this.j.stringLiteral(marker));
    this.copiedLines.push({ marker, original, copy: `${original[0]}${value}${original[0]}` });
    return true;
  }

  /**
   * A name for a statement added below another, printed as `name` on the line right below it:
   * recast sets a new statement apart with the blank line that followed the one before it.
   */
  joinedAbove(name: string): string {
    const marker = `__migrate_share_video_joined_${this.joinedLines.length}__`;
    this.joinedLines.push({ marker, name });
    return marker;
  }

  /**
   * Text written right after a node, on its line (`, 'Content-Range': …` after the last entry of an
   * object written on one line): recast would lay the grown object out anew, over several lines.
   */
  followWith(node: Node, text: string): void {
    const marker = `__migrate_share_video_followed_${this.followedNodes.length}__`;
    this.followedNodes.push({ marker, text: `${this.source(node)}${text}` });
    this.pathOf(node).replace(this.j.identifier(marker));
  }

  /** Writes out what `followWith` marked: the node as it was, and the text after it. */
  expandFollowed(printed: string): string {
    let text = printed;
    for (const { marker, text: written } of this.followedNodes) text = text.replace(marker, () => written);
    return text;
  }

  /** Writes out what `joinedAbove` marked: its name, its line right below the one before it. */
  expandJoinedLines(printed: string): string {
    let text = printed;
    for (const { marker, name } of this.joinedLines)
      text = text.replace(
        new RegExp(`(\\n)(?:[ \\t]*\\r?\\n)*([^\\n]*)\\b${marker}\\b`),
        (_all, eol: string, before: string) => `${eol}${before}${name}`,
      );
    return text;
  }

  /** Writes out what `duplicateItem` marked: the copy's line, then the item's own. */
  expandCopiedLines(printed: string): string {
    let text = printed;
    for (const { marker, original, copy } of this.copiedLines) {
      text = text.replace(
        new RegExp(`^([^\\n]*)(['"\`])${marker}\\2([^\\n]*\\n)`, 'm'),
        (_line, before: string, _quote: string, after: string) =>
          // The copy goes above: a statement's closing `;` stays on the item's own line.
          `${before}${copy}${after.replace(/;(\s*\r?\n)$/, '$1')}${before}${original}${after}`,
      );
    }
    return text;
  }

  /**
   * Deletes what `removeItem` marked: the marker's whole line when nothing else is on it, else the
   * marked entry and its separator (recast may have joined a list onto one line).
   */
  deleteMarkedLines(printed: string): string {
    let text = printed;
    for (const marker of this.removedLines) {
      // Quoted when it took a literal's place (removeItem), bare when a whole entry's (removeEntry).
      const quoted = `(?:(['"\`])${marker}\\1|\\b${marker}\\b)`;
      // The item opens its line (a case label, a key, an entry, a `| member`): the line goes.
      const line = new RegExp(`^[ \\t]*(?:case\\s+|\\|\\s*|\\[\\s*)?${quoted}[^\\n]*\\n`, 'm');
      // The last member of a union closes the statement: its `;` moves up to the member before it.
      const last = new RegExp(`(\\S)([ \\t]*\\r?\\n)[ \\t]*\\|\\s*${quoted}\\s*;[ \\t]*\\r?\\n`);
      if (last.test(text)) text = text.replace(last, '$1;$2');
      else if (line.test(text)) text = text.replace(line, '');
      else text = text.replace(new RegExp(`\\s*\\|\\s*${quoted}|${quoted}\\s*\\|\\s*|${quoted}\\s*,\\s*|,\\s*${quoted}`), '');
    }
    return text;
  }

  /** A name not yet bound anywhere in the module. */
  freshName(base: string): string {
    const taken = new Set<string>();
    this.root.find(this.j.Identifier).forEach((path) => taken.add(path.node.name));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
  }
}

/** The findings whose node (or range) lies inside `node`. */
export function findingsWithin(context: CodemodContext, node: Node): RawFinding[] {
  const [start, end] = rangeOf(node);
  return context.findings.filter((finding) => {
    const [from, to] = finding.range ?? rangeOf(finding.node!);
    return from >= start && to <= end;
  });
}

/**
 * The findings a request site is made of, wherever they are written: the call, its query tokens
 * (maybe in a URL constant or an options object above it), the `video` field of its body.
 */
export function findingsOfRequest(context: CodemodContext, request: TikTokRequest): RawFinding[] {
  const key = (finding: RawFinding) => `${finding.ruleId}@${(finding.range ?? rangeOf(finding.node!))[0]}`;
  const own = new Set(
    [...findQueryTokens(context.index, context.folder, [request], []), ...findFormDataVideo(context.index, context.folder, [request])].map(
      key,
    ),
  );
  const within = findingsWithin(context, request.chain.at(-1) ?? request.call).filter((f) => f.ruleId !== 'no-legacy-response-field');
  return [...new Set([...within, ...context.findings.filter((finding) => own.has(key(finding)))])];
}

/**
 * Why a finding of a declined request site keeps its code: the reason itself at the call's
 * statement, and a pointer to it on the site's other statements (a URL constant, a form above).
 */
export function siteReason(context: CodemodContext, finding: RawFinding, request: TikTokRequest, reason: string, site: string): string {
  const call = statementForTodo(request.call, context.index);
  const [start, end] = rangeOf(call);
  const at = (finding.range ?? rangeOf(finding.node!))[0];
  if (at >= start && at < end) return reason;
  return `part of the TikTok ${site} ${at < start ? 'below' : 'above'}, which is left for a person: see the TODO there`;
}

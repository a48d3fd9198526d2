import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { Node } from '../detect/ast.js';
import type { ModuleIndex } from '../detect/module-index.js';
import { TODO_MARKER } from '../detect/migration-todos.js';
import { todoAnchor } from '../detect/todo-placement.js';

export { TODO_MARKER } from '../detect/migration-todos.js';

/** What a TODO needs of the codemod's context (CodemodContext has it; the project pass too). */
export interface TodoHost {
  readonly j: JSCodeshift;
  pathOf(node: Node): ASTPath<any>;
  /** The module's own walk, which reaches where jscodeshift's paths do not (a parameter's decorators). */
  readonly index?: Pick<ModuleIndex, 'ancestors'>;
}

/**
 * A TODO is a line comment: a message that quotes source spanning lines (a template literal, a call
 * split over lines) is folded onto one, or its later lines would stand bare after `//`.
 */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Source a TODO or a reason quotes: on one line, cut at `max` characters with an ellipsis. */
export function quoted(source: string, max: number): string {
  const line = oneLine(source);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * How a TODO names a call: as written when it is short and plain, else its callee and first argument
 * (`axios.get(endpoints[network], …)`), whitespace taken out of a callee written over several lines.
 * Never with a backtick inside, which would end the TODO's code span.
 */
export function callLabel(source: (node: Node) => string, call: Node): string {
  const text = oneLine(source(call));
  if (text.length <= 60 && !text.includes('`')) return text;
  const first = call.arguments[0] ? oneLine(source(call.arguments[0])) : '';
  const callee = source(call.callee).replace(/\s+/g, '');
  return `${callee}(${first.length <= 40 && !first.includes('`') ? first : '…'}${call.arguments.length > 1 ? ', …' : ''})`;
}

/**
 * Leaves `// TODO(migrate-share-video): <what to do>` above the statement that holds a node, once.
 * A statement that already carried one of these comments when the file was read gets no other:
 * a second run adds nothing, whatever the wording.
 */
export function addTodo(context: TodoHost, node: Node, message: string): void {
  const statement = enclosingStatement(context, node);
  const text = ` ${TODO_MARKER}: ${oneLine(message)}`;
  const holder = statement.node as Node;
  const comments: Node[] = holder.comments ?? (holder.comments = []);
  const existing = [...comments, ...(holder.leadingComments ?? [])];
  // Comments made in this run have no location (recast's builders leave it null).
  const fromInput = (comment: Node) => !!comment.loc && comment.value.includes(TODO_MARKER);
  const said = (comment: Node) => comment.value.trim() === text.trim() || comment.value.trim().startsWith(`${text.trim()};`);
  if (existing.some((comment: Node) => fromInput(comment) || said(comment))) return;
  // A TODO of this run that the new one completes (the same words, and what the site's query tokens need): one TODO, the longer.
  const completed = comments.find((comment: Node) => !comment.loc && text.trim().startsWith(`${comment.value.trim()};`));
  if (completed) {
    completed.value = text;
    return;
  }
  // `if (answer.data.error_code) { throw new Error(answer.data.error_code) }`: the `if` says it already.
  for (let outer = statement.parent; outer; outer = outer.parent) {
    const holding = outer.node as Node;
    const said = [...(holding.comments ?? []), ...(holding.leadingComments ?? [])].some(
      (comment: Node) => comment.value.trim() === text.trim(),
    );
    if (said) return;
  }
  // One TODO a site: what another step of this run asks about the same statement joins the TODO already there.
  const ours = comments.find((comment: Node) => !comment.loc && comment.value.includes(TODO_MARKER));
  if (ours) {
    const there = ours.value.slice(ours.value.indexOf(`${TODO_MARKER}: `) + TODO_MARKER.length + 2).trim();
    // A message that ends by quoting the TODO already there (`x is left …: <that TODO>`) says its own part only.
    const asked = oneLine(message).replace(`: ${there}`, '');
    if (!ours.value.includes(asked))
      ours.value = `${ours.value.trimEnd()}; also, ${asked.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase())}`;
    return;
  }
  comments.push({ ...context.j.commentLine(text), leading: true, trailing: false });
}

/**
 * The node's path, or its nearest holder's where jscodeshift has none: `@Headers('x-tt-signature')`
 * on a method's parameter is reached by no path, and its TODO goes above the method.
 */
function pathOrHolder(context: TodoHost, node: Node): ASTPath<any> {
  try {
    return context.pathOf(node);
  } catch (error) {
    for (const holder of context.index?.ancestors(node) ?? [])
      try {
        return context.pathOf(holder);
      } catch {
        // Not reached either: the next holder out.
      }
    throw error;
  }
}

/** Whether the statement a TODO about `node` goes above carried one when the file was read (an earlier run's). */
export function hadTodo(context: TodoHost, node: Node): boolean {
  return todosAbove(context, node).some((comment) => !!comment.loc);
}

/** Whether a TODO stands above the statement of `node` now: one of the input's, or one this run wrote. */
export function hasTodoNow(context: TodoHost, node: Node): boolean {
  return todosAbove(context, node).length > 0;
}

/** The TODO comments above the statement of `node` (those this run wrote have no location). */
function todosAbove(context: TodoHost, node: Node): Node[] {
  const holder = todoStatement(context, node);
  return [...(holder.comments ?? []), ...(holder.leadingComments ?? [])].filter((comment: Node) => comment.value.includes(TODO_MARKER));
}

/** The statement a TODO about `node` goes above: findings that share it share one TODO. */
export function todoStatement(context: TodoHost, node: Node): Node {
  return enclosingStatement(context, node).node as Node;
}

/**
 * The statement (or class member, or entry of a data record) a TODO comment belongs above, by
 * {@link todoAnchor}. An exported declaration is reached as its `export` statement, so the comment
 * lands above `export`.
 */
function enclosingStatement(context: TodoHost, node: Node): ASTPath<any> {
  const path = pathOrHolder(context, node);
  const paths: ASTPath<any>[] = [];
  for (let current: ASTPath<any> | null = path; current; current = current.parent) paths.push(current);
  const anchor = todoAnchor(paths.map((each) => each.node as Node));
  // The anchor may stand beside the chain (the first statement of an `else if` branch).
  return paths.find((each) => each.node === anchor) ?? context.pathOf(anchor);
}

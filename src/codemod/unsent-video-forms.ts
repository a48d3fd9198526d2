import { isCall, isFunction, isMember, memberName, staticString, unwrap, type Node } from '../detect/ast.js';
import type { CodemodContext } from './context.js';

/**
 * `const form = new FormData(); form.append('video', clip);` beside an upload that sent JSON and is
 * rewritten now: the Share Video upload's form, built and never sent (before the migration too).
 * Nothing reads it but its own appends, so it goes with the upload, its statements removed; what
 * filled it (`clip`, a download) stays. A form read any other way, or holding no `video`, stays.
 */
export function removeUnsentVideoForms(context: CodemodContext, rewritten: readonly Node[]): void {
  const present = context.nodesInTree();
  const scopes = new Set<Node | undefined>(rewritten.map((call) => enclosingFunction(context, call)));
  scopes.delete(undefined);
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (!present.has(declarator) || declarator.id.type !== 'Identifier' || !isNewFormData(declarator.init)) continue;
    if (!scopes.has(enclosingFunction(context, declarator))) continue;
    const declaration = context.index.parent(declarator);
    if (declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) continue;
    const binding = context.index.resolve(declarator.id);
    if (!binding || binding.assignments.length > 0) continue;
    const reads = context.index.referencesOf(binding).filter((reference) => reference !== declarator.id && present.has(reference));
    const appends = reads.map((read) => appendStatement(context, read));
    if (appends.length === 0 || appends.some((statement) => statement === undefined)) continue;
    if (!appends.some((statement) => staticString(appendCall(statement!).arguments[0]) === 'video')) continue;
    for (const statement of [declaration, ...appends]) context.pathOf(statement!).prune();
  }
}

function isNewFormData(init: Node | null | undefined): boolean {
  const value = init && unwrap(init);
  return value?.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'FormData';
}

/** `form.append(…);` as a statement of its own, whose result nothing reads. */
function appendStatement(context: CodemodContext, read: Node): Node | undefined {
  const member = context.index.parent(read);
  if (!member || !isMember(member) || member.object !== read || memberName(member) !== 'append') return undefined;
  const call = context.index.parent(member);
  const statement = call && context.index.parent(call);
  return call && isCall(call) && call.callee === member && statement?.type === 'ExpressionStatement' ? statement : undefined;
}

function appendCall(statement: Node): Node {
  return statement.expression as Node;
}

function enclosingFunction(context: CodemodContext, node: Node): Node | undefined {
  return [...context.index.ancestors(node)].find(isFunction);
}

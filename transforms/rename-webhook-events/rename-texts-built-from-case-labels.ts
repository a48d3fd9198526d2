import type { CodemodContext } from '../../src/codemod/context.js';
import { stringLike } from '../../src/codemod/replace-literal.js';
import { descendants, isCall, isStringLiteral, staticString, type Node } from '../../src/detect/ast.js';

/** What joins a label to the rest of a text built from it: `video.upload.failed:…`, `…/…`, `…#…`. */
const JOINER = /^[:/|#@]/;

/**
 * `case 'video.upload.failed': details.push(`video.upload.failed:${id}`)` where another case of the
 * same switch writes its own label the same way (`case 'authorization.removed':
 * details.push(`authorization.removed:${id}`)`): the text is built from the label of its case, by
 * the module's own convention, so it follows the label when that is renamed. Texts without such a
 * sibling keep the TODO of rename-in-other-strings.ts (they may name records stored before).
 */
export function renameTextsBuiltFromCaseLabels(context: CodemodContext, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  for (const finding of context.unhandled((f) => f.messageId === 'inText')) {
    const piece = finding.node!;
    const legacy = finding.data.legacy;
    const replacement = renamed.get(legacy);
    if (!replacement || !builtFromItsCaseLabel(context, piece, legacy, replacement)) continue;
    replaceLeadingName(context, piece, legacy, replacement);
    context.record(finding, 'rewritten', `the text built from the label '${legacy}' follows it, renamed '${replacement}'`);
  }
}

/** The text a value starts with: a string's, a template's first piece's, the left end of a `+` chain's. */
function leadingText(node: Node): string | undefined {
  if (node.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return leadingText(node.left);
  return isStringLiteral(node) ? (node.value as string) : undefined;
}

function startsWithLabel(node: Node, label: string): boolean {
  const text = leadingText(node);
  return text !== undefined && text.startsWith(label) && JOINER.test(text.slice(label.length));
}

/** The value a text is the start of: its template, or the `+` chain it opens; itself otherwise. */
function valueStartedBy(context: CodemodContext, piece: Node): Node | undefined {
  let value = piece;
  if (piece.type === 'TemplateElement') {
    value = context.index.parent(piece)!;
    if (value.quasis[0] !== piece) return undefined;
  }
  for (let parent = context.index.parent(value); parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.left === value;) {
    value = parent;
    parent = context.index.parent(value);
  }
  return value;
}

function builtFromItsCaseLabel(context: CodemodContext, piece: Node, legacy: string, replacement: string): boolean {
  const value = valueStartedBy(context, piece);
  if (!value || !startsWithLabel(value, legacy)) return false;
  const call = context.index.parent(value);
  if (!call || !isCall(call) || !(call.arguments as Node[]).includes(value)) return false;
  const own = [...context.index.ancestors(value)].find((node) => node.type === 'SwitchCase');
  const label = own?.test ? staticString(own.test) : undefined;
  // The label as read, or as this run renamed it already.
  if (!own || (label !== legacy && label !== replacement)) return false;
  const callee = context.source(call.callee);
  const cases = context.index.parent(own)!.cases as Node[];
  return cases.some((other) => {
    const otherLabel = other !== own && other.test ? staticString(other.test) : undefined;
    if (otherLabel === undefined || otherLabel === legacy || otherLabel === replacement) return false;
    return (other.consequent as Node[]).some((statement) =>
      [...descendants(statement)].some(
        (node) =>
          isCall(node) &&
          context.source(node.callee) === callee &&
          (node.arguments as Node[]).some((argument) => startsWithLabel(argument, otherLabel)),
      ),
    );
  });
}

function replaceLeadingName(context: CodemodContext, piece: Node, legacy: string, replacement: string): void {
  const swap = (value: string) => replacement + value.slice(legacy.length);
  if (piece.type === 'TemplateElement') {
    const { raw, cooked } = piece.value;
    context.pathOf(piece).replace(context.j.templateElement({ raw: swap(raw), cooked: swap(cooked ?? raw) }, piece.tail));
  } else context.pathOf(piece).replace(stringLike(context, piece, swap(piece.value as string)));
}

import { staticString, unwrap, type Node } from '../detect/ast.js';
import type { CodemodContext } from './context.js';

/** The same kind of literal, with the new text: a template stays a template, a string keeps its quotes. */
export function replaceLiteral(context: CodemodContext, literal: Node, value: string): void {
  const { j } = context;
  const node =
    literal.type === 'TemplateLiteral'
      ? j.templateLiteral([j.templateElement({ raw: value, cooked: value }, true)], [])
      : stringLike(context, literal, value);
  context.pathOf(literal).replace(node);
}

/**
 * A string literal of `value` written with the quotes of `original` (a double-quoted URL in a file of
 * single quotes stays double-quoted). recast prints a `StringLiteral` with the file's quote, but a
 * `Literal` with its `extra.raw` while that still matches the value: so an ESTree `Literal` it is.
 */
export function stringLike(context: CodemodContext, original: Node, value: string): Node {
  const quote = context.source(original)[0];
  const own = context.quote === 'double' ? '"' : "'";
  if (quote !== '"' && quote !== "'") return context.j.stringLiteral(value);
  // In the file's own quote, recast's printing is already right.
  if (quote === own) return context.j.stringLiteral(value);
  const escaped = value.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
  const node = context.j.literal(value) as Node;
  node.extra = { raw: `${quote}${escaped}${quote}`, rawValue: value };
  context.keptQuotes.add(node.extra.raw);
  return node;
}

/**
 * The string literal a request's URL is: written in the call, or the `const` it names, with how many
 * times that name is read (1 when the call is its one reader; 0 for a literal in the call).
 */
export function urlLiteralOf(context: CodemodContext, written: Node): { literal: Node; otherReads: number } | undefined {
  const value = unwrap(written);
  if (staticString(value) !== undefined) return { literal: value, otherReads: 0 };
  const binding = value.type === 'Identifier' ? context.index.resolve(value) : undefined;
  const init = binding?.kind === 'const' && binding.path.length === 0 && binding.init ? unwrap(binding.init) : undefined;
  if (!init || staticString(init) === undefined) return undefined;
  const reads = context.index.referencesOf(binding!).filter((reference) => reference !== binding!.id).length;
  return { literal: init, otherReads: reads - 1 };
}

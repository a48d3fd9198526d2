import { alwaysExits, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * A condition settled where a node is read: an `if` or `?:` test that holds in its `then` branch and
 * fails in its `else`, or one that failed because the block went on past `if (…) return/throw`; or the
 * `case` a switch took, when no case above falls into it.
 */
export type KnownTest = { readonly test: Node; readonly holds: boolean } | { readonly switchOn: Node; readonly test: Node };

/** The conditions the code around `site` settles, innermost first. */
export function* knownTests(site: Node, index: ModuleIndex): Generator<KnownTest> {
  let child = site;
  for (const ancestor of index.ancestors(site)) {
    if ((ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression') && child !== ancestor.test) {
      if (child === ancestor.consequent) yield { test: ancestor.test, holds: true };
      if (child === ancestor.alternate) yield { test: ancestor.test, holds: false };
    }
    const statements: Node[] | undefined = ancestor.type === 'BlockStatement' || ancestor.type === 'Program' ? ancestor.body : undefined;
    for (const statement of statements?.slice(0, statements.indexOf(child)).reverse() ?? []) {
      if (statement.type === 'IfStatement' && !statement.alternate && alwaysExits(statement.consequent))
        yield { test: statement.test, holds: false };
    }
    if (ancestor.type === 'SwitchCase' && ancestor.test && ancestor.consequent.includes(child)) {
      const statement = index.parent(ancestor);
      const cases: Node[] = statement?.cases ?? [];
      const previous = cases[cases.indexOf(ancestor) - 1];
      // `case 'youtube': case 'tiktok':` lets either in: the case proves nothing.
      if (statement && (!previous || previous.consequent.length > 0)) yield { switchOn: statement.discriminant, test: ancestor.test };
    }
    child = ancestor;
  }
}

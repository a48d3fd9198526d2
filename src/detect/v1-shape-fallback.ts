import { isMember, memberName, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * `body.access_token || (body.data ? body.data.access_token : null)`: code that reads both shapes, the
 * flat one first, the v1 one behind a test of `data` (a return every platform shares). The v1 side
 * stays as written: under v2 it is never reached for TikTok, and the fallback it gives another
 * platform's answer (`: 3600`) is kept. Neither rewritten nor reported. (`body.access_token || body.data.access_token`,
 * untested, is: left, it would throw on a v2 failure, where `data` is undefined.)
 */
export function isV1ShapeFallback(index: ModuleIndex, envelope: Node): boolean {
  if (!isMember(envelope)) return false;
  const holder = index.source(envelope.object);
  let child = envelope;
  for (const ancestor of index.ancestors(envelope)) {
    if (ancestor.type === 'ConditionalExpression') {
      const test = unwrap(ancestor.test);
      const outer = index.parent(ancestor);
      return (
        isMember(test) &&
        memberName(test) === 'data' &&
        index.source(test.object) === holder &&
        outer?.type === 'LogicalExpression' &&
        ['||', '??'].includes(outer.operator) &&
        outer.right === ancestor &&
        isMember(unwrap(outer.left)) &&
        memberName(unwrap(outer.left)) !== 'data' &&
        index.source(unwrap(outer.left).object) === holder
      );
    }
    if (!isMember(ancestor) || ancestor.object !== child) return false;
    child = ancestor;
  }
  return false;
}

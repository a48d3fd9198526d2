import { isStringLiteral, rangeOf, staticString, type Node } from '../detect/ast.js';
import { isLogCall } from '../detect/log-calls.js';
import type { CodemodContext } from './context.js';
import { replaceLiteral } from './replace-literal.js';

/**
 * `this.logApiActivity('getVideoInfo', '/share/video/query/', { shareId })` beside a request the run
 * rewrote: the log names the path the function no longer calls. It names the new one, as log messages
 * follow a renamed event. Only a literal that is the legacy path alone, in the request's own function.
 */
export function relabelLogPaths(context: CodemodContext, request: Node, legacyPath: string, newPath: string): void {
  const fn = context.index.functionOf(request);
  if (!fn) return;
  const [from, to] = rangeOf(fn);
  const bare = (path: string) => path.replace(/^\/+|\/+$/g, '');
  for (const call of context.index.ofType('CallExpression')) {
    if (rangeOf(call)[0] < from || rangeOf(call)[1] > to || !isLogCall(call)) continue;
    for (const argument of call.arguments as Node[]) {
      if (isStringLiteral(argument) && bare(staticString(argument) ?? '') === bare(legacyPath)) replaceLiteral(context, argument, newPath);
    }
  }
}

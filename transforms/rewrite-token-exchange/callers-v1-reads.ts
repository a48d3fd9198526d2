import type { CodemodContext } from '../../src/codemod/context.js';
import { returnedBy } from '../../src/codemod/answer-body.js';
import { isMember, memberName, unwrap } from '../../src/detect/ast.js';
import { functionName } from '../../src/detect/record-key-readers.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import { callsOf } from '../../src/detect/taint.js';

/**
 * A token request left to a person whose function returns its answer whole (`return await
 * doFetch(requestData)`), to callers in the module that read it the v1 way (`tokens.data`): named, so
 * that the person who moves the request to v2's flat answer changes them with it. Undefined when
 * there are none.
 */
export function callersV1Reads(context: CodemodContext, request: TikTokRequest): string | undefined {
  const fn = context.index.functionOf(request.call);
  if (!fn) return undefined;
  const taint = responseTaint(context.index, [request]);
  if (!returnedBy(context, fn).some((node) => taint.has(unwrap(node)))) return undefined;
  const reads: string[] = [];
  for (const call of callsOf(context.index, fn)) {
    // `const tokens = await TikTokClient.refreshTokens(…)`: the name the caller gives the answer.
    let holder = context.index.parent(call);
    if (holder?.type === 'AwaitExpression') holder = context.index.parent(holder);
    if (holder?.type !== 'VariableDeclarator' || holder.id.type !== 'Identifier') continue;
    const binding = context.index.resolve(holder.id);
    for (const reference of binding ? context.index.referencesOf(binding) : []) {
      const read = context.index.parent(reference);
      if (read && isMember(read) && read.object === reference && memberName(read) === 'data') {
        // By the function it is in: a line number would move with the TODOs the run writes.
        const fn = context.index.functionOf(read);
        const where = fn && functionName(fn, context.index);
        reads.push(`\`${context.source(read)}\`${where ? ` in \`${where}\`` : ''}`);
      }
    }
  }
  if (reads.length === 0) return undefined;
  const named = [...new Set(reads)];
  return `its answer goes back whole to the module's callers, which read it the v1 way: ${named.join(', ')} ${named.length > 1 ? 'read' : 'reads'} the tokens inside \`data\`, where v2 answers them at the top: read the answer itself there`;
}

import type { CodemodContext } from '../../src/codemod/context.js';
import { TOKEN_FIELDS, V1_TOKEN_STATUS_FIELDS } from '../../src/contract/index.js';
import { isCall, isMember, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import { functionName } from '../../src/detect/record-key-readers.js';
import { calledFunction } from '../../src/detect/taint.js';

/** What v1 put inside the answer's `data`: the tokens, and the failure's `error_code` and `description`. */
const V1_DATA_FIELDS: ReadonlySet<string> = new Set([...TOKEN_FIELDS, ...V1_TOKEN_STATUS_FIELDS]);

/**
 * A token answer handed whole to a function of the module (`throw this.handleError(error)` on a
 * failure), which reads it the v1 way: `error.data.description`, or `const info = error.data || {}`
 * then `info.error_code`. The TODO names that function and those reads, where v2's flat answer has
 * its fields at the top. Undefined when the answer goes elsewhere, or the function reads none so.
 */
export function calleeV1Reads(context: CodemodContext, handed: Node): string | undefined {
  const call = context.index.parent(handed);
  if (!call || !isCall(call)) return undefined;
  const fn = calledFunction(context.index, call);
  const param = fn?.params?.[(call.arguments as Node[]).indexOf(handed)];
  const binding = param?.type === 'Identifier' ? context.index.resolve(param) : undefined;
  if (!fn || !binding) return undefined;
  const reads = new Set<string>();
  for (const reference of context.index.referencesOf(binding)) {
    const data = context.index.parent(reference);
    if (!data || !isMember(data) || data.object !== reference || memberName(data) !== 'data') continue;
    for (const read of v1FieldReads(context, data)) reads.add(`\`${context.source(read)}\``);
  }
  const name = functionName(fn, context.index);
  if (reads.size === 0 || !name) return undefined;
  const named = [...reads];
  return `the token answer goes whole to \`${name}\`, which reads it the v1 way (${named.join(', ')}): v2 answers a token call flat, the tokens at the top and, on a failure, \`error\` (a code such as invalid_grant) and \`error_description\`, so read those there`;
}

/** `p.data.description`, or a name given `p.data` (`const info = p.data || {}`) and its `info.error_code`. */
function v1FieldReads(context: CodemodContext, data: Node): Node[] {
  const outer = context.index.parent(data);
  if (outer && isMember(outer) && outer.object === data) return V1_DATA_FIELDS.has(memberName(outer) ?? '') ? [outer] : [];
  let holder = outer;
  if (holder?.type === 'LogicalExpression' && unwrap(holder.left) === data) holder = context.index.parent(holder);
  if (holder?.type !== 'VariableDeclarator' || holder.id.type !== 'Identifier') return [];
  const named = context.index.resolve(holder.id);
  return (named ? context.index.referencesOf(named) : [])
    .map((reference) => context.index.parent(reference))
    .filter((read): read is Node => !!read && isMember(read) && V1_DATA_FIELDS.has(memberName(read) ?? ''));
}
